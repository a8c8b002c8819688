//===--- Progress.h - what a run is doing, on stderr ------------*- C++ -*-===//

#ifndef STRUCTIFY_PROGRESS_H
#define STRUCTIFY_PROGRESS_H

#include "units/Unit.h"
#include "llvm/ADT/StringRef.h"
#include <chrono>
#include <mutex>
#include <vector>

namespace structify {

/// On a terminal, one status line that rewrites itself: units done of the
/// total, the file being analysed, the time left. Elsewhere (CI logs) one
/// plain line per unit. Nothing when quiet. Thread-safe.
class Progress {
public:
  /// \p Stage, when given, names the pass in each line ("collect").
  Progress(size_t Total, bool Quiet, llvm::StringRef Stage = "");
  void started(llvm::StringRef Name);
  void finished(llvm::StringRef Name, const UnitResult &Result);
  /// Clears the status line.
  void done() const;

private:
  void redraw();

  std::mutex Lock;
  size_t Total, Done = 0;
  std::string Stage;
  bool Quiet, Terminal;
  std::vector<std::string> Running;
  std::chrono::steady_clock::time_point Start =
      std::chrono::steady_clock::now();
};

/// Seconds since it started, or since the last lap.
class Stopwatch {
public:
  double lap() {
    const auto Now = std::chrono::steady_clock::now();
    const double Seconds = std::chrono::duration<double>(Now - Last).count();
    Last = Now;
    return Seconds;
  }

private:
  std::chrono::steady_clock::time_point Last = std::chrono::steady_clock::now();
};

/// "1 finding", "2 findings": N and the noun, plural unless N is 1.
std::string countOf(size_t N, llvm::StringRef Noun);

/// What happened to a unit, in a word or two: "analysed", "cached", ...
llvm::StringRef outcomeName(const UnitResult &Result);

} // namespace structify

#endif
