#include "sim/atomic_output.hpp"

#include "sim/atomic_folder.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace zorgsim {

namespace fs = std::filesystem;

namespace {

std::string errnoText() { return std::strerror(errno); }

fs::path temporaryNameFor(const fs::path& file) {
  return file.parent_path() /
         ("." + file.filename().string() + ".tmp." + std::to_string(::getpid()));
}

// Writes content to path and fsyncs it; throws OutputError, removing the partial file.
void writeAndSync(const fs::path& path, const std::string& content) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw OutputError("cannot create " + path.string() + ": " + errnoText());
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string why = errnoText();
      ::close(fd);
      ::unlink(path.c_str());
      throw OutputError("cannot write " + path.string() + ": " + why);
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    std::string why = errnoText();
    ::unlink(path.c_str());
    throw OutputError("cannot flush " + path.string() + " to disk: " + why);
  }
}

void createFolder(const fs::path& folder) {
  std::error_code ec;
  if (fs::exists(folder, ec) && !fs::is_directory(folder, ec)) {
    throw OutputError("output path " + folder.string() + " exists but is not a folder");
  }
  fs::create_directories(folder, ec);
  if (ec) throw OutputError("cannot create output folder " + folder.string() + ": " + ec.message());
  if (!fs::is_directory(folder))
    throw OutputError("output path " + folder.string() + " exists but is not a folder");
}

}  // namespace

void writeFileAtomically(const fs::path& file, const std::string& content) {
  createFolder(file.parent_path().empty() ? fs::path(".") : file.parent_path());
  const fs::path tmp = temporaryNameFor(file);
  writeAndSync(tmp, content);
  if (::rename(tmp.c_str(), file.c_str()) != 0) {
    std::string why = errnoText();
    ::unlink(tmp.c_str());
    throw OutputError("cannot move " + tmp.string() + " to " + file.string() + ": " + why);
  }
}

std::vector<fs::path> ensureWritableFolder(const fs::path& folder) {
  createFolder(folder);
  const fs::path probe = folder / (".zorgsim-write-test." + std::to_string(::getpid()));
  writeAndSync(probe, "");
  ::unlink(probe.c_str());
  return removeStaleTemporaryOutputs(folder);
}

void OutputSet::add(std::string fileName, std::string content) {
  files_.emplace_back(std::move(fileName), std::move(content));
}

void OutputSet::publish() {
  if (files_.empty()) return;
  createFolder(folder_);
  std::vector<fs::path> temporaries;
  try {
    for (const auto& [name, content] : files_) {
      temporaries.push_back(temporaryNameFor(folder_ / name));
      writeAndSync(temporaries.back(), content);
    }
  } catch (...) {
    for (const auto& t : temporaries) ::unlink(t.c_str());
    throw;
  }
  // Every target must be replaceable before the first is replaced: a folder (or anything but
  // a regular file) in the place of one would stop the publication halfway (issue #14 case 5).
  for (const auto& [name, content] : files_) {
    std::error_code ec;
    const auto st = fs::symlink_status(folder_ / name, ec);
    if (!ec && st.type() != fs::file_type::not_found && st.type() != fs::file_type::regular) {
      for (const auto& t : temporaries) ::unlink(t.c_str());
      throw OutputError("cannot replace " + (folder_ / name).string() +
                        ": it is not a regular file (zorgsim does not replace it)");
    }
  }
  // The last file (the manifest) says "complete": remove the old one first, so a crash while the
  // others are renamed leaves a folder without a manifest, never an old manifest over new files.
  if (::unlink((folder_ / files_.back().first).c_str()) != 0 && errno != ENOENT) {
    const std::string why = errnoText();
    for (const auto& t : temporaries) ::unlink(t.c_str());
    throw OutputError("cannot replace " + (folder_ / files_.back().first).string() + ": " + why);
  }
  for (std::size_t i = 0; i < files_.size(); ++i) {
    const fs::path target = folder_ / files_[i].first;
    if (::rename(temporaries[i].c_str(), target.c_str()) != 0) {
      std::string why = errnoText();
      for (std::size_t j = i; j < temporaries.size(); ++j) ::unlink(temporaries[j].c_str());
      throw OutputError("cannot move result into place as " + target.string() + ": " + why);
    }
  }
  files_.clear();
}

}  // namespace zorgsim
