#include "report/xlsx_report.hpp"

#include "report/budget_lines.hpp"
#include "report/html_report.hpp"
#include "sim/atomic_output.hpp"

#include "sim/platform.hpp"

#include <cmath>
#include <cstdlib>
#include <ctime>
#include <map>
#include <tuple>

#ifdef ZORGSIM_HAVE_XLSXWRITER
#include <xlsxwriter.h>
#endif

namespace zorgsim::report {

const std::vector<std::string>& xlsxSheetNames() {
  static const std::vector<std::string> names{
      "Bevolking", "Zorg", "Personeel", "Preventie", "Begroting", "Parameters", "Verantwoording"};
  return names;
}

std::string indicatorGroup(std::string_view i) {
  for (std::string_view p : {"population", "births", "deaths", "migration_in", "migration_out",
                             "grey_pressure", "green_pressure", "mantelzorg_ratio"}) {
    if (i == p) return "Bevolking";
  }
  for (std::string_view p : {"clients", "care_hours", "care_fte", "care_cost"}) {
    if (i == p) return "Zorg";
  }
  for (std::string_view p : {"workforce_demand_fte", "workforce_supply_fte", "workforce_gap_fte",
                             "care_share_labour_force"}) {
    if (i == p) return "Personeel";
  }
  for (std::string_view p :
       {"avoided_clients", "avoided_fte", "avoided_workforce_fte", "avoided_cost", "programme_cost",
        "participants", "net_savings", "return_per_euro", "break_even_year"}) {
    if (i == p) return "Preventie";
  }
  return "Overig";
}

#ifndef ZORGSIM_HAVE_XLSXWRITER

bool xlsxAvailable() { return false; }

void writeXlsxReport(const ReportInput&, const std::filesystem::path& file) {
  throw OutputError(
      "cannot write " + file.string() +
      ": this zorgsim was built without libxlsxwriter (install libxlsxwriter-dev and rebuild)");
}

#else

bool xlsxAvailable() { return true; }

namespace {

// One row of a group sheet: a series (scenario, area, indicator, care type, sex, age group)
// with a value per year.
struct SeriesRow {
  std::size_t scenario = 0;
  std::uint32_t area = 0;
  SeriesKey key;
  std::vector<double> values;  // per year from the base year; NaN = none
};

class Workbook {
 public:
  Workbook(const std::filesystem::path& file, std::time_t created) {
    lxw_workbook_options options{};
    options.constant_memory =
        LXW_TRUE;  // rows are written in order; keeps memory flat for big batches
    // string(): UTF-8 on Windows too (libxlsxwriter takes char*; path::c_str() is wchar_t* there).
    book_ = workbook_new_opt(file.string().c_str(), &options);
    if (!book_) throw OutputError("cannot create " + file.string());
    properties_.title = const_cast<char*>("zorgsim: bevolking, zorgvraag en zorgpersoneel");
    properties_.author = const_cast<char*>("zorgsim");
    properties_.comments = const_cast<char*>(
        "Bron: CBS (CC BY 4.0); United Nations, World Population Prospects 2024 (CC BY 3.0 IGO); eigen berekening");
    properties_.created = created;
    workbook_set_properties(book_, &properties_);
    bold_ = workbook_add_format(book_);
    format_set_bold(bold_);
    format_set_bg_color(bold_, 0xF1F3F5);
    number_ = workbook_add_format(book_);
    format_set_num_format(number_, "#,##0.00");
    wrap_ = workbook_add_format(book_);
    format_set_text_wrap(wrap_);
    format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
  }
  ~Workbook() {
    if (book_) workbook_close(book_);
  }
  void close(const std::filesystem::path& file) {
    const lxw_error e = workbook_close(book_);
    book_ = nullptr;
    if (e != LXW_NO_ERROR)
      throw OutputError("cannot write " + file.string() + ": " + lxw_strerror(e));
  }
  lxw_worksheet* sheet(const std::string& name) {
    return workbook_add_worksheet(book_, name.c_str());
  }

