//===--- Worker.cpp - analyse a unit in a process of its own --------------===//

#include "Worker.h"
#include "DiagnosticJson.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <csignal>
#include <thread>

namespace structify {
using llvm::json::Array;
using llvm::json::Object;

namespace {

llvm::json::Value request(const TranslationUnit &Unit,
                          const ConfigOptions &Config) {
  Object R{{"file", Unit.File},
           {"directory", Unit.Command.Directory},
           {"arguments", Unit.Command.CommandLine},
           {"configFile", Config.ConfigFile}};
  if (Config.Checks)
    R["checks"] = *Config.Checks;
  if (Config.HeaderFilter)
    R["headerFilter"] = *Config.HeaderFilter;
  return R;
}

bool parseRequest(const llvm::json::Value &V, TranslationUnit &Unit,
                  ConfigOptions &Config) {
  llvm::json::Path::Root Root;
  llvm::json::ObjectMapper O(V, Root);
  if (!O || !O.map("file", Unit.File) ||
      !O.map("directory", Unit.Command.Directory) ||
      !O.map("arguments", Unit.Command.CommandLine) ||
      !O.map("configFile", Config.ConfigFile) ||
      !O.mapOptional("checks", Config.Checks) ||
      !O.mapOptional("headerFilter", Config.HeaderFilter))
    return false;
  Unit.Command.Filename = Unit.File;
  return true;
}

llvm::json::Value resultToJSON(const UnitResult &R) {
  Array Diags;
  for (const clang::tooling::Diagnostic &D : R.Diagnostics)
    Diags.push_back(toJSON(D));
  return Object{{"compiles", R.Status != UnitResult::Outcome::CompileError},
                {"problem", R.Problem},
                {"filesRead", R.FilesRead},
                {"diagnostics", std::move(Diags)}};
}

bool resultFromJSON(const llvm::json::Value &V, UnitResult &R) {
  llvm::json::Path::Root Root;
  llvm::json::ObjectMapper O(V, Root);
  bool Compiles = true;
  if (!O || !O.map("compiles", Compiles) || !O.map("problem", R.Problem) ||
      !O.map("filesRead", R.FilesRead))
    return false;
  R.Status = Compiles ? UnitResult::Outcome::Analysed
                      : UnitResult::Outcome::CompileError;
  const Array *Diags = V.getAsObject()->getArray("diagnostics");
  if (!Diags)
    return false;
  for (const llvm::json::Value &D : *Diags) {
    clang::tooling::Diagnostic Diag;
    if (!fromJSON(D, Diag, Root))
      return false;
    R.Diagnostics.push_back(std::move(Diag));
  }
  return true;
}

/// A temporary file, removed when it goes out of scope.
struct TempFile {
  llvm::SmallString<128> Path;
  explicit TempFile(llvm::StringRef Suffix) {
    if (llvm::sys::fs::createTemporaryFile("structify-worker", Suffix, Path))
      Path.clear();
  }
  ~TempFile() {
    if (!Path.empty()) [[maybe_unused]]
      std::error_code Ignored = llvm::sys::fs::remove(Path);
  }
};

UnitResult crashed(const llvm::Twine &Problem) {
  UnitResult R;
  R.Status = UnitResult::Outcome::Crashed;
  R.Problem = Problem.str();
  return R;
}

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

/// Waits for the worker; after Timeout seconds (0: never) kills it. LLVM's
/// own time limit relies on SIGALRM, which reaches an arbitrary thread of
/// this process, not the one waiting: poll instead.
int waitFor(llvm::sys::ProcessInfo Process, double Timeout,
            std::string &Message) {
  if (Timeout <= 0)
    return llvm::sys::Wait(Process, std::nullopt, &Message).ReturnCode;
  auto Deadline = std::chrono::steady_clock::now() +
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

} // namespace

UnitResult analyseInWorker(const TranslationUnit &Unit,
                           const ConfigOptions &Config,
                           llvm::StringRef Executable, double Timeout) {
  TempFile In(".json"), Out(".json"), Err(".txt");
  if (In.Path.empty() || Out.Path.empty() || Err.Path.empty())
    return crashed("cannot create the worker's temporary files");
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(In.Path, EC);
    if (EC)
      return crashed("cannot write the worker's request: " + EC.message());
    OS << request(Unit, Config);
  }
  std::optional<llvm::StringRef> Redirects[] = {In.Path.str(), Out.Path.str(),
                                                Err.Path.str()};
  std::string Message;
  bool ExecutionFailed = false;
  llvm::sys::ProcessInfo Process = llvm::sys::ExecuteNoWait(
      Executable, {Executable, WorkerArgument}, std::nullopt, Redirects,
      /*MemoryLimit=*/0, &Message, &ExecutionFailed);
  if (ExecutionFailed)
    return crashed("cannot start the analysis: " + Message);
  int Code = waitFor(Process, Timeout, Message);
  if (Code == TimedOut) {
    std::string Limit;
    llvm::raw_string_ostream(Limit) << llvm::format("%g", Timeout);
    return crashed("the analysis took longer than " + Limit +
                   "s (--timeout)");
  }
  if (Code != 0) {
    std::string Why = lastWords(Err.Path);
    if (Why.empty())
      Why = Message.empty() ? "exit code " + std::to_string(Code) : Message;
    return crashed("the analysis crashed (" + llvm::StringRef(Why).lower() +
                   ")");
  }
  auto Text = llvm::MemoryBuffer::getFile(Out.Path);
  if (!Text)
    return crashed("the analysis wrote no result");
  llvm::Expected<llvm::json::Value> Doc =
      llvm::json::parse((*Text)->getBuffer());
  UnitResult Result;
  if (!Doc || !resultFromJSON(*Doc, Result)) {
    if (!Doc)
      llvm::consumeError(Doc.takeError());
    return crashed("the analysis wrote a malformed result");
  }
  return Result;
}

int runWorker() {
  auto Input = llvm::MemoryBuffer::getSTDIN();
  if (!Input)
    return 3;
  llvm::Expected<llvm::json::Value> Doc =
      llvm::json::parse((*Input)->getBuffer());
  TranslationUnit Unit;
  ConfigOptions Options;
  if (!Doc || !parseRequest(*Doc, Unit, Options)) {
    if (!Doc)
      llvm::consumeError(Doc.takeError());
    llvm::errs() << "LLVM ERROR: malformed worker request\n";
    return 3;
  }
  auto Conf = Config::load(Options);
  if (!Conf) {
    llvm::errs() << "LLVM ERROR: " << toString(Conf.takeError()) << "\n";
    return 3;
  }
  initializeRunner(/*RecoverFromCrashes=*/false);
  RunnerOptions Runner;
  Runner.MakeOptionsProvider = [&](auto FS) {
    return Conf->makeProvider(std::move(FS));
  };
  llvm::outs() << resultToJSON(analyse(Unit, Runner));
  llvm::outs().flush();
  return 0;
}

} // namespace structify
