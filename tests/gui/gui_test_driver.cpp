// Runs zorgsim-gui scripts under Xvfb and checks what comes out:
//   smoke    every view, a region, a lever, interventions, agent runs (solidarity, bands, one
//            cancelled), a comparison, a broken scenario file, workshop mode and English at
//            1280x800; asserts on the printed state (population, prevention figures and the
//            decomposition must equal runScenario's, the solidarity table and the bands the
//            agent ensemble's for the same seed) and on the screenshots;
//   large    every view at 1920x1080, normal and workshop;
//   golden   pyramid, map and tornado screenshots against tests/gui/golden/*.png with a tolerance
//            (mean absolute difference per channel); ZORGSIM_ACCEPT_GOLDEN=1 writes new ones;
//   layout-WxH  every view, both modes and languages at one window size; fails on clipped
//            text;
//   script-errors  a mistyped script fails before any window opens, naming file and line.
// Exit status: 0 pass, 1 fail, 77 skipped (no xvfb-run).
//
// Usage: gui_test_driver MODE ZORGSIM_GUI SOURCE_DIR OUT_DIR

#include "models/agents/agent_engine.hpp"
#include "models/care/care_projection.hpp"
#include "models/care/decomposition.hpp"
#include "models/agents/ensemble.hpp"
#include "models/scenario/scenario.hpp"
#include "models/scenario/scenario_run.hpp"
#include "models/agents/solidarity.hpp"

#include <nlohmann/json.hpp>
#include <stb_image.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

int failures = 0;

void check(bool ok, const std::string& what) {
  std::printf("%s %s\n", ok ? "ok  " : "FAIL", what.c_str());
  if (!ok) ++failures;
}

struct Result {
  int status = -1;
  std::string out;
};

