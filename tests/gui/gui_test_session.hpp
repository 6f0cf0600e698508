#pragma once
// The session the GUI unit tests start from: the embedded Gelderland data, the baseline as
// scenario and reference, and a frame budget so large that every recompute runs in the frame
// (results are there when the call returns, no waiting on the background runner).

#include "gui/session.hpp"

#include <filesystem>

namespace zorgsim::gui::test {

inline std::filesystem::path source() { return ZORGSIM_TEST_SOURCE_DIR; }

inline SessionOptions baselineSessionOptions() {
  SessionOptions o;
  o.dataFolder = source() / "data/gelderland";
  o.scenarioFile = source() / "scenarios/baseline.toml";
  o.referenceFile = o.scenarioFile;
  o.frameBudgetMs = 1e9;  // every recompute in the frame
  return o;
}

}  // namespace zorgsim::gui::test
