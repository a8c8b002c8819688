//===--- RefactorProxy.cpp - structify's code action in front of clangd ---===//

#include "RefactorProxy.h"
#include "Lsp.h"
#include "model/tuplereturn/Plan.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <future>
#include <map>
#include <set>
#include <thread>
#include <unistd.h>

namespace structify::lsp {

namespace {

using clang::tidy::structify::Plan;
using clang::tidy::structify::PlanEntry;
using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

std::string idKey(const Value &Id) {
  std::string Key;
  llvm::raw_string_ostream(Key) << Id;
  return Key;
}

/// The project's plan as `structify plan` last made it, and the files each
/// rewrite edits.
struct ProjectPlan {
  Plan Functions;
  std::map<std::string, size_t> FileCounts; ///< by the entry's USR
  std::string BuildDir;
};

/// A temporary file's path, removed when it goes.
struct Scratch {
  explicit Scratch(llvm::StringRef Suffix) {
    llvm::SmallString<128> Path;
    if (!llvm::sys::fs::createTemporaryFile("structify-clangd", Suffix, Path))
      this->Path = std::string(Path);
  }
  ~Scratch() {
    if (!Path.empty()) [[maybe_unused]]
      const std::error_code Gone = llvm::sys::fs::remove(Path);
  }
  Scratch(const Scratch &) = delete;
  Scratch &operator=(const Scratch &) = delete;
  std::string Path;
};

/// The drivers running now, stopped when the proxy ends (an editor that
/// quits does not leave a plan running).
std::mutex DriversLock;
std::set<llvm::sys::procid_t> Drivers;

/// Runs the structify driver with \p Args, its stdout and stderr into
/// \p Log; its exit code (-1 when it cannot start).
int runDriver(const std::string &Structify,
              const std::vector<std::string> &Args, const std::string &Log) {
  std::vector<llvm::StringRef> Argv{Structify};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  const std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(), llvm::StringRef(Log), llvm::StringRef(Log)};
  llvm::sys::ProcessInfo Started =
      llvm::sys::ExecuteNoWait(Structify, Argv, std::nullopt, Redirects);
  if (Started.Pid <= 0)
    return -1;
  {
    std::lock_guard<std::mutex> Guard(DriversLock);
    Drivers.insert(Started.Pid);
  }
  const llvm::sys::ProcessInfo Done =
      llvm::sys::Wait(Started, /*SecondsToWait=*/std::nullopt);
  std::lock_guard<std::mutex> Guard(DriversLock);
  Drivers.erase(Started.Pid);
  return Done.ReturnCode;
}

void stopDrivers() {
  std::lock_guard<std::mutex> Guard(DriversLock);
  for (llvm::sys::procid_t Pid : Drivers)
    ::kill(Pid, SIGTERM);
}

/// What the driver said went wrong, in one line: its first error, and the
/// first compile error under it.
std::string driverProblem(llvm::StringRef Log) {
  llvm::SmallVector<llvm::StringRef, 16> Lines;
  Log.split(Lines, '\n', -1, /*KeepEmpty=*/false);
  std::string Problem;
  for (llvm::StringRef Line : Lines) {
    if (Line.starts_with("time:"))
      continue;
    if (Problem.empty()) {
      if (Line.consume_front("structify fix: error: ") ||
          Line.consume_front("structify fix: "))
        Problem = Line.str();
      continue;
    }
    if (Line.starts_with("  ")) {
      Problem += " " + Line.trim().str();
      break;
    }
  }
  return Problem.empty() ? "structify fix failed" : Problem;
}

/// The directory with the project's compile_commands.json: \p Given, else
/// the nearest parent of \p File that holds one, or whose build/ does.
std::string findBuildDir(llvm::StringRef Given, llvm::StringRef File) {
  if (!Given.empty())
    return Given.str();
  for (llvm::StringRef Dir = llvm::sys::path::parent_path(File); !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    for (const std::string &Candidate : {Dir.str(), (Dir + "/build").str()})
      if (llvm::sys::fs::exists(Candidate + "/compile_commands.json"))
        return Candidate;
    if (Dir == "/")
      break;
  }
  return "";
}

class Proxy {
public:
  Proxy(const ProxyOptions &Options, Child Server)
      : Options(Options), Server(Server), ToClient(STDOUT_FILENO),
        ToServer(Server.In) {}

