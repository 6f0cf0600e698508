#pragma once
// Gathering the replicates of one agent-engine ensemble into its statistics, the one way both
// an in-process ensemble (runEnsemble) and a batch whose replicates were computed on other
// threads or MPI ranks do it: the values of every results row per replicate, and the
// population as exact integer sums over replicates, so the statistics do not depend on the
// order in which replicates arrive or where they were computed.

#include "models/agents/ensemble.hpp"

#include <cstdint>
#include <functional>
#include <mutex>
#include <vector>

namespace zorgsim {

// The results table's row layout of the model's ensembles for `areas`: replicateTable of an
// outcome of zeros with the right shapes (values are zero).
ResultTable ensembleLayout(const AgentModel& model, const std::vector<GeoArea>& areas);

// A replicate's population in whole persons, municipality x year x age x sex (the layout of
// meanPopulations' populationSum).
std::vector<std::int64_t> populationCells(const ReplicateOutcome& outcome);

class ReplicateGather {
 public:
  // replicates >= 1; cells = municipalities x years x ages x sexes; rows of the layout.
  ReplicateGather(std::size_t replicates, std::size_t populationCells, std::size_t rows);

  // Adds one replicate's population (thread-safe; integer sums, so any order gives the same).
  void addPopulation(const std::vector<std::int64_t>& cells);
  void addPopulation(const ReplicateOutcome& outcome);
  // The results values of replicate r (0-based), one per layout row. Different replicates may
  // be set from different threads at once.
  void setValues(std::size_t replicate, const std::vector<double>& values);
  // The same written in place: `fill` gets replicate r's row of values (one per layout row)
  // to write, so no copy of them need exist beside the gather.
  void fillValues(std::size_t replicate, const std::function<void(double* values)>& fill);
  // Replicates whose values have been set (not thread-safe: ask from one thread).
  std::size_t received() const { return received_; }
  std::size_t replicates() const { return replicates_; }

  // The ensemble: statistics per row (ensembleStatistics) and mean populations per area.
  // Spends the gather: its values and population sums are freed as they are used.
  EnsembleResult finish(const AgentModel& model, ResultTable layout, std::vector<GeoArea> areas,
                        int threads);

 private:
  std::size_t replicates_, rows_;
  std::vector<double> values_;  // replicate-major: values_[r * rows + i]
  std::vector<std::int64_t> populationSum_;
  std::size_t received_ = 0;
  std::mutex mutex_;
};

}  // namespace zorgsim
