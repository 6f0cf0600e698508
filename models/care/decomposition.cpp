#include "models/care/decomposition.hpp"

#include <cmath>
#include <stdexcept>

namespace zorgsim {

std::vector<DecompositionRow> decompose(const ScenarioRun& run, const Dataset& data,
                                        const CareModel& care, const Scenario& scenario,
                                        std::size_t area, int fromYear, int toYear) {
  const int base = run.plan.baseYear;
  if (fromYear < base || toYear > run.plan.horizon || fromYear >= toYear) {
    throw std::invalid_argument("decomposition years must satisfy " + std::to_string(base) +
                                " <= from < to <= " + std::to_string(run.plan.horizon));
  }
  const auto y0 = static_cast<std::size_t>(fromYear - base),
             y1 = static_cast<std::size_t>(toYear - base);
  const AreaCare& with = run.areaCare.at(area);
  const AreaCare& without =
      run.areaCareWithoutPrevention.empty() ? with : run.areaCareWithoutPrevention.at(area);
  std::vector<DecompositionRow> rows;
  for (std::size_t k = 0; k < care.catalogue.types.size(); ++k) {
    const CareType& type = care.catalogue.types[k];
    const double trend0 = careTrendFactor(scenario, type, base, fromYear),
                 trend1 = careTrendFactor(scenario, type, base, toYear);
    // Clients at the base-year use: the later and the earlier population.
    double at0 = 0, at1 = 0;
    for (std::size_t p : run.areas[area].positions) {
      const auto m = static_cast<std::size_t>(run.plan.municipalities[p]);
      const auto& pop = run.projection.perMunicipality[p].population;
      const double index = type.municipalIndex[m];
      at0 += (pop[y0] * type.prevalence).sum() * index;
      at1 += (pop[y1] * type.prevalence).sum() * index;
    }
    (void)data;
    DecompositionRow row;
    row.careType = type.code;
    row.from = with.types[k].clients[y0];
    row.to = with.types[k].clients[y1];
    auto split = [&](const std::vector<double>& w, const std::vector<double>& wo,
                     double perClient) {
      DecompositionPart part;
      part.total = w[y1] - w[y0];
      part.demography = (at1 - at0) * trend0 * perClient;
      part.trend = at1 * (trend1 - trend0) * perClient;
      part.prevention = (w[y1] - wo[y1]) - (w[y0] - wo[y0]);
      // The no-intervention change is demography + trend up to rounding; put the rounding in
      // the trend part so the parts add up exactly (tests bound it by 1e-9 relative).
      part.trend += (wo[y1] - wo[y0]) - part.demography - part.trend;
      return part;
    };
    row.clients = split(with.types[k].clients, without.types[k].clients, 1.0);
    const double ftePerClient = without.types[k].clients[y0] > 0
                                    ? without.types[k].fte[y0] / without.types[k].clients[y0]
                                    : 0.0;
    row.fte = split(with.types[k].fte, without.types[k].fte, ftePerClient);
    rows.push_back(row);
  }
  return rows;
}

WorkforceDecomposition decomposeWorkforce(const ScenarioRun& run, const Dataset& data,
                                          const CareModel& care, const Scenario& scenario,
                                          std::size_t area, int fromYear, int toYear) {
  // Each municipality has its own anchor (demand per care FTE): a region is the sum of its
  // municipalities' decompositions, not one decomposition at the region's average ratio.
  const auto& positions = run.areas.at(area).positions;
  if (positions.size() > 1) {
    WorkforceDecomposition sum;
    for (std::size_t p : positions) {
      for (std::size_t a = 0; a < run.areas.size(); ++a) {
        if (run.areas[a].positions.size() != 1 || run.areas[a].positions.front() != p) continue;
        const WorkforceDecomposition m =
            decomposeWorkforce(run, data, care, scenario, a, fromYear, toYear);
        sum.fromFte += m.fromFte;
        sum.toFte += m.toFte;
        sum.parts.total += m.parts.total;
        sum.parts.demography += m.parts.demography;
        sum.parts.trend += m.parts.trend;
        sum.parts.prevention += m.parts.prevention;
        break;
      }
    }
    return sum;
  }
  const auto rows = decompose(run, data, care, scenario, area, fromYear, toYear);
  const AreaCare& with = run.areaCare.at(area);
  const AreaCare& without =
      run.areaCareWithoutPrevention.empty() ? with : run.areaCareWithoutPrevention.at(area);
  const auto& segments = care.workforce.segments;
  // Demand per care FTE of each segment in the base year (index 0).
  std::vector<double> careFte(segments.size(), 0.0), weight(segments.size(), 0.0);
  for (std::size_t k = 0; k < care.catalogue.types.size(); ++k) {
    careFte[static_cast<std::size_t>(care.workforce.indexOf(
        care.catalogue.types[k].workforceSegment))] += without.types[k].fte.front();
  }
  for (std::size_t g = 0; g < segments.size(); ++g)
    weight[g] = careFte[g] > 0 ? without.segments[g].demandFte.front() / careFte[g] : 0.0;
  WorkforceDecomposition d;
  const auto y0 = static_cast<std::size_t>(fromYear - run.plan.baseYear),
             y1 = static_cast<std::size_t>(toYear - run.plan.baseYear);
  for (std::size_t g = 0; g < segments.size(); ++g) {
    d.fromFte += with.segments[g].demandFte[y0];
    d.toFte += with.segments[g].demandFte[y1];
  }
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const auto g =
        static_cast<std::size_t>(care.workforce.indexOf(care.catalogue.types[k].workforceSegment));
    const double w = weight[g];
    // The calibrated demand growth per care hour (workforce_calibration.csv): demand = w x
    // factor(year) x care FTE, so the change is w x f0 x (care change) + w x (f1 - f0) x care
    // FTE at the end; the second term is a trend (labour intensity), counted as trend.
    const double f0 = demandCalibrationFactor(segments[g], run.plan.baseYear, fromYear),
                 f1 = demandCalibrationFactor(segments[g], run.plan.baseYear, toYear);
    const double intensity = (f1 - f0) * with.types[k].fte[y1];
    d.parts.total += w * (f0 * rows[k].fte.total + intensity);
    d.parts.demography += w * f0 * rows[k].fte.demography;
    d.parts.trend += w * (f0 * rows[k].fte.trend + intensity);
    d.parts.prevention += w * f0 * rows[k].fte.prevention;
  }
  return d;
}

}  // namespace zorgsim
