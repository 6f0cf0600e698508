#include "sim/age_sex.hpp"

namespace zorgsim {

std::string_view sexName(Sex sex) { return sex == Sex::Male ? "male" : "female"; }

}  // namespace zorgsim