  int run() {
    std::thread([this] {
      while (std::optional<std::string> Body = readMessage(STDIN_FILENO))
        route(*Body, /*FromClient=*/true);
      ::close(Server.In); // clangd exits at the end of its input
    }).detach();
    while (std::optional<std::string> Body = readMessage(Server.Out))
      route(*Body, /*FromClient=*/false);
    return waitFor(Server.Pid);
  }

private:
  void route(const std::string &Body, bool FromClient) {
    llvm::Expected<Value> Parsed = llvm::json::parse(Body);
    Object *Message = Parsed ? Parsed->getAsObject() : nullptr;
    if (!Message) {
      if (!Parsed)
        llvm::consumeError(Parsed.takeError());
      (FromClient ? ToServer : ToClient).writeRaw(Body);
      return;
    }
    if (answered(*Message))
      return;
    if (FromClient)
      fromClient(std::move(*Message));
    else
      fromServer(std::move(*Message));
  }

  /// A response to one of the proxy's own requests: handed to its waiter.
  bool answered(const Object &Message) {
    const Value *Id = Message.get("id");
    if (!Id || Message.get("method"))
      return false;
    std::shared_ptr<std::promise<std::optional<Value>>> Waiter;
    {
      std::lock_guard<std::mutex> Guard(Lock);
      auto It = Waiting.find(idKey(*Id));
      if (It == Waiting.end())
        return false;
      Waiter = std::move(It->second);
      Waiting.erase(It);
    }
    const Value *Result = Message.get("result");
    Waiter->set_value(Result && !Message.get("error")
                          ? std::optional<Value>(*Result)
                          : std::nullopt);
    return true;
  }

  /// Sends a request of the proxy's own, and waits for its answer (worker
  /// threads only: the readers deliver it).
  std::optional<Value> call(bool ToTheClient, llvm::StringRef Method,
                            Value Params) {
    auto Waiter = std::make_shared<std::promise<std::optional<Value>>>();
    std::future<std::optional<Value>> Answer = Waiter->get_future();
    const std::string Id = "structify-" + std::to_string(++NextId);
    {
      std::lock_guard<std::mutex> Guard(Lock);
      Waiting[idKey(Value(Id))] = Waiter;
    }
    (ToTheClient ? ToClient : ToServer)
        .write(Object{{"jsonrpc", "2.0"},
                      {"id", Id},
                      {"method", Method},
                      {"params", std::move(Params)}});
    if (Answer.wait_for(std::chrono::seconds(120)) !=
        std::future_status::ready) {
      std::lock_guard<std::mutex> Guard(Lock);
      Waiting.erase(idKey(Value(Id)));
      return std::nullopt;
    }
    return Answer.get();
  }

  void notifyClient(llvm::StringRef Method, Value Params) {
    ToClient.write(Object{
        {"jsonrpc", "2.0"}, {"method", Method}, {"params", std::move(Params)}});
  }

  static std::string documentPath(const Object &Params) {
    const Object *Document = Params.getObject("textDocument");
    const std::optional<llvm::StringRef> Uri =
        Document ? Document->getString("uri") : std::nullopt;
    return Uri ? uriToPath(*Uri) : std::string();
  }

