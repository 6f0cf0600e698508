#include "fuzz_targets.hpp"

#include "charts/geo_map.hpp"
#include "models/care/care_projection.hpp"
#include "models/prevention/interventions.hpp"
#include "models/data/registrations.hpp"
#include "models/scenario/scenario.hpp"
#include "sim/csv_table.hpp"
#include "sim/input_error.hpp"
#include "sim/result_table.hpp"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string_view>

namespace zorgsim::fuzz {

namespace {

std::string text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

struct Defaults {
  Dataset data =
      loadDataset(std::filesystem::path(ZORGSIM_FUZZ_SOURCE_DIR) / "data" / "gelderland");
  CareModel care = loadCareModel(data);
};
const Defaults& defaults() {
  static const Defaults d;
  return d;
}

// Scenario files may `extends` others; keep the fuzzer inside an empty folder.
std::filesystem::path sandbox() {
  static const std::filesystem::path p = [] {
    auto dir = std::filesystem::temp_directory_path() / "zorgsim-fuzz-sandbox";
    std::filesystem::create_directories(dir);
    return dir;
  }();
  return p;
}

}  // namespace

int csvTable(const std::uint8_t* data, std::size_t size) {
  try {
    const CsvTable t = CsvTable::parse(text(data, size), "fuzz.csv", {{}, {}, true});
    for (std::size_t r = 0; r < t.rows(); ++r) {
      for (const auto& column : t.header()) {
        try {
          const double v = t.number(r, column);
          if (!std::isfinite(v)) __builtin_trap();  // number() promises finite values
        } catch (const InputError&) {
        }
      }
    }
  } catch (const InputError&) {
  }
  return 0;
}

int registrations(const std::uint8_t* data, std::size_t size) {
  const Defaults& d = defaults();
  try {
    for (const auto& r :
         parseRegistrations(text(data, size), "fuzz.csv", d.data, d.care.catalogue, "wmo_hh")) {
      if (!(r.clients >= 0) || r.municipality < 0 || d.care.catalogue.indexOf(r.careType) < 0)
        __builtin_trap();
    }
  } catch (const InputError&) {
  }
  return 0;
}

int scenario(const std::uint8_t* data, std::size_t size) {
  try {
    Scenario s = parseScenario(text(data, size), "fuzz.toml", sandbox());
    validateScenarioAgainstData(s, defaults().data);
    for (const auto& spec : leverSpecs()) {
      if (s[spec.id] < spec.min || s[spec.id] > spec.max) __builtin_trap();  // ranges are enforced
    }
    (void)s.contentHash();
    (void)scenarioToToml(s);
  } catch (const InputError&) {
  }
  return 0;
}

int interventions(const std::uint8_t* data, std::size_t size) {
  try {
    for (const auto& i : parseInterventionCatalogue(text(data, size), "fuzz.toml")) {
      if (i.reach < 0 || i.reach > 1 || i.ageMin > i.ageMax || i.endYear < i.startYear)
        __builtin_trap();
      for (int y = 1990; y < 2100; y += 7) {
        const double e = i.effectAt(y);
        if (!(e >= 0 && e <= 1)) __builtin_trap();
      }
    }
  } catch (const InputError&) {
  }
  return 0;
}

int geojson(const std::uint8_t* data, std::size_t size) {
  // The map reader takes a file: write the input to one (in a RAM-backed folder if present).
  static const std::filesystem::path file = sandbox() / "fuzz.geojson";
  std::ofstream(file, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  try {
    const charts::GeoMap map = charts::loadGeoJson(file);
    for (const auto& area : map.areas) {
      for (const auto& polygon : area.polygons) {
        const std::size_t n = polygon.rings.empty() ? 0 : polygon.rings.front().size();
        for (std::uint32_t t : polygon.triangles) {
          if (t >= n) __builtin_trap();  // triangle indices must point into the outer ring
        }
      }
    }
  } catch (const InputError&) {
  }
  return 0;
}

int number(const std::uint8_t* data, std::size_t size) {
  // Differential: every 8 bytes are a double's bit pattern; its text parsed back with strtod
  // must be the value up to the 4 written decimals (0.00005) plus half an ulp of strtod.
  for (std::size_t i = 0; i + 8 <= size; i += 8) {
    double v = 0;
    std::memcpy(&v, data + i, sizeof v);
    if (!std::isfinite(v)) continue;
    std::string s;
    appendNumber(s, v);
    if (!isNumberText(s)) __builtin_trap();
    char* end = nullptr;
    const double back = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || !(std::abs(back - v) <= 5e-5 + std::abs(v) * 0x1p-52))
      __builtin_trap();
  }
  return 0;
}

int run(const std::string& target, const std::uint8_t* data, std::size_t size) {
  if (target == "csv") return csvTable(data, size);
  if (target == "registrations") return registrations(data, size);
  if (target == "scenario") return scenario(data, size);
  if (target == "interventions") return interventions(data, size);
  if (target == "geojson") return geojson(data, size);
  if (target == "number") return number(data, size);
  return -1;
}

}  // namespace zorgsim::fuzz
