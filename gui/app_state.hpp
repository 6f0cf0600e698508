#pragma once
// What the user has chosen in the interface (as opposed to the model state in Session):
// the view, language, workshop mode, year, map indicator, care type, pyramid outline, and
// the last message and error shown. Plain data; scripted runs set the same fields.

#include "gui/strings.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zorgsim::gui {

enum class View {
  Map,
  Pyramid,
  TimeSeries,
  Prevention,
  Budget,
  Comparison,
  Solidarity,
  Municipalities,
  Tornado,
};
inline constexpr View kViews[] = {
    View::Map,        View::Pyramid,    View::TimeSeries,     View::Prevention, View::Budget,
    View::Comparison, View::Solidarity, View::Municipalities, View::Tornado,
};

const char* viewKey(View v);       // "map", "pyramid", ... (scripts, state JSON, file names)
const char* viewLabelKey(View v);  // string table key
std::optional<View> parseView(std::string_view key);

enum class FileDialog { None, Open, Save, AddComparison };

struct AppState {
  View view = View::Map;
  Lang lang = Lang::Nl;
  bool workshop = false;
  int year = 0;  // the year shown by map, pyramid and key figures
  std::string mapIndicator = "population";
  std::string careType = "total";   // care type code, or "total"
  std::string careMeasure = "fte";  // clients, fte, hours, cost (no clients for "total")
  // Comparison: the scenario the others are measured against (-1: baseline when it is among
  // them, else the current one; 0: current; 1-3: comparison N) and whether cells show the
  // difference to it.
  int compareBase = -1;
  bool compareDifferences = true;
  // Municipalities side by side: the scenario shown (0: current; N: comparison N).
  int sideScenario = 0;
  int outline = -1;  // pyramid outline: -1 reference (baseline), -2 base year, else comparison
  // Replicates of the next agent run (bands in the time series, solidarity).
  int bandReplicates = 50;
  int solidarityReplicates = 500;
  std::string tornadoOutput = "gap";  // "Welke aanname telt?": SensitivityOutput::key

  // Last confirmation (saved, exported): a string-table key and the file, so it follows the
  // language; the status bar shows the file name, the tooltip the full path.
  std::string statusKey;
  std::string statusPath;
  std::string error;  // shown in a banner until dismissed; the state stays as it was

  FileDialog dialog = FileDialog::None;
  std::string dialogPath;

  // "Bewaar dit moment" (gui/snapshot.hpp): requested in one frame; the next frame is drawn as
  // a page and saved after it is rendered.
  bool snapshotRequested = false;
  bool snapshotPage = false;  // this frame is drawn as the page
  // Chart export: requested in one frame, written after the next frame is rendered.
  bool exportRequested = false;
  std::string exportName;
  std::filesystem::path exportDir = "zorgsim-export";
  std::vector<std::string> exported;
  // "Tabel opslaan (CSV)" asked by a script: the view with the table saves it when drawn.
  bool tableCsvRequested = false;
};

}  // namespace zorgsim::gui
