#include "cli/cli_text.hpp"

#include <algorithm>

namespace zorgsim::cli {

const std::vector<CliText>& cliTextTable() {
  static const std::vector<CliText> table{
      // Shared by several commands.
      {"written_to", "Resultaten geschreven naar", "Results written to"},
      {"written", "Geschreven: ", "Written: "},
      {"municipality", "Gemeente", "Municipality"},
      {"region", "Regio", "Region"},
      {"year", "jaar", "year"},
      {"replicates", "replicaties", "replicates"},
      {"care_type", "zorgsoort", "care type"},
      {"Care_type", "Zorgsoort", "Care type"},
      // zorgsim run: the summaries.
      {"people", "inwoners", "people"},
      {"change_years", "verandering {}-{}", "change {}-{}"},
      {"care_title", "Cliënten per zorgsoort en personeel (fte, alle segmenten)\n",
       "Clients per care type and workforce (FTE, all segments)\n"},
      {"fte_demand", "fte vraag", "FTE demand"},
      {"fte_supply", "fte aanbod", "FTE supply"},
      {"shortage_surplus", "tekort/overschot", "shortage/surplus"},
      {"recalibrated", "niveaus herijkt op eigen registraties (zie manifest.json)",
       "levels recalibrated to own registrations (see manifest.json)"},
      // zorgsim run --engine agent: the bands.
      {"agent_engine_comma", "agent-engine,", "agent engine,"},
      {"bands", "Bandbreedte", "Bands"},
      {"bands_what", "gemiddelde en P5-P95 over de replicaties; alleen toeval",
       "mean and P5-P95 over the replicates; chance only"},
      {"bands_what_parameters",
       "gemiddelde en P5-P95 over de replicaties; parameteronzekerheid en toeval",
       "mean and P5-P95 over the replicates; parameter uncertainty and chance"},
      {"shortage_chance", "Kans op een tekort", "Chance of a shortage"},
      {"band_population", "inwoners", "population"},
      {"band_youth_stay", "jeugd met verblijf", "youth care with stay"},
      {"band_sheltered", "beschermd wonen", "sheltered housing"},
      {"band_care_cost", "zorgkosten (EUR mln)", "care cost (EUR mln)"},
      // zorgsim solidarity.
      {"solidarity", "Regionale solidariteit", "Regional solidarity"},
      {"of_agent_engine", "van de agent-engine", "of the agent engine"},
      {"risk_defined", "Risico = P95 min verwachte kosten, in % van de eigen verwachte kosten.",
       "Risk = P95 minus expected cost, as % of the municipality's own expected cost."},
      {"expected_keur", "verwacht k€", "expected k€"},
      {"alone", "alleen", "alone"},
      {"key_inhabitants", "inwoners", "inhabit."},
      {"key_young", "jeugd0-17", "young0-17"},
      {"key_historical", "historisch", "historical"},
      {"region_total", "Regio (totaal)", "Region (total)"},
      {"sum_of_risks", "Som risico's (k€)", "Sum of risks (k€)"},
      {"transfer_title",
       "Verwachte overdracht in de pool (k€ per jaar; + = betaalt meer dan de eigen verwachte kosten)",
       "Expected transfer in the pool (k€ a year; + = pays more than its own expected cost)"},
      // zorgsim compare.
      {"fig_population", "Inwoners", "Population"},
      {"fig_65", "65+", "65+"},
      {"fig_85", "85+", "85+"},
      {"fig_hh", "Cliënten hulp bij huishouden", "Clients household help"},
      {"fig_youth_ambulant", "Cliënten jeugdhulp zonder verblijf", "Clients youth care (ambulant)"},
      {"fig_youth_stay", "Cliënten jeugdhulp met verblijf", "Clients youth care (stay)"},
      {"fig_wlz", "Cliënten Wlz", "Clients Wlz"},
      {"fig_demand", "Personeel vraag (fte)", "Workforce demand (FTE)"},
      {"fig_supply", "Personeel aanbod (fte)", "Workforce supply (FTE)"},
      {"fig_gap", "Tekort/overschot (fte)", "Shortage/surplus (FTE)"},
      {"fig_cost", "Zorgkosten (mln euro)", "Care cost (million euro)"},
      {"all_differences", "Alle verschillen: ", "All differences: "},
      // zorgsim decompose.
      {"change_staff_clients", "verandering in personeel en cliënten",
       "change in staff and clients"},
      {"demography", "demografie", "demography"},
      {"prevention", "preventie", "prevention"},
      {"total", "totaal", "total"},
      {"staff_fte", "personeel (fte)", "staff (FTE)"},
      // zorgsim monitor.
      {"realised", "gerealiseerd", "realised"},
      {"projected", "geprojecteerd", "projected"},
      {"deviation", "afwijking", "deviation"},
      {"outside_band", "{} van de {} buiten de P5-P95-band van {} replicaties.",
       "{} of {} outside the P5-P95 band of {} replicates."},
      {"band_with_agent", "Met --engine agent ook de P5-P95-band.",
       "With --engine agent also the P5-P95 band."},
      {"compared", "vergeleken", "compared"},
      {"outside_run", "buiten de jaren of regio van de run", "outside the run's years or region"},
  };
  return table;
}

Language languageOf(std::string_view code) {
  return code == "en" ? Language::English : Language::Dutch;
}

const char* text(Language lang, std::string_view key) {
  const auto& table = cliTextTable();
  const auto it =
      std::find_if(table.begin(), table.end(), [&](const CliText& t) { return t.key == key; });
  if (it == table.end()) return key.data();  // keys are literals: null-terminated
  return (lang == Language::English ? it->en : it->nl).data();
}

}  // namespace zorgsim::cli
