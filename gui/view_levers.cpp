// The levers panel: every scenario lever from the parameter dictionary
// (models/scenario/levers.hpp), grouped Demografie / Zorggebruik / Preventie / Arbeidsmarkt, with a
// tooltip giving meaning, unit, range, default and source. In workshop mode only the main levers.

#include "gui/views.hpp"
#include "models/data/national_assumptions.hpp"
#include "gui/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace zorgsim::gui {

namespace {

constexpr Lever kMainLevers[] = {Lever::FertilityMultiplier,  Lever::LifeExpectancyGain,
                                 Lever::InternalInMultiplier, Lever::ProductivityMultiplier,
                                 Lever::InflowMultiplier,     Lever::AttritionMultiplier};

bool isMain(Lever l) {
  return std::find(std::begin(kMainLevers), std::end(kMainLevers), l) != std::end(kMainLevers);
}

std::string rangeText(const Ui& ui, double lo, double hi, int decimals) {
  return ui.number(lo, decimals) + " \u2013 " + ui.number(hi, decimals);
}

int decimalsOf(const LeverSpec& s) { return s.integer ? 0 : (s.max - s.min > 20 ? 1 : 2); }

// The lever dictionary (models/scenario/levers.cpp) gives units in English; the few there are get
// their Dutch names here. Meanings and sources come in both languages.
std::string unitText(const Ui& ui, std::string_view unit) {
  static constexpr std::pair<std::string_view, std::string_view> kDutch[] = {
      {"year", "jaar"},
      {"years", "jaar"},
      {"factor", "factor"},
      {"relative risk", "relatief risico"},
      {"persons per dwelling", "personen per woning"},
      {"% per year", "% per jaar"},
      {"dwellings per year", "woningen per jaar"},
  };
  if (ui.state.lang == Lang::Nl) {
    for (const auto& [en, nl] : kDutch) {
      if (unit == en) return std::string(nl);
    }
  }
  return std::string(unit);
}

// The Dutch labels are plain words in the shared lever dictionary (models/scenario/levers.cpp),
// so the levers, the tornado view and sensitivity.html name a lever alike.
template <typename Spec>
std::string leverLabel(const Ui& ui, const Spec& s) {
  return std::string(ui.state.lang == Lang::Nl ? s.labelNl : s.labelEn);
}

template <typename Spec>
std::string leverHelp(const Ui& ui, const Spec& s, double defaultValue, int decimals) {
  std::string text = leverLabel(ui, s) + "\n\n";
  text += std::string(ui.t("levers.meaning")) + ": " +
          std::string(ui.state.lang == Lang::Nl ? s.meaningNl : s.meaning);
  text += "\n" + std::string(ui.t("levers.unit")) + ": " + unitText(ui, s.unit);
  text += "\n" + std::string(ui.t("levers.range")) + ": " + rangeText(ui, s.min, s.max, decimals);
  text += "\n" + std::string(ui.t("levers.default")) + ": " + ui.number(defaultValue, decimals);
  text += "\n" + std::string(ui.t("levers.source")) + ": " +
          std::string(ui.state.lang == Lang::Nl ? s.sourceNl : s.source);
  return text;
}

// Label line: the label (wrapped), and right-aligned the reset button (when the value
// differs from the loaded scenario) and the value in the language's number format. Then a
// full-width slider without text: a value drawn inside the slider sits under its grab.
// Returns the new value when it was moved.
std::optional<double> leverRow(Ui& ui, const char* id, const std::string& label,
                               const std::string& help, double value, double loadedValue, double lo,
                               double hi, int decimals) {
  std::optional<double> moved;
  ImGui::PushID(id);
  const ImGuiStyle& st = ImGui::GetStyle();
  // Years are written without a thousands separator ("2050", not "2.050").
  const bool year =
      decimals == 0 && value >= 1000 && value < 10000 && std::string_view(id) == "horizon";
  const std::string shown =
      year ? std::to_string(static_cast<int>(std::lround(value))) : ui.number(value, decimals);
  const float valueW = ImGui::CalcTextSize(shown.c_str()).x;
  const float resetW = value != loadedValue ? ImGui::CalcTextSize("\u21BA").x +
                                                  st.FramePadding.x * 2 + st.ItemSpacing.x
                                            : 0.0f;
  const float left = ImGui::GetCursorPosX();
  const float right = left + ImGui::GetContentRegionAvail().x;
  ImGui::PushTextWrapPos(
      std::max(left + ui.fontSize * 4, right - valueW - resetW - st.ItemSpacing.x));
  ImGui::AlignTextToFramePadding();
  ImGui::TextWrapped("%s", label.c_str());
  ImGui::PopTextWrapPos();
  if (ImGui::IsItemHovered()) wrappedTooltip(help);
  if (value != loadedValue) {
    ImGui::SameLine(right - valueW - resetW);
    if (ImGui::SmallButton("\u21BA")) moved = loadedValue;
    if (ImGui::IsItemHovered())
      wrappedTooltip(std::string(ui.t("levers.reset")) + ": " + ui.number(loadedValue, decimals));
  }
  ImGui::SameLine(right - valueW);
  ImGui::PushFont(ui.font(ui.fontSize, true));
  ImGui::TextUnformatted(shown.c_str());
  ImGui::PopFont();
  if (ImGui::IsItemHovered()) wrappedTooltip(help);
  double v = value;
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::SliderScalar("##v", ImGuiDataType_Double, &v, &lo, &hi, "",
                          ImGuiSliderFlags_AlwaysClamp)) {
    // The slider shows no text, so ImGui does not round to a format: round to the shown decimals.
    const double scale = std::pow(10.0, decimals);
    moved = std::clamp(std::round(v * scale) / scale, lo, hi);
  }
  if (ImGui::IsItemHovered() && !ImGui::IsItemActive()) wrappedTooltip(help);
  ImGui::PopID();
  return moved;
}

