#pragma once
// The input dataset: everything zorgsim reads from a data folder (see data/LAYOUT.md).
// Loading validates every table and throws InputError naming file, line and field.
// The loaded Dataset is immutable input; models derive their rates from it.

#include "sim/age_group.hpp"
#include "sim/age_sex.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace zorgsim {

struct Municipality {
  std::string code;  // CBS code GMxxxx
  std::string name;
};

struct Region {
  std::string type;  // zorgregio, jeugdregio, corop, province, or a user's own type
  std::string code;
  std::string name;
  std::vector<int> members;  // indices into Dataset::municipalities, ascending
};

// Persons by age group for one sex; groups cover 0..100+ without gaps or overlaps.
struct GroupedCounts {
  std::vector<AgeGroup> groups;
  std::vector<double> persons;
};

// Population by age group and sex of one area on 1 January of the base year.
struct GroupedPopulation {
  GroupedCounts male;
  GroupedCounts female;
  const GroupedCounts& of(Sex s) const { return s == Sex::Male ? male : female; }
};

// WPP abridged central death rates: per sex, per 5-year period, per abridged age.
struct AbridgedMortality {
  std::vector<int> ageStarts;  // 0, 1, 5, 10, ..., 100 (last is open)
  struct Period {
    int startYear = 0;  // "2020-2025" covers 1 Jan 2020 .. 31 Dec 2024
    int endYear = 0;
    std::vector<double> mx[kSexes];  // per sex, one per ageStarts entry
  };
  std::vector<Period> periods;  // ascending by startYear
};

struct YearValue {
  int year = 0;
  double value = 0.0;
};

// Observed yearly flows of one area (CBS 37230ned, 70072NED), persons per year: the mean
// over the observed years, weighted by flow_year_weights.csv (equal weights without it).
struct AreaFlows {
  int years = 0;  // number of calendar years in the mean
  int firstYear = 0, lastYear = 0;
  double weight = 0;  // sum of the years' weights
  double births = 0, deaths = 0, internalIn = 0, internalOut = 0, internationalIn = 0,
         internationalOut = 0;
};

// A set of national demographic assumptions (see national_assumptions.hpp for the meaning).
struct NationalAssumptions {
  std::string set;    // "cbs", "wpp"
  std::string title;  // for manifests and reports, e.g. "CBS Kernprognose 2024-2070"
  std::vector<YearValue> tfr;
  std::map<Sex, std::vector<YearValue>> lifeExpectancy;
  std::vector<YearValue> immigration, emigration, population;  // empty for "wpp"
  bool hasMigrationSplit() const { return !immigration.empty(); }
};

// One row of municipal_changes.csv: an old municipal code and one of its 2024 successors.
struct MunicipalChange {
  std::string oldCode, oldName, date, successor, successorName;
  double share = 1.0;  // share of the old municipality's population that went to the successor
};

class MortalitySchedule;  // models/demography/mortality.hpp (cached in a Dataset)

struct Dataset {
  std::filesystem::path folder;
  std::string name;
  std::string version;
  int baseYear = 0;
  std::string provinceCode;
  std::string provinceName;

  std::vector<Municipality> municipalities;
  std::unordered_map<std::string, int> municipalityIndex;
  std::vector<GroupedPopulation> population;  // per municipality, base year
  GroupedPopulation nationalPopulation;       // the Netherlands, base year
  std::vector<Region> regions;

  AbridgedMortality mortality;
  std::map<Sex, std::vector<YearValue>> lifeExpectancy;  // WPP e0: estimates, then projection
  std::map<std::string, std::vector<YearValue>>
      tfr;  // variant -> TFR by year ("estimate", "medium", ...)
  // Fertility age pattern: year -> (age group -> percent of TFR), WPP 10-14 .. 50-54.
  std::map<int, std::vector<std::pair<AgeGroup, double>>> fertilityPattern;
  std::vector<YearValue> sexRatioAtBirth;  // males per female
  // WPP net international migration by age: period start year -> per sex per age group (persons per
  // year).
  struct NetMigrationPeriod {
    int startYear = 0, endYear = 0;
    std::vector<AgeGroup> groups;
    std::vector<double> perYear[kSexes];
  };
  std::vector<NetMigrationPeriod> netMigrationByAge;
  std::vector<YearValue>
      netMigrationTotal;  // persons per year (national), estimates then projection

