#pragma once
// Prevention interventions as data (docs/method-care.md section 3): a catalogue file
// (scenarios/interventions.toml, [[intervention]] entries) and, in a scenario, the active
// ones with overrides:
//   [prevention]
//   catalogue = "interventions.toml"      # relative to the scenario file
//   active = ["valpreventie_65plus", "reablement"]
//   [prevention.reablement]
//   reach = 0.6
// An intervention changes the multi-state rates of the people it reaches:
//   relative_risk        x the inflow into target_state (incidence or progression),
//   remission_multiplier x the outflow down from target_state (reablement),
//   hours_multiplier     x the hours per client of hours_care_type,
// for ages age_min..age_max (on 1 January: the step of the year is made as cohorts
// age_min+1..age_max+1), a sex (or all), some municipalities (or all), from
// start_year to end_year. Reach ramps up linearly over ramp_up_years; effects start
// time_to_effect_years later and fade linearly over decay_years after the end. With reach
// r and effect e in a year, a rate multiplier becomes 1 - r e (1 - RR) (mean field: the
// cohort engine's expectation of the agent engine's individual effects). Participants
// (reach x persons aged age_min..age_max in the `participants` state, or everyone) cost
// cost_per_participant euro per year.

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace zorgsim {

struct Intervention {
  std::string id, nameNl, nameEn;
  std::string tier;          // universal, selective, indicated, care_related
  std::string targetState;   // chain.state, e.g. adult.light
  std::string participants;  // "all" or chain.state
  double relativeRisk = 1.0;
  double remissionMultiplier = 1.0;
  std::string hoursCareType;  // "" = none
  double hoursMultiplier = 1.0;
  int ageMin = 0, ageMax = 100;
  std::string sex = "all";                  // all, male, female
  std::vector<std::string> municipalities;  // GM codes; empty = all in the run
  double reach = 0.0;                       // share of the target group at full scale, 0..1
  double rampUpYears = 0, timeToEffectYears = 0, decayYears = 0;
  double costPerParticipant = 0;  // euro per participant per year
  int startYear = 0, endYear = 0;
  std::string source;
  std::string file;  // where it was defined, for messages
  std::size_t line = 0;

  double reachAt(int year) const;   // share of the target group taking part in a year
  double effectAt(int year) const;  // share of the target group whose rates are changed
};

// Reads a catalogue; every entry is validated (ranges, required fields). Throws InputError.
std::vector<Intervention> loadInterventionCatalogue(const std::filesystem::path& file);
// The same from text in memory; `name` is used in messages.
std::vector<Intervention> parseInterventionCatalogue(const std::string& text,
                                                     const std::string& name);

// The numeric parameters a scenario may override, with their allowed ranges.
struct InterventionParameter {
  const char* key;
  double min, max;
  bool whole = false;  // years and ages: a fraction is refused, not truncated
};
const std::vector<InterventionParameter>& interventionParameters();
// Sets a numeric parameter by key; false for an unknown key.
bool setInterventionParameter(Intervention& i, const std::string& key, double value);
double interventionParameter(const Intervention& i, const std::string& key);

// Canonical text of the resolved parameters (for the scenario hash).
std::string canonicalText(const Intervention& i);

}  // namespace zorgsim