std::string interventionHelp(const Ui& ui, const Intervention& i) {
  const bool nl = ui.state.lang == Lang::Nl;
  std::string text = (nl ? i.nameNl : i.nameEn) + "\n\n";
  text += std::string(ui.t("levers.tier")) + ": " + i.tier + "\n";
  text += std::string(ui.t("levers.target")) + ": " + i.targetState + ", " +
          std::to_string(i.ageMin) + "-" + std::to_string(i.ageMax) + " " + ui.t("unit.age_years") +
          "\n";
  text += std::string(ui.t("levers.reach")) + ": " + ui.number(100.0 * i.reach, 0) + " %\n";
  text += std::string(ui.t("levers.cost_per_participant")) + ": " +
          ui.number(i.costPerParticipant, 0) + " " + ui.t("unit.euro") + "\n";
  text += std::string(ui.t("levers.source")) + ": " + i.source;
  return text;
}

// The reach of an active intervention as a slider in percent of its target group; the
// catalogue's evidence range for reach, when it gives one, is in the hover text.
void reachSlider(Ui& ui, const Intervention& used, const Intervention& catalogued) {
  double loaded = catalogued.reach;
  for (const auto& a : ui.session.loaded().interventions) {
    if (a.id == used.id) loaded = a.reach;
  }
  std::string help = interventionHelp(ui, used);
  if (const auto r = catalogued.ranges.find("reach"); r != catalogued.ranges.end())
    help += "\n" + std::string(ui.t("levers.reach_range")) + ": " +
            rangeText(ui, 100.0 * r->second.first, 100.0 * r->second.second, 0) + " %";
  ImGui::Indent(ui.fontSize);
  if (auto v = leverRow(ui, "reach", ui.t("levers.reach_percent"), help, 100.0 * used.reach,
                        100.0 * loaded, 0.0, 100.0, 0))
    ui.session.setInterventionReach(used.id, *v / 100.0);
  ImGui::Unindent(ui.fontSize);
}

// A checkbox per intervention of the scenario's catalogue, and for an active one its reach
// (share of the target group taking part) as a slider: a change recomputes the cohort engine
// like any lever. The hover text shows the values in use (the scenario's overrides for an
// active one, the catalogue's otherwise). Shown in workshop mode too: the prevention workshop
// turns programmes on and scales them.
void interventionControls(Ui& ui) {
  Session& session = ui.session;
  const auto& catalogue = session.interventionCatalogue();
  ImGui::Spacing();
  ImGui::TextWrapped("%s", ui.t("levers.interventions"));
  if (catalogue.empty()) {
    mutedWrapped(ui.t("levers.none_prevention"));
    return;
  }
  for (const Intervention& c : catalogue) {
    const Intervention* used = &c;
    for (const auto& a : session.scenario().interventions) {
      if (a.id == c.id) used = &a;
    }
    bool on = used != &c;
    ImGui::PushID(c.id.c_str());
    // The name wraps beside the box (a long programme name in workshop type).
    if (ImGui::Checkbox("##on", &on)) {
      std::string error;
      if (!session.setInterventionActive(c.id, on, error)) ui.state.error = error;
    }
    const bool hovered = ImGui::IsItemHovered();
    ImGui::SameLine();
    ImGui::TextWrapped("%s", (ui.state.lang == Lang::Nl ? c.nameNl : c.nameEn).c_str());
    if (hovered || ImGui::IsItemHovered()) wrappedTooltip(interventionHelp(ui, *used));
    if (on && used != &c) reachSlider(ui, *used, c);
    ImGui::PopID();
  }
}

void scalarLever(Ui& ui, const LeverSpec& s) {
  const int dec = decimalsOf(s);
  const std::string label = leverLabel(ui, s);
  if (auto v =
          leverRow(ui, std::string(s.key).c_str(), label, leverHelp(ui, s, s.defaultValue, dec),
                   ui.session.scenario()[s.id], ui.session.loaded()[s.id], s.min, s.max, dec)) {
    ui.session.setLever(s.id, *v);
  }
}