// Runs a shell command, capturing stdout (stderr goes to `errFile`).
Result run(const std::string& command, const fs::path& errFile) {
  Result r;
  const std::string full = command + " 2>" + errFile.string();
  FILE* p = popen(full.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int status = pclose(p);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string quote(const std::string& s) { return "'" + s + "'"; }

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool haveXvfb() { return std::system("command -v xvfb-run >/dev/null 2>&1") == 0; }

// Plays a script under a fresh Xvfb of the given size; returns the parsed state.
json playScript(const std::string& gui, const fs::path& script, const fs::path& out, int width,
                int height, int& status) {
  fs::remove_all(out);
  fs::create_directories(out);
  const std::string cmd =
      "xvfb-run -a -s " +
      quote("-screen 0 " + std::to_string(width) + "x" + std::to_string(height) + "x24") + " " +
      quote(gui) + " --script " + quote(script.string()) + " --screenshots " + quote(out.string());
  const Result r = run(cmd, out / "stderr.txt");
  status = r.status;
  std::ofstream(out / "state.json") << r.out;
  try {
    return json::parse(r.out);
  } catch (const std::exception& e) {
    std::printf("could not parse the state (%s); stderr:\n%s\n", e.what(),
                readFile(out / "stderr.txt").c_str());
    return json::object();
  }
}

struct Image {
  int w = 0, h = 0;
  std::vector<unsigned char> rgb;
};

Image load(const fs::path& p) {
  Image img;
  int channels = 0;
  unsigned char* data = stbi_load(p.string().c_str(), &img.w, &img.h, &channels, 3);
  if (data) {
    img.rgb.assign(data,
                   data + static_cast<std::size_t>(img.w) * static_cast<std::size_t>(img.h) * 3);
    stbi_image_free(data);
  }
  return img;
}

// Standard deviation of the grey level: a blank or single-colour frame is close to 0.
double contrast(const Image& img) {
  double sum = 0, sum2 = 0;
  const std::size_t n = img.rgb.size() / 3;
  for (std::size_t i = 0; i < n; ++i) {
    const double g = (img.rgb[3 * i] + img.rgb[3 * i + 1] + img.rgb[3 * i + 2]) / 3.0;
    sum += g;
    sum2 += g * g;
  }
  const double mean = sum / double(n);
  return std::sqrt(std::max(0.0, sum2 / double(n) - mean * mean));
}

double meanAbsDiff(const Image& a, const Image& b) {
  double d = 0;
  for (std::size_t i = 0; i < a.rgb.size(); ++i) d += std::abs(int(a.rgb[i]) - int(b.rgb[i]));
  return d / double(a.rgb.size());
}

void checkScreenshots(const json& state, int width, int height,
                      const std::vector<std::string>& mustInclude) {
  const auto shots = state.value("screenshots", json::array());
  check(!shots.empty(), "screenshots written");
  bool allGood = true;
  for (const auto& s : shots) {
    const Image img = load(s.get<std::string>());
    const bool good = img.w == width && img.h == height && contrast(img) > 20;
    if (!good)
      std::printf("     bad screenshot %s (%dx%d, contrast %.1f)\n", s.get<std::string>().c_str(),
                  img.w, img.h, contrast(img));
    allGood = allGood && good;
  }
  check(allGood, "every screenshot is " + std::to_string(width) + "x" + std::to_string(height) +
                     " and not blank");
  for (const auto& name : mustInclude) {
    bool found = false;
    for (const auto& s : shots)
      found = found || s.get<std::string>().find(name) != std::string::npos;
    check(found, "a screenshot of " + name);
  }
}

bool near(const json& v, double expected, double relative = 1e-9) {
  return v.is_number() &&
         std::abs(v.get<double>() - expected) <= relative * std::max(1.0, std::abs(expected));
}

// The prevention view's numbers in the state equal the run's indicators and decompose().
void checkPrevention(const json& st, const zorgsim::ScenarioRun& run, const zorgsim::Dataset& data,
                     const zorgsim::CareModel& care, const zorgsim::Scenario& s,
                     const std::string& area, int year) {
  const json& p = st["prevention"];
  check(p["active"] == json::array({"valpreventie_65plus", "welzijn_op_recept"}),
        "prevention: two interventions active");
  auto indicator = [&](int y, const char* name) {
    return run.results.find(area, y, name, "total", "total", "total");
  };
  check(p["year"] == year && near(p["avoided_fte"], indicator(year, "avoided_workforce_fte")) &&
            p["avoided_fte"].get<double>() > 0,
        "prevention: avoided FTE in the year equals runScenario (and is positive)");
  check(near(p["return_per_euro"], indicator(run.plan.horizon, "return_per_euro")),
        "prevention: return per euro equals runScenario");
  check(p["break_even_year"] == std::lround(indicator(run.plan.horizon, "break_even_year")),
        "prevention: break-even year equals runScenario");
  double programme = 0;
  for (int y = run.plan.baseYear; y <= run.plan.horizon; ++y)
    programme += indicator(y, "programme_cost");
  check(near(p["programme_cost_total"], programme),
        "prevention: programme cost summed over the years equals runScenario");

  const json& d = p["decomposition_fte"];
  std::size_t a = 0;
  while (a < run.areas.size() && run.areas[a].code != area) ++a;
  const auto w =
      zorgsim::decomposeWorkforce(run, data, care, s, a, d["from"].get<int>(), d["to"].get<int>());
  const double demography = w.parts.demography, trend = w.parts.trend,
               prevention = w.parts.prevention;
  check(near(d["from_fte"], w.fromFte) && near(d["to_fte"], w.toFte),
        "decomposition levels are the workforce demand of the two years");
  check(d["from"] == run.plan.baseYear && d["to"] == year,
        "decomposition: base year to the selected year");
  check(near(d["demography"], demography) && near(d["trend"], trend, 1e-6) &&
            near(d["prevention"], prevention),
        "decomposition parts equal models/decomposition");
  check(near(json(d["from_fte"].get<double>() + demography + trend + prevention),
             d["to_fte"].get<double>()),
        "decomposition: first level + parts = last level");
  check(prevention < 0, "decomposition: prevention lowers the staff needed");
}

// Solidarity and bands in the state equal the agent ensemble run here with the GUI's seed
// (1) and replicates; the results do not depend on the number of threads.
void checkAgentRuns(const json& st, const zorgsim::Dataset& data, const zorgsim::CareModel& care,
                    const zorgsim::Scenario& s, const zorgsim::Region& region, int year) {
  using namespace zorgsim;
  const json& sol = st["agent"]["solidarity"];
  check(sol["status"] == "done" && sol["has_result"] == true && sol["stale"] == false &&
            sol["replicates"] == 100 && sol["region"] == region.code,
        "solidarity: a current 100-replicate run for the region");
  Scenario shortened = s;
  SolidarityOptions so;
  so.year = data.baseYear + 1;
  shortened[Lever::Horizon] = so.year;
  EnsembleOptions e;
  e.seed = 1;
  e.replicates = 100;
  const SolidarityResult r = runSolidarity(prepareAgentModel(data, care, shortened, region.members),
                                           data, so, e, region.code, region.name);
  bool same = near(sol["region_mean"], r.rows.back().mean) &&
              near(sol["region_p95"], r.rows.back().p95) && sol["year"] == r.year;
  for (std::size_t i = 0; i + 1 < r.rows.size(); i += kPoolKeys)
    same = same && near(sol["risk_percent_alone"][r.rows[i].code], r.rows[i].riskPercent);
  check(same,
        "solidarity table equals runSolidarity (region mean, P95, risk alone per municipality)");

  const json& bands = st["agent"]["bands"];
  check(bands["status"] == "cancelled" && bands["has_result"] == true && bands["stale"] == false &&
            bands["replicates"] == 10,
        "bands: the 200-replicate run was cancelled, the 10-replicate result is kept and current");
  e.replicates = 10;
  const EnsembleResult er = runEnsemble(prepareAgentModel(data, care, s, region.members), data, e);
  const ResultTable& t = er.layout;
  bool found = false;
  for (std::size_t i = 0; i < t.rows().size(); ++i) {
    const ResultRow& row = t.rows()[i];
    if (t.areas()[row.area].code != region.code || row.year != year ||
        t.text(row.key.indicator) != "workforce_gap_fte" || t.text(row.key.careType) != "total" ||
        t.text(row.key.sex) != "total" || t.text(row.key.ageGroup) != "total") {
      continue;
    }
    const json& g = bands["workforce_gap_fte"];
    found = near(g["p05"], er.p05[i]) && near(g["p95"], er.p95[i]) && near(g["mean"], er.mean[i]) &&
            er.p05[i] < er.p95[i];
  }
  check(found, "bands: P5 and P95 of the workforce gap equal runEnsemble's");
}

int smoke(const std::string& gui, const fs::path& src, const fs::path& out) {
  int status = 0;
  const json st = playScript(gui, src / "tests/gui/smoke.script", out, 1280, 800, status);
  check(status == 0, "zorgsim-gui --script exits 0 (status " + std::to_string(status) + ")");
  if (st.empty()) return 1;

  using namespace zorgsim;
  const Dataset data = loadDataset(src / "data/gelderland");
  const CareModel care = loadCareModel(data);
  const Region* ach = data.findRegion("Achterhoek");
  check(st["region"]["name"] == "Achterhoek" && st["region"]["code"] == ach->code,
        "region Achterhoek selected");
  check(st["area"]["code"] == ach->code, "the selected area is the region (municipality cleared)");
  check(st["scenario"]["levers"]["demography.fertility_multiplier"] == 1.2,
        "lever demography.fertility_multiplier = 1.2");
  // The GUI's scenario: the baseline, the lever, and two interventions switched on in the levers
  // panel.
  Scenario s = loadScenario(src / "scenarios/baseline.toml");
  s[Lever::FertilityMultiplier] = 1.2;
  s.activeInterventions = {"valpreventie_65plus", "welzijn_op_recept"};
  resolveInterventions(s);
  check(st["scenario"]["hash"] == s.contentHash(),
        "scenario hash equals baseline + lever + the two interventions");
  check(st["scenario"]["modified"] == true && st["scenario"]["name"] == "baseline",
        "scenario is the edited baseline (the broken file changed nothing)");
  check(st["comparisons"].size() == 1 && st["comparisons"][0]["computed"] == true,
        "one comparison scenario, computed");
  check(st["workshop"] == true && st["language"] == "en" && st["view"] == "map",
        "workshop on (by F5), English, map view");

  bool brokenReported = false;
  for (const auto& e : st["errors"]) {
    const std::string m = e.get<std::string>();
    brokenReported = brokenReported || (m.find("broken_scenario.toml:") != std::string::npos &&
                                        m.find("field '") != std::string::npos);
  }
  check(brokenReported, "the broken scenario file is reported with file, line and field");

  // The population in the state equals an independent runScenario of the same scenario.
  const ScenarioRun run = runScenario(data, care, s, selectMunicipalities(data, "Achterhoek"));
  bool equal = st["population"].size() == static_cast<std::size_t>(s.horizon() - data.baseYear + 1);
  for (const auto& [year, value] : st["population"].items()) {
    const double expected = run.results.find(ach->code, std::stoi(year), "population");
    equal =
        equal && value.is_number() && std::abs(value.get<double>() - expected) <= 1e-9 * expected;
  }
  check(equal, "population of the region per year equals runScenario (" +
                   std::to_string(st["population"].size()) + " years)");
  const int year = st["year"].get<int>();
  check(std::abs(st["key_figures"]["population"].get<double>() -
                 run.results.find(ach->code, year, "population")) < 1e-6,
        "key figure population in " + std::to_string(year) + " equals runScenario");

  checkPrevention(st, run, data, care, s, ach->code, year);
  checkAgentRuns(st, data, care, s, *ach, year);

  checkScreenshots(
      st, 1280, 800,
      {"view-map", "view-pyramid", "view-timeseries", "view-prevention", "view-comparison",
       "view-solidarity", "prevention-empty", "prevention-active", "solidarity-table",
       "timeseries-bands", "key-F5", "load-scenario", "click-municipality", "language-en"});
  // The chart export of the map view: the page for the minutes as PNG (the window's size, as a
  // kept moment), the map's data as CSV and SVG.
  const fs::path csv = out / "smoke-map.csv";
  const std::string csvText = readFile(csv);
  check(csvText.rfind("code,name,value\n", 0) == 0 &&
            std::count(csvText.begin(), csvText.end(), '\n') == 52,
        "exported map CSV has a row per municipality");
  check(readFile(out / "smoke-map.svg").rfind("<?xml", 0) == 0, "exported map SVG");
  const Image page = load(out / "smoke.png");
  check(page.w == 1280 && page.h == 800, "exported map page PNG at the window's size");
  // The export of the comparison and the kept moment of the solidarity view write the table on
  // screen as CSV (gui/table_csv.hpp) beside the page.
  const Image comparisonPage = load(out / "vergelijking.png");
  check(comparisonPage.w == 1280 && comparisonPage.h == 800, "exported comparison page PNG");
  for (const char* table : {"vergelijking-tabel-comparison.csv", "moment-01-tabel-solidarity.csv"})
    check(readFile(out / table).rfind("table,region_code,region,year,", 0) == 0,
          std::string(table) + " written with its page");
  return failures ? 1 : 0;
}

int large(const std::string& gui, const fs::path& src, const fs::path& out) {
  int status = 0;
  const json st = playScript(gui, src / "tests/gui/large.script", out, 1920, 1080, status);
  check(status == 0, "zorgsim-gui --script exits 0 at 1920x1080");
  if (st.empty()) return 1;
  check(st["window"]["width"] == 1920 && st["window"]["height"] == 1080, "window is 1920x1080");
  check(st["region"]["name"] == "Rivierenland", "region Rivierenland selected");
  // A prevention scenario file opened: its figures for this region are runScenario's.
  using namespace zorgsim;
  const Dataset data = loadDataset(src / "data/gelderland");
  const Region* riv = data.findRegion("Rivierenland");
  const Scenario s = loadScenario(src / "scenarios/achterhoek-preventie.toml");
  const ScenarioRun run = runScenario(data, loadCareModel(data), s, riv->members);
  check(st["prevention"]["active"].size() == s.interventions.size() && !s.interventions.empty() &&
            near(st["prevention"]["return_per_euro"],
                 run.results.find(riv->code, run.plan.horizon, "return_per_euro", "total", "total",
                                  "total")),
        "prevention scenario file: return per euro equals runScenario");
  check(st["agent"]["solidarity"]["has_result"] == true &&
            st["agent"]["solidarity"]["stale"] == false,
        "solidarity table for the region");
  check(st["agent"]["bands"]["stale"] == true,
        "bands computed before the scenario changed are marked stale");
  checkScreenshots(
      st, 1920, 1080,
      {"view-map", "view-pyramid", "view-timeseries", "view-comparison", "workshop-map",
       "workshop-prevention", "solidarity-table", "timeseries-bands-hover"});
  return failures ? 1 : 0;
}

int golden(const std::string& gui, const fs::path& src, const fs::path& out) {
  int status = 0;
  const json st = playScript(gui, src / "tests/gui/golden.script", out, 1280, 800, status);
  check(status == 0, "zorgsim-gui --script exits 0");
  const bool accept = std::getenv("ZORGSIM_ACCEPT_GOLDEN") != nullptr;
  // Mean absolute difference per channel (0-255). Text or a bar moving by a pixel stays far
  // below it; a changed layout, colour or empty chart does not.
  constexpr double kTolerance = 1.5;
  for (const char* name : {"pyramid", "map", "municipalities", "tornado"}) {
    const fs::path shot = out / (std::string(name) + ".png");
    const fs::path ref = src / "tests/gui/golden" / (std::string(name) + ".png");
    if (accept) {
      fs::copy_file(shot, ref, fs::copy_options::overwrite_existing);
      std::printf("accepted %s\n", ref.string().c_str());
      continue;
    }
    const Image a = load(shot), b = load(ref);
    if (b.w == 0) {
      check(false, std::string(name) + ": no golden image " + ref.string() +
                       " (accept with the accept-golden-gui target)");
      continue;
    }
    const bool sameSize = a.w == b.w && a.h == b.h;
    const double diff = sameSize ? meanAbsDiff(a, b) : 1e9;
    char msg[256];
    std::snprintf(msg, sizeof msg,
                  "%s matches its golden image (mean abs diff %.3f, tolerance %.1f)", name, diff,
                  kTolerance);
    check(sameSize && diff <= kTolerance, msg);
  }
  // The figures on screen (relative 1e-6: below any shown digit, above the rounding of another
  // compiler): the image tolerance lets a changed number pass
  // (a digit is a few pixels), so the key figures of the last view are a golden of their own.
  const fs::path figuresRef = src / "tests/gui/golden/key_figures.json";
  const json figures = st.value("key_figures", json::object());
  if (accept) {
    std::ofstream(figuresRef) << figures.dump(2) << "\n";
    std::printf("accepted %s\n", figuresRef.string().c_str());
    return failures ? 1 : 0;
  }
  const std::string refText = readFile(figuresRef);
  const json ref = refText.empty() ? json::object() : json::parse(refText);
  check(!ref.empty() && ref.size() == figures.size(),
        "key figures match tests/gui/golden/key_figures.json (accept with accept-golden-gui)");
  for (const auto& [key, value] : ref.items()) {
    const double want = value.get<double>();
    const double got = figures.value(key, std::nan(""));
    check(std::abs(got - want) <= 1e-6 * std::max(1.0, std::abs(want)),
          "key figure " + key + ": " + std::to_string(got) + " (golden " + std::to_string(want) +
              ")");
  }
  return failures ? 1 : 0;
}

// layout-WxH: tests/gui/layout.script (every view, both modes, both languages) at one window
// size; no text item may be clipped (the state's "text_overflow" lists glyphs drawn outside
// their clip rectangle and text the layout code measured wider than its box).
int layout(const std::string& gui, const fs::path& src, const fs::path& out,
           const std::string& size) {
  int width = 0, height = 0;
  if (std::sscanf(size.c_str(), "%dx%d", &width, &height) != 2) return 2;
  fs::create_directories(out);
  const fs::path script = out.parent_path() / ("layout-" + size + ".script");
  std::ofstream(script) << "size " << width << " " << height << "\n"
                        << readFile(src / "tests/gui/layout.script");
  int status = 0;
  const json st = playScript(gui, script, out, width, height, status);
  check(status == 0, "zorgsim-gui --script exits 0 at " + size);
  if (st.empty()) return 1;
  checkScreenshots(st, width, height,
                   {"view-comparison", "view-solidarity", "view-municipalities"});
  // "Tabel opslaan (CSV)" on the comparison, side-by-side and solidarity views (one header,
  // data rows; solidarity is computed for the year after the base year).
  for (const char* table : {"tabel-comparison-ACH-2040.csv", "tabel-municipalities-ACH-2040.csv",
                            "tabel-solidarity-ACH-2022.csv"}) {
    const std::string csv = readFile(out / table);
    check(csv.rfind("table,region_code,region,year,", 0) == 0 &&
              std::count(csv.begin(), csv.end(), '\n') > 10,
          std::string(table) + " written at " + size);
  }
  // The last save-table asks for the Achterhoek's solidarity table after a switch to ZK04:
  // refused with the Dutch message, no file under the other region.
  bool staleRefused = false;
  for (const auto& e : st.value("errors", json::array()))
    staleRefused = staleRefused ||
                   e.get<std::string>().rfind("Deze tabel hoort bij een vorige berekening", 0) == 0;
  bool staleWritten = false;
  for (const auto& f : fs::directory_iterator(out))
    staleWritten =
        staleWritten || f.path().filename().string().rfind("tabel-solidarity-ZK04", 0) == 0;
  check(staleRefused && !staleWritten, "a stale solidarity table is not saved at " + size);
  // "Bewaar dit moment" (two in the script): the pages, their CSVs and the one document.
  int w = 0, h = 0, n = 0;
  const bool page = stbi_info((out / "moment-02.png").string().c_str(), &w, &h, &n) != 0;
  check(page && w == width && h == height, "snapshot pages moment-01/02.png at " + size);
  const std::string pdf = readFile(out / "momenten.pdf");
  check(pdf.rfind("%PDF-1.4", 0) == 0 && pdf.find("/Count 2") != std::string::npos &&
            readFile(out / "momenten.html").find("moment-02.png") != std::string::npos,
        "momenten.pdf (two pages) and momenten.html");
  const json over = st.value("text_overflow", json::array());
  for (std::size_t i = 0; i < over.size() && i < 40; ++i)
    std::printf("     %s\n", over[i].dump().c_str());
  check(over.empty(),
        "no clipped text at " + size + " (" + std::to_string(over.size()) + " clipped items)");
  return failures ? 1 : 0;
}

int scriptErrors(const std::string& gui, const fs::path& out) {
  fs::create_directories(out);
  const fs::path bad = out / "typo.script";
  std::ofstream(bad)
      << "view map\nselect-region Achterhoek\nset-lever demography.fertility_multiplyer 1.2\n";
  const Result r = run(quote(gui) + " --script " + quote(bad.string()), out / "stderr.txt");
  const std::string err = readFile(out / "stderr.txt");
  check(r.status == 2, "a mistyped script exits 2 (status " + std::to_string(r.status) + ")");
  check(err.find("typo.script:3: field 'set-lever': unknown lever") != std::string::npos,
        "the message names file, line and action");
  const Result help = run(quote(gui) + " --help", out / "help-stderr.txt");
  check(help.status == 0 && help.out.find("--script FILE") != std::string::npos,
        "--help documents --script");
  return failures ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(
        stderr,
        "usage: gui_test_driver smoke|large|golden|script-errors ZORGSIM_GUI SOURCE_DIR OUT_DIR\n");
    return 2;
  }
  const std::string mode = argv[1], gui = argv[2];
  const fs::path src = argv[3], out = argv[4];
  if (mode == "script-errors") return scriptErrors(gui, out);
  if (!haveXvfb()) {
    std::printf("SKIP: xvfb-run not found (install xvfb and xauth, or run scripts/setup.sh)\n");
    return 77;
  }
  if (mode == "smoke") return smoke(gui, src, out);
  if (mode == "large") return large(gui, src, out);
  if (mode == "golden") return golden(gui, src, out);
  if (mode.rfind("layout-", 0) == 0) return layout(gui, src, out, mode.substr(7));
  std::fprintf(stderr, "unknown mode '%s'\n", mode.c_str());
  return 2;
}
