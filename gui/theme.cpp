#include "gui/theme.hpp"

#include "gui/platform.hpp"

#include <imgui.h>

#include <algorithm>

namespace zorgsim::gui {

float uiFontSize(int framebufferWidth, int framebufferHeight, float dpiScale, bool workshop) {
  const float fit = std::min(float(framebufferWidth) / 1280.0f, float(framebufferHeight) / 800.0f);
  const float wanted = std::max((workshop ? 22.0f : 15.0f) * fit, 14.0f * std::max(dpiScale, 1.0f));
  return Fonts::snap(wanted);
}

void applyStyle(bool workshop, float fontSize) {
  ImGuiStyle style;
  ImGui::StyleColorsLight(&style);
  const float scale = fontSize / 15.0f;
  style.WindowRounding = 0;
  style.FrameRounding = 3;
  style.GrabRounding = 3;
  style.FramePadding = {6, 4};
  style.ItemSpacing = {8, 6};
  style.ScrollbarSize = 14;
  style.GrabMinSize = 12;
  style.ScaleAllSizes(scale);
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = {0.97f, 0.97f, 0.97f, 1};
  c[ImGuiCol_ChildBg] = {0.97f, 0.97f, 0.97f, 1};
  c[ImGuiCol_Text] = {0.08f, 0.08f, 0.08f, 1};
  c[ImGuiCol_TextDisabled] = {0.36f, 0.36f, 0.36f, 1};
  c[ImGuiCol_Button] = {0.85f, 0.89f, 0.95f, 1};
  c[ImGuiCol_ButtonHovered] = {0.70f, 0.80f, 0.93f, 1};
  c[ImGuiCol_ButtonActive] = {0.55f, 0.70f, 0.90f, 1};
  c[ImGuiCol_Header] = {0.80f, 0.86f, 0.95f, 1};
  c[ImGuiCol_SliderGrab] = {0.0f, 0.45f, 0.70f, 1};
  c[ImGuiCol_SliderGrabActive] = {0.0f, 0.35f, 0.60f, 1};
  if (workshop) {
    style.FrameBorderSize = 2;
    style.WindowBorderSize = 0;
    style.GrabMinSize = 18 * scale;
    c[ImGuiCol_WindowBg] = {1, 1, 1, 1};
    c[ImGuiCol_ChildBg] = {1, 1, 1, 1};
    c[ImGuiCol_Text] = {0, 0, 0, 1};
    c[ImGuiCol_TextDisabled] = {0.2f, 0.2f, 0.2f, 1};
    c[ImGuiCol_Border] = {0, 0, 0, 1};
    c[ImGuiCol_FrameBg] = {0.93f, 0.93f, 0.93f, 1};
    c[ImGuiCol_SliderGrab] = {0.0f, 0.30f, 0.60f, 1};
  }
  ImGui::GetStyle() = style;
}

charts::ChartStyle chartStyle(bool workshop, float fontSize) {
  return workshop ? charts::ChartStyle::workshop(fontSize) : charts::ChartStyle::normal(fontSize);
}

}  // namespace zorgsim::gui
