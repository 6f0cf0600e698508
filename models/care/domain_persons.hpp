#pragma once
// Persons in a care domain from the clients per care type. Clients are counted per provision
// (care type): a person with household help and a transport service is a client of both, so
// the sum over a domain's types counts people more than once. Councils know their number of
// persons ("Wmo-cliënten", "jongeren met jeugdzorg"), so the workshop screen shows that: the
// sum times the national share of distinct persons in it, published for the base period.
// Assumption: the share is the same in every municipality, age structure and year (for the
// Wmo it was 0.746-0.748 in every year 2017-2020 nationally, see the .cpp).

#include <string_view>

namespace zorgsim {

// Distinct persons per client counted over the domain's care types (0-1]; 1 for a domain
// without a published figure (its sum is then shown as it is).
double personsPerDomainClient(std::string_view domain);

}  // namespace zorgsim
