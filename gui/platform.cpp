#include "gui/platform.hpp"

#include "sim/atomic_output.hpp"
#include "sim/platform.hpp"

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <GL/gl.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace zorgsim::gui {

namespace {

// DejaVu Sans: Debian's fonts-dejavu-core; on Windows the zip's fonts\ next to the program.
std::string fontDir() {
#ifdef _WIN32
  return (zorgsim::platform::executableDir() / "fonts").string() + "/";
#else
  return "/usr/share/fonts/truetype/dejavu/";
#endif
}

// Latin with diacritics, punctuation (en dash, ellipsis), arrows, >=, the euro sign and
// geometric shapes (status markers).
const ImWchar kGlyphRanges[] = {0x0020, 0x017F, 0x2010, 0x2044, 0x20AC, 0x20AC, 0x2190,
                                0x21BB, 0x2212, 0x2265, 0x25A0, 0x25CF, 0};

void glfwError(int code, const char* description) {
  (void)code;
  (void)description;  // reported by the exception when window creation fails
}

// Counts input events for idleUntilEvent(). Installed before the ImGui backend, which chains
// to them; the cursor-position callback is not used by the 1.86 backend, so it is set after.
std::uint64_t* eventCounter(GLFWwindow* w) {
  return static_cast<std::uint64_t*>(glfwGetWindowUserPointer(w));
}
void countEvent(GLFWwindow* w) { ++*eventCounter(w); }

}  // namespace

float Fonts::snap(float size) {
  float best = kSizes[0];
  for (float s : kSizes) {
    if (std::abs(s - size) < std::abs(best - size)) best = s;
  }
  return best;
}

ImFont* Fonts::pick(float size, bool isBold) const {
  int best = 0;
  for (int i = 1; i < kCount; ++i) {
    if (std::abs(kSizes[i] - size) < std::abs(kSizes[best] - size)) best = i;
  }
  return isBold ? bold[best] : regular[best];
}

Platform::Platform(int width, int height, const std::string& title) {
  glfwSetErrorCallback(glfwError);
  if (!glfwInit())
    throw std::runtime_error("cannot initialise GLFW (no display? run under xvfb-run)");
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_FALSE);
  window_ = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
  if (!window_) {
    glfwTerminate();
    throw std::runtime_error("cannot create a window with an OpenGL 3.3 context");
  }
  glfwMakeContextCurrent(window_);
  glfwSwapInterval(1);
  glfwSetWindowUserPointer(window_, &events_);
  glfwSetMouseButtonCallback(window_, [](GLFWwindow* w, int, int, int) { countEvent(w); });
  glfwSetScrollCallback(window_, [](GLFWwindow* w, double, double) { countEvent(w); });
  glfwSetKeyCallback(window_, [](GLFWwindow* w, int, int, int, int) { countEvent(w); });
  glfwSetCharCallback(window_, [](GLFWwindow* w, unsigned int) { countEvent(w); });
  glfwSetWindowFocusCallback(window_, [](GLFWwindow* w, int) { countEvent(w); });
  glfwSetCursorEnterCallback(window_, [](GLFWwindow* w, int) { countEvent(w); });
  glfwSetFramebufferSizeCallback(window_, [](GLFWwindow* w, int, int) { countEvent(w); });

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini in the user's folder
  io.LogFilename = nullptr;
  ImFontConfig config;
  config.OversampleH = 2;
  config.PixelSnapH = true;
  const std::string regularFile = fontDir() + "DejaVuSans.ttf";
  const std::string boldFile = fontDir() + "DejaVuSans-Bold.ttf";
  for (int i = 0; i < Fonts::kCount; ++i) {
    // Large type needs no horizontal oversampling; it keeps the atlas small.
    config.OversampleH = Fonts::kSizes[i] >= 28 ? 1 : 2;
    fonts_.regular[i] =
        io.Fonts->AddFontFromFileTTF(regularFile.c_str(), Fonts::kSizes[i], &config, kGlyphRanges);
    fonts_.bold[i] =
        io.Fonts->AddFontFromFileTTF(boldFile.c_str(), Fonts::kSizes[i], &config, kGlyphRanges);
    if (!fonts_.regular[i] || !fonts_.bold[i]) {
      throw std::runtime_error("DejaVu fonts not found in " + fontDir() +
                               " (install fonts-dejavu-core)");
    }
  }
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  glfwSetCursorPosCallback(window_, [](GLFWwindow* w, double, double) { countEvent(w); });
}

