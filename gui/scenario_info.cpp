#include "gui/scenario_info.hpp"

#include "sim/platform.hpp"

#include <fstream>

namespace zorgsim::gui {

namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  const auto e = s.find_last_not_of(" \t");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::size_t titleEnd(const std::string& d) {
  const auto colon = d.find(':');
  if (colon != std::string::npos) return colon;
  return d.find(" (");
}

}  // namespace

std::string scenarioTitle(const Scenario& s) {
  if (s.description.empty()) return s.name;
  const std::string t = trim(s.description.substr(0, titleEnd(s.description)));
  return t.empty() ? s.name : t;
}

std::string scenarioSubtitle(const Scenario& s) {
  const auto end = titleEnd(s.description);
  if (end == std::string::npos) return "";
  return trim(s.description.substr(end + (s.description[end] == ':' ? 1 : 0)));
}

std::string scenarioQuestion(const Scenario& s, Lang lang) {
  if (s.sourceFile.empty()) return "";
  // Asked every frame: the file is read once per file name and language (UI thread only).
  static std::string cachedFile, cached;
  static Lang cachedLang = Lang::Nl;
  if (s.sourceFile == cachedFile && lang == cachedLang) return cached;
  cachedFile = s.sourceFile;
  cachedLang = lang;
  cached = readQuestion(s.sourceFile, lang == Lang::Nl ? "Vraag:" : "Question:");
  return cached;
}

std::string readQuestion(const std::string& file, const std::string& marker) {
  std::ifstream in(platform::pathFromUtf8(file));
  std::string line, out;
  bool inQuestion = false;
  while (std::getline(in, line) && !line.empty() && line[0] == '#') {
    std::string text = trim(line.substr(1));
    if (!inQuestion && text.rfind(marker, 0) == 0) {
      inQuestion = true;
      text = trim(text.substr(marker.size()));
    }
    if (!inQuestion) continue;
    // The question ends at its question mark; what follows is a usage note.
    const auto q = text.find('?');
    out += (out.empty() ? "" : " ") + text.substr(0, q == std::string::npos ? text.size() : q + 1);
    if (q != std::string::npos) break;
  }
  return out;
}

}  // namespace zorgsim::gui
