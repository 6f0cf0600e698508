#include "models/agents/replicate_gather.hpp"

#include <stdexcept>

namespace zorgsim {

ResultTable ensembleLayout(const AgentModel& model, const std::vector<GeoArea>& areas) {
  const std::size_t years = model.years() + 1;
  const std::size_t municipalities = model.municipalities.size();
  ReplicateOutcome zero;
  zero.projections.resize(municipalities);
  for (auto& p : zero.projections) {
    p.population.assign(years, AgeSexTable::Zero());
    p.flows.assign(years - 1, FlowTotals{});
  }
  if (!model.care.empty()) {
    AreaCare c;
    c.types.resize(model.care.catalogue.types.size());
    for (auto& t : c.types) t.clients = t.hours = t.fte = t.cost = std::vector<double>(years, 0.0);
    c.segments.resize(model.care.workforce.segments.size());
    for (auto& s : c.segments) {
      s.demandFte = s.demandPersons = s.supplyFte = s.supplyPersons =
          std::vector<double>(years, 0.0);
      s.inflow = s.attrition = s.retirement = std::vector<double>(years - 1, 0.0);
    }
    c.participants.assign(model.interventions.size(), std::vector<double>(years, 0.0));
    c.programmeCost = c.participants;
    zero.care.assign(municipalities, c);
    if (!model.interventions.empty()) {
      AreaCare w = c;
      w.participants.clear();
      w.programmeCost.clear();
      zero.careWithout.assign(municipalities, w);
    }
  }
  ResultTable layout = replicateTable(model, areas, zero);
  layout.shrinkRows();  // kept for the whole run
  return layout;
}

std::vector<std::int64_t> populationCells(const ReplicateOutcome& outcome) {
  std::vector<std::int64_t> cells;
  for (const auto& p : outcome.projections) {
    for (const AgeSexTable& P : p.population) {
      for (int a = 0; a < kAges; ++a) {
        for (int s = 0; s < kSexes; ++s) cells.push_back(static_cast<std::int64_t>(P(a, s)));
      }
    }
  }
  return cells;
}

ReplicateGather::ReplicateGather(std::size_t replicates, std::size_t populationCells,
                                 std::size_t rows)
    : replicates_(replicates),
      rows_(rows),
      values_(rows * replicates),
      populationSum_(populationCells, 0) {}

void ReplicateGather::addPopulation(const std::vector<std::int64_t>& cells) {
  if (cells.size() != populationSum_.size())
    throw std::logic_error("replicates differ in population layout");
  std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < cells.size(); ++i) populationSum_[i] += cells[i];
}

void ReplicateGather::addPopulation(const ReplicateOutcome& outcome) {
  // Added straight from the outcome: the cells as a vector would be 16.6 MB nationally.
  std::size_t cells = 0;
  for (const auto& p : outcome.projections) cells += p.population.size() * kAges * kSexes;
  if (cells != populationSum_.size())
    throw std::logic_error("replicates differ in population layout");
  std::lock_guard lock(mutex_);
  std::size_t i = 0;
  for (const auto& p : outcome.projections) {
    for (const AgeSexTable& P : p.population) {
      for (int a = 0; a < kAges; ++a) {
        for (int s = 0; s < kSexes; ++s) populationSum_[i++] += static_cast<std::int64_t>(P(a, s));
      }
    }
  }
}

void ReplicateGather::setValues(std::size_t replicate, const std::vector<double>& values) {
  if (values.size() != rows_) throw std::logic_error("replicates differ in their results rows");
  if (replicate >= replicates_) throw std::logic_error("replicate outside the ensemble");
  std::copy(values.begin(), values.end(),
            values_.begin() + static_cast<std::ptrdiff_t>(replicate * rows_));
  std::lock_guard lock(mutex_);
  ++received_;
}

void ReplicateGather::fillValues(std::size_t replicate,
                                 const std::function<void(double* values)>& fill) {
  if (replicate >= replicates_) throw std::logic_error("replicate outside the ensemble");
  fill(values_.data() + replicate * rows_);
  std::lock_guard lock(mutex_);
  ++received_;
}

namespace {

// The replicates' total workforce gap per area and year, from the kept values of every row.
std::vector<GapSamples> gapSamples(const ResultTable& layout, const std::vector<double>& values,
                                   std::size_t rows, std::size_t replicates) {
  std::vector<GapSamples> out;
  const std::uint16_t gap = layout.idOf("workforce_gap_fte"), total = layout.idOf("total");
  if (gap == 0xFFFF || total == 0xFFFF) return out;
  for (std::size_t i = 0; i < layout.rows().size(); ++i) {
    const auto& row = layout.rows()[i];
    if (row.key.indicator != gap || row.key.careType != total || row.key.sex != total ||
        row.key.ageGroup != total)
      continue;
    if (out.empty() || out.back().area != row.area) out.push_back(GapSamples{row.area, {}, {}});
    GapSamples& g = out.back();
    g.years.push_back(row.year);
    std::vector<double> column(replicates);
    for (std::size_t r = 0; r < replicates; ++r) column[r] = values[r * rows + i];
    g.replicates.push_back(std::move(column));
  }
  return out;
}

}  // namespace

EnsembleResult ReplicateGather::finish(const AgentModel& model, ResultTable layout,
                                       std::vector<GeoArea> areas, int threads) {
  EnsembleResult er;
  er.areas = std::move(areas);
  // Each part freed as soon as it is used: nationally the population sums are 16.6 MB and the
  // values 12 MB per replicate, beside the 48 MB of statistics.
  er.meanPopulation = meanPopulations(er.areas, populationSum_, model.years() + 1, replicates_);
  std::vector<std::int64_t>().swap(populationSum_);
  ensembleStatistics(
      er, std::move(layout), [&](std::size_t r, std::size_t i) { return values_[r * rows_ + i]; },
      replicates_, threads, model.scenario[Lever::DiscountRate], model.plan.baseYear);
  er.gaps = gapSamples(er.layout, values_, rows_, replicates_);  // the layout, now with means
  std::vector<double>().swap(values_);
  return er;
}

}  // namespace zorgsim