void tableLever(Ui& ui, const TableLeverSpec& s) {
  const Session& session = ui.session;
  const std::string title = leverLabel(ui, s);
  if (s.keyKind == TableKey::Municipality) {
    ImGui::Spacing();
    if (session.municipality().empty()) {
      ImGui::TextUnformatted(title.c_str());
      if (ImGui::IsItemHovered()) wrappedTooltip(leverHelp(ui, s, 0.0, 0));
      mutedWrapped(ui.t("levers.pick_municipality"));
      return;
    }
    const std::string& code = session.municipality();
    const std::string label = title + " (" + session.focusName() + ")";
    if (auto v = leverRow(ui, (std::string(s.key) + code).c_str(), label, leverHelp(ui, s, 0.0, 0),
                          session.scenario().tableValue(s.id, code, 0.0),
                          session.loaded().tableValue(s.id, code, 0.0), 0.0,
                          std::min(s.max, 5000.0), 0)) {
      ui.session.setTableValue(s.id, code, *v);
    }
    return;
  }
  // One slider per care type; unset, it shows the default trend of care/care_trends.csv
  // (which tapers; a value set here does not).
  ImGui::Spacing();
  ImGui::TextWrapped("%s", (title + " \u2013 " + ui.t("levers.per_care_type")).c_str());
  if (ImGui::IsItemHovered()) wrappedTooltip(leverHelp(ui, s, 0.0, 1));
  for (const auto& type : session.care().catalogue.types) {
    const std::string label = ui.state.lang == Lang::Nl ? type.nameNl : type.nameEn;
    if (auto v = leverRow(
            ui, (std::string(s.key) + type.code).c_str(), label, leverHelp(ui, s, 0.0, 1),
            session.scenario().tableValue(s.id, type.code, type.trend.pctPerYear),
            session.loaded().tableValue(s.id, type.code, type.trend.pctPerYear), s.min, s.max, 1)) {
      ui.session.setTableValue(s.id, type.code, *v);
    }
  }
}

// The national assumptions: the CBS Kernprognose, or UN WPP 2024 with one of its fertility
// variants.
void nationalAssumptions(Ui& ui) {
  struct Choice {
    const char* set;
    const char* variant;
    const char* label;  // key in the string table
  };
  static const Choice choices[] = {{kAssumptionSetCbs, "medium", "levers.assumptions_cbs"},
                                   {kAssumptionSetWpp, "medium", "levers.assumptions_wpp_medium"},
                                   {kAssumptionSetWpp, "low", "levers.assumptions_wpp_low"},
                                   {kAssumptionSetWpp, "high", "levers.assumptions_wpp_high"}};
  const Scenario& s = ui.session.scenario();
  const Choice* current = &choices[0];
  for (const auto& c : choices) {
    if (s.assumptionSet == c.set &&
        (s.assumptionSet != kAssumptionSetWpp || s.tfrVariant == c.variant))
      current = &c;
  }
  ImGui::Spacing();
  ImGui::TextUnformatted(ui.t("levers.tfr_variant"));
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::BeginCombo("##assumptions", ui.t(current->label))) {
    for (const auto& c : choices) {
      if (ImGui::Selectable(ui.t(c.label), &c == current))
        ui.session.setNationalAssumptions(c.set, c.variant);
    }
    ImGui::EndCombo();
  }
}

}  // namespace

void drawLeversPanel(Ui& ui) {
  const bool workshop = ui.state.workshop;
  sectionTitle(ui, ui.t("levers.title"));
  if (!workshop && ui.session.modified()) {
    if (ImGui::Button(ui.t("levers.reset_all"))) ui.session.resetToLoaded();
  }
  ImGui::Separator();
  for (LeverGroup g : {LeverGroup::Demography, LeverGroup::CareUse, LeverGroup::Prevention,
                       LeverGroup::LabourMarket}) {
    const std::string name(ui.state.lang == Lang::Nl ? groupNameNl(g) : groupNameEn(g));
    bool any = false;
    for (const auto& s : leverSpecs()) any = any || (s.group == g && (!workshop || isMain(s.id)));
    // Workshop: the main levers, and the interventions (the prevention workshop's levers).
    const bool prevention =
        g == LeverGroup::Prevention && (!workshop || !ui.session.interventionCatalogue().empty());
    if (workshop && !any && !prevention) continue;
    ImGui::PushID(static_cast<int>(g));
    if (workshop) {
      ImGui::Spacing();
      sectionTitle(ui, name.c_str());
    } else if (!ImGui::CollapsingHeader(name.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
      ImGui::PopID();
      continue;
    }
    for (const auto& s : leverSpecs()) {
      if (s.group == g && s.id != Lever::Horizon && (!workshop || isMain(s.id))) scalarLever(ui, s);
    }
    if (!workshop) {
      if (g == LeverGroup::Demography) {
        scalarLever(ui, leverSpec(Lever::Horizon));
        nationalAssumptions(ui);
      }
      for (const auto& t : tableLeverSpecs()) {
        if (t.group == g && (t.keyKind != TableKey::CareType || !ui.session.care().empty()))
          tableLever(ui, t);
      }
    }
    if (prevention) interventionControls(ui);
    ImGui::PopID();
  }
}

}  // namespace zorgsim::gui
