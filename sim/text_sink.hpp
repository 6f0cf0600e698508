#pragma once
// Where a long text (a CSV file of hundreds of MB) goes piece by piece, so that its writer
// need not hold it whole: a file (sim/atomic_output.hpp OutputSet::addStreamed) or a string.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace zorgsim {

class TextSink {
 public:
  virtual ~TextSink() = default;
  virtual void write(std::string_view bytes) = 0;  // the next bytes of the text, in order
};

// Collects the text in a string (for callers that need it whole, and for tests).
class StringSink : public TextSink {
 public:
  void write(std::string_view bytes) override { text_.append(bytes); }
  void reserve(std::size_t bytes) { text_.reserve(bytes); }  // when the size is known ahead
  std::string take() { return std::move(text_); }

 private:
  std::string text_;
};

// A writer's line buffer: lines are appended to text(), and lineDone() hands the buffer to the
// sink once it holds a chunk (1 MiB: large enough that each write to a file is cheap, small
// against the 200 MB of a national file). The destructor does not flush: call finish().
class ChunkedText {
 public:
  static constexpr std::size_t kChunkBytes = std::size_t(1) << 20;
  explicit ChunkedText(TextSink& sink) : sink_(sink) { text_.reserve(kChunkBytes + 4096); }
  std::string& text() { return text_; }
  void lineDone() {
    if (text_.size() >= kChunkBytes) flush();
  }
  void finish() { flush(); }

 private:
  void flush() {
    if (!text_.empty()) sink_.write(text_);
    text_.clear();
  }
  TextSink& sink_;
  std::string text_;
};

}  // namespace zorgsim