  void fromClient(Object Message) {
    const std::optional<llvm::StringRef> Method = Message.getString("method");
    const Value *Id = Message.get("id");
    Object Empty;
    const Object *Params = Message.getObject("params");
    if (!Params)
      Params = &Empty;
    if (Method == "initialize" && Id) {
      if (const Object *Caps = Params->getObject("capabilities"))
        if (const Object *Window = Caps->getObject("window"))
          ProgressSupport = Window->getBoolean("workDoneProgress") == true;
      std::lock_guard<std::mutex> Guard(Lock);
      Initializing.insert(idKey(*Id));
    } else if (Method == "textDocument/codeAction" && Id) {
      std::lock_guard<std::mutex> Guard(Lock);
      Actions[idKey(*Id)] = *Params;
    } else if (Method == "workspace/executeCommand" && Id &&
               Params->getString("command") == RewriteCommand) {
      std::thread([this, Message = std::move(Message)] {
        rewrite(Message);
      }).detach();
      return;
    } else if (Method == "textDocument/didOpen" ||
               Method == "textDocument/didSave") {
      // As on disk: the plan is made, or made again after a save.
      const std::string Path = documentPath(*Params);
      {
        std::lock_guard<std::mutex> Guard(Lock);
        Dirty[Path] = false;
      }
      startPlan(Path, /*Again=*/Method == "textDocument/didSave");
    } else if (Method == "textDocument/didChange") {
      std::lock_guard<std::mutex> Guard(Lock);
      Dirty[documentPath(*Params)] = true;
    } else if (Method == "textDocument/didClose") {
      std::lock_guard<std::mutex> Guard(Lock);
      Dirty.erase(documentPath(*Params));
    }
    ToServer.write(std::move(Message));
  }

  void fromServer(Object Message) {
    if (const Value *Id = Message.get("id"); Id && !Message.get("method")) {
      const std::string Key = idKey(*Id);
      std::optional<Object> ActionParams;
      bool Initialized = false;
      {
        std::lock_guard<std::mutex> Guard(Lock);
        Initialized = Initializing.erase(Key) > 0;
        if (auto It = Actions.find(Key); It != Actions.end()) {
          ActionParams = std::move(It->second);
          Actions.erase(It);
        }
      }
      if (Initialized)
        addCommand(Message);
      if (ActionParams) {
        std::thread([this, Message = std::move(Message),
                     Params = std::move(*ActionParams)]() mutable {
          addAction(Message, Params);
          ToClient.write(std::move(Message));
        }).detach();
        return;
      }
    }
    ToClient.write(std::move(Message));
  }

  /// `initialize`'s answer: the editor learns structify's command.
  static void addCommand(Object &Message) {
    Object *Result = Message.getObject("result");
    Object *Caps = Result ? Result->getObject("capabilities") : nullptr;
    if (!Caps)
      return;
    Object *Provider = Caps->getObject("executeCommandProvider");
    if (!Provider) {
      (*Caps)["executeCommandProvider"] = Object{{"commands", Array()}};
      Provider = Caps->getObject("executeCommandProvider");
    }
    if (Array *Commands = Provider->getArray("commands"))
      Commands->push_back(RewriteCommand);
    else
      (*Provider)["commands"] = Array{RewriteCommand};
  }

  // --- The plan -----------------------------------------------------------

  std::vector<std::string> withConfig(std::vector<std::string> Args) const {
    if (!Options.ConfigFile.empty())
      Args.push_back("--config-file=" + Options.ConfigFile);
    return Args;
  }

  void startPlan(const std::string &File, bool Again) {
    std::lock_guard<std::mutex> Guard(PlanLock);
    if (BuildDir.empty())
      BuildDir = findBuildDir(Options.CompileCommandsDir, File);
    if (BuildDir.empty())
      return;
    if (Planning) {
      PlanAgain |= Again;
      return;
    }
    if (Current && !Again)
      return;
    Planning = true;
    std::thread([this] { makePlans(); }).detach();
  }

  void makePlans() {
    for (;;) {
      std::string Dir;
      {
        std::lock_guard<std::mutex> Guard(PlanLock);
        Dir = BuildDir;
        PlanAgain = false;
      }
      Scratch Yaml(".yaml"), Files(".json"), Log(".log");
      std::shared_ptr<const ProjectPlan> Made;
      if (runDriver(Options.Structify,
                    withConfig({"plan", "-p", Dir, "--quiet", "-o", Yaml.Path,
                                "--files-json", Files.Path}),
                    Log.Path) == 0)
        Made = readPlan(Yaml.Path, Files.Path, Dir);
      std::lock_guard<std::mutex> Guard(PlanLock);
      if (Made)
        Current = std::move(Made);
      if (!PlanAgain) {
        Planning = false;
        PlanReady.notify_all();
        return;
      }
    }
  }

