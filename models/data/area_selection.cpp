#include "models/data/area_selection.hpp"

#include "sim/csv_table.hpp"
#include "sim/input_error.hpp"

#include <algorithm>
#include <map>
#include <regex>
#include <set>

namespace zorgsim {

namespace {

std::string joined(const std::set<std::string>& items) {
  std::string list;
  for (const auto& n : items) list += (list.empty() ? "" : ", ") + n;
  return list;
}

const Region* findOfType(const Dataset& data, const std::string& type,
                         const std::string& nameOrCode) {
  for (const auto& r : data.regions) {
    if (r.type == type && (r.name == nameOrCode || r.code == nameOrCode)) return &r;
  }
  return nullptr;
}

}  // namespace

std::string retiredMunicipalityNote(const Dataset& data, const std::string& code) {
  std::string successors, name, date;
  for (const auto& c : data.municipalChanges) {
    if (c.oldCode != code) continue;
    name = c.oldName;
    date = c.date;
    successors += (successors.empty() ? "" : ", ") + c.successor + " " + c.successorName;
    if (c.share < 1.0)
      successors += " (" + std::to_string(static_cast<int>(c.share * 100.0 + 0.5)) + " %)";
  }
  if (successors.empty()) return "";
  return code + (name.empty() ? "" : " (" + name + ")") +
         " no longer exists: " + (date == "before 2018" ? "before 2018" : "on " + date) +
         " it became part of " + successors;
}

std::vector<int> selectMunicipalities(const Dataset& data, const std::string& regionFilter) {
  if (regionFilter.empty()) return {};
  if (const auto colon = regionFilter.find(':'); colon != std::string::npos) {
    const std::string type = regionFilter.substr(0, colon), name = regionFilter.substr(colon + 1);
    std::set<std::string> types, names;
    for (const auto& r : data.regions) {
      types.insert(r.type);
      if (r.type == type) names.insert(r.name);
    }
    if (!types.count(type)) {
      throw InputError::forParameter(inputParameter::kRegion, "unknown region type '" + type +
                                                                  "' in dataset '" + data.name +
                                                                  "'. Types: " + joined(types));
    }
    if (const Region* r = findOfType(data, type, name)) return r->members;
    throw InputError::forParameter(
        inputParameter::kRegion, "no " + type + " called '" + name + "' in dataset '" + data.name +
                                     "'. " + type + ": " + joined(names));
  }
  if (const Region* r = data.findRegion(regionFilter)) return r->members;
  if (int i = data.indexOf(regionFilter); i >= 0) return {i};
  for (std::size_t i = 0; i < data.municipalities.size(); ++i) {
    if (data.municipalities[i].name == regionFilter) return {static_cast<int>(i)};
  }
  if (std::regex_match(regionFilter, std::regex(R"(GM\d{4})"))) {
    if (auto note = retiredMunicipalityNote(data, regionFilter); !note.empty())
      throw InputError::forParameter(inputParameter::kRegion, note);
    throw InputError::forParameter(inputParameter::kRegion,
                                   "unknown municipality code '" + regionFilter +
                                       "': not in dataset '" + data.name +
                                       "' (data/nederland has all 342 municipalities of 2024)");
  }
  std::set<std::string> names;
  for (const auto& r : data.regions) names.insert(r.name);
  throw InputError::forParameter(inputParameter::kRegion,
                                 "no region or municipality called '" + regionFilter +
                                     "' in dataset '" + data.name + "'. Regions: " + joined(names));
}

void addCoalitions(Dataset& data, const std::filesystem::path& file) {
  auto t = CsvTable::read(file, {{"coalition", "geo_code"}});
  std::map<std::string, std::size_t> index;  // coalition name -> position in data.regions
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const auto& name = t.key(r, "coalition");
    const auto& code = t.key(r, "geo_code");
    const int m = data.indexOf(code);
    if (m < 0) {
      const auto note = retiredMunicipalityNote(data, code);
      t.fail(r, "geo_code",
             note.empty()
                 ? "unknown municipality code '" + code + "' in dataset '" + data.name + "'"
                 : note);
    }
    auto [it, isNew] = index.emplace(name, data.regions.size());
    if (isNew) {
      for (const auto& existing : data.regions) {
        if (existing.type == "coalition" && existing.name == name)
          t.fail(r, "coalition", "coalition '" + name + "' is defined twice");
      }
      data.regions.push_back({"coalition", name, name, {}});
    }
    auto& members = data.regions[it->second].members;
    if (std::find(members.begin(), members.end(), m) != members.end()) {
      t.fail(r, "geo_code",
             "municipality " + code + " is listed twice in coalition '" + name + "'");
    }
    members.push_back(m);
  }
  if (index.empty())
    throw InputError(t.name(), 0, "",
                     "no coalitions listed (columns: coalition,geo_code; a row per member)");
  for (const auto& [name, pos] : index)
    std::sort(data.regions[pos].members.begin(), data.regions[pos].members.end());
}

}  // namespace zorgsim
