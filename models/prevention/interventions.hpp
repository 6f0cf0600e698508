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
#include <set>
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
  std::string targetGroup;  // who the programme is for, in words (catalogue field target_group)
  // Evidence per number (docs/method-care.md section 3, "Evidence"): for a numeric key such as
  // relative_risk, `<key>_low`/`<key>_high` give a range (low <= value <= high), `<key>_source`
  // where the figure comes from, and the list `assumption` names the keys that are assumptions
  // (also when a source gives their basis). `given` holds the keys set in the catalogue.
  std::map<std::string, std::pair<double, double>> ranges;
  std::map<std::string, std::string> sources;
  std::set<std::string> assumptions, given;
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

// The keys whose figures need a source or the assumption label (the effect, reach, timing and
// cost keys; ages and years are the programme's design and need neither).
const std::vector<std::string>& evidenceKeys();
// Keys of evidenceKeys() set in the catalogue entry with neither a source nor the label.
std::vector<std::string> unsourcedNumbers(const Intervention& i);
bool isAssumption(const Intervention& i, const std::string& key);

// The end of the evidence ranges at which the programme does least (Weak) or most (Strong):
// every ranged effect key (relative_risk, remission_multiplier, hours_multiplier, reach) is set
// to the end that gives the weaker or stronger effect; cost and timing keep their central values.
enum class EffectEnd { Weak, Central, Strong };
Intervention atEffectEnd(const Intervention& i, EffectEnd end);
// One draw of every ranged key: the range is read as a 95 % interval (as the confidence
// intervals it mostly comes from) of a split normal around the central value (one side's
// sd = (central - low) / 1.96, the other's (high - central) / 1.96), clipped to the range; u holds
// one standard normal per key in the order of interventionParameters() (unused entries are
// ignored).
Intervention drawFromRanges(const Intervention& i, const std::vector<double>& u);

// Canonical text of the resolved parameters (for the scenario hash).
std::string canonicalText(const Intervention& i);

}  // namespace zorgsim
