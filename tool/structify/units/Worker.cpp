//===--- Worker.cpp - run a stage on a unit, in a process of its own ------===//

#include "units/Worker.h"
#include "refactor/Journal.h"
#include "report/DiagnosticJson.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <thread>
#include <unistd.h>

namespace structify {
using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace {

llvm::StringRef stageName(Stage Kind) {
  switch (Kind) {
  case Stage::Check:
    return "check";
  case Stage::Collect:
    return "collect";
  case Stage::Verify:
    return "verify";
  }
  llvm_unreachable("a stage without a name");
}

bool parseStage(llvm::StringRef Name, Stage &Kind) {
  for (Stage Candidate : {Stage::Check, Stage::Collect, Stage::Verify})
    if (Name == stageName(Candidate)) {
      Kind = Candidate;
      return true;
    }
  return false;
}

Value toJSON(const StageRequest &R) {
  Object O{{"stage", stageName(R.Kind)},
           {"file", R.Unit.File},
           {"directory", R.Unit.Command.Directory},
           {"arguments", R.Unit.Command.CommandLine},
           {"configFile", R.Config.ConfigFile}};
  if (R.Config.Checks)
    O["checks"] = *R.Config.Checks;
  if (R.Config.HeaderFilter)
    O["headerFilter"] = *R.Config.HeaderFilter;
  if (R.Bodies)
    O["bodies"] = *R.Bodies;
  if (R.Overlay) {
    Object Files;
    for (const auto &[Path, Text] : *R.Overlay)
      Files[Path] = Text;
    O["overlay"] = std::move(Files);
  }
  return O;
}

bool fromJSON(const Value &V, StageRequest &R, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  std::string Kind;
  if (!O || !O.map("stage", Kind) || !parseStage(Kind, R.Kind) ||
      !O.map("file", R.Unit.File) ||
      !O.map("directory", R.Unit.Command.Directory) ||
      !O.map("arguments", R.Unit.Command.CommandLine) ||
      !O.map("configFile", R.Config.ConfigFile) ||
      !O.mapOptional("checks", R.Config.Checks) ||
      !O.mapOptional("headerFilter", R.Config.HeaderFilter))
    return false;
  R.Unit.Command.Filename = R.Unit.File;
  if (const Value *Bodies = V.getAsObject()->get("bodies")) {
    auto Filter = std::make_shared<BodyFilter>();
    if (!structify::fromJSON(*Bodies, *Filter, P.field("bodies")))
      return false;
    R.Bodies = std::move(Filter);
  }
  if (const Value *Overlay = V.getAsObject()->get("overlay")) {
    auto Files = std::make_shared<std::map<std::string, std::string>>();
    if (!llvm::json::fromJSON(*Overlay, *Files, P.field("overlay")))
      return false;
    R.Overlay = std::move(Files);
  }
  return true;
}

Value toJSON(const UnitResult &R) {
  Array Diags;
  for (const clang::tooling::Diagnostic &D : R.Diagnostics)
    Diags.push_back(structify::toJSON(D));
  Object O{{"status", outcomeKeyword(R.Status)},
           {"problem", R.Problem},
           {"filesRead", R.FilesRead},
           {"diagnostics", std::move(Diags)}};
  if (R.Records)
    O["records"] = *R.Records;
  return O;
}

bool fromJSON(const Value &V, UnitResult &R, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  std::string Status;
  const Array *Diags =
      V.getAsObject() ? V.getAsObject()->getArray("diagnostics") : nullptr;
  if (!O || !O.map("status", Status) ||
      !parseOutcomeKeyword(Status, R.Status) || !O.map("problem", R.Problem) ||
      !O.map("filesRead", R.FilesRead) || !Diags)
    return false;
  for (const Value &D : *Diags) {
    clang::tooling::Diagnostic Diag;
    if (!structify::fromJSON(D, Diag, P.field("diagnostics")))
      return false;
    R.Diagnostics.push_back(std::move(Diag));
  }
  if (const Value *Records = V.getAsObject()->get("records"))
    R.Records = *Records;
  return true;
}

/// A unit that could not be analysed, in every stage's JSON shape.
Value failed(const llvm::Twine &Problem) {
  return Object{{"status", outcomeKeyword(UnitResult::Outcome::Crashed)},
                {"problem", Problem.str()},
                {"filesRead", Array()},
                {"diagnostics", Array()},
                {"summaries", Array()},
                {"functions", Array()}};
}

/// The user's configuration for the unit's file, as clang-tidy reads it.
llvm::Expected<clang::tidy::ClangTidyOptions> optionsFor(const StageRequest &R,
                                                         const Config &Conf) {
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::createPhysicalFileSystem());
  [[maybe_unused]] std::error_code NoDirectory =
      FS->setCurrentWorkingDirectory(R.Unit.Command.Directory);
  return Conf.makeProvider(FS)->getOptions(R.Unit.File);
}

/// For testing interrupts (test/driver/fix-files.test): with
/// STRUCTIFY_DEBUG_VERIFY_WAIT=FILE in its environment, a verifying worker
/// writes its process id to FILE and waits up to a minute, so that a signal
/// finds it working.
void debugWaitInVerify() {
  const char *Marker = std::getenv("STRUCTIFY_DEBUG_VERIFY_WAIT");
  if (!Marker || !*Marker)
    return;
  {
    std::ofstream Out(std::string(Marker) + ".tmp");
    Out << ::getpid() << "\n";
  }
  std::rename((std::string(Marker) + ".tmp").c_str(), Marker);
  std::this_thread::sleep_for(std::chrono::seconds(60));
}

} // namespace

