//===--- FixCommand.cpp - structify fix -----------------------------------===//
//
// The project-wide refactor: collect and plan (or read the user's plan),
// make every unit's share of the rewrites once, merge them function by
// function, write them journaled, verify that every affected unit still
// compiles, and keep the result only then. A function whose rewrite cannot
// be made, conflicts, or breaks the build is skipped with its reason, and
// the rest is tried again: one function never sinks the others.
//
//===----------------------------------------------------------------------===//

#include "commands/CommandLine.h"
#include "commands/Commands.h"
#include "refactor/Apply.h"
#include "refactor/Journal.h"
#include "refactor/Refactor.h"
#include "refactor/UnifiedDiff.h"
#include "refactor/Verify.h"
#include "support/Paths.h"
#include "units/Progress.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <thread>

namespace structify {
namespace cl = llvm::cl;
using clang::tidy::structify::Plan;
using clang::tidy::structify::PlanEntry;

namespace {

cl::opt<std::string>
    PlanFile("plan",
             cl::desc("Follow <file>, written by `structify plan` and perhaps "
                      "edited, instead of planning anew"),
             cl::value_desc("file"), cl::sub(fixCommand()),
             cl::cat(structifyCategory()));

cl::opt<bool>
    DryRun("dry-run",
           cl::desc("Print the rewrite as a unified diff; change nothing"),
           cl::sub(fixCommand()), cl::cat(structifyCategory()));

cl::opt<unsigned> MaxRounds(
    "max-rounds",
    cl::desc("Times to retry without the functions whose rewrite did not "
             "compile (default: 5)"),
    cl::init(5), cl::sub(fixCommand()), cl::cat(structifyCategory()));

cl::opt<bool> FullVerify(
    "full-verify",
    cl::desc("Verify by parsing every function body of every affected unit "
             "(default: only the bodies the rewrite can reach, and a unit that "
             "reads the changed code only in headers when no other does)"),
    cl::sub(fixCommand()), cl::cat(structifyCategory()));

cl::opt<std::string> ShardOption(
    "shard",
    cl::desc("Collect only part i of n of the units into --records, on one "
             "machine of many; a final 'structify fix --records=DIR,...' "
             "plans, writes and verifies"),
    cl::value_desc("i/n"), cl::sub(fixCommand()), cl::cat(structifyCategory()));

cl::list<std::string> RecordDirs(
    "records",
    cl::desc("With --shard: where this shard's records go. Without: the "
             "records of every shard, read instead of parsing those units"),
    cl::value_desc("dir,..."), cl::CommaSeparated, cl::sub(fixCommand()),
    cl::cat(structifyCategory()));

cl::opt<std::string> Only(
    "only",
    cl::desc("Rewrite only the function whose USR is <usr> (and the functions "
             "that share its struct); leave the others as they are"),
    cl::value_desc("usr"), cl::sub(fixCommand()), cl::cat(structifyCategory()));

cl::opt<std::string> EditsJson(
    "edits-json",
    cl::desc("Write no source file: verify the rewrite in memory and write "
             "the files' new text to <file> as JSON (for editors)"),
    cl::value_desc("file"), cl::sub(fixCommand()),
    cl::cat(structifyCategory()));

cl::opt<std::string> DebugStopAfter(
    "debug-stop-after",
    cl::desc("Stop as if killed after a stage (write), for testing recovery"),
    cl::Hidden, cl::sub(fixCommand()), cl::cat(structifyCategory()));

cl::opt<std::string> DebugWaitAfter(
    "debug-wait-after",
    cl::desc("Wait up to a minute after a stage (write), for testing signals"),
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
  auto Old = llvm::MemoryBuffer::getFile(File);
  if (!Old)
    return;
  const std::string Relative = relativeTo(File, Root);
  writeUnifiedDiff((*Old)->getBuffer(), NewText, "a/" + Relative,
                   "b/" + Relative, llvm::outs());
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
    OS << (V ? "structify fix: rewrote "
             : "structify fix --dry-run: would rewrite ")
       << countOf(functionCount(Rewritten), "function") << " with " << E.Count
       << " edits in " << countOf(E.NewContents.size(), "file");
    if (V) {
      OS << "; the " << countOf(V->Units, "translation unit") << " they affect "
         << (V->Units == 1 ? "compiles" : "compile");
      if (V->Parsed < V->Units)
        OS << " (" << V->Parsed
           << " of them parsed; the rest read the changed code as those do)";
    }
    OS << "\n";
    for (const PlanEntry *Entry : Rewritten)
      OS << "  " << describeRewrite(*Entry) << "\n";
  }
  if (!Skipped.empty())
    OS << "skipped " << countOf(functionCount(Skipped), "function") << ":\n";
  for (const PlanEntry *Entry : Skipped)
    OS << "  " << describeGroup(*Entry) << ": " << Entry->Reason << "\n";
}

/// Skips each planned rewrite \p ReasonFor gives a reason for; returns how
/// many.
unsigned
skipRewrites(Plan &Plan,
             llvm::function_ref<std::string(const PlanEntry &)> ReasonFor) {
  unsigned Skipped = 0;
  for (PlanEntry &Entry : Plan.Functions) {
    if (!Entry.rewrites())
      continue;
    const std::string Reason = ReasonFor(Entry);
    if (Reason.empty())
      continue;
    skipEntry(Entry, Reason);
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

/// Skips the rewrites in \p Skips, saying so: "structify fix: cannot
/// rewrite F as planned: reason" for \p Before "cannot rewrite" and \p After
/// " as planned".
void skipAll(Plan &Plan, const std::vector<Skip> &Skips, llvm::StringRef Before,
             llvm::StringRef After) {
  skipRewrites(Plan, [&](const PlanEntry &Entry) {
    for (const Skip &S : Skips)
      if (Entry.covers(S.Usr)) {
        llvm::errs() << "structify fix: " << Before << " " << Entry.Function
                     << After << ": " << S.Reason << "\n";
        return S.Reason;
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

/// The user's plan, checked against the files, or a new one; with the
/// records of every unit's edits either way (one parse of each unit).
llvm::Expected<ProjectPlan> planFor(const Project &P, StageTimes &Times) {
  std::optional<Plan> Given;
  if (!PlanFile.empty()) {
    auto Read = clang::tidy::structify::readPlan(PlanFile);
    if (!Read)
      return Read.takeError();
    if (llvm::Error E = checkUnchanged(*Read, PlanFile))
      return std::move(E);
    Given = std::move(*Read);
  }
  auto Planned = makeProjectPlan(P, Times);
  if (Planned && Given)
    Planned->Plan = std::move(*Given);
  return Planned;
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

/// Waits, for a test to send a signal, up to a minute.
void waitForSignal() {
  llvm::errs() << "structify fix: waiting after write\n";
  llvm::errs().flush();
  std::this_thread::sleep_for(std::chrono::seconds(60));
}

/// The plan to follow (the user's, or a new one), written into \p Work,
/// where a fix that was interrupted finds it.
llvm::Expected<ProjectPlan> planInto(const Project &P, const std::string &Work,
                                     StageTimes &Times) {
  auto Planned = planFor(P, Times);
  if (!Planned)
    return Planned.takeError();
  if (std::error_code EC = llvm::sys::fs::create_directories(Work))
    return llvm::createStringError(EC, "%s: %s", Work.c_str(),
                                   EC.message().c_str());
  if (llvm::Error E =
          writeFileAtomically(Work + "/plan.yaml", planToYaml(Planned->Plan)))
    return std::move(E);
  return Planned;
}

/// Merges the edits of the rewrites \p Current still plans, and skips those
/// that conflict.
Edits mergeRound(const ProjectEdits &All, Plan &Current, const Project &P) {
  std::vector<Skip> Conflicts;
  Edits E = All.merge(
      Current, P.FormatStyle,
      [&](llvm::StringRef File) { return P.whyNotEditable(File); }, Conflicts);
  skipAll(Current, Conflicts, "skipped", "");
  return E;
}

/// Nothing to write, or --dry-run: what would be done.
int reportUnwritten(const Plan &Current, const Edits &E, const Project &P,
                    const StageTimes &Times) {
  for (const auto &[File, Text] : E.NewContents)
    printDiff(File, Text, P.Layout.SourceRoot);
  const Verification Nothing;
  report(Current, E, DryRun ? nullptr : &Nothing,
         DryRun ? llvm::errs() : llvm::outs());
  Times.print(llvm::errs());
  return ExitClean;
}

/// --only: every other function is skipped. False, with an error that names
/// the function when it is not flagged, or when it is but cannot be
/// rewritten, and why.
bool keepOnly(Plan &Current, llvm::StringRef Usr) {
  const PlanEntry *Chosen = Current.find(Usr);
  if (!Chosen || !Chosen->rewrites()) {
    llvm::errs() << "structify fix: error: ";
    if (Chosen)
      llvm::errs() << "cannot rewrite " << Chosen->Function << ": "
                   << Chosen->Reason << "\n";
    else
      llvm::errs() << "--only=" << Usr
                   << ": no function of the project's plan has that USR\n";
    return false;
  }
  for (PlanEntry &Entry : Current.Functions)
    if (&Entry != Chosen && Entry.rewrites())
      skipEntry(Entry, "not chosen (--only)");
  return true;
}

/// --edits-json: the verified new text of every file, and what was rewritten.
llvm::Error writeEditsJson(const Plan &Current, const Edits &E,
                           llvm::StringRef Path) {
  llvm::json::Array Functions;
  for (const PlanEntry &Entry : Current.Functions)
    if (Entry.rewrites())
      Functions.push_back(
          llvm::json::Object{{"usr", Entry.Usr},
                             {"function", Entry.Function},
                             {"struct", Entry.Struct},
                             {"description", describeRewrite(Entry)}});
  llvm::json::Object Files;
  for (const auto &[File, Text] : E.NewContents)
    Files[File] = Text;
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << llvm::json::Value(llvm::json::Object{
      {"functions", std::move(Functions)}, {"files", std::move(Files)}});
  return writeFileAtomically(Path, Text);
}

/// Writes the new contents, journaled; false, with the reason said, when
/// they cannot be written (and every file is as it was).
bool writeJournaled(Journal &Log, const Edits &E) {
  if (llvm::Error Err = Log.write(E.NewContents)) {
    llvm::errs() << "structify fix: error: " << llvm::toString(std::move(Err))
                 << "; every file is as it was\n";
    return false;
  }
  if (DebugStopAfter == "write")
    std::_Exit(137); // as if killed: the journal stays
  if (DebugWaitAfter == "write")
    waitForSignal();
  return true;
}

/// --edits-json: verifies with the new text read from memory, and writes it
/// to the JSON file only when every affected unit compiles. No source file
/// is written either way.
int verifyInMemory(const Plan &Current, const Edits &E, const Project &P,
                   const ProjectPlan &Planned, StageTimes &Times) {
  Stopwatch Clock;
  auto Bodies = std::make_shared<const BodyFilter>(
      bodyFilter(Current, Planned.Summaries, E, FullVerify));
  const Verification V =
      verify(P, E, Planned.FilesRead, Planned.Failed, std::move(Bodies),
             /*Previous=*/nullptr, /*InMemory=*/true);
  addTime(Times.Verify, Clock.lap());
  if (!V.Errors.empty()) {
    llvm::errs() << "structify fix: the rewrite would not compile; nothing "
                    "was changed:\n";
    for (const VerifyError &Error : V.Errors)
      llvm::errs() << "  " << Error.Where << ": error: " << Error.Message
                   << "\n";
    Times.print(llvm::errs());
    return ExitFindings;
  }
  if (llvm::Error Err = writeEditsJson(Current, E, EditsJson))
    return usageError(std::move(Err));
  report(Current, E, &V, llvm::outs());
  Times.print(llvm::errs());
  return ExitClean;
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
  // Before any thread starts: a Ctrl-C restores what was written.
  InterruptGuard Interrupts(Log,
                            {Work, P.Lock ? P.Lock->path() : std::string()});

  StageTimes Times;
  auto Planned = planInto(P, Work, Times);
  if (!Planned)
    return usageError(Planned.takeError());
  Plan Current = Planned->Plan;
  if (!Only.empty() && !keepOnly(Current, Only))
    return ExitFindings;

  // Edit: every unit's recorded share of every rewrite, with the plan's
  // names; no unit is parsed again before the files are written.
  Stopwatch Clock;
  const ProjectEdits All =
      ProjectEdits::fromRecords(Current, Planned->Summaries);
  addTime(Times.Edit, Clock.lap());
  reportFailedUnits(Planned->Failed, llvm::errs());
  // A rewrite some unit cannot make would be half made: skip it before
  // anything is written.
  skipAll(Current, All.blocked(Current), "cannot rewrite", " as planned");

  // A round merges, writes, verifies and, on failure, restores; only the
  // merge is done again, without the functions to blame, and only the units
  // that read a file whose new text changed are verified again.
  std::optional<Verification> Last;
  for (unsigned Round = 1;;) {
    Clock.lap();
    const Edits E = mergeRound(All, Current, P);
    addTime(Times.Edit, Clock.lap());
    if (!E.Problems.empty()) {
      llvm::errs() << "structify fix: error: nothing was changed: "
                   << E.Problems.front() << "\n";
      return ExitFindings;
    }
    if (E.NewContents.empty() || DryRun)
      return reportUnwritten(Current, E, P, Times);
    if (!EditsJson.empty())
      return verifyInMemory(Current, E, P, *Planned, Times);

    // Write, journaled; then verify, and keep it only if it compiles.
    auto Bodies = std::make_shared<const BodyFilter>(
        bodyFilter(Current, Planned->Summaries, E, FullVerify));
    if (!writeJournaled(Log, E))
      return ExitFindings;
    Clock.lap();
    Verification V = verify(P, E, Planned->FilesRead, Planned->Failed,
                            std::move(Bodies), Last ? &*Last : nullptr);
    addTime(Times.Verify, Clock.lap());
    if (V.Errors.empty()) {
      if (llvm::Error Err = Log.commit())
        llvm::errs() << "structify fix: warning: "
                     << llvm::toString(std::move(Err)) << "\n";
      report(Current, E, &V, llvm::outs());
      Times.print(llvm::errs());
      return ExitClean;
    }
    if (llvm::Error Err = Log.restore()) {
      KeepWork = true;
      llvm::errs() << "structify fix: error: cannot restore the files: "
                   << llvm::toString(std::move(Err)) << "; the journal in "
                   << Work << " still holds them\n";
      return ExitFindings;
    }
    reportFailure(Current, V);
    if (Round++ >= MaxRounds || skipBlamed(Current, V.Errors) == 0) {
      Times.print(llvm::errs());
      return ExitFindings;
    }
    llvm::errs() << "structify fix: trying again without those functions\n";
    Last = std::move(V);
  }
}

} // namespace

/// `fix --shard=i/n --records=DIR`: this shard's units collected into DIR,
/// for a final `fix --records=DIR,...` to plan, write and verify.
static int collectShard(Project &P, const Shard &Part, llvm::StringRef Dir,
                        const char *Argv0) {
  P.ResultsCache = std::make_shared<Cache>(Dir.str(), toolIdentity(Argv0));
  StageTimes Times;
  const std::vector<CollectedUnit> Collected = collectUnits(P, Times);
  size_t Failed = 0;
  for (const CollectedUnit &Unit : Collected)
    Failed += Unit.Status != UnitResult::Outcome::Analysed;
  llvm::outs() << "structify fix --shard=" << Part.Index << "/" << Part.Count
               << ": " << countOf(Collected.size() - Failed, "translation unit")
               << " recorded in " << Dir;
  if (Failed)
    llvm::outs() << "; " << Failed
                 << " did not compile (the final step reports them)";
  llvm::outs() << "\n";
  Times.print(llvm::errs());
  return ExitClean;
}

int runFix(const char *Argv0) {
  Shard Part;
  if (!ShardOption.empty()) {
    std::optional<Shard> Parsed = parseShard(ShardOption);
    if (!Parsed)
      return usageError("--shard=" + ShardOption +
                        ": expected i/n with 1 <= i <= n");
    if (RecordDirs.size() != 1)
      return usageError(
          "--shard=" + ShardOption +
          " needs --records=DIR, the directory this shard's records go to");
    Part = *Parsed;
  }
  for (const std::string &Dir : RecordDirs)
    if (Part.Count <= 1 && !llvm::sys::fs::is_directory(Dir))
      return usageError(Dir + ": --records names no directory of records");
  auto P = loadProject(Argv0, Part);
  if (!P)
    return usageError(P.takeError());
  if (Part.Count > 1)
    return collectShard(*P, Part, RecordDirs.front(), Argv0);
  for (const std::string &Dir : RecordDirs)
    P->RecordCaches.push_back(
        std::make_shared<Cache>(Dir, toolIdentity(Argv0)));
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