  static std::shared_ptr<const ProjectPlan> readPlan(const std::string &Yaml,
                                                     const std::string &Files,
                                                     const std::string &Dir) {
    auto Read = clang::tidy::structify::readPlan(Yaml);
    if (!Read) {
      llvm::consumeError(Read.takeError());
      return nullptr;
    }
    auto Result = std::make_shared<ProjectPlan>();
    Result->Functions = std::move(*Read);
    Result->BuildDir = Dir;
    auto Buffer = llvm::MemoryBuffer::getFile(Files);
    if (!Buffer)
      return Result;
    llvm::Expected<Value> Doc = llvm::json::parse((*Buffer)->getBuffer());
    if (!Doc) {
      llvm::consumeError(Doc.takeError());
      return Result;
    }
    if (const Object *O = Doc->getAsObject())
      for (const auto &[Usr, List] : *O)
        if (const Array *A = List.getAsArray())
          Result->FileCounts[Usr.str()] = A->size();
    return Result;
  }

  /// The latest plan; waits a while for the first one.
  std::shared_ptr<const ProjectPlan> plan() {
    std::unique_lock<std::mutex> Guard(PlanLock);
    PlanReady.wait_for(Guard,
                       std::chrono::duration<double>(Options.PlanWaitSeconds),
                       [&] { return Current || !Planning; });
    return Current;
  }

  // --- The code action ----------------------------------------------------

  /// Does the request's `context.only` let a refactor.rewrite action in?
  static bool wantsRewrites(const Object &Params) {
    const Object *Context = Params.getObject("context");
    const Array *Only = Context ? Context->getArray("only") : nullptr;
    if (!Only)
      return true;
    return llvm::any_of(*Only, [](const Value &Kind) {
      const std::optional<llvm::StringRef> K = Kind.getAsString();
      return K && (K->empty() || llvm::StringRef("refactor.rewrite") == *K ||
                   *K == "refactor");
    });
  }

  /// A function declared in a header, or whose rewrite edits more than one
  /// file: the per-file quick fix cannot do it.
  static bool reachesOtherFiles(const PlanEntry &Entry,
                                const ProjectPlan &Planned) {
    const llvm::StringRef File =
        llvm::StringRef(Entry.DeclaredAt).rsplit(':').first;
    const llvm::StringRef Extension =
        llvm::sys::path::extension(File).drop_front();
    static const llvm::StringRef Sources[] = {"c",   "cc", "cpp", "cxx",
                                              "c++", "m",  "mm",  "cu"};
    if (!llvm::is_contained(Sources, Extension.lower()))
      return true;
    const auto Count = Planned.FileCounts.find(Entry.Usr);
    return Count != Planned.FileCounts.end() && Count->second > 1;
  }

