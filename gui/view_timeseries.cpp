// Time series of the selected area: care use per care type (clients, staff, hours or cost)
// and the care workforce (demand and supply, and the gap), for the current scenario and the
// reference. P5-P95 bands of the current scenario come from an agent ensemble started here
// (background, progress, cancel; agent_controls.hpp). Without a run for the current scenario
// and region there are none, and each chart says so (rather than a band of made-up width).

#include "charts/chart_builders.hpp"
#include "charts/palette.hpp"
#include "gui/agent_controls.hpp"
#include "gui/chart_view.hpp"
#include "gui/views.hpp"
#include "gui/widgets.hpp"
#include "models/analyses/error_band_columns.hpp"
#include "models/analyses/shortage_probability.hpp"
#include "models/analyses/shortage_table.hpp"

#include <algorithm>
#include <cctype>

#include <algorithm>
#include <cmath>

namespace zorgsim::gui {

namespace {

struct Measure {
  const char* key;
  const char* labelKey;
  const char* indicator;
  const char* unitKey;
  double scale;
};

constexpr Measure kMeasures[] = {
    {"clients", "ts.clients", "clients", "unit.clients", 1.0},
    {"fte", "ts.fte", "care_fte", "unit.fte", 1.0},
    {"hours", "ts.hours", "care_hours", "unit.hours", 1.0},
    {"cost", "ts.cost", "care_cost", "unit.meuro", 1e-6},
};

const Measure& measureOf(const std::string& key) {
  for (const auto& m : kMeasures) {
    if (key == m.key) return m;
  }
  return kMeasures[0];
}

// The bands to draw: the agent run's, when it belongs to the current scenario and region.
struct Bands {
  const BandRun* run = nullptr;
  const char* noBandsKey = "ts.no_bands";
};

Bands currentBands(const Ui& ui) {
  const auto& task = ui.session.agents().bands();
  const AgentRunView v = agentRunView(task, ui.session.currentAgentKey());
  if (agentResultCurrent(v)) return {task.result(), "ts.no_bands"};
  return {nullptr, v.stale ? "ts.bands_stale" : "ts.no_bands"};
}

// Whether the agent ensemble's mean agrees with the cohort line within sampling error in every
// year: |mean - cohort| <= 4.5 standard errors (the tolerance of the engines' agreement test),
// the standard error taken from the band as (P95 - P5) / (2 x 1.645) / sqrt(replicates) (a
// normal approximation), plus a rounding margin of 1e-6 of the value.
bool bandAgrees(const std::vector<double>& cohort, const std::vector<double>& mean,
                const std::vector<double>& p05, const std::vector<double>& p95, int replicates) {
  const double n = std::sqrt(std::max(1, replicates));
  for (std::size_t i = 0; i < cohort.size() && i < mean.size(); ++i) {
    if (!std::isfinite(cohort[i]) || !std::isfinite(mean[i])) continue;
    const double se = std::max(0.0, p95[i] - p05[i]) / (2.0 * 1.645) / n;
    if (std::abs(mean[i] - cohort[i]) > 4.5 * se + 1e-6 * std::max(1.0, std::abs(cohort[i])))
      return false;
  }
  return true;
}

// Without an agent band: the forecast-error band of the cohort line (the errors of past
// projections made this way, from the back-test; models/analyses/error_band_columns.hpp) for
// clients and the workforce gap, the same numbers as results.csv's error_band columns.
void addErrorBand(const Ui& ui, charts::TimeSeriesSpec& spec, std::string_view indicator,
                  std::string_view careType, double scale, charts::Color color,
                  const std::string& name) {
  const auto& table = ui.session.errorBands();
  const ScenarioRun* run = ui.session.focusRun();
  const bool gap = indicator == "workforce_gap_fte";
  if (!table || !run || (indicator != "clients" && !gap)) return;
  auto series = [&](std::string_view ind, std::string_view type) {
    return charts::resultSeries(run->results, ui.session.focusCode(), ui.session.baseYear(),
                                ui.session.horizon(), ind, "total", "total", type);
  };
  auto population = series("population", "");
  if (population.empty() || std::isnan(population.front()))
    population = series("population", "total");
  const auto values = series(indicator, careType);
  const auto demand = gap ? series("workforce_demand_fte", careType) : values;
  if (population.empty() || std::isnan(population.front()) || values.size() != demand.size())
    return;
  charts::BandSpec band{name + " " + ui.t("ts.error_band"), {}, {}, color};
  const bool aggregate = ui.session.focusLevel() != "municipality";  // a sum of municipalities
  for (std::size_t k = 0; k < values.size(); ++k) {
    if (std::isnan(values[k]) || std::isnan(demand[k])) return;  // no band with holes
    const int years = static_cast<int>(k);
    const Band e =
        gap ? gapErrorBand(*table, population.front(), years, values[k], demand[k], aggregate)
            : valueErrorBand(*table, population.front(), years, values[k], aggregate);
    band.low.push_back(e.low * scale);
    band.high.push_back(e.high * scale);
  }
  spec.bands.push_back(std::move(band));
}

// Adds the P5-P95 band of an indicator around the current scenario's line, but only when the
// ensemble's mean agrees with that (cohort) line within sampling error (issue #18, problem 4):
// a band that does not surround its line would mislead. Returns false when it was left out.
bool addBand(const Ui& ui, charts::TimeSeriesSpec& spec, const Bands& bands,
             std::string_view indicator, std::string_view careType, double scale,
             charts::Color color, const std::string& name) {
  if (!bands.run) {
    addErrorBand(ui, spec, indicator, careType, scale, color, name);
    return true;
  }
  auto series = [&](const ResultTable& t) {
    auto v = charts::resultSeries(t, ui.session.focusCode(), ui.session.baseYear(),
                                  ui.session.horizon(), indicator, "total", "total", careType);
    for (double& x : v) x *= scale;
    return v;
  };
  const auto lo = series(bands.run->p05), hi = series(bands.run->p95);
  if (const ScenarioRun* run = ui.session.focusRun();
      run &&
      !bandAgrees(series(run->results), series(bands.run->mean), lo, hi, bands.run->replicates))
    return false;
  spec.bands.push_back({name + " " + ui.t("ts.band"), lo, hi, color});
  return true;
}

// The note of a chart whose band was left out (replaces "no band yet").
charts::Chart withBandNote(charts::Chart c, const Ui& ui, bool allBandsDrawn) {
  if (!allBandsDrawn) c.note = ui.t("ts.band_disagrees");
  return c;
}

// Title: what is shown; subtitle: for which sector and area (long sector names would be
// clipped in a half-width title).
// "Kans op een tekort van meer dan 1.000 fte in 2030: 80 %" for the focus area and the selected
// year, from the agent run (all sectors; models/analyses/shortage_table.hpp), or "".
std::string shortageLine(const Ui& ui, const Bands& bands) {
  if (!bands.run) return "";
  const auto g = bands.run->gaps.find(ui.session.focusCode());
  if (g == bands.run->gaps.end()) return "";
  const auto& years = g->second.years;
  const auto y = std::find(years.begin(), years.end(), ui.state.year);
  if (y == years.end()) return "";
  const auto& values = g->second.replicates[static_cast<std::size_t>(y - years.begin())];
  const double threshold = sentenceThreshold(values);
  std::string sentence = shortageSentence(
      threshold, ui.state.year, probabilityAbove(values, threshold), ui.state.lang == Lang::Nl);
  sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
  return sentence;
}

charts::TimeSeriesSpec baseSpec(const Ui& ui, std::string title, std::string subtitle,
                                const char* unitKey, const Bands& bands) {
  charts::TimeSeriesSpec spec;
  spec.title = std::move(title);
  spec.subtitle = std::move(subtitle);
  spec.yLabel = ui.t(unitKey);
  spec.firstYear = ui.session.baseYear();
  // Workshop hides the button that computes bands: no note that points to it.
  // The note points at a button: not in workshop mode (hidden there) nor on a page.
  spec.noBandsNote =
      (ui.state.workshop || ui.state.snapshotPage) && !bands.run ? "" : ui.t(bands.noBandsKey);
  spec.markerYear = ui.state.year;
  spec.markerLabel = std::to_string(ui.state.year);
  spec.format = ui.format;
  spec.emptyMessage = ui.session.busy() ? ui.t("status.computing") : ui.t("status.no_runs");
  return spec;
}

std::string careTypeName(const Ui& ui, const std::string& code) {
  if (code == "total") return ui.t("ts.all_types");
  const auto& cat = ui.session.care().catalogue;
  const int i = cat.indexOf(code);
  if (i < 0) return code;
  const auto& t = cat.types[static_cast<std::size_t>(i)];
  return ui.state.lang == Lang::Nl ? t.nameNl : t.nameEn;
}

std::string segmentOf(const Ui& ui, const std::string& careType) {
  const auto& cat = ui.session.care().catalogue;
  const int i = cat.indexOf(careType);
  return i < 0 ? "total" : cat.types[static_cast<std::size_t>(i)].workforceSegment;
}

std::string segmentName(const Ui& ui, const std::string& code) {
  if (code == "total") return ui.t("ts.all_segments");
  for (const auto& s : ui.session.care().workforce.segments) {
    if (s.code == code) return ui.state.lang == Lang::Nl ? s.nameNl : s.nameEn;
  }
  return code;
}

}  // namespace

// Workshop: legend entries drop the current scenario's name ("Vraag", not "Vraag – Preventiepakket
// Achterhoek (gewijzigd)"): the headline names it, and a long name does not fit beside the
// large type. Tooltips keep the full names.
charts::Chart shortLegend(charts::Chart c, const Ui& ui) {
  if (!ui.state.workshop) return c;
  const std::string suffix = " \u2013 " + currentScenarioLabel(ui);
  for (auto& e : c.legend) {
    if (e.label.size() > suffix.size() &&
        e.label.compare(e.label.size() - suffix.size(), suffix.size(), suffix) == 0)
      e.label.resize(e.label.size() - suffix.size());
  }
  return c;
}

void drawTimeSeriesView(Ui& ui) {
  Session& s = ui.session;
  if (s.care().empty()) {
    charts::Chart empty;
    empty.title = ui.t("view.timeseries");
    empty.emptyMessage = ui.t("ts.no_care");
    drawChart(ui, "care-series", empty, ImGui::GetContentRegionAvail());
    return;
  }
  const bool workshop = ui.state.workshop;
  std::vector<std::pair<std::string, std::string>> types{{"total", ui.t("ts.all_types")}};
  for (const auto& t : s.care().catalogue.types)
    types.emplace_back(t.code, ui.state.lang == Lang::Nl ? t.nameNl : t.nameEn);
  labelledCombo(ui.t("ts.care_type"), "##caretype", ui.state.careType, types, ui.fontSize * 20);
  // There is no total of clients (people use several care types): offer it per type only.
  const bool total = ui.state.careType == "total";
  if (total && ui.state.careMeasure == "clients") ui.state.careMeasure = "fte";
  if (!workshop) {
    ImGui::SameLine(0, ui.fontSize * 1.5f);
    std::vector<std::pair<std::string, std::string>> measures;
    for (const auto& m : kMeasures) {
      if (!total || std::string_view(m.key) != "clients")
        measures.emplace_back(m.key, ui.t(m.labelKey));
    }
    labelledCombo(ui.t("ts.measure"), "##measure", ui.state.careMeasure, measures,
                  ui.fontSize * 12);
  }
  ImGui::SameLine(0, ui.fontSize * 1.5f);
  yearSlider(ui, ui.fontSize * 12);
  if (!workshop) {
    const AgentRunView v = agentRunView(s.agents().bands(), s.currentAgentKey());
    switch (agentRunControls(ui, "bands", v, ui.state.bandReplicates, 10, 1000)) {
      case AgentAction::Start:
        s.startBandRun(ui.state.bandReplicates);
        break;
      case AgentAction::Cancel:
        s.agents().bands().cancel();
        break;
      case AgentAction::None:
        break;
    }
  }
  const Bands bands = currentBands(ui);
  if (!workshop) {
    if (std::string sentence = shortageLine(ui, bands); !sentence.empty()) {
      ImGui::SameLine(0, ui.fontSize);
      // Narrow windows: "Kans op tekort > 1.000 fte in 2030: 80 %".
      if (ImGui::CalcTextSize(sentence.c_str()).x > ImGui::GetContentRegionAvail().x) {
        for (const char* words : {"een tekort van meer dan", "a shortage of more than"}) {
          if (const auto at = sentence.find(words); at != std::string::npos)
            sentence.replace(at, std::string_view(words).size(),
                             words[0] == 'e' ? "tekort >" : "shortage >");
        }
      }
      ImGui::TextUnformatted(sentence.c_str());
    }
  }

  const std::string type = ui.state.careType;
  const auto lines = scenarioLines(ui, true, false);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float gap = ui.fontSize * 0.5f;
  // Workshop: only the workforce, in two large charts; otherwise care use on top as well.
  const float topH = workshop ? 0.0f : std::floor((avail.y - gap) * 0.5f);
  if (!workshop) {
    const Measure& m = measureOf(ui.state.careMeasure);
    // Care hours as FTE is not the demand for care staff below: the subtitle says so (F1).
    const std::string sub = std::string_view(m.key) == "fte"
                                ? s.focusName() + " \u2013 " + ui.t("ts.fte_not_demand")
                                : s.focusName();
    auto care = baseSpec(ui, std::string(ui.t(m.labelKey)) + ": " + careTypeName(ui, type), sub,
                         m.unitKey, bands);
    care.series = scenarioSeries(ui, lines, m.indicator, "total", "total", type, m.scale);
    const bool drawn = addBand(ui, care, bands, m.indicator, type, m.scale, charts::seriesColor(0),
                               currentScenarioLabel(ui));
    drawChart(ui, "care-series", withBandNote(charts::timeSeriesChart(care), ui, drawn),
              {avail.x, topH});
  }

  // Workforce of the segment the care type draws on.
  const std::string segment = type == "total" ? "total" : segmentOf(ui, type);
  const float halfW = std::floor((avail.x - gap) * 0.5f);
  const float bottomH = workshop ? avail.y : avail.y - topH - gap;
  auto workforce =
      baseSpec(ui, ui.t("ts.workforce"), segmentName(ui, segment) + " \u2013 " + s.focusName(),
               "unit.fte", bands);
  // Workshop: the current scenario only, so the legend stays short on a projector.
  const auto workforceLines = workshop ? scenarioLines(ui, false, false) : lines;
  bool workforceBands = true;
  for (const char* which : {"workforce_demand_fte", "workforce_supply_fte"}) {
    const bool demand = std::string_view(which) == "workforce_demand_fte";
    auto series = scenarioSeries(ui, workforceLines, which, "total", "total", segment);
    const charts::Color color = demand ? charts::seriesColor(1) : charts::seriesColor(0);
    for (auto& sp : series) {
      sp.name = std::string(ui.t(demand ? "ts.demand" : "ts.supply")) + " \u2013 " + sp.name;
      sp.color = color;
      workforce.series.push_back(std::move(sp));
    }
    workforceBands = addBand(ui, workforce, bands, which, segment, 1.0, color,
                             ui.t(demand ? "ts.demand" : "ts.supply")) &&
                     workforceBands;
  }
  drawChart(ui, "workforce",
            withBandNote(shortLegend(charts::timeSeriesChart(workforce), ui), ui, workforceBands),
            {halfW, bottomH});
  ImGui::SameLine(0, gap);
  auto gapSpec = baseSpec(ui, ui.t("ts.gap"), segmentName(ui, segment) + " \u2013 " + s.focusName(),
                          "unit.fte", bands);
  gapSpec.series = scenarioSeries(ui, lines, "workforce_gap_fte", "total", "total", segment);
  const bool gapBand = addBand(ui, gapSpec, bands, "workforce_gap_fte", segment, 1.0,
                               charts::Color{40, 40, 40, 255}, ui.t("ts.gap_short"));
  if (!gapSpec.series.empty()) {
    gapSpec.series.front().kind = charts::SeriesKind::Bars;
    gapSpec.series.front().color = charts::withAlpha(charts::seriesColor(1), 210);
    // Shortage bars up (orange), surplus bars down in their own colour.
    gapSpec.positiveBarName = ui.t("ts.gap_short");
    gapSpec.negativeBarName = ui.t("ts.surplus_short");
    gapSpec.negativeBarColor = charts::withAlpha(charts::seriesColor(2), 210);
  }
  drawChart(ui, "workforce-gap",
            withBandNote(shortLegend(charts::timeSeriesChart(gapSpec), ui), ui, gapBand),
            {avail.x - halfW - gap, bottomH});
}

}  // namespace zorgsim::gui
