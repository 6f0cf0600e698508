#include "charts/palette.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace zorgsim::charts {

namespace {
constexpr std::array<Color, kSeriesColors> kSeries{{
    {0, 114, 178, 255},    // blue
    {213, 94, 0, 255},     // vermillion
    {0, 158, 115, 255},    // bluish green
    {204, 121, 167, 255},  // reddish purple
    {230, 159, 0, 255},    // orange
    {86, 180, 233, 255},   // sky blue
}};

// ColorBrewer YlGnBu, 7 classes.
constexpr std::array<Color, 7> kSequential{{
    {255, 255, 204, 255},
    {199, 233, 180, 255},
    {127, 205, 187, 255},
    {65, 182, 196, 255},
    {29, 145, 192, 255},
    {34, 94, 168, 255},
    {12, 44, 132, 255},
}};

// ColorBrewer PuOr, 7 classes, reversed so that negative is orange and positive purple.
constexpr std::array<Color, 7> kDiverging{{
    {179, 88, 6, 255},
    {241, 163, 64, 255},
    {254, 224, 182, 255},
    {247, 247, 247, 255},
    {216, 218, 235, 255},
    {153, 142, 195, 255},
    {84, 39, 136, 255},
}};
}  // namespace

Color seriesColor(std::size_t i) { return kSeries[i % kSeries.size()]; }

Color withAlpha(Color c, std::uint8_t a) {
  c.a = a;
  return c;
}

Color mix(Color a, Color b, double t) {
  auto m = [t](std::uint8_t x, std::uint8_t y) {
    return static_cast<std::uint8_t>(
        std::lround(double(x) + (double(y) - double(x)) * std::clamp(t, 0.0, 1.0)));
  };
  return {m(a.r, b.r), m(a.g, b.g), m(a.b, b.b), m(a.a, b.a)};
}

Color sequentialColor(std::size_t index, std::size_t classes) {
  classes = std::clamp<std::size_t>(classes, 1, kSequential.size());
  if (classes == 1) return kSequential[3];
  // Spread the classes over the scale, skipping the palest entry when there is room.
  const double first = classes <= 5 ? 1.0 : 0.0;
  const double last = double(kSequential.size() - 1);
  const double pos =
      first + (last - first) * double(std::min(index, classes - 1)) / double(classes - 1);
  return kSequential[static_cast<std::size_t>(std::lround(pos))];
}

Color divergingColor(double t) {
  t = std::clamp(t, -1.0, 1.0);
  const double pos = (t + 1.0) * 3.0;  // 0 .. 6
  const auto i = static_cast<std::size_t>(std::floor(pos));
  if (i >= 6) return kDiverging[6];
  return mix(kDiverging[i], kDiverging[i + 1], pos - double(i));
}

}  // namespace zorgsim::charts
