#pragma once
// Fuzz targets for every parser of user input. Each takes arbitrary bytes and must either
// accept them or throw InputError; any other exception, a crash, a hang or a sanitizer
// report is a finding. Built as libFuzzer binaries with -DZORGSIM_FUZZ=ON (clang), and
// always as a replay test that runs the kept corpora (tests/fuzz/corpus/<target>/).

#include <cstddef>
#include <cstdint>
#include <string>

namespace zorgsim::fuzz {

int csvTable(const std::uint8_t* data, std::size_t size);
int registrations(const std::uint8_t* data,
                  std::size_t size);  // plain CSV and CBS StatLine exports
int scenario(const std::uint8_t* data, std::size_t size);
int interventions(const std::uint8_t* data, std::size_t size);
int geojson(const std::uint8_t* data, std::size_t size);  // the municipal map
int number(const std::uint8_t* data,
           std::size_t size);  // the result number formatter (differential, strtod)

// Dispatch by target name ("csv", "registrations", "scenario", "interventions", "geojson",
// "number"); -1 if unknown.
int run(const std::string& target, const std::uint8_t* data, std::size_t size);

}  // namespace zorgsim::fuzz
