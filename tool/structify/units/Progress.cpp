//===--- Progress.cpp - what a run is doing, on stderr --------------------===//

#include "units/Progress.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <cmath>

namespace structify {

llvm::StringRef outcomeName(const UnitResult &Result) {
  switch (Result.Status) {
  case UnitResult::Outcome::Analysed:
    return Result.Cached ? "cached" : "analysed";
  case UnitResult::Outcome::CompileError:
    return "does not compile";
  case UnitResult::Outcome::Crashed:
    return "crashed";
  }
  return "analysed";
}

std::string countOf(size_t N, llvm::StringRef Noun) {
  return std::to_string(N) + " " + Noun.str() + (N == 1 ? "" : "s");
}

Progress::Progress(size_t Total, bool Quiet, llvm::StringRef Stage)
    : Total(Total), Stage(Stage.empty() ? "" : (Stage + ": ").str()),
      Quiet(Quiet), Terminal(llvm::sys::Process::StandardErrIsDisplayed()) {}

void Progress::started(llvm::StringRef Name) {
  if (Quiet || !Terminal)
    return;
  std::lock_guard<std::mutex> Guard(Lock);
  Running.push_back(Name.str());
  redraw();
}

void Progress::finished(llvm::StringRef Name, const UnitResult &Result) {
  if (Quiet)
    return;
  std::lock_guard<std::mutex> Guard(Lock);
  ++Done;
  if (!Terminal) {
    llvm::errs() << Stage << "[" << Done << "/" << Total << "] " << Name << ": "
                 << outcomeName(Result) << "\n";
    return;
  }
  llvm::erase(Running, Name.str());
  redraw();
}

void Progress::redraw() {
  using namespace std::chrono;
  double Elapsed = duration<double>(steady_clock::now() - Start).count();
  std::string Line;
  llvm::raw_string_ostream OS(Line);
  OS << Stage << "[" << Done << "/" << Total << "] "
     << (Total ? Done * 100 / Total : 100) << "%";
  if (Done > 0 && Done < Total) {
    auto Left = static_cast<unsigned>(
        std::lround(Elapsed * static_cast<double>(Total - Done) /
                    static_cast<double>(Done)));
    OS << " ETA " << Left / 60 << ":" << llvm::format("%02u", Left % 60);
  }
  unsigned Width = llvm::sys::Process::StandardErrColumns();
  if (!Running.empty()) {
    // The file name gives way first when the line is too long.
    llvm::StringRef Name = Running.back();
    size_t Room = Width > Line.size() + 2 ? Width - Line.size() - 2 : 0;
    if (Width > 0 && Name.size() > Room)
      Name = Room > 3 ? Name.take_back(Room - 3) : llvm::StringRef();
    OS << " " << (Name.size() < Running.back().size() ? "..." : "") << Name;
  }
  llvm::errs() << "\r\x1b[K" << Line;
  llvm::errs().flush();
}

void Progress::done() const {
  if (!Quiet && Terminal)
    llvm::errs() << "\r\x1b[K";
}

} // namespace structify
