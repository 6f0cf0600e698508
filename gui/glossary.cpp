#include "gui/glossary.hpp"

namespace zorgsim::gui {

// Figures quoted: docs/method-care.md section 3 (Achterhoek 2021: 8,034 FTE workforce demand,
// 10,681 FTE of care hours) and section 4 (demand anchored at supply plus the published
// shortage; care_share_labour_force).
const std::vector<GlossaryEntry>& glossary() {
  static const std::vector<GlossaryEntry> entries{
      {"Zorgpersoneel: vraag",
       "Het zorgpersoneel (fte) dat nodig is: in het basisjaar het personeel in dienst plus het gemeten tekort, daarna "
       "groeiend met de zorguren. Tekort en vermeden zorgpersoneel zijn in deze maat.",
       "Care staff: demand",
       "The care staff (FTE) needed: in the base year the staff employed plus the measured shortage, then growing with "
       "the care hours. Shortage and avoided care staff are in this measure."},
      {"Zorgpersoneel: aanbod",
       "Het zorgpersoneel (fte) dat er is: het personeel van nu, min wie stopt of met pensioen gaat, plus instroom.",
       "Care staff: supply",
       "The care staff (FTE) available: today's staff, minus those who leave or retire, plus inflow."},
      {"Tekort / overschot",
       "Vraag min aanbod van zorgpersoneel in fte; minder vraag dan aanbod is een overschot.",
       "Shortage / surplus",
       "Demand minus supply of care staff in FTE; less demand than supply is a surplus."},
      {"Zorguren in fte",
       "De uren cliëntgebonden zorg uit de zorgcatalogus, omgerekend naar voltijdbanen. Een andere maat dan de vraag "
       "naar zorgpersoneel, die ook ander werk telt en op het personeel in dienst is gezet: Achterhoek 2021 10.681 fte "
       "zorguren tegen 8.034 fte vraag.",
       "Care hours in FTE",
       "The hours of client-bound care from the care catalogue, converted to full-time jobs. A different measure from "
       "the demand for care staff, which also counts other work and is set to the staff employed: Achterhoek 2021 "
       "10,681 FTE of care hours against 8,034 FTE of demand."},
      {"Nodig in de zorg, 20-66 jr",
       "Het aantal mensen dat de vraag naar zorgpersoneel vraagt (fte gedeeld door de deeltijdfactor), als % van de "
       "inwoners van 20 tot en met 66 jaar.",
       "Needed in care, aged 20-66",
       "The number of people the demand for care staff asks for (FTE divided by the part-time factor), as % of the "
       "inhabitants aged 20 to 66."},
      {"Grijze druk", "Het aantal 65-plussers per 100 inwoners van 20 tot en met 64 jaar.",
       "Old-age dependency", "The number of people 65 and over per 100 inhabitants aged 20 to 64."},
      {"Trendscenario",
       "Het basisscenario: de bevolkingsprognose en de huidige trends, zonder nieuw beleid.",
       "Trend scenario",
       "The base scenario: the population projection and current trends, without new policy."},
      {"Bereik",
       "Het deel van de doelgroep dat aan een interventie meedoet als die volledig loopt.", "Reach",
       "The share of the target group that takes part in an intervention once it runs in full."},
      {"Vermeden zorgpersoneel / zorgkosten",
       "Het verschil tussen de berekening zonder en met de interventies, in fte (vraag) en in euro.",
       "Avoided care staff / cost",
       "The difference between the run without and with the interventions, in FTE (demand) and in euro."},
      {"Opbrengst per euro",
       "Vermeden zorgkosten per euro programmakosten over de hele periode, latere bedragen minder zwaar (rekenrente).",
       "Return per euro",
       "Avoided care cost per euro of programme cost over the whole period, later amounts weighted less (discount "
       "rate)."},
      {"Terugverdienjaar",
       "Het eerste jaar waarin de opgetelde besparing de opgetelde programmakosten inhaalt.",
       "Break-even year",
       "The first year in which the cumulative saving catches up with the cumulative programme cost."},
      {"Rekenrente",
       "Het percentage per jaar waarmee een bedrag in een later jaar minder zwaar telt.",
       "Discount rate", "The percentage a year by which an amount in a later year counts less."},
      {"Demografie / Trend / Preventie",
       "De verandering in zorgpersoneel gesplitst in: de bevolkingsopbouw, het veranderende zorggebruik per leeftijd "
       "en het effect van de interventies.",
       "Demography / Trend / Prevention",
       "The change in care staff split into: the population, the changing care use per age, and the effect of the "
       "interventions."},
      {"Modelprijzen",
       "Cliënten maal kosten per cliënt uit de zorgcatalogus; geen contractprijzen en niet de gemeentelijke "
       "boekhouding.",
       "Model prices",
       "Clients times cost per client from the care catalogue; not contract prices and not the municipal ledger."},
      {"Netto effect gemeente", "De besparing op Wmo en Jeugd min de programmakosten, per jaar.",
       "Municipal net effect", "The saving on Wmo and Jeugd minus the programme cost, per year."},
      {"Ruimte",
       "De eigen begroting min wat het model met de programma's voor dezelfde posten berekent.",
       "Headroom",
       "Your budget minus what the model computes with the programmes for the same lines."},
      {"Onzekerheidsband (90 %)",
       "Het gebied waarin 90 % van de uitkomsten van herhaalde berekeningen met individuele inwoners valt; alleen "
       "getekend als hun gemiddelde binnen de toevalsmarge bij de lijn past.",
       "Uncertainty band (90 %)",
       "The range holding 90 % of the outcomes of repeated runs with individual inhabitants; drawn only when their "
       "mean fits the line within chance."},
      {"Herhalingen / startgetal",
       "Hoe vaak de berekening met individuele inwoners wordt herhaald; hetzelfde startgetal geeft dezelfde uitkomst.",
       "Replicates / seed",
       "How often the run with individual inhabitants is repeated; the same seed gives the same outcome."},
      {"Solidariteit",
       "Het risico van zware, zeldzame zorg per gemeente alleen en in een regionale pot, verdeeld naar inwoners, "
       "jongeren, historisch gebruik of een mix.",
       "Solidarity",
       "The risk of rare, expensive care per municipality alone and in a regional pool, shared by inhabitants, young "
       "people, historical use or a mix."},
  };
  return entries;
}

}  // namespace zorgsim::gui