  void addAction(Object &Message, const Object &Params) {
    if (!Message.get("result") || !wantsRewrites(Params))
      return;
    const Object *Document = Params.getObject("textDocument");
    const Object *Range = Params.getObject("range");
    const Value *Start = Range ? Range->get("start") : nullptr;
    if (!Document || !Start)
      return;
    const std::shared_ptr<const ProjectPlan> Planned = plan();
    if (!Planned)
      return;
    const std::optional<Value> Symbols =
        call(/*ToTheClient=*/false, "textDocument/symbolInfo",
             Object{{"textDocument", Object(*Document)}, {"position", *Start}});
    const Array *Found = Symbols ? Symbols->getAsArray() : nullptr;
    const PlanEntry *Entry = nullptr;
    for (const Value &Symbol : Found ? *Found : Array()) {
      const Object *O = Symbol.getAsObject();
      const std::optional<llvm::StringRef> Usr =
          O ? O->getString("usr") : std::nullopt;
      Entry = Usr ? Planned->Functions.find(*Usr) : nullptr;
      if (Entry)
        break;
    }
    if (!Entry || !reachesOtherFiles(*Entry, *Planned))
      return;
    Object Action{{"kind", "refactor.rewrite"}};
    std::string Title;
    if (Entry->rewrites()) {
      llvm::SmallVector<llvm::StringRef, 4> Fields;
      for (const auto &Field : Entry->Fields)
        Fields.push_back(Field.Name);
      const auto Count = Planned->FileCounts.find(Entry->Usr);
      const size_t Files =
          Count == Planned->FileCounts.end() ? 0 : Count->second;
      Title = "Return a named struct: `" + Entry->Struct + " { " +
              llvm::join(Fields, ", ") + " }`";
      if (Files)
        Title +=
            " (" + std::to_string(Files) + (Files == 1 ? " file)" : " files)");
    } else {
      Title = "Return a named struct from '" + Entry->Function + "'";
      Action["disabled"] = Object{{"reason", Entry->Reason}};
    }
    Action["title"] = Title;
    Action["command"] = Object{
        {"title", Title},
        {"command", RewriteCommand},
        {"arguments",
         Array{Object{{"usr", Entry->Usr}, {"function", Entry->Function}}}}};
    Value *Result = Message.get("result");
    if (Array *List = Result->getAsArray())
      List->push_back(std::move(Action));
    else
      *Result = Array{std::move(Action)};
  }

  // --- The command --------------------------------------------------------

  /// Work-done progress for one rewrite, when the editor shows it.
  class Progress {
  public:
    Progress(Proxy &Owner, const std::string &Function)
        : Owner(Owner),
          Token("structify-rewrite-" + std::to_string(++Owner.NextId)) {
      if (!Owner.ProgressSupport ||
          !Owner.call(/*ToTheClient=*/true, "window/workDoneProgress/create",
                      Object{{"token", Token}}))
        return;
      Shown = true;
      send(
          Object{{"kind", "begin"},
                 {"title", "structify"},
                 {"message", "rewriting " + Function + " across the project"}});
    }
    void end(llvm::StringRef Message) {
      if (Shown)
        send(Object{{"kind", "end"}, {"message", Message}});
      Shown = false;
    }

  private:
    void send(Object Value) {
      Owner.notifyClient("$/progress",
                         Object{{"token", Token}, {"value", std::move(Value)}});
    }
    Proxy &Owner;
    std::string Token;
    bool Shown = false;
  };

  /// Why the rewrite may not start, or nothing: an open file with unsaved
  /// changes (the rewrite reads the files as saved), no compile database.
  std::optional<std::string> whyNotNow(std::string &Dir) {
    {
      std::lock_guard<std::mutex> Guard(Lock);
      for (const auto &[Path, IsDirty] : Dirty)
        if (IsDirty)
          return "save " + Path +
                 " first: the rewrite reads the files as saved";
    }
    std::lock_guard<std::mutex> Guard(PlanLock);
    Dir = BuildDir;
    if (Dir.empty())
      return std::string("no compile_commands.json above the open files");
    return std::nullopt;
  }

  /// The workspace edit of `structify fix --only Usr`, or why there is none.
  llvm::Expected<Object> rewriteEdit(const std::string &Dir,
                                     llvm::StringRef Usr) {
    Scratch Edits(".json"), Log(".log");
    const int Exit =
        runDriver(Options.Structify,
                  withConfig({"fix", "-p", Dir, "--quiet", "--only", Usr.str(),
                              "--edits-json", Edits.Path}),
                  Log.Path);
    if (Exit != 0) {
      auto LogText = llvm::MemoryBuffer::getFile(Log.Path);
      return llvm::createStringError(
          std::errc::invalid_argument, "%s",
          driverProblem(LogText ? (*LogText)->getBuffer() : "").c_str());
    }
    auto Text = llvm::MemoryBuffer::getFile(Edits.Path);
    if (!Text)
      return llvm::createStringError(Text.getError(),
                                     "cannot read structify fix's edits");
    llvm::Expected<Value> Doc = llvm::json::parse((*Text)->getBuffer());
    if (!Doc)
      return Doc.takeError();
    const Object *Files =
        Doc->getAsObject() ? Doc->getAsObject()->getObject("files") : nullptr;
    Object Changes;
    for (const auto &[File, New] : Files ? *Files : Object()) {
      auto Old = llvm::MemoryBuffer::getFile(File.str());
      const std::optional<llvm::StringRef> NewText = New.getAsString();
      if (!Old || !NewText)
        return llvm::createStringError(std::errc::io_error, "cannot read %s",
                                       File.str().c_str());
      Changes[pathToUri(File.str())] =
          Array{textEdit((*Old)->getBuffer(), *NewText)};
    }
    return Changes;
  }

