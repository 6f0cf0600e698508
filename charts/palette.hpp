#pragma once
// Colours that stay apart for colour-blind viewers and on washed-out projectors: the
// Okabe-Ito set without its yellow (too light on white), ColorBrewer YlGnBu for ordered
// values and PuOr for changes around zero (both colour-blind safe).

#include "charts/chart_model.hpp"

#include <cstddef>

namespace zorgsim::charts {

// Categorical colour i (cycles after 6; vary the line style beyond that).
Color seriesColor(std::size_t i);
inline constexpr std::size_t kSeriesColors = 6;

Color withAlpha(Color c, std::uint8_t a);
Color mix(Color a, Color b, double t);  // t = 0 gives a, 1 gives b

// Pyramid: men, women, the outline of the compared scenario.
inline constexpr Color kMaleColor{86, 180, 233, 255};   // Okabe-Ito sky blue
inline constexpr Color kFemaleColor{230, 159, 0, 255};  // Okabe-Ito orange
inline constexpr Color kOutlineColor{0, 0, 0, 255};

// Ordered classes: `classes` colours from light to dark (2..7).
Color sequentialColor(std::size_t index, std::size_t classes);
// Changes: negative (orange) .. neutral .. positive (purple); t in [-1, 1].
Color divergingColor(double t);

}  // namespace zorgsim::charts
