#include "gui/strings.hpp"

#include <string>
#include <unordered_map>

namespace zorgsim::gui {

const std::vector<StringEntry>& stringTable() {
  static const std::vector<StringEntry> table{
      // Views
      {"view.map", "Kaart", "Map"},
      {"view.pyramid", "Bevolkingspiramide", "Population pyramid"},
      {"view.timeseries", "Zorg en personeel", "Care and workforce"},
      {"view.prevention", "Preventie", "Prevention"},
      {"view.comparison", "Vergelijken", "Compare"},
      {"view.solidarity", "Solidariteit", "Solidarity"},
      // Top bar
      {"app.title", "zorgsim", "zorgsim"},
      {"top.region", "Regio", "Region"},
      {"top.municipality", "Gemeente", "Municipality"},
      {"top.whole_region", "Hele regio", "Whole region"},
      {"top.scenario", "Scenario", "Scenario"},
      {"top.modified", "gewijzigd", "modified"},
      {"top.open", "Openen...", "Open..."},
      {"top.save", "Opslaan...", "Save..."},
      {"top.export", "Exporteer grafiek", "Export chart"},
      {"top.workshop", "Workshop (F5)", "Workshop (F5)"},
      {"top.language", "English", "Nederlands"},
      {"top.year", "Jaar", "Year"},
      // Region types
      {"regiontype.zorgregio", "Zorgregio", "Care region"},
      {"regiontype.jeugdregio", "Jeugdregio", "Youth care region"},
      {"regiontype.corop", "COROP-gebied", "COROP area"},
      {"regiontype.province", "Provincie", "Province"},
      {"regiontype.country", "Land", "Country"},
      {"regiontype.zorgkantoorregio", "Zorgkantoorregio", "Care office region (zorgkantoor)"},
      {"regiontype.arbeidsmarktregio", "Arbeidsmarktregio", "Labour market region"},
      {"regiontype.ggd", "GGD-regio", "Public health region (GGD)"},
      {"regiontype.coalition", "Eigen regio", "Own region (coalition)"},
      // Levers
      {"levers.title", "Hefbomen", "Levers"},
      {"levers.reset", "Herstel", "Reset"},
      {"levers.reset_all", "Alles terug naar het geladen scenario", "Reset all to the loaded scenario"},
      {"levers.meaning", "Betekenis", "Meaning"},
      {"levers.unit", "Eenheid", "Unit"},
      {"levers.range", "Bereik", "Range"},
      {"levers.default", "Standaard", "Default"},
      {"levers.source", "Bron", "Source"},
      {"levers.none_prevention",
       "Geen interventiecatalogus gevonden (interventions.toml naast het scenario).",
       "No intervention catalogue found (interventions.toml next to the scenario)."},
      {"levers.interventions", "Interventies (aan/uit)", "Interventions (on/off)"},
      {"levers.tier", "Soort", "Tier"},
      {"levers.target", "Doelgroep", "Target group"},
      {"levers.reach", "Bereik", "Reach"},
      {"levers.cost_per_participant", "Kosten per deelnemer", "Cost per participant"},
      {"levers.per_care_type", "per zorgsoort", "per care type"},
      {"levers.per_municipality", "voor de gekozen gemeente", "for the selected municipality"},
      {"levers.pick_municipality", "Kies een gemeente om extra woningen in te stellen.",
       "Pick a municipality to set extra dwellings."},
      {"levers.tfr_variant", "Vruchtbaarheidsvariant (WPP)", "Fertility variant (WPP)"},
      // Key figures
      {"kf.population", "Inwoners", "Population"},
      {"kf.aged65", "65+", "65+"},
      {"kf.aged85", "85+", "85+"},
      {"kf.grey", "Grijze druk", "Old-age dependency"},
      {"kf.gap", "Tekort zorgpersoneel", "Care staff shortage"},
      {"kf.share", "Nodig in de zorg, 20-66 jr", "Needed in care, aged 20-66"},
      {"kf.cost", "Zorgkosten", "Care cost"},
      {"kf.demand", "Vraag zorgpersoneel", "Care staff demand"},
      {"kf.supply", "Aanbod zorgpersoneel", "Care staff supply"},
      {"kf.vs_base", "t.o.v.", "vs"},
      {"kf.no_care", "geen zorgdata", "no care data"},
      // Units
      {"unit.persons", "personen", "persons"},
      {"unit.persons_per_age", "personen per leeftijdsjaar", "persons per year of age"},
      {"unit.fte", "fte", "FTE"},
      {"unit.clients", "cliënten", "clients"},
      {"unit.hours", "uren per jaar", "hours per year"},
      {"unit.euro", "euro per jaar", "euro per year"},
      {"unit.meuro", "mln euro", "m euro"},
      {"unit.per100", "per 100 20-64-jarigen", "per 100 aged 20-64"},
      {"unit.percent", "%", "%"},
      {"unit.ratio", "50-74-jarigen per 85-plusser", "aged 50-74 per person 85+"},
      {"unit.age", "leeftijd", "age"},
      {"unit.age_years", "jaar", "years"},
      // Map
      {"map.indicator", "Indicator", "Indicator"},
      {"map.no_data", "buiten selectie", "not in selection"},
      {"map.click_hint", "Klik op een gemeente om die te kiezen.", "Click a municipality to select it."},
      {"map.no_geo", "Geen gemeentegrenzen gevonden (geo/gemeenten_2024.geojson).",
       "No municipal boundaries found (geo/gemeenten_2024.geojson)."},
      {"ind.population", "Inwoners", "Population"},
      {"ind.population_change", "Groei inwoners sinds basisjaar", "Population change since base year"},
      {"ind.share65", "Aandeel 65+", "Share aged 65+"},
      {"ind.share85", "Aandeel 85+", "Share aged 85+"},
      {"ind.grey_pressure", "Grijze druk", "Old-age dependency ratio"},
      {"ind.green_pressure", "Groene druk", "Youth dependency ratio"},
      {"ind.mantelzorg_ratio", "Mantelzorgpotentieel", "Informal-care potential"},
      {"ind.care_fte", "Zorgpersoneel nodig (fte)", "Care staff needed (FTE)"},
      {"ind.workforce_gap", "Tekort zorgpersoneel (fte)", "Care staff shortage (FTE)"},
      {"ind.gap_per_1000", "Tekort zorgpersoneel per 1.000 inwoners", "Care staff shortage per 1,000 inhabitants"},
      {"ind.care_share", "Aandeel 20-66-jarigen nodig in de zorg", "Share of 20-66 needed in care"},
      {"ind.per1000", "fte per 1.000 inw.", "FTE per 1,000"},
      // Pyramid
      {"pyr.men", "Mannen", "Men"},
      {"pyr.women", "Vrouwen", "Women"},
      {"pyr.outline", "Vergelijk met", "Compare with"},
      {"pyr.reference", "referentie", "reference"},
      {"pyr.title", "Bevolking naar leeftijd en geslacht", "Population by age and sex"},
      // Time series
      {"ts.care_type", "Zorgsoort", "Care type"},
      {"ts.all_types", "Alle zorgsoorten", "All care types"},
      {"ts.measure", "Maat", "Measure"},
      {"ts.clients", "Cliënten", "Clients"},
      {"ts.fte", "Zorgpersoneel (fte)", "Care staff (FTE)"},
      {"ts.hours", "Zorguren", "Care hours"},
      {"ts.cost", "Kosten", "Cost"},
      {"ts.segment", "Sector", "Sector"},
      {"ts.all_segments", "Alle sectoren", "All sectors"},
      {"ts.workforce", "Zorgpersoneel: vraag en aanbod", "Care workforce: demand and supply"},
      {"ts.gap", "Tekort (vraag min aanbod)", "Shortage (demand minus supply)"},
      {"ts.demand", "Vraag", "Demand"},
      {"ts.supply", "Aanbod", "Supply"},
      {"ts.no_bands", "Geen agent-run: nog geen P5-P95-banden (start er een hierboven).",
       "No agent run: no P5-P95 bands yet (start one above)."},
      {"ts.bands_stale", "Geen banden: de agent-run hoort bij een ander scenario of een andere regio.",
       "No bands: the agent run belongs to another scenario or region."},
      {"ts.gap_short", "Tekort", "Shortage"},
      {"ts.band", "P5-P95", "P5-P95"},
      {"ts.no_care", "Deze dataset heeft geen zorgcatalogus (care/): geen zorgreeksen.",
       "This dataset has no care catalogue (care/): no care series."},
      // Prevention
      {"prev.title", "Preventie", "Prevention"},
      {"prev.empty",
       "Dit scenario zet geen preventie-interventies in. Zet er een aan bij de hefbomen (groep Preventie) of open een "
       "scenario met interventies, bijvoorbeeld achterhoek-preventie.toml. Dan volgen hier vermeden cliënten en fte, "
       "opbrengst per euro, het terugverdienjaar en de ontleding van de verandering in zorgpersoneel.",
       "This scenario uses no prevention interventions. Switch one on in the levers (group Prevention) or open a "
       "scenario with interventions, for example achterhoek-preventie.toml. This view then shows avoided clients and "
       "FTE, return per euro, the break-even year and the decomposition of the change in care staff."},
      {"prev.avoided_fte", "Vermeden zorgpersoneel", "Avoided care staff"},
      {"prev.avoided_cost", "Vermeden zorgkosten", "Avoided care cost"},
      {"prev.programme_cost_total", "Programmakosten (opgeteld)", "Programme cost (summed)"},
      {"prev.return", "Opbrengst per euro", "Return per euro"},
      {"prev.break_even", "Terugverdienjaar", "Break-even year"},
      {"prev.not_reached", "niet bereikt", "not reached"},
      {"prev.value", "Waarde", "Value"},
      {"prev.per_year", "per jaar", "per year"},
      {"prev.period", "Jaar / periode", "Year / period"},
      {"prev.cost_title", "Vermeden kosten en programmakosten", "Avoided cost and programme cost"},
      {"prev.fte_title", "Vermeden zorgpersoneel", "Avoided care staff"},
      {"prev.avoided_cost_line", "Vermeden kosten", "Avoided cost"},
      {"prev.programme_cost_line", "Programmakosten", "Programme cost"},
      {"prev.waterfall_title", "Verandering zorgpersoneel", "Change in care staff"},
      {"prev.level", "Niveau", "Level"},
      {"prev.increase", "Toename", "Increase"},
      {"prev.decrease", "Afname", "Decrease"},
      {"prev.demography", "Demografie", "Demography"},
      {"prev.trend", "Trend", "Trend"},
      {"prev.prevention", "Preventie", "Prevention"},
      {"prev.avoided_clients", "Vermeden cliënten in", "Avoided clients in"},
      {"prev.no_avoided_clients", "In dit jaar vermijden de interventies nog geen hele cliënt.",
       "In this year the interventions avoid less than one client of any care type."},
      {"prev.clients_note", "Per zorgsoort; niet op te tellen, want mensen gebruiken soms meer zorgsoorten.",
       "Per care type; not to be added up, as people sometimes use several care types."},
      // Agent runs (solidarity, bands)
      {"agent.replicates", "Replicaties", "Replicates"},
      {"agent.replicates_help",
       "Aantal runs van de agent-engine (zelfde seed: zelfde uitkomst). Meer replicaties: stabielere P5/P95, langere rekentijd.",
       "Number of runs of the agent engine (same seed: same outcome). More replicates: steadier P5/P95, longer to compute."},
      {"agent.start", "Start agent-run", "Start agent run"},
      {"agent.cancel", "Annuleren", "Cancel"},
      {"agent.running", "De agent-run loopt op de achtergrond; het scherm blijft bruikbaar.",
       "The agent run is computing in the background; the screen stays usable."},
      {"agent.cancelled", "Geannuleerd.", "Cancelled."},
      {"agent.failed", "Mislukt:", "Failed:"},
      {"agent.stale", "Verouderd: berekend voor een ander scenario of een andere regio. Start opnieuw.",
       "Stale: computed for another scenario or region. Start again."},
      {"agent.result", "Getoond: agent-run met", "Shown: agent run of"},
      {"agent.replicates_of", "replicaties", "replicates"},
      // Solidarity
      {"sol.title", "Solidariteit", "Solidarity"},
      {"sol.empty",
       "Nog geen solidariteitstabel voor deze regio. Start een agent-run: die trekt per replicatie de zware, zeldzame "
       "zorg van elke gemeente en vergelijkt het budgetrisico alleen met dat in een regionale pot.",
       "No solidarity table for this region yet. Start an agent run: per replicate it draws each municipality's rare, "
       "expensive care and compares the budget risk alone with that in a regional pool."},
      {"sol.what", "Zorgsoorten in de pot:", "Care types pooled:"},
      {"sol.risk_note",
       "Risico = P95 min verwachte kosten, in % van de eigen verwachte kosten van de gemeente.",
       "Risk = P95 minus expected cost, as % of the municipality's own expected cost."},
      {"sol.risk_title", "Budgetrisico: alleen en in de pot, per verdeelsleutel", "Budget risk: alone and pooled, per distribution key"},
      {"sol.transfer_title", "Verwachte overdracht in de pot (k\u20AC per jaar; + = betaalt meer dan de eigen verwachte kosten)",
       "Expected transfer in the pool (k\u20AC a year; + = pays more than its own expected cost)"},
      {"sol.expected", "Verwacht (k\u20AC)", "Expected (k\u20AC)"},
      {"sol.alone", "Alleen", "Alone"},
      {"sol.inhabitants", "Inwoners", "Inhabitants"},
      {"sol.young", "Jeugd 0-17", "Young 0-17"},
      {"sol.historical", "Historisch", "Historical"},
      {"sol.mix", "Mix", "Mix"},
      {"sol.risk_euro", "Risico", "Risk"},
      {"sol.transfer", "Verwachte overdracht", "Expected transfer"},
      {"sol.region_total", "Regio (totaal)", "Region (total)"},
      {"sol.sum_risks", "Som van de risico's (k\u20AC)", "Sum of risks (k\u20AC)"},
      // Comparison
      {"cmp.title", "Scenario's vergelijken", "Compare scenarios"},
      {"cmp.add", "Scenario toevoegen...", "Add scenario..."},
      {"cmp.remove", "Verwijder", "Remove"},
      {"cmp.current", "huidig", "current"},
      {"cmp.empty", "Voeg een scenario toe om te vergelijken (maximaal 3 naast het huidige).",
       "Add a scenario to compare (at most 3 next to the current one)."},
      {"cmp.full", "Maximaal 4 scenario's tegelijk.", "At most 4 scenarios at a time."},
      {"cmp.figure", "Kerncijfer", "Key figure"},
      {"cmp.in_year", "in", "in"},
      {"cmp.computing", "wordt berekend...", "computing..."},
      // Files
      {"file.open_title", "Scenario openen", "Open scenario"},
      {"file.save_title", "Scenario opslaan", "Save scenario"},
      {"file.add_title", "Scenario toevoegen aan vergelijking", "Add scenario to comparison"},
      {"file.path", "Bestand", "File"},
      {"file.ok_open", "Openen", "Open"},
      {"file.ok_save", "Opslaan", "Save"},
      {"file.ok_add", "Toevoegen", "Add"},
      {"file.cancel", "Annuleren", "Cancel"},
      {"file.in_folder", "Scenario's in", "Scenarios in"},
      {"file.saved", "Opgeslagen:", "Saved:"},
      {"file.loaded", "Geladen:", "Loaded:"},
      {"file.exported", "Geëxporteerd:", "Exported:"},
      // Errors and status
      {"err.title", "Fout", "Error"},
      {"err.kept", "De huidige instellingen zijn behouden.", "The current settings were kept."},
      {"err.dismiss", "Sluiten", "Dismiss"},
      {"status.computing", "Berekenen...", "Computing..."},
      {"status.ready", "Klaar", "Ready"},
      {"status.runs", "berekening(en) bezig", "run(s) in progress"},
      {"status.cancel", "Stop", "Stop"},
      {"status.dataset", "Data", "Data"},
      {"status.recompute", "herberekening", "recompute"},
      {"status.in_frame", "in hetzelfde frame", "in the same frame"},
      {"status.background", "op de achtergrond", "in the background"},
      {"status.no_runs", "Nog geen resultaten.", "No results yet."},
  };
  return table;
}

const char* tr(Lang lang, std::string_view key) {
  static const std::unordered_map<std::string_view, const StringEntry*> index = [] {
    std::unordered_map<std::string_view, const StringEntry*> m;
    for (const auto& e : stringTable()) m[e.key] = &e;
    return m;
  }();
  const auto it = index.find(key);
  if (it == index.end()) {
    // Keys are string literals in the code, so their data outlives this call.
    return key.data();
  }
  // Entries are literals, hence NUL-terminated.
  return lang == Lang::Nl ? it->second->nl.data() : it->second->en.data();
}

std::string_view langCode(Lang lang) { return lang == Lang::Nl ? "nl" : "en"; }

}  // namespace zorgsim::gui
