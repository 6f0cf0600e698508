// Key figures of the selected area in the selected year, with the change since the base
// year: a compact table in the normal layout, large cards in workshop mode.

#include "gui/indicators.hpp"
#include "gui/views.hpp"
#include "gui/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace zorgsim::gui {

namespace {

struct Shown {
  std::string label, value, change;
};

std::vector<Shown> figuresToShow(const Ui& ui, bool workshop) {
  std::vector<Shown> out;
  const ScenarioRun* run = ui.session.focusRun();
  if (!run) return out;
  const std::string code = ui.session.focusCode();
  const int year = ui.state.year, base = ui.session.baseYear();
  for (const Figure& f : keyFigures()) {
    if (f.needsCare && ui.session.care().empty()) continue;
    // Workshop cards: the five figures that carry the story.
    if (workshop && std::string_view(f.key) == "care_cost_meuro") continue;
    if (workshop && std::string_view(f.key) == "grey_pressure") continue;
    const double v = f.value(run->results, code, year, base);
    Shown s;
    s.label = ui.t(f.labelKey);
    s.value = ui.number(v, f.decimals);
    if (*f.unitKey) s.value += std::string(" ") + ui.t(f.unitKey);
    if (f.showChange) s.change = percentChange(ui, v, f.value(run->results, code, base, base));
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

void drawKeyFigures(Ui& ui) {
  const auto figures = figuresToShow(ui, ui.state.workshop);
  if (figures.empty()) {
    ImGui::TextDisabled("%s", ui.t("status.no_runs"));
    return;
  }
  const std::string vs = std::string(ui.t("kf.vs_base")) + " " + std::to_string(ui.session.baseYear());
  const int n = static_cast<int>(figures.size());
  if (!ui.state.workshop) {
    // A leading column names the rows: the selected year, and the change since the base year.
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame;
    if (ImGui::BeginTable("keyfigures", n + 1, flags)) {
      ImGui::TableSetupColumn("##rows", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize(vs.c_str()).x);
      ImGui::TableNextColumn();
      for (const auto& f : figures) {
        ImGui::TableNextColumn();
        mutedWrapped(f.label.c_str());
      }
      ImGui::TableNextColumn();
      ImGui::PushFont(ui.font(ui.fontSize, true));
      ImGui::Text("%d", ui.state.year);
      for (const auto& f : figures) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(f.value.c_str());
      }
      ImGui::PopFont();
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", vs.c_str());
      for (const auto& f : figures) {
        ImGui::TableNextColumn();
        if (!f.change.empty()) ImGui::TextDisabled("%s", f.change.c_str());
      }
      ImGui::EndTable();
    }
    return;
  }
  // Workshop cards: big numbers, black on white, one row; labels wrap inside the card.
  const float gap = ui.fontSize * 0.5f;
  const float width = std::floor((ImGui::GetContentRegionAvail().x - gap * float(n - 1)) / float(n));
  const float big = ui.fontSize * 1.6f;
  const float pad = ui.fontSize * 0.4f;
  const float small = ui.fontSize * 0.8f;
  ImFont* labelFont = ui.font(ui.fontSize);
  ImFont* smallFont = ui.font(small);
  auto textHeight = [&](ImFont* font, float size, const std::string& text) {
    return font->CalcTextSizeA(size, FLT_MAX, width - 2 * pad, text.c_str()).y;
  };
  float labelH = 0, changeH = 0;
  for (const auto& f : figures) {
    labelH = std::max(labelH, textHeight(labelFont, ui.fontSize, f.label));
    if (!f.change.empty()) changeH = std::max(changeH, textHeight(smallFont, small, f.change + " " + vs));
  }
  const float height = pad * 2 + labelH + big * 1.1f + changeH;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  for (int i = 0; i < n; ++i) {
    const auto& f = figures[static_cast<std::size_t>(i)];
    const ImVec2 p{origin.x + float(i) * (width + gap), origin.y};
    dl->AddRectFilled(p, {p.x + width, p.y + height}, IM_COL32(245, 245, 245, 255), 6.0f);
    dl->AddRect(p, {p.x + width, p.y + height}, IM_COL32(0, 0, 0, 255), 6.0f, 0, 2.0f);
    const std::string& label = f.label;  // the year is in the workshop title
    dl->PushClipRect(p, {p.x + width, p.y + height}, true);
    dl->AddText(labelFont, ui.fontSize, {p.x + pad, p.y + pad}, IM_COL32(0, 0, 0, 255), label.c_str(), nullptr,
                width - 2 * pad);
    dl->AddText(ui.font(big, true), big, {p.x + pad, p.y + pad + labelH}, IM_COL32(0, 0, 0, 255), f.value.c_str());
    if (!f.change.empty()) {
      const std::string change = f.change + " " + vs;
      dl->AddText(smallFont, small, {p.x + pad, p.y + pad + labelH + big * 1.1f}, IM_COL32(0, 0, 0, 255), change.c_str(),
                  nullptr, width - 2 * pad);
    }
    dl->PopClipRect();
  }
  ImGui::Dummy({ImGui::GetContentRegionAvail().x, height});
}

}  // namespace zorgsim::gui
