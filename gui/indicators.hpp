#pragma once
// The figures the GUI shows, defined once: indicators a map can be coloured by and the key
// figures of the workshop cards, the comparison table and the scripted-run state. Each is a
// function of a result table (README "Output contract"), an area code and a year.

#include "sim/result_table.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace zorgsim::gui {

struct Figure {
  const char* key;       // stable name, used in scripts and the state JSON
  const char* labelKey;  // string table key
  const char* unitKey;   // string table key ("" for none)
  int decimals;
  bool needsCare;   // needs the care catalogue
  bool diverging;   // a change around zero (map colours)
  bool showChange;  // key figure: also show the change since the base year
  double (*value)(const ResultTable& t, const std::string& code, int year, int baseYear);
};

const std::vector<Figure>& mapIndicators();
const std::vector<Figure>& keyFigures();
const Figure* findFigure(const std::vector<Figure>& list, std::string_view key);

}  // namespace zorgsim::gui
