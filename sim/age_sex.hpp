#pragma once
// Age x sex tables: the unit of every demographic quantity in zorgsim.
// Ages are single years 0..99 plus the open group 100+ (index 100); two sexes.

#include <Eigen/Core>

#include <array>
#include <string_view>

namespace zorgsim {

inline constexpr int kAges = 101;           // 0..99 and 100+ (index 100)
inline constexpr int kOpenAge = kAges - 1;  // index of the open age group 100+
inline constexpr int kSexes = 2;

enum class Sex : int { Male = 0, Female = 1 };
inline constexpr std::array<Sex, kSexes> kAllSexes{Sex::Male, Sex::Female};

std::string_view sexName(Sex sex);  // "male" / "female" (the CSV spelling)

// One value per single year of age for one sex (persons, rates, ...).
using AgeVector = Eigen::Array<double, kAges, 1>;

// A value per age (rows) and sex (columns: male, female).
using AgeSexTable = Eigen::Array<double, kAges, kSexes>;

inline auto column(AgeSexTable& t, Sex s) { return t.col(static_cast<int>(s)); }
inline auto column(const AgeSexTable& t, Sex s) { return t.col(static_cast<int>(s)); }

}  // namespace zorgsim
