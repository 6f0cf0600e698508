#include "gui/options.hpp"

#include "sim/platform.hpp"

#include <charconv>
#include <stdexcept>

namespace zorgsim::gui {

const char* usage() {
  return R"(zorgsim-gui: the workshop screen of zorgsim

Usage: zorgsim-gui [options]

  --data DIR|NAME         dataset folder, or a shipped dataset: gelderland (default), nederland
  --coalitions FILE       your own regions (CSV coalition,geo_code; a row per member)
  --scenario FILE         scenario to open (default: scenarios/baseline.toml)
  --reference FILE        scenario drawn as the pyramid outline and dashed reference lines
                          (default: scenarios/baseline.toml)
  --budget FILE           your budget for the budget view (CSV municipality,year,line,euro;
                          line wmo, jeugd or programme)
  --region NAME           start on a region or municipality (name or code)
  --view NAME             map, pyramid, timeseries, prevention, budget, comparison,
                          solidarity, municipalities, tornado
  --lang nl|en            interface language (default nl)
  --workshop              start in workshop mode (F5 or W switches)
  --size WxH              window size in pixels (default 1280x800)
  --export-dir DIR        where "Export chart" writes PNG, CSV and SVG (default ./zorgsim-export)
  --frame-budget-ms MS    recompute in the same frame when a run is expected to take at most
                          this long, else in the background (default 12)
  --script FILE           play a script of actions (see gui/README.md), print the state as
                          JSON on stdout and exit
  --screenshots DIR       with --script: where the PNG after every step goes (default .)
  --bench-frames N        frame benchmark: N frames per view, median CPU time per frame
                          excluding the buffer swap, then exit
  --compare K             scenarios in the comparison view during --bench-frames (1-4, default 4)
  --first-frame-time      print on stderr the seconds from start to the first frame on screen
  --version, --help
)";
}

namespace {

int toInt(const std::string& option, const std::string& v) {
  int out = 0;
  const auto r = std::from_chars(v.data(), v.data() + v.size(), out);
  if (r.ec != std::errc() || r.ptr != v.data() + v.size())
    throw std::invalid_argument(option + ": '" + v + "' is not a whole number");
  return out;
}

}  // namespace

Options parseOptions(const std::vector<std::string>& args) {
  Options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) throw std::invalid_argument(a + " needs a value");
      return args[++i];
    };
    if (a == "--help" || a == "-h") {
      o.help = true;
    } else if (a == "--version") {
      o.version = true;
    } else if (a == "--data") {
      o.data = platform::pathFromUtf8(value());
    } else if (a == "--coalitions") {
      o.coalitions = platform::pathFromUtf8(value());
    } else if (a == "--scenario") {
      o.scenario = platform::pathFromUtf8(value());
    } else if (a == "--budget") {
      o.budget = platform::pathFromUtf8(value());
    } else if (a == "--reference") {
      o.reference = platform::pathFromUtf8(value());
    } else if (a == "--region") {
      o.region = value();
    } else if (a == "--view") {
      o.view = value();
    } else if (a == "--lang") {
      o.lang = value();
      if (o.lang != "nl" && o.lang != "en")
        throw std::invalid_argument("--lang: expected nl or en, found '" + o.lang + "'");
    } else if (a == "--workshop") {
      o.workshop = true;
    } else if (a == "--size") {
      const std::string& v = value();
      const auto x = v.find('x');
      if (x == std::string::npos)
        throw std::invalid_argument("--size: expected WxH, e.g. 1920x1080");
      o.width = toInt(a, v.substr(0, x));
      o.height = toInt(a, v.substr(x + 1));
      if (o.width < 320 || o.height < 240) throw std::invalid_argument("--size: at least 320x240");
    } else if (a == "--export-dir") {
      o.exportDir = platform::pathFromUtf8(value());
    } else if (a == "--frame-budget-ms") {
      o.frameBudgetMs = std::stod(value());
    } else if (a == "--script") {
      o.script = platform::pathFromUtf8(value());
    } else if (a == "--screenshots") {
      o.screenshots = platform::pathFromUtf8(value());
    } else if (a == "--bench-frames") {
      o.benchFrames = toInt(a, value());
      if (o.benchFrames < 1) throw std::invalid_argument("--bench-frames: at least 1");
    } else if (a == "--first-frame-time") {
      o.firstFrameTime = true;
    } else if (a == "--compare") {
      o.compare = toInt(a, value());
      if (o.compare < 1 || o.compare > 4)
        throw std::invalid_argument("--compare: 1 to 4 scenarios");
    } else {
      throw std::invalid_argument("unknown option '" + a + "' (see --help)");
    }
  }
  if (!o.screenshots.empty() && o.script.empty())
    throw std::invalid_argument("--screenshots needs --script");
  return o;
}

}  // namespace zorgsim::gui