Platform::~Platform() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window_);
  glfwTerminate();
}

bool Platform::shouldClose() const { return glfwWindowShouldClose(window_) != 0; }

void Platform::idleUntilEvent(double timeoutSeconds) {
  if (events_ != eventsSeen_) {
    eventsSeen_ = events_;
    settleFrames_ = 3;
    return;
  }
  if (settleFrames_ > 0) {
    --settleFrames_;
    return;
  }
  glfwWaitEventsTimeout(timeoutSeconds);
  eventsSeen_ = events_;
  settleFrames_ = 3;
}

void Platform::beginFrame(const std::optional<InjectedInput>& input,
                          std::optional<float> fixedDelta) {
  glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  if (input) {
    // ImGui 1.86 reads io.MousePos / io.MouseDown[]: set them after the backend did.
    io.MousePos = input->x < 0 ? ImVec2(-FLT_MAX, -FLT_MAX) : ImVec2(input->x, input->y);
    io.MouseDown[0] = input->down;
    for (int b = 1; b < 5; ++b) io.MouseDown[b] = false;
  }
  if (injectedKey_ >= 0) io.KeysDown[injectedKey_] = false;
  injectedKey_ =
      input && input->key >= 0 && input->key < static_cast<int>(IM_ARRAYSIZE(io.KeysDown))
          ? input->key
          : -1;
  if (injectedKey_ >= 0) io.KeysDown[injectedKey_] = true;
  if (fixedDelta) io.DeltaTime = *fixedDelta;
  ImGui::NewFrame();
}

void Platform::render() {
  ImGui::Render();
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(1.0f, 1.0f, 1.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Platform::swap() { glfwSwapBuffers(window_); }

void Platform::setSize(int width, int height) { glfwSetWindowSize(window_, width, height); }

int Platform::width() const {
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  return w;
}

float Platform::contentScale() const {
  float x = 1, y = 1;
  glfwGetWindowContentScale(window_, &x, &y);
  return std::max(x, y);
}

int Platform::height() const {
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  return h;
}

std::vector<std::uint8_t> Platform::capture(int x, int y, int w, int h) const {
  const int fh = height();
  std::vector<std::uint8_t> flipped(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(x, fh - y - h, w, h, GL_RGB, GL_UNSIGNED_BYTE, flipped.data());
  // OpenGL rows run bottom-up; images top-down.
  std::vector<std::uint8_t> out(flipped.size());
  const std::size_t row = static_cast<std::size_t>(w) * 3;
  for (int r = 0; r < h; ++r) {
    std::copy_n(
        flipped.begin() + static_cast<std::ptrdiff_t>(row * static_cast<std::size_t>(h - 1 - r)),
        row, out.begin() + static_cast<std::ptrdiff_t>(row * static_cast<std::size_t>(r)));
  }
  return out;
}

void Platform::savePng(const std::filesystem::path& file, int x, int y, int w, int h) const {
  if (w <= 0 || h <= 0) {
    x = y = 0;
    w = width();
    h = height();
  }
  x = std::clamp(x, 0, std::max(0, width() - 1));
  y = std::clamp(y, 0, std::max(0, height() - 1));
  w = std::min(w, width() - x);
  h = std::min(h, height() - y);
  const auto pixels = capture(x, y, w, h);
  std::string bytes;
  auto append = [](void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data),
                                               static_cast<std::size_t>(size));
  };
  if (!stbi_write_png_to_func(append, &bytes, w, h, 3, pixels.data(), w * 3)) {
    throw OutputError(file.string() + ": cannot encode PNG");
  }
  writeFileAtomically(file, bytes);
}

}  // namespace zorgsim::gui
