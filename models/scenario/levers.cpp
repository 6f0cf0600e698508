#include "models/scenario/levers.hpp"

#include <stdexcept>
#include <utility>

namespace zorgsim {

namespace {

// The levers in the order of the Lever enum (leverSpec checks it): demography, migration and
// housing first, then the labour market and prevention.
std::vector<LeverSpec> demographyLevers() {
  return {
      {Lever::Horizon, "horizon", LeverGroup::Demography, 2050, 2022, 2150, true, "year",
       "Eindjaar", "Horizon", "Last year of the projection (population on 1 January of that year).",
       "Laatste jaar van de projectie (bevolking op 1 januari van dat jaar).",
       "assumption: 2050 is the horizon of the regional visions in the seed documents",
       "aanname: 2050 is het eindjaar van de regionale visies waaruit zorgsim voortkwam"},
      {Lever::FertilityMultiplier, "demography.fertility_multiplier", LeverGroup::Demography, 1.0,
       0.0, 3.0, false, "factor", "Vruchtbaarheid (factor)", "Fertility (factor)",
       "Multiplies all age-specific fertility rates of the national assumptions (demography.assumptions).",
       "Vermenigvuldigt alle leeftijdsspecifieke vruchtbaarheidscijfers van de landelijke aannames.",
       "1 = the TFR of the national assumptions as published (CBS Kernprognose or UN WPP 2024)",
       "1 = het kindertal (TFR) van de landelijke aannames zoals gepubliceerd (CBS Kernprognose of VN WPP 2024)"},
      {Lever::LifeExpectancyGain, "demography.life_expectancy_gain", LeverGroup::Demography, 0.0,
       -10.0, 10.0, false, "years", "Extra levensverwachting", "Extra life expectancy",
       "Years of life expectancy at birth added (or removed) by the horizon, phased in linearly, on top of the gain of the national assumptions.",
       "Jaren levensverwachting bij geboorte die er tot het eindjaar geleidelijk bij komen (of af gaan), bovenop de stijging in de landelijke aannames.",
       "0 = life expectancy of the national assumptions (CBS Kernprognose or UN WPP 2024)",
       "0 = de levensverwachting van de landelijke aannames (CBS Kernprognose of VN WPP 2024)"},
      {Lever::MortalityMultiplier, "demography.mortality_multiplier", LeverGroup::Demography, 1.0,
       0.2, 5.0, false, "relative risk", "Sterfte (relatief risico)", "Mortality (relative risk)",
       "Multiplies all death rates in every year.",
       "Vermenigvuldigt alle sterftekansen in elk jaar.", "1 = UN WPP 2024 as published",
       "1 = VN WPP 2024 zoals gepubliceerd"},
      {Lever::InternalInMultiplier, "migration.internal_in_multiplier", LeverGroup::Demography, 1.0,
       0.0, 5.0, false, "factor", "Vestiging uit andere gemeenten (factor)",
       "In-migration from other municipalities (factor)",
       "Multiplies the yearly number of people moving in from other Dutch municipalities.",
       "Vermenigvuldigt het aantal mensen dat per jaar uit andere Nederlandse gemeenten komt wonen.",
       "1 = CBS 37230ned/70072NED 2012-2019, weighted mean (flow_year_weights.csv)",
       "1 = CBS 37230ned/70072NED 2012-2019, gewogen gemiddelde (flow_year_weights.csv)"},
      {Lever::InternalOutMultiplier, "migration.internal_out_multiplier", LeverGroup::Demography,
       1.0, 0.0, 5.0, false, "factor", "Vertrek naar andere gemeenten (factor)",
       "Out-migration to other municipalities (factor)",
       "Multiplies the rates of moving out to other Dutch municipalities.",
       "Vermenigvuldigt de kans om naar een andere Nederlandse gemeente te verhuizen.",
       "1 = CBS 37230ned/70072NED 2012-2019, weighted mean (flow_year_weights.csv)",
       "1 = CBS 37230ned/70072NED 2012-2019, gewogen gemiddelde (flow_year_weights.csv)"},
      {Lever::InternationalInMultiplier, "migration.international_in_multiplier",
       LeverGroup::Demography, 1.0, 0.0, 5.0, false, "factor", "Immigratie (factor)",
       "Immigration (factor)", "Multiplies the yearly number of immigrants from abroad.",
       "Vermenigvuldigt het aantal immigranten uit het buitenland per jaar.",
       "1 = CBS 37230ned/70072NED 2012-2019 weighted share of national immigration, national immigration of the national assumptions",
       "1 = het gewogen aandeel van de gemeente in de landelijke immigratie (CBS 37230ned/70072NED 2012-2019), bij de landelijke immigratie van de landelijke aannames"},
      {Lever::InternationalOutMultiplier, "migration.international_out_multiplier",
       LeverGroup::Demography, 1.0, 0.0, 5.0, false, "factor", "Emigratie (factor)",
       "Emigration (factor)", "Multiplies the rates of emigration abroad.",
       "Vermenigvuldigt de kans om naar het buitenland te vertrekken.",
       "1 = CBS 37230ned/70072NED 2012-2019, weighted mean (flow_year_weights.csv)",
       "1 = CBS 37230ned/70072NED 2012-2019, gewogen gemiddelde (flow_year_weights.csv)"},
      {Lever::RegionalRetention, "migration.regional_retention", LeverGroup::Demography, 0.5, 0.0,
       0.9, false, "share", "Binding aan eigen provincie (aandeel)", "Ties to own province (share)",
       "Share of a municipality's arrivals from other municipalities that follows the departures "
       "of its own province; the rest follows the national pool of movers (0 = one national pool).",
       "Deel van de vestiging uit andere gemeenten dat meebeweegt met het vertrek uit de eigen "
       "provincie; de rest volgt alle verhuizers van het land (0 = één landelijke pool).",
       "assumption: 0.5; CBS 37230ned 2012-2016 arrivals of 342 municipalities do not tell 0 to "
       "0.5 apart (docs/validation.md), 0.5 brings the 2050 provinces closer to PBL/CBS 85173NED",
       "aanname: 0,5; de vestiging 2012-2016 in 342 gemeenten (CBS 37230ned) onderscheidt 0 tot 0,5 niet (docs/validation.md); 0,5 brengt de provincies in 2050 dichter bij PBL/CBS 85173NED"},
      {Lever::PersonsPerDwelling, "housing.persons_per_dwelling", LeverGroup::Demography, 2.24, 0.5,
       6.0, false, "persons per dwelling", "Bewoners per nieuwe woning",
       "Residents per new dwelling",
       "People moving in per extra dwelling (see housing.extra_dwellings).",
       "Aantal nieuwe bewoners per extra woning (zie extra woningen per gemeente).",
       "CBS Kerncijfers wijken en buurten 2019: inhabitants / households over 46 Gelderland municipalities = 2.24",
       "CBS Kerncijfers wijken en buurten 2019: inwoners / huishoudens van 46 Gelderse gemeenten = 2,24"},
  };
}

std::vector<LeverSpec> labourMarketAndPreventionLevers() {
  return {
      {Lever::ProductivityMultiplier, "workforce.productivity_multiplier", LeverGroup::LabourMarket,
       1.0, 0.5, 2.0, false, "factor", "Productiviteit (factor)", "Productivity (factor)",
       "Multiplies the productive (client) hours per FTE of every workforce segment; 1.1 = 10 % more care per FTE.",
       "Vermenigvuldigt de productieve (cliënt)uren per fte in elke sector; 1,1 = 10 % meer zorg per fte.",
       "1 = productive hours per FTE in data/.../workforce/workforce_segments.csv",
       "1 = productieve uren per fte in data/.../workforce/workforce_segments.csv"},
      {Lever::AttritionMultiplier, "workforce.attrition_multiplier", LeverGroup::LabourMarket, 1.0,
       0.0, 3.0, false, "factor", "Uitstroom (factor)", "Attrition (factor)",
       "Multiplies the yearly share of care workers leaving the sector before the state pension age.",
       "Vermenigvuldigt het deel van de zorgmedewerkers dat per jaar de sector verlaat vóór de AOW-leeftijd.",
       "1 = AZW sector outflow 2021 minus retirement (workforce_segments.csv)",
       "1 = uitstroom uit de sector volgens AZW 2021, zonder pensionering (workforce_segments.csv)"},
      {Lever::InflowMultiplier, "workforce.inflow_multiplier", LeverGroup::LabourMarket, 1.0, 0.0,
       3.0, false, "factor", "Instroom (factor)", "Inflow (factor)",
       "Multiplies the yearly number of new care workers (school-leavers per 1,000 aged 18-24, "
       "other entrants per 1,000 aged 25-54, per labour-market region).",
       "Vermenigvuldigt het aantal nieuwe zorgmedewerkers per jaar (schoolverlaters per 1.000 "
       "inwoners van 18-24, overige instromers per 1.000 van 25-54, per arbeidsmarktregio).",
       "1 = AZW sector inflow 2021 (workforce_segments.csv)",
       "1 = instroom in de sector volgens AZW 2021 (workforce_segments.csv)"},
      {Lever::PartTimeMultiplier, "workforce.part_time_multiplier", LeverGroup::LabourMarket, 1.0,
       0.5, 1.6, false, "factor", "Deeltijdfactor (factor)", "Part-time factor (factor)",
       "Multiplies the average FTE per employee (capped at 1 FTE); 1.1 = everyone works 10 % more hours.",
       "Vermenigvuldigt het gemiddelde aantal fte per medewerker (hoogstens 1 fte); 1,1 = iedereen werkt 10 % meer uren.",
       "1 = AZW part-time factors (workforce_segments.csv)",
       "1 = deeltijdfactoren volgens AZW (workforce_segments.csv)"},
      {Lever::RetirementAgeOffset, "workforce.retirement_age_offset", LeverGroup::LabourMarket, 0.0,
       -5.0, 5.0, false, "years", "Pensioenleeftijd (+ jaren)", "Retirement age (+ years)",
       "Years added to the state pension age at which care workers are assumed to stop.",
       "Jaren die bij de AOW-leeftijd komen waarop zorgmedewerkers stoppen met werken.",
       "0 = AOW age by law (state_pension_age.csv)",
       "0 = AOW-leeftijd volgens de wet (state_pension_age.csv)"},
      {Lever::DiscountRate, "prevention.discount_rate", LeverGroup::Prevention, 0.0, 0.0, 15.0,
       false, "% per year", "Rekenrente voor latere bedragen (% per jaar)", "Discount rate",
       "Yearly rate at which future programme costs and avoided costs are discounted to the base year.",
       "Percentage per jaar waarmee toekomstige programmakosten en vermeden kosten naar het basisjaar worden teruggerekend.",
       "0 = undiscounted (assumption: set your organisation's rate)",
       "0 = niet verdisconteerd (aanname: vul de rekenrente van uw organisatie in)"},
  };
}

}  // namespace

const std::vector<LeverSpec>& leverSpecs() {
  static const std::vector<LeverSpec> specs = [] {
    std::vector<LeverSpec> all = demographyLevers();
    for (auto& spec : labourMarketAndPreventionLevers()) all.push_back(std::move(spec));
    return all;
  }();
  return specs;
}

const LeverSpec& leverSpec(Lever id) {
  const auto& specs = leverSpecs();
  const auto i = static_cast<std::size_t>(id);
  if (i >= specs.size() || specs[i].id != id) throw std::logic_error("lever table out of order");
  return specs[i];
}

std::optional<Lever> findLever(std::string_view key) {
  for (const auto& s : leverSpecs()) {
    if (s.key == key) return s.id;
  }
  return std::nullopt;
}

const std::vector<TableLeverSpec>& tableLeverSpecs() {
  static const std::vector<TableLeverSpec> specs{
      {TableLever::ExtraDwellings, "housing.extra_dwellings", TableKey::Municipality,
       LeverGroup::Demography, 0.0, 100000.0, "dwellings per year", "Extra woningen per jaar",
       "Extra dwellings per year",
       "Extra dwellings built per year in a municipality (key: GM code); each adds housing.persons_per_dwelling in-migrants.",
       "Extra woningen per jaar in een gemeente (sleutel: GM-code); elke woning brengt het ingestelde aantal bewoners per nieuwe woning.",
       "scenario input (none in the baseline)",
       "invoer van het scenario (geen in het trendscenario)"},
      {TableLever::PrevalenceTrend, "care.prevalence_trend", TableKey::CareType,
       LeverGroup::CareUse, -20.0, 20.0, "% per year", "Trend zorggebruik (% per jaar)",
       "Care-use trend (% per year)",
       "Yearly change in the age-specific use of a care type (key: care type code), compounded from the base year; a value set here replaces the default trend and does not taper.",
       "Jaarlijkse verandering in het leeftijdsspecifieke gebruik van een zorgsoort (sleutel: code van de zorgsoort), cumulatief vanaf het basisjaar; een waarde hier vervangt de standaardtrend en loopt niet af.",
       "default per care type: care/care_trends.csv (growth beyond demography in the national series, tapered to 0 from 2025 to 2040; docs/method-care.md); 0 = demography only (scenario demografie-alleen)",
       "standaard per zorgsoort: care/care_trends.csv (groei boven de demografie in de landelijke reeksen, afnemend tot 0 van 2025 tot 2040; docs/method-care.md); 0 = alleen demografie (scenario demografie-alleen)"},
  };
  return specs;
}

const TableLeverSpec& tableLeverSpec(TableLever id) {
  return tableLeverSpecs()[static_cast<std::size_t>(id)];
}

std::optional<TableLever> findTableLever(std::string_view key) {
  for (const auto& s : tableLeverSpecs()) {
    if (s.key == key) return s.id;
  }
  return std::nullopt;
}

namespace {
// Names per LeverGroup, in the enum's order.
constexpr std::string_view kGroupNamesNl[] = {"Demografie", "Zorggebruik", "Preventie",
                                              "Arbeidsmarkt"};
constexpr std::string_view kGroupNamesEn[] = {"Demography", "Care use", "Prevention",
                                              "Labour market"};
std::string_view groupName(const std::string_view* names, LeverGroup g) {
  const auto i = static_cast<std::size_t>(g);
  return i < 4 ? names[i] : "";
}
}  // namespace

std::string_view groupNameNl(LeverGroup g) { return groupName(kGroupNamesNl, g); }

std::string_view groupNameEn(LeverGroup g) { return groupName(kGroupNamesEn, g); }

}  // namespace zorgsim