  void rewrite(const Object &Message) {
    const Value Id = *Message.get("id");
    const Object *Params = Message.getObject("params");
    const Array *Args = Params ? Params->getArray("arguments") : nullptr;
    const Object *Arg =
        Args && !Args->empty() ? (*Args)[0].getAsObject() : nullptr;
    const std::optional<llvm::StringRef> Usr =
        Arg ? Arg->getString("usr") : std::nullopt;
    const std::string Function =
        Arg ? Arg->getString("function").value_or("the function").str() : "";
    auto Finish = [&](const std::string &Problem) {
      if (!Problem.empty())
        notifyClient("window/showMessage",
                     Object{{"type", 1}, {"message", "structify: " + Problem}});
      ToClient.write(
          Object{{"jsonrpc", "2.0"}, {"id", Id}, {"result", nullptr}});
    };
    std::string Dir;
    if (!Usr)
      return Finish("no function to rewrite");
    if (std::optional<std::string> WhyNot = whyNotNow(Dir))
      return Finish(*WhyNot);
    Progress Shown(*this, Function);
    llvm::Expected<Object> Changes = rewriteEdit(Dir, *Usr);
    if (!Changes) {
      Shown.end("nothing changed");
      return Finish(llvm::toString(Changes.takeError()));
    }
    const size_t Count = Changes->size();
    const std::optional<Value> Applied = call(
        /*ToTheClient=*/true, "workspace/applyEdit",
        Object{{"label", "structify: return a named struct from " + Function},
               {"edit", Object{{"changes", std::move(*Changes)}}}});
    const Object *Answer = Applied ? Applied->getAsObject() : nullptr;
    if (!Answer || Answer->getBoolean("applied") != true) {
      Shown.end("not applied");
      return Finish("the editor did not apply the rewrite");
    }
    Shown.end("rewrote " + Function + " in " + std::to_string(Count) +
              (Count == 1 ? " file" : " files"));
    Finish("");
  }

  const ProxyOptions &Options;
  Child Server;
  Writer ToClient;
  Writer ToServer;
  std::atomic<unsigned> NextId{0};
  std::atomic<bool> ProgressSupport{false};

  std::mutex Lock; // guards what follows
  std::map<std::string, std::shared_ptr<std::promise<std::optional<Value>>>>
      Waiting;
  std::set<std::string> Initializing;
  std::map<std::string, Object> Actions;
  std::map<std::string, bool> Dirty;

  std::mutex PlanLock; // guards what follows
  std::condition_variable PlanReady;
  std::string BuildDir;
  std::shared_ptr<const ProjectPlan> Current;
  bool Planning = false;
  bool PlanAgain = false;
};

} // namespace

int runProxy(const ProxyOptions &Options) {
  const std::optional<Child> Server =
      spawn(Options.ServerArgv, std::string(ChildVariable) + "=1");
  if (!Server) {
    llvm::errs() << "structify-clangd: error: cannot start "
                 << Options.ServerArgv.front() << "\n";
    return 1;
  }
  Proxy P(Options, *Server);
  const int Code = P.run();
  stopDrivers();
  std::fflush(stdout);
  std::_Exit(Code); // the threads still reading the editor end with it
}

} // namespace structify::lsp
