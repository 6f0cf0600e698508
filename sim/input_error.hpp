#pragma once
// The one exception type for bad user input. It always names where the problem is
// (file, and where known line and field) so the CLI and GUI can show it verbatim.

#include <cstddef>
#include <stdexcept>
#include <string>

namespace zorgsim {

class InputError : public std::runtime_error {
 public:
  // line 0 means "the whole file"; an empty field means "no particular field".
  InputError(std::string file, std::size_t line, std::string field, const std::string& message);

  const std::string& file() const { return file_; }
  std::size_t line() const { return line_; }
  const std::string& field() const { return field_; }
  const std::string& detail() const { return detail_; }

 private:
  std::string file_;
  std::size_t line_;
  std::string field_;
  std::string detail_;
};

}  // namespace zorgsim
