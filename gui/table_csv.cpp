#include "gui/table_csv.hpp"

#include "gui/indicators.hpp"
#include "gui/municipal_figures.hpp"
#include "gui/session.hpp"
#include "gui/text_fit.hpp"
#include "gui/ui.hpp"
#include "gui/widgets.hpp"
#include "models/agents/solidarity.hpp"
#include "sim/atomic_output.hpp"
#include "sim/platform.hpp"
#include "sim/result_table.hpp"

#include <imgui.h>

namespace zorgsim::gui {

namespace {

// A file-name part: letters, digits and '-' only.
std::string fileSafe(const std::string& s) {
  std::string out;
  for (char c : s) out += std::isalnum(static_cast<unsigned char>(c)) || c == '-' ? c : '_';
  return out;
}

}  // namespace

std::string tableCsv(const TableExport& t) {
  std::string out =
      "table,region_code,region,year,scenario,reference,area_code,area,figure,unit,value,"
      "reference_value,difference\n";
  const std::string lead = csvField(t.table) + "," + csvField(t.regionCode) + "," +
                           csvField(t.regionName) + "," + std::to_string(t.year) + ",";
  for (const TableCell& c : t.cells) {
    const bool ref = !t.reference.empty() && std::isfinite(c.reference);
    out += lead + csvField(c.scenario) + "," + csvField(t.reference) + "," + csvField(c.areaCode) +
           "," + csvField(c.area) + "," + csvField(c.figure) + "," + csvField(c.unit) + "," +
           csvNumber(c.value) + "," + (ref ? csvNumber(c.reference) : "") + "," +
           (ref && std::isfinite(c.value) ? csvNumber(c.value - c.reference) : "") + "\n";
  }
  return out;
}

std::filesystem::path saveTableCsv(const TableExport& t, const std::filesystem::path& dir) {
  const auto file =
      dir / platform::pathFromUtf8("tabel-" + fileSafe(t.table) + "-" + fileSafe(t.regionCode) +
                                   "-" + std::to_string(t.year) + ".csv");
  writeFileAtomically(file, tableCsv(t));
  return file;
}

TableExport sideBySideExport(const SideBySide& s, const std::string& regionCode,
                             const std::string& regionName, int year, const std::string& scenario,
                             const std::string& reference) {
  TableExport t{"municipalities", regionCode, regionName, year, reference, {}};
  for (const SideBySideRow& r : s.rows) {
    for (std::size_t c = 0; c < s.codes.size(); ++c) {
      t.cells.push_back({scenario, s.codes[c], s.names[c], r.key, r.csvUnit, r.values[c],
                         r.reference.empty() ? std::nan("") : r.reference[c]});
    }
  }
  return t;
}

TableExport comparisonExport(const Ui& ui, const std::vector<ScenarioLine>& lines,
                             std::size_t base) {
  const Session& s = ui.session;
  const std::string code = s.focusCode();
  const int year = ui.state.year;
  TableExport t{"comparison", code, s.focusName(), year, lines[base].name, {}};
  const ScenarioRun* baseRun = lines[base].run;
  for (const ScenarioLine& l : lines) {
    if (!l.run) continue;  // still computing: left out rather than written as empty
    for (const Figure& f : keyFigures()) {
      if (f.needsCare && s.care().empty()) continue;
      const std::string unit = *f.unitKey ? tr(Lang::En, f.unitKey)
                               : std::string_view(f.key) == "grey_pressure" ? "per 100 aged 20-64"
                                                                            : "persons";
      t.cells.push_back(
          {l.name, code, s.focusName(), f.key, unit,
           f.value(l.run->results, code, year, s.baseYear()),
           baseRun ? f.value(baseRun->results, code, year, s.baseYear()) : std::nan("")});
    }
  }
  return t;
}

TableExport solidarityExport(const SolidarityResult& r, const std::string& scenario) {
  TableExport t{"solidarity", r.regionCode, r.regionName, r.year, "", {}};
  for (const SolidarityRow& row : r.rows) {
    const std::string key = poolKeyName(row.key);
    auto add = [&](const char* measure, const char* unit, double v) {
      t.cells.push_back({scenario, row.code, row.name, key + ":" + measure, unit, v, std::nan("")});
    };
    add("expected_cost", "euro", row.mean);
    add("risk_p95_minus_mean", "euro", row.riskEuro);
    add("risk", "percent of expected cost alone", row.riskPercent);
    add("expected_transfer", "euro", row.expectedTransfer);
  }
  return t;
}

bool tableCsvButton(Ui& ui, bool sameLine, const char* staleKey) {
  // Not on a snapshot page: a button is no part of the minutes (a script's request waits).
  if (ui.state.snapshotPage) return false;
  const float w = ImGui::CalcTextSize(ui.t("csv.save")).x + ImGui::GetStyle().FramePadding.x * 2;
  if (sameLine) {
    ImGui::SameLine(0, ui.fontSize);
    if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
  }
  if (staleKey) ImGui::BeginDisabled();
  const bool pressed = ImGui::Button(ui.t("csv.save"));
  if (staleKey) ImGui::EndDisabled();
  checkItemInside(ui.t("csv.save"));
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    wrappedTooltip(ui.t(staleKey ? staleKey : "csv.help"));
  const bool asked = ui.state.tableCsvRequested;
  ui.state.tableCsvRequested = false;
  if (staleKey && asked) {
    ui.state.error = ui.t(staleKey);
    ui.session.reportError(ui.state.error);
    return false;
  }
  return !staleKey && (pressed || asked);
}

void saveTable(Ui& ui, const TableExport& t) {
  try {
    const auto file = saveTableCsv(t, ui.state.exportDir);
    ui.state.exported.push_back(platform::utf8FromPath(file));
    ui.state.statusKey = "csv.saved";
    ui.state.statusPath = platform::utf8FromPath(file);
  } catch (const std::exception& e) {
    ui.state.error = std::string(ui.t("csv.failed")) + " " +
                     platform::utf8FromPath(ui.state.exportDir) + " (" + e.what() + ")";
    ui.session.reportError(ui.state.error);
  }
}

}  // namespace zorgsim::gui