  // Observed births (all mothers' ages) summed over the years available, per geo code
  // (municipalities GMxxxx, COROP CRxx, province PVxx, NL01), and the years summed.
  std::map<std::string, std::pair<int, double>> observedBirths;
  std::map<std::string, AreaFlows> observedFlows;  // per geo code, yearly average
  // Published national assumption sets read from national_assumptions.csv ("cbs"), by name.
  std::map<std::string, NationalAssumptions> assumptionSets;
  std::vector<MunicipalChange> municipalChanges;  // optional municipal_changes.csv
  // Immigrants received in proportion to population, persons per year (optional
  // reception_immigration.csv, models/data/reception_immigration.hpp); absent years: 0.
  std::map<int, double> receptionImmigration;

  // Where moves between municipalities are closed nationally (national arrivals = national
  // departures, docs/method-demography.md "Moves between municipalities"): over this dataset's
  // own municipalities when they make up the country, over those of the dataset named by
  // `national_dataset` in dataset.toml (a subset such as data/gelderland), else (a user's subset
  // without it, a back-test) by the one-area pool.
  enum class MovesClosure { OneAreaPool, OwnMunicipalities, NationalDataset };
  MovesClosure movesClosure = MovesClosure::OneAreaPool;
  std::shared_ptr<const Dataset> nationalDataset;  // set with MovesClosure::NationalDataset
  // The closure's factors per demographic scenario (key: cohort_projection.cpp), so runs that
  // differ only in care or interventions (goalseek, sensitivity) solve it once. A copy starts
  // empty: it may be changed before it is projected.
  struct FactorCache {
    FactorCache() = default;
    FactorCache(const FactorCache&) {}
    FactorCache& operator=(const FactorCache&) { return *this; }
    std::mutex mutex;
    // Per year: the factor on observed arrivals from other municipalities, and the scale on
    // the emigration factor that gives the assumption set's national emigrants (1: none).
    struct Year {
      double internalInFactor = 1.0;
      double emigrationScale = 1.0;
      std::vector<double> groupInFactor;  // per closure group (empty: internalInFactor)
    };
    std::map<std::string, std::vector<Year>> factors;
    // For the GUI's next frame (national_closure.cpp, previewMovesClosure): the factors at an
    // anchor key and with one demographic lever moved by a small step, from which the factors
    // of any value of that lever are taken as linear in it, until the exact ones are solved.
    struct Tangent {
      std::string anchorKey;  // closure key of the anchor
      int lever = 0;          // the Lever moved
      double anchorValue = 0, step = 0;
      std::vector<Year> at, stepped;
    };
    std::vector<Tangent> tangents;                      // newest last, a few kept
    std::map<std::string, std::vector<Year>> previews;  // per key, until `factors` has it
  };
  mutable FactorCache closureFactors;
  // Parts of a projection plan that depend on few of the scenario's inputs, kept per key by
  // prepareProjection (cohort_projection.cpp): the mortality schedule (national assumptions,
  // horizon, the two mortality levers) and the single-year base populations (national
  // assumptions). They are most of the time of preparing a region's plan, and a fertility,
  // migration or care lever changes neither. Like the closure's factors: a copy starts empty.
  struct BasePopulations {
    std::vector<AgeSexTable> municipalities;  // parallel to `municipalities`
    AgeSexTable nation;
  };
  struct PlanPartsCache {
    PlanPartsCache() = default;
    PlanPartsCache(const PlanPartsCache&) {}
    PlanPartsCache& operator=(const PlanPartsCache&) { return *this; }
    std::mutex mutex;
    std::map<std::string, std::shared_ptr<const MortalitySchedule>> mortality;
    std::map<std::string, std::shared_ptr<const BasePopulations>> basePopulations;
  };
  mutable PlanPartsCache planParts;

  // A region by name or code, or "TYPE:NAME" / "TYPE:CODE" for one region type.
  const Region* findRegion(const std::string& nameOrCode) const;
  std::vector<const Region*> regionsOfType(const std::string& type) const;
  int indexOf(const std::string& municipalityCode) const;  // -1 if absent
};

// Loads a dataset folder. Throws InputError on any malformed or inconsistent table.
Dataset loadDataset(const std::filesystem::path& folder);

// The observed yearly flows of population_flows.csv (Dataset::observedFlows) using only the
// years up to lastYear: a back-test from an earlier base year must not see later years.
std::map<std::string, AreaFlows> readObservedFlows(const std::filesystem::path& folder,
                                                   int lastYear);

}  // namespace zorgsim
