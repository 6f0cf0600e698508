#include "gui/widgets.hpp"

#include "gui/scenario_info.hpp"
#include "gui/text_fit.hpp"

#include <algorithm>
#include <cmath>

namespace zorgsim::gui {

void yearSlider(Ui& ui, float width) {
  const int base = ui.session.baseYear(), horizon = ui.session.horizon();
  ui.state.year = std::clamp(ui.state.year, base, horizon);
  // Label, year and a slider long enough to aim at: on a new row when this one is too full.
  const ImGuiStyle& st = ImGui::GetStyle();
  const float needed = ImGui::CalcTextSize(ui.t("top.year")).x + ImGui::CalcTextSize("2040").x +
                       st.ItemSpacing.x * 2 + ui.fontSize * 8;
  if (ImGui::GetContentRegionAvail().x < needed) ImGui::NewLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(ui.t("top.year"));
  ImGui::SameLine();
  // The year beside the slider, not inside it, where the grab would cover it.
  ImGui::PushFont(ui.font(ui.fontSize, true));
  ImGui::TextUnformatted(std::to_string(ui.state.year).c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::SetNextItemWidth(
      std::min(width, ImGui::GetContentRegionAvail().x));  // never past the edge
  const float room = ImGui::GetContentRegionAvail().x;
  ImGui::SliderInt("##year", &ui.state.year, base, horizon, "", ImGuiSliderFlags_AlwaysClamp);
  if (room < ui.fontSize * 4) checkTextFits("year slider", room);  // too short to use
  checkItemInside("year slider");
}

bool labelledCombo(const char* label, const char* id, std::string& value,
                   const std::vector<std::pair<std::string, std::string>>& items, float width) {
  bool changed = false;
  std::string preview = value;
  for (const auto& [v, l] : items) {
    if (v == value) preview = l;
  }
  // The combo must show its value: wider than asked when needed, and on a new row when the
  // rest of this one is too short.
  const ImGuiStyle& st = ImGui::GetStyle();
  const float previewW =
      ImGui::CalcTextSize(preview.c_str()).x + ImGui::GetFrameHeight() + st.FramePadding.x * 2 + 1;
  const float wanted = std::max(width, previewW);
  if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(label).x + st.ItemSpacing.x + wanted)
    ImGui::NewLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine();
  const float comboW = std::min(wanted, ImGui::GetContentRegionAvail().x);
  ImGui::SetNextItemWidth(comboW);
  checkTextFits(preview, comboW - ImGui::GetFrameHeight() - ImGui::GetStyle().FramePadding.x * 2);
  if (ImGui::BeginCombo(id, preview.c_str())) {
    for (const auto& [v, l] : items) {
      if (ImGui::Selectable(l.c_str(), v == value)) {
        changed = v != value;
        value = v;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

void sectionTitle(Ui& ui, const char* text) {
  ImGui::PushFont(ui.font(ui.fontSize, true));
  checkWordsFit(text, ImGui::GetContentRegionAvail().x);
  ImGui::TextWrapped("%s", text);
  ImGui::PopFont();
}

std::string fitToWidth(const std::string& text, float width) {
  if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
  std::string cut = text;
  while (!cut.empty()) {
    do cut.pop_back();  // whole UTF-8 characters: drop continuation bytes with their lead
    while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80);
    if (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0x80)) cut.pop_back();
    if (ImGui::CalcTextSize((cut + "\u2026").c_str()).x <= width) return cut + "\u2026";
  }
  return {};
}

void wrappedTooltip(const std::string& text) {
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

std::vector<std::string> wrapWords(const std::string& text, float width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    const std::string tryLine = line.empty() ? word : line + " " + word;
    if (!line.empty() && ImGui::CalcTextSize(tryLine.c_str()).x > width) {
      lines.push_back(line);
      line = word;
    } else {
      line = tryLine;
    }
    start = end + 1;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

void textWrappedAtSpaces(const std::string& text) {
  const float width = ImGui::GetContentRegionAvail().x;
  checkWordsFit(text, width);
  for (const std::string& l : wrapWords(text, width)) ImGui::TextUnformatted(l.c_str());
}

void mutedWrapped(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

std::string percentChange(const Ui& ui, double value, double base) {
  if (!(base > 0) || !std::isfinite(value)) return "-";
  const double pct = 100.0 * (value / base - 1.0);
  return (pct >= 0.05 ? "+" : "") + ui.number(pct, 1) + " %";
}

void drawFigureTable(Ui& ui, const char* id, const std::vector<FigureCell>& cells,
                     const std::string& valueRow, const std::string& noteRow) {
  const int n = static_cast<int>(cells.size());
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame;
  if (n == 0 || !ImGui::BeginTable(id, n + 1, flags)) return;
  const float lead =
      std::max(ImGui::CalcTextSize(noteRow.c_str()).x, ImGui::CalcTextSize(valueRow.c_str()).x);
  ImGui::TableSetupColumn("##rows", ImGuiTableColumnFlags_WidthFixed, lead);
  ImGui::TableNextColumn();
  for (const auto& f : cells) {
    ImGui::TableNextColumn();
    const std::string label = f.unit.empty() ? f.label : f.label + " (" + f.unit + ")";
    checkWordsFit(label, ImGui::GetContentRegionAvail().x);
    mutedWrapped(label.c_str());
  }
  ImGui::TableNextColumn();
  ImGui::PushFont(ui.font(ui.fontSize, true));
  ImGui::TextUnformatted(valueRow.c_str());
  for (const auto& f : cells) {
    ImGui::TableNextColumn();
    checkTextFits(f.value, ImGui::GetContentRegionAvail().x);
    ImGui::TextUnformatted(f.value.c_str());
  }
  ImGui::PopFont();
  bool notes = false;
  for (const auto& f : cells) notes = notes || !f.note.empty();
  if (notes) {
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", noteRow.c_str());
    for (const auto& f : cells) {
      ImGui::TableNextColumn();
      if (!f.note.empty()) ImGui::TextDisabled("%s", f.note.c_str());
    }
  }
  ImGui::EndTable();
}

void drawFigureCards(Ui& ui, const std::vector<FigureCell>& cells, const std::string& noteSuffix) {
  const int n = static_cast<int>(cells.size());
  if (n == 0) return;
  const float gap = ui.fontSize * 0.5f;
  const float width =
      std::floor((ImGui::GetContentRegionAvail().x - gap * float(n - 1)) / float(n));
  const float big = ui.fontSize * 1.6f;
  const float pad = ui.fontSize * 0.4f;
  const float small = ui.fontSize * 0.8f;
  // Labels keep whole words: a word wider than the card ("Terugverdienjaar" on a projector
  // at 1024x768) makes every label a size smaller, never breaks it.
  float labelSize = ui.fontSize;
  for (const auto& f : cells) {
    for (const std::string& word : wrapWords(f.label, 0)) {
      const float w = ui.font(ui.fontSize)->CalcTextSizeA(ui.fontSize, FLT_MAX, 0, word.c_str()).x;
      if (w > width - 2 * pad) labelSize = std::min(labelSize, ui.fontSize * (width - 2 * pad) / w);
    }
  }
  labelSize = std::max(Fonts::kSizes[0], std::floor(labelSize));
  ImFont* labelFont = ui.font(labelSize);
  ImFont* smallFont = ui.font(small);
  auto textHeight = [&](ImFont* font, float size, const std::string& text) {
    return font->CalcTextSizeA(size, FLT_MAX, width - 2 * pad, text.c_str()).y;
  };
  auto noteOf = [&](const FigureCell& f) {
    return noteSuffix.empty() ? f.note : f.note + " " + noteSuffix;
  };
  float labelH = 0, noteH = 0;
  for (const auto& f : cells) {
    checkWordsFit(f.label, width - 2 * pad, labelFont, labelSize);
    labelH = std::max(labelH, textHeight(labelFont, labelSize, f.label));
    if (!f.note.empty()) noteH = std::max(noteH, textHeight(smallFont, small, noteOf(f)));
  }
  const float height = pad * 2 + labelH + big * 1.1f + noteH;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  for (int i = 0; i < n; ++i) {
    FigureCell f = cells[static_cast<std::size_t>(i)];
    if (!f.unit.empty()) f.value += " " + f.unit;
    const ImVec2 p{origin.x + float(i) * (width + gap), origin.y};
    dl->AddRectFilled(p, {p.x + width, p.y + height}, IM_COL32(245, 245, 245, 255), 6.0f);
    dl->AddRect(p, {p.x + width, p.y + height}, IM_COL32(0, 0, 0, 255), 6.0f, 0, 2.0f);
    dl->PushClipRect(p, {p.x + width, p.y + height}, true);
    dl->AddText(labelFont, labelSize, {p.x + pad, p.y + pad}, IM_COL32(0, 0, 0, 255),
                f.label.c_str(), nullptr, width - 2 * pad);
    // A long value ("60,3 mln euro") gets a smaller size rather than being cut off.
    float size = big;
    const float valueW = ui.font(big, true)->CalcTextSizeA(big, FLT_MAX, 0.0f, f.value.c_str()).x;
    if (valueW > width - 2 * pad)
      size = std::max(ui.fontSize, std::floor(big * (width - 2 * pad) / valueW));
    if (valueW * size / big > width - 2 * pad + 0.5f)
      frameOverflows().push_back({f.value, p.x, p.y, valueW * size / big - (width - 2 * pad)});
    dl->AddText(ui.font(size, true), size, {p.x + pad, p.y + pad + labelH + (big - size) * 0.5f},
                IM_COL32(0, 0, 0, 255), f.value.c_str());
    if (!f.note.empty()) {
      const std::string note = noteOf(f);
      dl->AddText(smallFont, small, {p.x + pad, p.y + pad + labelH + big * 1.1f},
                  IM_COL32(0, 0, 0, 255), note.c_str(), nullptr, width - 2 * pad);
    }
    dl->PopClipRect();
  }
  ImGui::Dummy({ImGui::GetContentRegionAvail().x, height});
}

int areaIndex(const ScenarioRun& run, const std::string& code) {
  for (std::size_t i = 0; i < run.areas.size(); ++i) {
    if (run.areas[i].code == code) return static_cast<int>(i);
  }
  return -1;
}

const AgeSexTable* areaPopulation(const ScenarioRun& run, const std::string& code, int year) {
  const int a = areaIndex(run, code);
  if (a < 0 || static_cast<std::size_t>(a) >= run.areaProjections.size()) return nullptr;
  const auto& pop = run.areaProjections[static_cast<std::size_t>(a)].population;
  const int y = year - run.plan.baseYear;
  if (y < 0 || static_cast<std::size_t>(y) >= pop.size()) return nullptr;
  return &pop[static_cast<std::size_t>(y)];
}

std::string currentScenarioLabel(const Ui& ui) {
  std::string label = scenarioTitle(ui.session.scenario());
  if (ui.session.modified()) label += std::string(" (") + ui.t("top.modified") + ")";
  return label;
}

}  // namespace zorgsim::gui

#include "charts/palette.hpp"

namespace zorgsim::gui {

std::vector<ScenarioLine> scenarioLines(const Ui& ui, bool withReference, bool withComparisons) {
  std::vector<ScenarioLine> lines;
  lines.push_back({currentScenarioLabel(ui), ui.session.focusRun(), charts::seriesColor(0),
                   charts::LineStyle::Solid, 1.4f});
  if (withReference) {
    lines.push_back({scenarioTitle(ui.session.reference()) + " (" + ui.t("pyr.reference") + ")",
                     ui.session.referenceRun(), charts::kOutlineColor, charts::LineStyle::Dashed,
                     0.9f});
  }
  if (withComparisons) {
    std::size_t i = 1;
    for (const auto& c : ui.session.comparisons()) {
      lines.push_back({scenarioTitle(c.scenario), c.run.get(), charts::seriesColor(i++),
                       charts::LineStyle::Dashed, 1.0f});
    }
  }
  return lines;
}

std::vector<charts::SeriesSpec> scenarioSeries(const Ui& ui, const std::vector<ScenarioLine>& lines,
                                               std::string_view indicator, std::string_view sex,
                                               std::string_view ageGroup, std::string_view careType,
                                               double scale) {
  std::vector<charts::SeriesSpec> out;
  const std::string code = ui.session.focusCode();
  for (const auto& l : lines) {
    if (!l.run) continue;
    auto values = charts::resultSeries(l.run->results, code, ui.session.baseYear(),
                                       ui.session.horizon(), indicator, sex, ageGroup, careType);
    for (double& v : values) v *= scale;
    out.push_back({l.name, std::move(values), l.color, l.style, charts::SeriesKind::Line, l.width});
  }
  return out;
}

void rightAlignedHeadersRow() {
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (int c = 0; c < ImGui::TableGetColumnCount(); ++c) {
    ImGui::TableSetColumnIndex(c);
    const char* name = ImGui::TableGetColumnName(c);
    if (c > 0) {
      const float w = ImGui::CalcTextSize(name, nullptr, true).x;
      ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                           std::max(0.0f, ImGui::GetContentRegionAvail().x - w));
    }
    checkTextFits(name, ImGui::GetContentRegionAvail().x);
    ImGui::TableHeader(name);
  }
}

std::size_t comparisonBaseIndex(const Ui& ui, std::size_t count) {
  const int chosen = ui.state.compareBase;
  if (chosen >= 0 && static_cast<std::size_t>(chosen) < count) return std::size_t(chosen);
  const auto& comps = ui.session.comparisons();
  for (std::size_t i = 0; i < comps.size(); ++i) {
    if (comps[i].scenario.name == "baseline") return i + 1;
  }
  return 0;
}

}  // namespace zorgsim::gui