Value runStage(const StageRequest &Request) {
  auto Conf = Config::load(Request.Config);
  if (!Conf)
    return failed(llvm::toString(Conf.takeError()));
  switch (Request.Kind) {
  case Stage::Check: {
    RunnerOptions Runner;
    Runner.MakeOptionsProvider = [&](auto FS) {
      return Conf->makeProvider(std::move(FS));
    };
    // Where structify-tuple-return runs, what `structify fix` needs of the
    // unit is recorded in the same parse, for the results cache.
    std::optional<clang::tidy::ClangTidyOptions> Options;
    std::vector<FunctionSummary> Summaries;
    if (auto Read = optionsFor(Request, *Conf);
        Read &&
        Config::enables(*Read, clang::tidy::structify::TupleReturnCheckName)) {
      Options = std::move(*Read);
      Runner.ExtraConsumer = [&](clang::CompilerInstance &CI) {
        return makeSummaryConsumer(CI, *Options, Summaries);
      };
    } else if (!Read) {
      llvm::consumeError(Read.takeError());
    }
    UnitResult Result = analyse(Request.Unit, Runner);
    if (Options && Result.Status == UnitResult::Outcome::Analysed)
      Result.Records = recordsJSON(Summaries);
    return toJSON(Result);
  }
  case Stage::Verify: {
    debugWaitInVerify();
    RunnerOptions Runner;
    Runner.MakeOptionsProvider = [&](auto FS) {
      // No check at all: only the compiler speaks.
      clang::tidy::ClangTidyOptions Overrides;
      Overrides.Checks = "-*";
      Overrides.WarningsAsErrors = "-*";
      if (Request.Bodies && !Request.Bodies->ParseAll)
        Overrides.ExtraArgs = skippedBodyWarningArguments();
      return std::make_unique<OverridingOptionsProvider>(
          Conf->makeProvider(std::move(FS)), std::move(Overrides),
          "structify fix --verify");
    };
    if (Request.Bodies)
      Runner.ExtraConsumer = [&](clang::CompilerInstance &CI) {
        return makeBodyFilterConsumer(CI, *Request.Bodies);
      };
    Runner.Overlay = Request.Overlay;
    return toJSON(analyse(Request.Unit, Runner));
  }
  case Stage::Collect: {
    auto Options = optionsFor(Request, *Conf);
    if (!Options)
      return failed(llvm::toString(Options.takeError()));
    return toJSON(collectUnit(Request.Unit, *Options));
  }
  }
  llvm_unreachable("a stage without a runner");
}

namespace {

/// The line of the worker's stderr that says why it stopped, if any.
std::string lastWords(llvm::StringRef ErrPath) {
  auto Err = llvm::MemoryBuffer::getFile(ErrPath);
  if (!Err)
    return "";
  llvm::SmallVector<llvm::StringRef> Lines;
  (*Err)->getBuffer().split(Lines, '\n');
  for (llvm::StringRef Line : Lines)
    if (Line.starts_with("LLVM ERROR: "))
      return Line.drop_front(strlen("LLVM ERROR: ")).trim().str();
  return "";
}

constexpr int TimedOut = -100;

/// The interrupt (SIGINT, SIGTERM, SIGHUP) that ended a worker, from what
/// llvm::sys::Wait says of a worker a signal ended (code -2, the signal's
/// description); 0 for any other end.
int interruptThatEnded(int Code, llvm::StringRef Message) {
  if (Code != -2)
    return 0;
  for (int Signal = 1; Signal < NSIG; ++Signal)
    if (isInterrupt(Signal) && Message.starts_with(::strsignal(Signal)))
      return Signal;
  return 0;
}

/// Waits for the worker; after Timeout seconds (0: never) kills it. LLVM's
/// own time limit relies on SIGALRM, which reaches an arbitrary thread of
/// this process, not the one waiting: poll instead.
int waitFor(llvm::sys::ProcessInfo Process, double Timeout,
            std::string &Message) {
  if (Timeout <= 0)
    return llvm::sys::Wait(Process, std::nullopt, &Message).ReturnCode;
  auto Deadline =
      std::chrono::steady_clock::now() +
      std::chrono::duration_cast<std::chrono::steady_clock::duration>(
          std::chrono::duration<double>(Timeout));
  auto Pause = std::chrono::milliseconds(1);
  while (true) {
    llvm::sys::ProcessInfo Done = llvm::sys::Wait(Process, 0, &Message);
    if (Done.Pid != 0)
      return Done.ReturnCode;
    if (std::chrono::steady_clock::now() > Deadline) {
      ::kill(Process.Pid, SIGKILL);
      llvm::sys::Wait(Process, std::nullopt);
      return TimedOut;
    }
    std::this_thread::sleep_for(Pause);
    Pause = std::min(Pause * 2, std::chrono::milliseconds(50));
  }
}

/// A temporary file, removed when it goes out of scope.
struct TempFile {
  llvm::SmallString<128> Path;
  std::optional<llvm::FileRemover> Remover;
  explicit TempFile(llvm::StringRef Suffix) {
    if (llvm::sys::fs::createTemporaryFile("structify-worker", Suffix, Path))
      Path.clear();
    else
      Remover.emplace(Path);
  }
};

} // namespace

