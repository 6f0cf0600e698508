#pragma once
// zorgsim batch SCENARIO... --out DIR [--engine cohort|agent] [--replicates N] [--seed S]
//               [--threads T] [--report html,xlsx] [--region R] [--data D]
//
// Runs every scenario into DIR/<scenario name>/ (results.csv, population.csv, manifest.json),
// then writes DIR/comparison.csv (format of `zorgsim compare`, the first good scenario as the
// reference), DIR/manifest.json and the reports DIR/report.html / DIR/report.xlsx.
//
// The batch itself is the run library's (run/batch.hpp); this is its command line.
// Resumable: each scenario folder is published atomically (temporary sibling, renamed into
// place, manifest inside); a rerun skips scenarios whose manifest matches (scenario content
// hash, engine, seed, replicates, region, data name and version, program version and commit).
// A scenario that fails validation is reported and skipped; the others run; the exit status is
// then 2 with a summary. An output folder that cannot be written is exit 3 before any work.
// Under MPI (ZORGSIM_WITH_MPI), the runs of scenarios x replicates are assigned statically
// to the ranks (sim/run_plan.hpp); rank 0 gathers and writes, so the files are the same bytes.

#include "run/batch.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace zorgsim::cli {

// The options are the run library's batch settings (run/batch.hpp).
using BatchOptions = BatchSettings;

void addBatchCommand(CLI::App& app, BatchOptions& options);
int batchCommand(const BatchOptions& options);

}  // namespace zorgsim::cli
