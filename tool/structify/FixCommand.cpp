//===--- FixCommand.cpp - structify fix -----------------------------------===//
//
// The project-wide refactor: collect and plan (or read the user's plan),
// apply every unit's edits at once, verify that every affected unit still
// compiles, and keep the result only then. A rewrite that breaks the build is
// undone, the function to blame is skipped, and the rest is tried again.
//
//===----------------------------------------------------------------------===//

#include "Apply.h"
#include "CommandLine.h"
#include "Commands.h"
#include "Journal.h"
#include "Refactor.h"
#include "Verify.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

namespace structify {
namespace cl = llvm::cl;
using clang::tidy::structify::Plan;
using clang::tidy::structify::PlanEntry;

namespace {

cl::opt<std::string> PlanFile(
    "plan", cl::desc("Follow <file>, written by `structify plan` and perhaps "
                     "edited, instead of planning anew"),
    cl::value_desc("file"), cl::sub(fixCommand()), cl::cat(structifyCategory()));

cl::opt<bool> DryRun("dry-run",
                     cl::desc("Print the rewrite as a unified diff; change nothing"),
                     cl::sub(fixCommand()), cl::cat(structifyCategory()));

cl::opt<unsigned> MaxRounds(
    "max-rounds",
    cl::desc("Times to retry without the functions whose rewrite did not "
             "compile (default: 5)"),
    cl::init(5), cl::sub(fixCommand()), cl::cat(structifyCategory()));

cl::opt<std::string> DebugStopAfter(
    "debug-stop-after",
    cl::desc("Stop as if killed after a stage (write), for testing recovery"),
    cl::Hidden, cl::sub(fixCommand()), cl::cat(structifyCategory()));

/// The plan's files, as they were when it was made: anything else is refused.
llvm::Error checkUnchanged(const Plan &Plan, llvm::StringRef PlanPath) {
  for (const auto &File : Plan.Files) {
    auto Hash = hashFile(File.Path);
    if (!Hash)
      return Hash.takeError();
    if (*Hash != File.Hash)
      return llvm::createStringError(
          std::errc::invalid_argument,
          "%s changed since the plan %s was made; make the plan again",
          File.Path.c_str(), PlanPath.str().c_str());
  }
  return llvm::Error::success();
}

void printDiff(const std::string &File, const std::string &NewText,
               llvm::StringRef Root) {
  llvm::SmallString<128> Temp, Out;
  int FD = -1;
  if (llvm::sys::fs::createTemporaryFile("structify-new", "txt", FD, Temp) ||
      llvm::sys::fs::createTemporaryFile("structify-diff", "txt", Out))
    return;
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << NewText;
  }
  llvm::StringRef Relative(File);
  Relative.consume_front(Root);
  Relative.consume_front("/");
  const std::string A = ("a/" + Relative).str(), B = ("b/" + Relative).str();
  auto Diff = llvm::sys::findProgramByName("diff");
  if (Diff) {
    llvm::StringRef Args[] = {*Diff, "-u", "--label", A, "--label", B, File, Temp};
    std::optional<llvm::StringRef> Redirects[] = {std::nullopt, llvm::StringRef(Out),
                                                  std::nullopt};
    llvm::sys::ExecuteAndWait(*Diff, Args, std::nullopt, Redirects);
    if (auto Text = llvm::MemoryBuffer::getFile(Out))
      llvm::outs() << (*Text)->getBuffer();
  }
  // Temporary files: nothing to do if they are already gone.
  [[maybe_unused]] std::error_code Gone = llvm::sys::fs::remove(Temp);
  Gone = llvm::sys::fs::remove(Out);
}

/// `3 functions`, `1 file`.
std::string plural(size_t N, llvm::StringRef Word) {
  return std::to_string(N) + " " + Word.str() + (N == 1 ? "" : "s");
}

/// What was (or, with --dry-run, would be) done, and what was skipped.
void report(const Plan &Plan, const Edits &E, const Verification *V,
            llvm::raw_ostream &OS) {
  std::vector<const PlanEntry *> Rewritten, Skipped;
  for (const PlanEntry &Entry : Plan.Functions)
    (Entry.rewrites() ? Rewritten : Skipped).push_back(&Entry);
  if (E.NewContents.empty()) {
    OS << "structify fix: nothing to rewrite\n";
  } else {
    OS << (V ? "structify fix: rewrote " : "structify fix --dry-run: would rewrite ")
       << plural(Rewritten.size(), "function") << " with " << E.Count
       << " edits in " << plural(E.NewContents.size(), "file");
    if (V)
      OS << "; the " << plural(V->Units, "translation unit") << " they affect compile";
    OS << "\n";
    for (const PlanEntry *Entry : Rewritten)
      OS << "  " << describeRewrite(*Entry) << "\n";
  }
  if (!Skipped.empty())
    OS << "skipped " << plural(Skipped.size(), "function") << ":\n";
  for (const PlanEntry *Entry : Skipped)
    OS << "  " << Entry->Function << ": " << Entry->Reason << "\n";
}

/// Skips each planned rewrite \p ReasonFor gives a reason for; returns how
/// many.
unsigned skipRewrites(Plan &Plan,
                      llvm::function_ref<std::string(const PlanEntry &)> ReasonFor) {
  unsigned Skipped = 0;
  for (PlanEntry &Entry : Plan.Functions) {
    if (!Entry.rewrites())
      continue;
    const std::string Reason = ReasonFor(Entry);
    if (Reason.empty())
      continue;
    clang::tidy::structify::skipEntry(Entry, Reason);
    ++Skipped;
  }
  return Skipped;
}

/// Skips the functions \p Errors blame.
unsigned skipBlamed(Plan &Plan, const std::vector<VerifyError> &Errors) {
  return skipRewrites(Plan, [&](const PlanEntry &Entry) {
    for (const VerifyError &Error : Errors)
      if (Error.Function == Entry.DeclaredAt)
        return "after the rewrite, " + Error.Where + ": " + Error.Message;
    return std::string();
  });
}

/// Skips the planned rewrites some unit cannot make.
unsigned skipBlocked(Plan &Plan, const std::vector<BlockedRewrite> &Blocked) {
  return skipRewrites(Plan, [&](const PlanEntry &Entry) {
    for (const BlockedRewrite &B : Blocked)
      if (B.Function == Entry.DeclaredAt) {
        llvm::errs() << "structify fix: cannot rewrite " << Entry.Function
                     << " as planned: " << B.Reason << "\n";
        return B.Reason;
      }
    return std::string();
  });
}

/// The function a plan entry declares at \p DeclaredAt, for people.
std::string describeFunction(const Plan &Plan, llvm::StringRef DeclaredAt) {
  for (const PlanEntry &Entry : Plan.Functions)
    if (Entry.DeclaredAt == DeclaredAt)
      return Entry.Function;
  return DeclaredAt.str();
}

/// The user's plan, checked against the files; or a new one.
llvm::Expected<ProjectPlan> planFor(const Project &P, StageTimes &Times) {
  if (PlanFile.empty())
    return makeProjectPlan(P, Times);
  auto Read = clang::tidy::structify::readPlan(PlanFile);
  if (!Read)
    return Read.takeError();
  if (llvm::Error E = checkUnchanged(*Read, PlanFile))
    return std::move(E);
  return ProjectPlan{std::move(*Read), {}};
}

void reportFailure(const Plan &Current, const Verification &V) {
  llvm::errs() << "structify fix: the rewrite did not compile; every file is "
                  "restored:\n";
  for (const VerifyError &Error : V.Errors) {
    llvm::errs() << "  " << Error.Where << ": error: " << Error.Message;
    if (!Error.Function.empty())
      llvm::errs() << "  [caused by the rewrite of '"
                   << describeFunction(Current, Error.Function) << "']";
    llvm::errs() << "\n";
  }
}

/// The whole fix; \p Work is its working directory (the journal, the plan it
/// follows). Sets \p KeepWork when Work must stay (it holds files that could
/// not be restored).
int fixProject(const Project &P, const std::string &Work, bool &KeepWork) {
  if (llvm::Error E = recoverInterruptedFix(P)) {
    KeepWork = true; // its copies are the only ones
    return usageError(std::move(E));
  }
  Journal Log(Work + "/journal");

  StageTimes Times;
  auto Planned = planFor(P, Times);
  if (!Planned)
    return usageError(Planned.takeError());
  Plan Current = std::move(Planned->Plan);
  // Known when the plan was made here: which unit read which file.
  const std::vector<std::vector<std::string>> *FilesRead =
      Planned->FilesRead.empty() ? nullptr : &Planned->FilesRead;
  std::vector<std::string> Edited;
  Edited.reserve(Current.Files.size());
  for (const auto &File : Current.Files)
    Edited.push_back(File.Path);
  if (std::error_code EC = llvm::sys::fs::create_directories(Work))
    return usageError(llvm::createStringError(EC, "%s: %s", Work.c_str(),
                                              EC.message().c_str()));
  const std::string PlanPath = Work + "/plan.yaml";

  // A round writes, verifies and, on failure, restores; computing the edits
  // again after skipping a blocked rewrite is not a new round.
  for (unsigned Round = 1;;) {
    // Apply: every unit's edits, from the plan as it stands.
    if (llvm::Error E = writeFileAtomically(
            PlanPath, clang::tidy::structify::planToYaml(Current)))
      return usageError(std::move(E));
    Stopwatch Clock;
    Edits E = computeEdits(P, PlanPath, FilesRead, Edited);
    addTime(Times.Apply, Clock.lap());
    if (!E.Problems.empty()) {
      llvm::errs() << "structify fix: error: nothing was changed: "
                   << E.Problems.front() << "\n";
      return ExitFindings;
    }
    // A rewrite some unit cannot make would be half made: skip it, and
    // compute the edits again, before anything is written.
    if (skipBlocked(Current, E.Blocked) > 0)
      continue;
    if (E.NewContents.empty() || DryRun) {
      for (const auto &[File, Text] : E.NewContents)
        printDiff(File, Text, P.Layout.SourceRoot);
      const Verification Nothing;
      report(Current, E, DryRun ? nullptr : &Nothing,
             DryRun ? llvm::errs() : llvm::outs());
      Times.print(llvm::errs());
      return ExitClean;
    }

    // Write, journaled; then verify, and keep it only if it compiles.
    if (llvm::Error Err = Log.write(E.NewContents)) {
      llvm::errs() << "structify fix: error: " << llvm::toString(std::move(Err))
                   << "; every file is as it was\n";
      return ExitFindings;
    }
    if (DebugStopAfter == "write")
      std::_Exit(137); // as if killed: the journal stays
    Clock.lap();
    const Verification V = verify(P, E);
    addTime(Times.Verify, Clock.lap());
    if (V.Errors.empty()) {
      if (llvm::Error Err = Log.commit())
        llvm::errs() << "structify fix: warning: " << llvm::toString(std::move(Err))
                     << "\n";
      report(Current, E, &V, llvm::outs());
      Times.print(llvm::errs());
      return ExitClean;
    }
    if (llvm::Error Err = Log.restore()) {
      KeepWork = true;
      llvm::errs() << "structify fix: error: cannot restore the files: "
                   << llvm::toString(std::move(Err))
                   << "; the journal in " << Work << " still holds them\n";
      return ExitFindings;
    }
    reportFailure(Current, V);
    if (Round++ >= MaxRounds || skipBlamed(Current, V.Errors) == 0) {
      Times.print(llvm::errs());
      return ExitFindings;
    }
    llvm::errs() << "structify fix: trying again without those functions\n";
  }
}

} // namespace

int runFix() {
  auto P = loadProject();
  if (!P)
    return usageError(P.takeError());
  const std::string Work = workDirectory(*P);
  bool KeepWork = false;
  const int Exit = fixProject(*P, Work, KeepWork);
  if (!KeepWork)
    if (std::error_code EC = llvm::sys::fs::remove_directories(Work))
      llvm::errs() << "structify fix: warning: cannot remove " << Work << ": "
                   << EC.message() << "\n";
  return Exit;
}

} // namespace structify
