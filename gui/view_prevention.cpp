// Prevention: for a scenario with active interventions, the selected area's avoided care and
// what it costs, all read from the focus run (models/prevention/prevention_indicators.cpp): key
// numbers for the chosen year and the whole run, avoided cost against programme cost and avoided
// staff per year (the report's pair, charts/prevention_charts.hpp), avoided clients per care
// type, and the waterfall of the change in care staff: demography + trend + prevention
// (models/care/decomposition.hpp). Workshop: cards, and the waterfall beside the avoided staff
// on its own scale. Both: a warning when the programmes may not pay back. Without
// interventions: how to switch one on (the levers panel shows them in both modes).

#include "charts/chart_builders.hpp"
#include "charts/prevention_charts.hpp"
#include "charts/waterfall_chart.hpp"
#include "gui/chart_view.hpp"
#include "gui/prevention_figures.hpp"
#include "gui/views.hpp"
#include "gui/widgets.hpp"

#include <cmath>

namespace zorgsim::gui {

namespace {

// The decomposition is recomputed only when the run, the area or the years change (it is
// cheap, a loop over care types and ages, but there is no reason to redo it every frame).
struct DecompositionCache {
  std::uint64_t version = ~0ULL;
  std::string area;
  std::pair<int, int> years;
  StaffDecomposition value;
};

const StaffDecomposition& cachedDecomposition(const Ui& ui, const ScenarioRun& run,
                                              std::pair<int, int> years) {
  static DecompositionCache cache;
  const Session& s = ui.session;
  if (cache.version != s.resultVersion() || cache.area != s.focusCode() || cache.years != years) {
    cache.value = staffDecomposition(run, s.data(), s.care(), s.scenario(), s.focusCode(),
                                     years.first, years.second);
    cache.version = s.resultVersion();
    cache.area = s.focusCode();
    cache.years = years;
  }
  return cache.value;
}

std::string careTypeName(const Ui& ui, const std::string& code) {
  const auto& cat = ui.session.care().catalogue;
  const int i = cat.indexOf(code);
  if (i < 0) return code;
  const auto& t = cat.types[static_cast<std::size_t>(i)];
  std::string name = ui.state.lang == Lang::Nl ? t.nameNl : t.nameEn;
  if (!name.empty() && name[0] >= 'a' && name[0] <= 'z')
    name[0] = static_cast<char>(name[0] - 'a' + 'A');  // a table row starts a sentence
  return name;
}

// Workshop: four cards (staff avoided, what it costs, what it returns, when it pays back).
std::vector<FigureCell> figureCells(const Ui& ui, const PreventionFigures& f) {
  const std::string meuro = ui.t("unit.meuro");
  const std::string whole =
      std::to_string(ui.session.baseYear()) + "\u2013" + std::to_string(ui.session.horizon());
  std::vector<FigureCell> cells;
  cells.push_back({ui.t("prev.avoided_fte"), ui.number(f.avoidedFte, 1), std::to_string(f.year),
                   ui.t("unit.fte")});
  // Millions: a decimal below 100, whole above (a card has room for about 12 characters).
  auto mln = [&](double euro) { return ui.number(euro * 1e-6, std::abs(euro) >= 1e8 ? 0 : 1); };
  cells.push_back({ui.t("prev.avoided_cost"), mln(f.avoidedCost), std::to_string(f.year), meuro});
  cells.push_back({ui.t("prev.programme_cost_total"), mln(f.programmeCostTotal), whole, meuro});
  cells.push_back({ui.t("prev.return"), ui.number(f.returnPerEuro, 2), whole, ""});
  cells.push_back({ui.t("prev.break_even"),
                   f.breakEvenYear > 0 ? std::to_string(f.breakEvenYear) : ui.t("prev.not_reached"),
                   whole, ""});
  return cells;
}

charts::PreventionChartsSpec chartsSpec(const Ui& ui, const ScenarioRun& run) {
  const Session& s = ui.session;
  charts::PreventionChartsSpec spec;
  spec.costTitle = ui.t("prev.cost_title");
  spec.fteTitle = ui.t("prev.fte_title");
  spec.costSubtitle = s.focusName() + ", " + ui.t("prev.per_year");
  spec.fteSubtitle = s.focusName() + ", " + ui.t("ts.all_segments");
  spec.costUnit = ui.t("unit.meuro");
  spec.fteUnit = ui.t("unit.fte");
  spec.avoidedCostLabel = ui.t("prev.avoided_cost_line");
  spec.programmeCostLabel = ui.t("prev.programme_cost_line");
  spec.emptyMessage = ui.t("status.no_runs");
  spec.firstYear = s.baseYear();
  spec.markerYear = ui.state.year;
  spec.markerLabel = std::to_string(ui.state.year);
  spec.format = ui.format;
  const std::string code = s.focusCode();
  auto series = [&](const char* indicator) {
    return charts::resultSeries(run.results, code, s.baseYear(), s.horizon(), indicator, "total",
                                "total", "total");
  };
  spec.scenarios.push_back({currentScenarioLabel(ui), series("avoided_cost"),
                            series("programme_cost"), series("avoided_workforce_fte")});
  return spec;
}

charts::Chart waterfall(const Ui& ui, const StaffDecomposition& d) {
  charts::WaterfallSpec w;
  w.title = std::string(ui.t("prev.waterfall_title")) + " " + std::to_string(d.from) + "\u2013" +
            std::to_string(d.to);
  w.subtitle = ui.session.focusName() + ", " + ui.t("ts.all_segments");
  w.yLabel = ui.t("unit.fte");
  w.totalLabel = ui.t("prev.level");
  w.increaseLabel = ui.t("prev.increase");
  w.decreaseLabel = ui.t("prev.decrease");
  w.format = ui.format;
  w.emptyMessage = ui.t("status.no_runs");
  if (!d.found) return charts::waterfallChart(w);
  w.steps = {{std::to_string(d.from), d.fromFte, true},
             {ui.t("prev.demography"), d.parts.demography, false},
             {ui.t("prev.trend"), d.parts.trend, false},
             {ui.t("prev.prevention"), d.parts.prevention, false},
             {std::to_string(d.to), d.toFte, true}};
  // Whole FTE where staff runs into the thousands; a decimal for a small municipality.
  w.decimals = std::abs(d.fromFte) >= 1000 ? 0 : 1;
  return charts::waterfallChart(w);
}

// "May not pay back" (issue #19): said on screen whenever the central figures do not pay back or
// an active programme's evidence range includes no effect.
void paybackWarning(Ui& ui, const PreventionFigures& f) {
  const PaybackDoubt d = paybackDoubt(f, ui.session.scenario());
  if (!d.any()) return;
  std::string why;
  if (d.central) why = ui.t("prev.central_not_back");
  if (!d.noEffectPossible.empty()) {
    std::string names;
    for (const Intervention* i : d.noEffectPossible)
      names += (names.empty() ? "" : ", ") + (ui.state.lang == Lang::Nl ? i->nameNl : i->nameEn);
    why += (why.empty() ? "" : " ") + std::string(ui.t("prev.range_includes_zero")) + " " + names +
           ".";
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.62f, 0.22f, 0.0f, 1.0f));
  if (ui.state.workshop) {
    // Projector: the statement in one line, the reasons on hover (the charts need the height).
    ImGui::TextWrapped("%s", ui.t("prev.may_not_pay_back"));
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) wrappedTooltip(why);
    return;
  }
  ImGui::TextWrapped("%s", (std::string(ui.t("prev.may_not_pay_back")) + " " + why).c_str());
  ImGui::PopStyleColor();
}