Value UnitRunner::run(
    Stage Kind, const TranslationUnit &Unit,
    std::shared_ptr<const BodyFilter> Bodies,
    std::shared_ptr<const std::map<std::string, std::string>> Overlay) const {
  const StageRequest Request{Kind, Unit, Config, std::move(Bodies),
                             std::move(Overlay)};
  if (InProcess)
    return runStage(Request);
  TempFile In(".json"), Out(".json"), Err(".txt");
  if (In.Path.empty() || Out.Path.empty() || Err.Path.empty())
    return failed("cannot create the worker's temporary files");
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(In.Path, EC);
    if (EC)
      return failed("cannot write the worker's request: " + EC.message());
    OS << toJSON(Request);
  }
  std::optional<llvm::StringRef> Redirects[] = {In.Path.str(), Out.Path.str(),
                                                Err.Path.str()};
  std::string Message;
  bool ExecutionFailed = false;
  llvm::sys::ProcessInfo Process = llvm::sys::ExecuteNoWait(
      Executable, {Executable, WorkerArgument}, std::nullopt, Redirects,
      /*MemoryLimit=*/0, &Message, &ExecutionFailed);
  if (ExecutionFailed)
    return failed("cannot start the analysis: " + Message);
  const int Code = waitFor(Process, Timeout, Message);
  if (Code == TimedOut) {
    std::string Limit;
    llvm::raw_string_ostream(Limit) << llvm::format("%g", Timeout);
    return failed("the analysis took longer than " + Limit + "s (--timeout)");
  }
  if (const int Signal = interruptThatEnded(Code, Message))
    forwardInterrupt(Signal);
  if (Code != 0) {
    std::string Why = lastWords(Err.Path);
    if (Why.empty())
      Why = Message.empty() ? "exit code " + std::to_string(Code) : Message;
    return failed("the analysis crashed (" + llvm::StringRef(Why).lower() +
                  ")");
  }
  auto Text = llvm::MemoryBuffer::getFile(Out.Path);
  if (!Text)
    return failed("the analysis wrote no result");
  llvm::Expected<Value> Doc = llvm::json::parse((*Text)->getBuffer());
  if (!Doc) {
    llvm::consumeError(Doc.takeError());
    return failed("the analysis wrote a malformed result");
  }
  return std::move(*Doc);
}

namespace {
template <typename T> T decode(const Value &V) {
  T Result;
  llvm::json::Path::Root Root;
  if (!fromJSON(V, Result, Root)) {
    T Broken;
    Broken.Status = UnitResult::Outcome::Crashed;
    Broken.Problem = "the analysis wrote a malformed result";
    return Broken;
  }
  return Result;
}
} // namespace

UnitResult UnitRunner::check(const TranslationUnit &Unit) const {
  return decode<UnitResult>(run(Stage::Check, Unit));
}

UnitResult UnitRunner::verify(
    const TranslationUnit &Unit, std::shared_ptr<const BodyFilter> Bodies,
    std::shared_ptr<const std::map<std::string, std::string>> Overlay) const {
  return decode<UnitResult>(
      run(Stage::Verify, Unit, std::move(Bodies), std::move(Overlay)));
}

CollectedUnit UnitRunner::collect(const TranslationUnit &Unit) const {
  return decode<CollectedUnit>(run(Stage::Collect, Unit));
}

int runWorker() {
  auto Input = llvm::MemoryBuffer::getSTDIN();
  if (!Input)
    return 3;
  llvm::Expected<Value> Doc = llvm::json::parse((*Input)->getBuffer());
  StageRequest Request;
  llvm::json::Path::Root Root;
  if (!Doc || !fromJSON(*Doc, Request, Root)) {
    if (!Doc)
      llvm::consumeError(Doc.takeError());
    llvm::errs() << "LLVM ERROR: malformed worker request\n";
    return 3;
  }
  initializeRunner(/*RecoverFromCrashes=*/false);
  llvm::outs() << runStage(Request);
  llvm::outs().flush();
  return 0;
}

} // namespace structify
