#pragma once
// TOML text of a model input file (scenario, intervention catalogue): parsed, or an InputError
// at the line of the syntax error. For the .cpp files of models/ only (toml++ is private).

#include "sim/input_error.hpp"

#include <toml++/toml.h>

#include <string>

namespace zorgsim {

inline toml::table parseTomlText(const std::string& text, const std::string& file) {
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    throw InputError(file, e.source().begin.line, "",
                     "not valid TOML: " + std::string(e.description()));
  }
}

}  // namespace zorgsim
