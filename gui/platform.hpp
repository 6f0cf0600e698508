#pragma once
// The thin platform layer: a GLFW window with an OpenGL 3.3 core context, Dear ImGui with
// its GLFW and OpenGL3 backends, the DejaVu fonts, input injection for scripted runs, and
// reading back the rendered frame (screenshots, chart export).

#include <imgui.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

struct GLFWwindow;

namespace zorgsim::gui {

// DejaVu Sans in a few pixel sizes (regular and bold); pick() returns the nearest.
struct Fonts {
  static constexpr int kCount = 12;
  static constexpr float kSizes[kCount] = {14, 16, 18, 20, 22, 25, 28, 32, 36, 40, 46, 54};
  static float snap(float size);  // the nearest baked size
  ImFont* regular[kCount] = {};
  ImFont* bold[kCount] = {};
  ImFont* pick(float size, bool isBold) const;
};

// Mouse state to impose on ImGui for one frame (scripted runs); window pixel coordinates.
struct InjectedInput {
  float x = -1, y = -1;
  bool down = false;
  int key = -1;  // a GLFW key code held down for this frame (-1: none)
};

class Platform {
 public:
  // Throws std::runtime_error when no window or GL context can be made, or no font found.
  Platform(int width, int height, const std::string& title);
  ~Platform();
  Platform(const Platform&) = delete;
  Platform& operator=(const Platform&) = delete;

  bool shouldClose() const;
  // Interactive use: when nothing happens, sleep until an input event (or the timeout) instead
  // of redrawing at full speed. Call before beginFrame; a few frames follow every event so
  // that ImGui settles.
  void idleUntilEvent(double timeoutSeconds);
  std::uint64_t eventCount() const { return events_; }
  // Polls events and starts an ImGui frame; `input` overrides the mouse after the backend
  // has read it; `fixedDelta` makes animation time deterministic (scripted runs).
  void beginFrame(const std::optional<InjectedInput>& input, std::optional<float> fixedDelta);
  void render();  // ImGui::Render and draw; call capture() after this, before swap()
  void swap();
  void setSize(int width, int height);
  int width() const;  // framebuffer pixels
  int height() const;
  float contentScale() const;  // the monitor's DPI scale (1 at 96 dpi)

  // RGB pixels of a rectangle of the last rendered frame (top row first).
  std::vector<std::uint8_t> capture(int x, int y, int w, int h) const;
  // Writes a PNG of a rectangle (whole frame when w or h is 0). Throws OutputError.
  void savePng(const std::filesystem::path& file, int x = 0, int y = 0, int w = 0, int h = 0) const;

  const Fonts& fonts() const { return fonts_; }

 private:
  GLFWwindow* window_ = nullptr;
  Fonts fonts_;
  int injectedKey_ = -1;  // released on the next frame
  std::uint64_t events_ = 0;
  std::uint64_t eventsSeen_ = 0;
  int settleFrames_ = 0;
};

}  // namespace zorgsim::gui
