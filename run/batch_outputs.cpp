// The batch's own files on rank 0, made from the published scenario folders: the comparison,
// the reports and the batch manifest; and the summary printed at the end.

#include "models/data/default_locations.hpp"
#include "report/comparison_csv.hpp"
#include "report/html_report.hpp"
#include "report/result_files.hpp"
#include "report/xlsx_report.hpp"
#include "run/batch_runner.hpp"
#include "sim/atomic_output.hpp"
#include "sim/version.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>

namespace zorgsim {

namespace fs = std::filesystem;

namespace {

// The areas that get a section in the report: the chosen region, else the province and its
// care regions (zorgregio), as far as the results have them.
std::vector<report::ReportArea> reportAreas(const ResultTable& results, const Dataset& data,
                                            const std::string& region) {
  std::vector<std::string> codes;
  if (!region.empty()) {
    if (const Region* r = data.findRegion(region))
      codes.push_back(r->code);
    else if (data.indexOf(region) >= 0)
      codes.push_back(region);
    else {
      for (const auto& m : data.municipalities) {
        if (m.name == region) codes.push_back(m.code);
      }
    }
  } else {
    codes.push_back(data.provinceCode);
    for (const Region* r : data.regionsOfType("zorgregio")) codes.push_back(r->code);
  }
  std::vector<report::ReportArea> areas;
  std::set<std::string> seen;
  for (const auto& code : codes) {
    for (const auto& a : results.areas()) {
      if (a.code == code && seen.insert(code).second) areas.push_back({a.code, a.name, a.level});
    }
  }
  if (areas.empty() && !results.areas().empty()) {
    const auto& a = results.areas().front();
    areas.push_back({a.code, a.name, a.level});
  }
  return areas;
}

// The baseline that "differs from" refers to: a scenario of the batch called baseline, else the
// shipped baseline.toml, else every lever at its default.
void chooseBaseline(report::ReportInput& ri, const std::vector<report::ReportScenario>& results) {
  ri.baseline = Scenario();
  ri.baselineLabel = "standaardwaarden";
  for (const auto& r : results) {
    if (r.scenario.name == "baseline") {
      ri.baseline = r.scenario;
      ri.baselineLabel = "baseline";
      return;
    }
  }
  try {
    ri.baseline = loadScenario(defaultScenarioFile());
    ri.baselineLabel = ri.baseline.name;
  } catch (const InputError&) {
  }
}

}  // namespace

std::vector<const BatchRunner::Loaded*> BatchRunner::doneScenarios() const {
  std::set<std::string> failedFiles;
  for (const auto& f : failures_) failedFiles.insert(f.file);
  // Scenarios with a result in the folder (computed now or earlier), in command-line order.
  std::vector<const Loaded*> done;
  for (const auto& l : good_) {
    if (!failedFiles.count(l.file)) done.push_back(&l);
  }
  return done;
}

int BatchRunner::finish(const fs::path& out, double seconds) {
  int status = 0;
  for (const auto& f : failures_) status = std::max(status, f.exitCode);
  const std::vector<const Loaded*> done = doneScenarios();
  try {
    std::vector<report::ReportScenario> results;
    for (const Loaded* l : done) {
      report::ReportScenario rs;
      rs.scenario = l->scenario;
      ResultTable low, high;
      bool bands = false, errorBands = false;
      rs.results = report::readResultsCsv(out / l->scenario.name / "results.csv", &low, &high,
                                          &bands, &errorBands);
      if (errorBands) {
        rs.bandLow = std::move(low);
        rs.bandHigh = std::move(high);
        rs.bandKind = report::BandKind::ForecastError;
      } else if (bands) {
        rs.bandKind = o_.uncertaintySpec ? report::BandKind::Parameters : report::BandKind::Chance;
        rs.bandLow = std::move(low);
        rs.bandHigh = std::move(high);
        rs.shortage = report::readShortageCsv(out / l->scenario.name / "shortage_probability.csv");
      }
      results.push_back(std::move(rs));
    }
    if (!results.empty()) {
      std::vector<report::NamedResults> named;
      for (const auto& r : results) named.push_back({r.scenario.name, &r.results});
      writeFileAtomically(out / "comparison.csv", report::comparisonCsv(named));
      written_.push_back("comparison.csv");
      if (!o_.reports.empty()) writeReports(out, results);
    }
    writeFileAtomically(out / "manifest.json", batchManifest(done, written_));
  } catch (const OutputError& e) {
    std::cerr << "zorgsim: cannot write results: " << e.what() << "\n";
    status = std::max(status, 3);
  } catch (const InputError& e) {
    std::cerr << "zorgsim: error: a published result cannot be read back: " << e.what() << "\n";
    status = std::max(status, 3);
  }
  printSummary(out, done.size(), seconds);
  return status;
}

void BatchRunner::printSummary(const fs::path& out, std::size_t done, double seconds) const {
  const std::size_t skipped = done - std::min(done, computed_);
  std::cerr << fmt::format(
      "zorgsim batch: {} scenario{}: {} computed, {} up to date, {} failed ({}, {:.1f} s)\n",
      o_.scenarioFiles.size(), o_.scenarioFiles.size() == 1 ? "" : "s", computed_, skipped,
      failures_.size(), net_.name(), seconds);
  for (const auto& f : failures_) std::cerr << "  failed: " << f.message << "\n";
  if (done == 0 && written_.empty()) {
    std::cout << "zorgsim batch: no results written to " << out.string() << "\n";
    return;
  }
  std::cout << "zorgsim batch: results in " << out.string();
  if (!written_.empty()) {
    std::string list;
    for (const auto& w : written_) list += (list.empty() ? "" : ", ") + w;
    std::cout << " (" << list << ")";
  }
  std::cout << "\n";
}

void BatchRunner::writeReports(const fs::path& out, std::vector<report::ReportScenario>& results) {
  const Inputs& in = *inputs_;
  report::ReportInput ri;
  ri.care = &in.care;
  ri.areas = reportAreas(results.front().results, in.data, o_.region);
  int first = 0, last = 0;
  for (const auto& row : results.front().results.rows()) {
    if (first == 0 || row.year < first) first = row.year;
    last = std::max(last, row.year);
  }
  ri.baseYear = first;
  ri.horizon = last;
  std::set<std::string> codes;
  for (const auto& a : ri.areas) codes.insert(a.code);
  for (auto& r : results) {
    r.population =
        report::readPopulationCsv(out / r.scenario.name / "population.csv", codes, {first, last});
  }
  chooseBaseline(ri, results);
  for (const auto& f : failures_) ri.failed.push_back({f.file, f.message});
  ri.provenance.programVersion = kProgramVersion;
  ri.provenance.programCommit = kProgramCommit;
  ri.provenance.engine = o_.engine;
  ri.provenance.seed = o_.seed;
  ri.provenance.replicates = o_.replicates;
  ri.provenance.dataName = in.data.name;
  ri.provenance.dataVersion = in.data.version;
  ri.provenance.regionFilter = o_.region;
  ri.scenarios = std::move(results);
  for (const auto& kind : std::set<std::string>(o_.reports.begin(), o_.reports.end())) {
    if (kind == "html") {
      writeFileAtomically(out / "report.html", report::htmlReport(ri));
      written_.push_back("report.html");
    } else if (kind == "xlsx") {
      report::writeXlsxReport(ri, out / "report.xlsx");
      written_.push_back("report.xlsx");
    }
  }
  results = std::move(ri.scenarios);
}

// DIR/manifest.json: what the batch folder holds. No clock and no run statistics in it, so an
// interrupted-and-resumed batch and an MPI batch give the same bytes as a plain one.
std::string BatchRunner::batchManifest(const std::vector<const Loaded*>& done,
                                       const std::vector<std::string>& files) const {
  const Dataset& data = inputs_->data;
  nlohmann::ordered_json j;
  j["program"] = "zorgsim";
  j["version"] = kProgramVersion;
  j["commit"] = kProgramCommit;
  j["command"] = "batch";
  j["engine"] = o_.engine;
  j["seed"] = o_.seed;
  j["replicates"] = o_.replicates;
  j["region_filter"] = o_.region;
  j["data"] = {{"name", data.name}, {"version", data.version}, {"folder", data.folder.string()}};
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Loaded* l : done) {
    list.push_back({{"name", l->scenario.name},
                    {"file", l->file},
                    {"content_hash", l->scenario.contentHash()},
                    {"folder", l->scenario.name}});
  }
  j["scenarios"] = list;
  nlohmann::ordered_json bad = nlohmann::ordered_json::array();
  for (const auto& f : failures_) bad.push_back({{"file", f.file}, {"error", f.message}});
  j["failed"] = bad;
  j["files"] = files;
  return j.dump(2) + "\n";
}

}  // namespace zorgsim
