#include "models/care/domain_persons.hpp"

namespace zorgsim {

double personsPerDomainClient(std::string_view domain) {
  // Wmo: persons with at least one Wmo maatwerkvoorziening in 2020*, 1,220,910, against the
  // sum of the four types, 1,637,425 (ondersteuning thuis 322,030 + hulp bij het huishouden
  // 496,120 + verblijf en opvang 47,775 + hulpmiddelen en diensten 771,500), MLZ/CBS (GMSD),
  // https://www.monitorlangdurigezorg.nl/kerncijfers/gebruik/gebruik-wmo-maatwerkvoorzieningen.
  // The calibrated Wmo types of care/care_calibration_targets.csv add up to the same
  // 1,637,425. The share was 0.746 (2017), 0.748 (2019) and 0.746 (2020) on the same page.
  if (domain == "wmo") return 1220910.0 / 1637425.0;
  // Youth: young people 0-22 with jeugdzorg (jeugdhulp, jeugdbescherming or jeugdreclassering)
  // in 2021, 469,705 (NJi, https://www.nji.nl/cijfers/jeugdzorg, the figure the calibration
  // targets use for the age split), against the calibrated sum of the three youth types,
  // 512,200 (jeugdhulp zonder verblijf 424,300 + met verblijf 43,900 + jeugdbescherming and
  // jeugdreclassering 44,000, care/care_calibration_targets.csv).
  if (domain == "jeugd") return 469705.0 / 512200.0;
  return 1.0;
}

}  // namespace zorgsim
