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

  // A parameter of a run that a front end supplies (the region, the replicate count, ...),
  // named in the model's terms (inputParameter below). what() is "PARAMETER: MESSAGE"; front
  // ends show the parameter by their own name for it (the CLI by its option, e.g. --region).
  static InputError forParameter(const std::string& parameter, const std::string& message);
  // The parameter of forParameter, else "".
  const std::string& parameter() const { return parameter_; }

 private:
  std::string file_;
  std::size_t line_;
  std::string field_;
  std::string detail_;
  std::string parameter_;
};

// The parameters of a run that front ends supply, in the model's terms.
namespace inputParameter {
inline constexpr const char* kRegion = "region";
inline constexpr const char* kReplicates = "replicate count";
inline constexpr const char* kThreads = "thread count";
inline constexpr const char* kCareTypes = "pooled care types";
inline constexpr const char* kBudgetYear = "budget year";
inline constexpr const char* kSoughtParameter = "sought parameter";
inline constexpr const char* kSearchMin = "search minimum";
inline constexpr const char* kSearchMax = "search maximum";
inline constexpr const char* kMaxGap = "largest gap";
inline constexpr const char* kAreaAndYear = "area and year";
inline constexpr const char* kOutputAreaYear = "output, area and year";
inline constexpr const char* kDataFolder = "data folder";
}  // namespace inputParameter

}  // namespace zorgsim
