#pragma once
// How the processes of a batch talk: with ZORGSIM_WITH_MPI, over MPI (rank 0 coordinates and
// writes every file; other ranks compute their share of the run plan and send the finished
// files to rank 0); without it, one process that is its own root. The batch logic is the same
// either way, which is what makes an MPI run byte-identical to a single-process run.

#include <memory>
#include <optional>
#include <string>

namespace zorgsim {

class Transport {
 public:
  virtual ~Transport() = default;
  virtual int rank() const = 0;
  virtual int size() const = 0;
  bool isRoot() const { return rank() == 0; }
  virtual std::string name() const = 0;  // "single process" or "MPI, N ranks"

  // Rank 0's `bytes` on every rank (collective: every rank must call it).
  virtual std::string broadcast(const std::string& bytes) = 0;
  // The largest of every rank's `value` (collective): lets all ranks agree to stop together
  // when one of them failed (e.g. cannot read the data folder on its host).
  virtual int agree(int value) = 0;
  // Non-root: queue a message for rank 0 without waiting; flush() waits until all are sent.
  virtual void sendToRoot(std::string bytes) = 0;
  virtual void flush() = 0;
  // Rank 0: a message that has arrived, if any (does not wait).
  virtual std::optional<std::string> poll() = 0;
  // Rank 0: waits for the next message.
  virtual std::string receive() = 0;
  // Ends every process of the batch at once (after an error that would leave ranks waiting).
  [[noreturn]] virtual void abort(int exitCode) = 0;
};

// Opens MPI when zorgsim was built with it (MPI_Init; MPI_Finalize when the Transport is
// destroyed), else the single-process transport. Throws std::runtime_error when started
// under mpirun/srun with several processes but built without MPI, since those processes
// would all write the same folder.
std::unique_ptr<Transport> openTransport();

// True when built with ZORGSIM_WITH_MPI.
bool builtWithMpi();

}  // namespace zorgsim