  lxw_workbook* book_ = nullptr;
  lxw_doc_properties properties_{};
  lxw_format* bold_ = nullptr;
  lxw_format* number_ = nullptr;
  lxw_format* wrap_ = nullptr;
};

std::time_t creationTime() {
  if (const char* s = std::getenv("SOURCE_DATE_EPOCH"); s && *s) {
    char* end = nullptr;
    const long long v = std::strtoll(s, &end, 10);
    if (end && *end == '\0' && v > 0) return static_cast<std::time_t>(v);
  }
  return std::time(nullptr);
}

lxw_row_t writeSeries(lxw_worksheet* ws, Workbook& wb, const ReportInput& in,
                      const std::string& group, std::size_t s, const ResultTable& t,
                      const char* statistic, lxw_row_t row, std::size_t nYears);
void finishGroupSheet(lxw_worksheet* ws, lxw_row_t row, std::size_t nYears);

void writeGroupSheet(Workbook& wb, const ReportInput& in, const std::string& group) {
  lxw_worksheet* ws = wb.sheet(group);
  const char* heads[] = {"scenario",  "geo_level", "geo_code",  "geo_name", "indicator",
                         "care_type", "sex",       "age_group", "statistic"};
  lxw_col_t col = 0;
  for (const char* h : heads) worksheet_write_string(ws, 0, col++, h, wb.bold_);
  for (int y = in.baseYear; y <= in.horizon; ++y) worksheet_write_number(ws, 0, col++, y, wb.bold_);
  const auto nYears = static_cast<std::size_t>(std::max(0, in.horizon - in.baseYear + 1));
  lxw_row_t row = 1;
  // Per scenario the values (cohort engine: "value"; an ensemble: its mean), then for an
  // ensemble the P5 and P95 rows of the same series.
  for (std::size_t s = 0; s < in.scenarios.size(); ++s) {
    const ReportScenario& sc = in.scenarios[s];
    const bool bands = sc.bandLow && sc.bandHigh;
    const bool ensemble = bands && sc.bandKind != BandKind::ForecastError;
    // The band rows say what they cover: "p05 (toeval)", "p95 (prognosefout op basis van ...)".
    const std::string what = bands ? std::string(" (") + bandLabel(sc.bandKind) + ")" : "";
    const std::string low = "p05" + what, high = "p95" + what;
    const std::pair<const ResultTable*, const char*> tables[] = {
        {&sc.results, ensemble ? "mean" : "value"},
        {bands ? &*sc.bandLow : nullptr, low.c_str()},
        {bands ? &*sc.bandHigh : nullptr, high.c_str()}};
    for (const auto& [table, statistic] : tables) {
      if (!table) continue;
      row = writeSeries(ws, wb, in, group, s, *table, statistic, row, nYears);
    }
  }
  finishGroupSheet(ws, row, nYears);
}

lxw_row_t writeSeries(lxw_worksheet* ws, Workbook& wb, const ReportInput& in,
                      const std::string& group, std::size_t s, const ResultTable& t,
                      const char* statistic, lxw_row_t row, std::size_t nYears) {
  lxw_col_t col = 0;
  // Series in the order their first value appears in results.csv.
  std::vector<SeriesRow> series;
  std::map<std::tuple<std::uint32_t, std::uint16_t, std::uint16_t, std::uint16_t, std::uint16_t>,
           std::size_t>
      index;
  for (const auto& r : t.rows()) {
    if (indicatorGroup(t.text(r.key.indicator)) != group) continue;
    auto [it, fresh] = index.try_emplace(
        {r.area, r.key.indicator, r.key.careType, r.key.sex, r.key.ageGroup}, series.size());
    if (fresh) series.push_back({s, r.area, r.key, std::vector<double>(nYears, std::nan(""))});
    const int y = r.year - in.baseYear;
    if (y >= 0 && static_cast<std::size_t>(y) < nYears)
      series[it->second].values[static_cast<std::size_t>(y)] = r.value;
  }
  const std::string& name = in.scenarios[s].scenario.name;
  for (const auto& sr : series) {
    const auto& area = t.areas()[sr.area];
    const std::string texts[] = {name,
                                 area.level,
                                 area.code,
                                 area.name,
                                 std::string(t.text(sr.key.indicator)),
                                 std::string(t.text(sr.key.careType)),
                                 std::string(t.text(sr.key.sex)),
                                 std::string(t.text(sr.key.ageGroup)),
                                 statistic};
    col = 0;
    for (const auto& txt : texts) worksheet_write_string(ws, row, col++, txt.c_str(), nullptr);
    for (double v : sr.values) {
      if (std::isfinite(v)) worksheet_write_number(ws, row, col, v, wb.number_);
      ++col;
    }
    if (++row >= 1'048'576)
      throw OutputError(
          "sheet " + group +
          " would have more than 1,048,576 rows; run fewer scenarios or areas per batch");
  }
  return row;
}

void finishGroupSheet(lxw_worksheet* ws, lxw_row_t row, std::size_t nYears) {
  worksheet_set_column(ws, 0, 0, 22, nullptr);
  worksheet_set_column(ws, 1, 2, 12, nullptr);
  worksheet_set_column(ws, 3, 3, 24, nullptr);
  worksheet_set_column(ws, 4, 4, 24, nullptr);
  worksheet_set_column(ws, 5, 8, 14, nullptr);
  worksheet_set_column(ws, 9, static_cast<lxw_col_t>(9 + nYears), 12, nullptr);
  worksheet_freeze_panes(ws, 1, 4);
  worksheet_autofilter(ws, 0, 0, row > 1 ? row - 1 : 1, static_cast<lxw_col_t>(8 + nYears));
}

void writeParameterSheet(Workbook& wb, const ReportInput& in) {
  lxw_worksheet* ws = wb.sheet("Parameters");
  const char* heads[] = {"scenario",        "parameter", "omschrijving", "basis",
                         "scenario_waarde", "eenheid",   "aanname",      "bron"};
  lxw_col_t col = 0;
  for (const char* h : heads) worksheet_write_string(ws, 0, col++, h, wb.bold_);
  lxw_row_t row = 1;
  for (const auto& s : in.scenarios) {
    for (const auto& d : leverDifferences(in.baseline, s.scenario)) {
      const std::string cells[] = {s.scenario.name,
                                   d.key,
                                   d.label,
                                   d.baseline,
                                   d.scenario,
                                   d.unit,
                                   d.assumption ? "ja" : "nee",
                                   d.source};
      col = 0;
      for (const auto& c : cells) worksheet_write_string(ws, row, col++, c.c_str(), nullptr);
      ++row;
    }
  }
  worksheet_set_column(ws, 0, 0, 22, nullptr);
  worksheet_set_column(ws, 1, 2, 36, nullptr);
  worksheet_set_column(ws, 3, 6, 12, nullptr);
  worksheet_set_column(ws, 7, 7, 90, nullptr);
  worksheet_freeze_panes(ws, 1, 0);
}

// Budget impact (report/budget_lines.hpp) per scenario with programmes, area and year after
// the base year, in euro: the model-price caveat in the first row, the headers in the second.
void writeBudgetSheet(Workbook& wb, const ReportInput& in) {
  lxw_worksheet* ws = wb.sheet("Begroting");
  worksheet_write_string(ws, 0, 0, kBudgetModelPriceNoteNl, nullptr);
  const char* heads[] = {"scenario", "gebied",       "gebiedsnaam", "jaar",      "wmo_zonder",
                         "wmo_met",  "jeugd_zonder", "jeugd_met",   "programma", "netto_gemeente"};
  lxw_col_t col = 0;
  for (const char* h : heads) worksheet_write_string(ws, 1, col++, h, wb.bold_);
  lxw_row_t row = 2;
  std::vector<int> years;
  for (int y = in.baseYear + 1; y <= in.horizon; ++y) years.push_back(y);
  for (const auto& s : in.scenarios) {
    if (s.scenario.interventions.empty() || !in.care) continue;
    for (const auto& area : in.areas) {
      for (const auto& b : budgetLinesFromResults(s.results, *in.care, area.code, years)) {
        worksheet_write_string(ws, row, 0, s.scenario.name.c_str(), nullptr);
        worksheet_write_string(ws, row, 1, area.code.c_str(), nullptr);
        worksheet_write_string(ws, row, 2, area.name.c_str(), nullptr);
        worksheet_write_number(ws, row, 3, b.year, nullptr);
        col = 4;
        for (double v : {b.wmoWithout, b.wmoWith, b.jeugdWithout, b.jeugdWith, b.programme, b.net})
          worksheet_write_number(ws, row, col++, v, wb.number_);
        ++row;
      }
    }
  }
  worksheet_set_column(ws, 0, 0, 28, nullptr);
  worksheet_set_column(ws, 1, 3, 12, nullptr);
  worksheet_set_column(ws, 4, 9, 16, nullptr);
  worksheet_freeze_panes(ws, 2, 4);
}

void writeProvenanceSheet(Workbook& wb, const ReportInput& in) {
  lxw_worksheet* ws = wb.sheet("Verantwoording");
  const auto& p = in.provenance;
  std::vector<std::pair<std::string, std::string> > rows{
      {"Programma", "zorgsim " + p.programVersion},
      {"Commit", p.programCommit},
      {"Rekenmodel", p.engine == "agent" ? "agent-gebaseerde microsimulatie"
                                         : "cohort-componentenmodel (deterministisch)"},
      {"Replicaties", std::to_string(p.replicates)},
      {"Seed", std::to_string(p.seed)},
      {"Gegevens", p.dataName + ", versie " + p.dataVersion},
      {"Basisjaar", std::to_string(in.baseYear)},
      {"Horizon", std::to_string(in.horizon)},
      {"Gebied", p.regionFilter.empty() ? "alle gemeenten van de dataset" : p.regionFilter},
      {"Basisscenario", in.baselineLabel + " (inhoudshash " + in.baseline.contentHash() + ")"},
  };
  for (const auto& s : in.scenarios) {
    rows.push_back({"Scenario " + s.scenario.name,
                    "inhoudshash " + s.scenario.contentHash() + "; " + s.scenario.description});
  }
  for (const auto& f : in.failed) rows.push_back({"Niet doorgerekend", f.message});
  rows.push_back(
      {"Bron",
       "Bevolking, geboorten, verhuizingen, regio-indelingen: CBS StatLine (Bron: CBS), CC BY 4.0"});
  rows.push_back(
      {"Bron",
       "Sterfte, vruchtbaarheid, migratie, levensverwachting Nederland: United Nations, DESA, Population Division (2024). "
       "World Population Prospects 2024, CC BY 3.0 IGO"});
  rows.push_back(
      {"Bron",
       "Zorggebruik, kosten en zorgpersoneel: CBS, Monitor Langdurige Zorg, NJi, Jeugdautoriteit, VWS, Vektis, AZW "
       "(per parameter in de zorgcatalogus van de dataset)"});
  rows.push_back({"Bron", "Details per bestand: data/gelderland/SOURCES.md"});
  rows.push_back(
      {"Kolommen",
       "De bladen Bevolking, Zorg, Personeel en Preventie volgen het uitvoercontract van results.csv (README, "
       "'Output contract'), met een kolom per jaar. Kolom statistic: value (cohortmodel) of, bij een "
       "agent-run, mean, p05 en p95 over de replicaties."});
  for (const auto& spec : leverSpecs()) {
    if (spec.source.rfind("assumption", 0) == 0)
      rows.push_back({"Aanname: " + std::string(spec.key), std::string(spec.source)});
  }
  for (const auto& spec : tableLeverSpecs()) {
    if (spec.source.find("assumption") != std::string_view::npos)
      rows.push_back({"Aanname: " + std::string(spec.key), std::string(spec.source)});
  }
  std::map<std::string, std::string> interventions;
  for (const auto& s : in.scenarios) {
    for (const auto& i : s.scenario.interventions) interventions[i.id] = i.source;
  }
  for (const auto& [id, source] : interventions)
    rows.push_back({"Aanname: prevention." + id, source});
  worksheet_write_string(ws, 0, 0, "onderdeel", wb.bold_);
  worksheet_write_string(ws, 0, 1, "waarde", wb.bold_);
  lxw_row_t row = 1;
  for (const auto& [k, v] : rows) {
    worksheet_write_string(ws, row, 0, k.c_str(), nullptr);
    worksheet_write_string(ws, row, 1, v.c_str(), wb.wrap_);
    ++row;
  }
  worksheet_set_column(ws, 0, 0, 40, nullptr);
  worksheet_set_column(ws, 1, 1, 120, nullptr);
}

}  // namespace

void writeXlsxReport(const ReportInput& in, const std::filesystem::path& file) {
  const std::filesystem::path tmp = file.parent_path() / ("." + file.filename().string() + ".tmp." +
                                                          std::to_string(platform::processId()));
  try {
    Workbook wb(tmp, creationTime());
    for (const auto& group : xlsxSheetNames()) {
      if (group == "Parameters")
        writeParameterSheet(wb, in);
      else if (group == "Begroting")
        writeBudgetSheet(wb, in);
      else if (group == "Verantwoording")
        writeProvenanceSheet(wb, in);
      else
        writeGroupSheet(wb, in, group);
    }
    wb.close(tmp);
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    throw;
  }
  if (const std::string why = platform::replaceFile(tmp, file); !why.empty()) {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    throw OutputError("cannot move " + tmp.string() + " to " + file.string() + ": " + why);
  }
}

#endif

}  // namespace zorgsim::report
