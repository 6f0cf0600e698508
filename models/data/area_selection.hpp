#pragma once
// Choosing the municipalities of a run and adding the user's own regions:
//  * --region accepts a region name or code, "TYPE:NAME" (e.g. corop:Achterhoek,
//    province:Gelderland) to pick one region type, a municipality name or GM code;
//  * a GM code that no longer exists is answered with its successor(s) of 2024
//    (municipal_changes.csv), a code of another dataset with the dataset to use;
//  * a coalitions file (CSV: coalition,geo_code; one row per member) adds regions of type
//    "coalition" across any border, checked for unknown and duplicate members.

#include "models/data/dataset.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace zorgsim {

// regionFilter: "" = every municipality. Throws InputError (file "--region") for an unknown
// region, region type or municipality, naming the known ones or the successor.
std::vector<int> selectMunicipalities(const Dataset& data, const std::string& regionFilter);

// Why `code` (a GM code) is not a municipality of `data`: "GM0196 (Rijnwaarden) no longer
// exists: on 2018-01-01 it became part of GM0299 Zevenaar", or "" if nothing is known.
std::string retiredMunicipalityNote(const Dataset& data, const std::string& code);

// Adds the coalitions of `file` to data.regions (type "coalition", code = name).
void addCoalitions(Dataset& data, const std::filesystem::path& file);

}  // namespace zorgsim
