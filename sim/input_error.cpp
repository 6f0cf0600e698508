#include "sim/input_error.hpp"

namespace zorgsim {

namespace {
std::string compose(const std::string& file, std::size_t line, const std::string& field,
                    const std::string& message) {
  // Built with append() only: GCC 12 warns falsely (-Wrestrict) on chained operator+.
  std::string where;
  where.append(file);
  if (line > 0) where.append(":").append(std::to_string(line));
  if (!field.empty()) where.append(": field '").append(field).append("'");
  where.append(": ").append(message);
  return where;
}
}  // namespace

InputError::InputError(std::string file, std::size_t line, std::string field,
                       const std::string& message)
    : std::runtime_error(compose(file, line, field, message)),
      file_(std::move(file)),
      line_(line),
      field_(std::move(field)),
      detail_(message) {}

InputError InputError::forParameter(const std::string& parameter, const std::string& message) {
  InputError e(parameter, 0, "", message);
  e.parameter_ = parameter;
  return e;
}

}  // namespace zorgsim