void avoidedClientsTable(Ui& ui, const PreventionFigures& f, ImVec2 size) {
  ImGui::BeginChild("##avoided", size, true);
  sectionTitle(ui,
               (std::string(ui.t("prev.avoided_clients")) + " " + std::to_string(f.year)).c_str());
  if (f.avoidedClients.empty()) {
    mutedWrapped(ui.t("prev.no_avoided_clients"));
  } else if (ImGui::BeginTable("##clients", 2,
                               ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    for (const auto& a : f.avoidedClients) {
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", careTypeName(ui, a.careType).c_str());
      ImGui::TableNextColumn();
      const std::string v = ui.number(a.clients, 0);
      ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x -
                           ImGui::CalcTextSize(v.c_str()).x);
      ImGui::TextUnformatted(v.c_str());
    }
    ImGui::EndTable();
  }
  mutedWrapped(ui.t("prev.clients_note"));
  ImGui::EndChild();
}

}  // namespace

void drawPreventionView(Ui& ui) {
  const Session& s = ui.session;
  if (s.care().empty()) {
    drawEmptyStateView(ui, "prevention", "prev.title", "ts.no_care");
    return;
  }
  if (s.scenario().interventions.empty()) {
    drawEmptyStateView(ui, "prevention", "prev.title", "prev.empty");
    return;
  }
  const ScenarioRun* run = s.focusRun();
  if (!run) {
    drawEmptyStateView(ui, "prevention", "prev.title",
                       s.busy() ? "status.computing" : "status.no_runs");
    return;
  }
  yearSlider(ui, ui.fontSize * 12);
  const PreventionFigures f = preventionFigures(*run, s.care(), s.focusCode(), ui.state.year);
  if (!f.found) {
    drawEmptyStateView(ui, "prevention", "prev.title", "status.no_runs");
    return;
  }
  const auto cells = figureCells(ui, f);
  if (ui.state.workshop) {
    drawFigureCards(ui, cells, "");
  } else {
    drawFigureTable(ui, "prevfigures", cells, ui.t("prev.value"), ui.t("prev.period"));
  }
  paybackWarning(ui, f);
  ImGui::Spacing();
  const StaffDecomposition& d =
      cachedDecomposition(ui, *run, decompositionYears(s.baseYear(), s.horizon(), ui.state.year));
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float gap = ui.fontSize * 0.5f;
  const float halfW = std::floor((avail.x - gap) * 0.5f);
  charts::PreventionChartsSpec spec = chartsSpec(ui, *run);
  if (ui.state.workshop) {
    // Projector: the waterfall beside the prevention effect on its own scale (on the
    // waterfall's axis of thousands of FTE the prevention step is a sliver).
    // Legends are left out: the bars carry their values and there is one scenario.
    const float waterW = std::floor((avail.x - gap) * 0.58f);
    charts::Chart water = waterfall(ui, d);
    water.legend.clear();
    drawChart(ui, "prevention-waterfall", water, {waterW, avail.y});
    ImGui::SameLine(0, gap);
    spec.fteTitle = ui.t("prev.effect_title");
    spec.fteSubtitle = ui.t("prev.own_scale");
    charts::Chart effect = charts::preventionFteChart(spec);
    effect.legend.clear();
    drawChart(ui, "prevention-fte", effect, {avail.x - waterW - gap, avail.y});
    return;
  }
  const float topH = std::floor((avail.y - gap) * 0.5f);
  drawChart(ui, "prevention-cost", charts::preventionCostChart(spec), {halfW, topH});
  ImGui::SameLine(0, gap);
  drawChart(ui, "prevention-fte", charts::preventionFteChart(spec), {avail.x - halfW - gap, topH});
  const float bottomH = avail.y - topH - gap;
  const float waterW = std::floor((avail.x - gap) * 0.62f);
  drawChart(ui, "prevention-waterfall", waterfall(ui, d), {waterW, bottomH});
  ImGui::SameLine(0, gap);
  avoidedClientsTable(ui, f, {avail.x - waterW - gap, bottomH});
}

}  // namespace zorgsim::gui
