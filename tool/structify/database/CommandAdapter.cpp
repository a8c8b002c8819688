//===--- CommandAdapter.cpp - compile commands clang can run --------------===//

#include "database/CommandAdapter.h"
#include "support/DriverCompat.h"
#include "clang/Basic/Version.h"
#include "clang/Lex/HeaderSearchOptions.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <tuple>

namespace structify {
namespace opts = compat::driver_options;

namespace {

/// gcc options that clang 22 knows by name but rejects, or reads otherwise.
constexpr llvm::StringLiteral RejectedGccOptions[] = {
    "-fsanitize=bounds-strict", // "unsupported argument"
    "-mfunction-return=thunk",  // clang: keep or thunk-extern only
    "-mfunction-return=thunk-inline",
    "-mrecord-mcount", // x86: "unsupported option for target"
    "-mnop-mcount",
    "-mabi=ms",
    "-mabi=sysv",
    "-fdiagnostics-format=json", // gcc's formats; clang writes sarif
    "-fdiagnostics-format=json-stderr",
    "-fdiagnostics-format=json-file",
    "-fdiagnostics-format=sarif-stderr",
    "-fdiagnostics-format=sarif-file",
};

/// gcc options that clang does not know, named so that a note says
/// "gcc-only" rather than "unknown". A name ending in '=' or '-' is a prefix.
/// Only what clang's driver calls unknown is dropped: this list never drops
/// an option clang knows. After CodeChecker's list of gcc-only options.
constexpr llvm::StringLiteral GccOnlyNames[] = {
    "-fno-canonical-system-headers",
    "-fcanonical-system-headers",
    "-fconcepts-diagnostics-depth=",
    "-fconcepts",
    "-fconcepts-ts",
    "-fno-lifetime-dse",
    "-flifetime-dse",
    "-flifetime-dse=",
    "-fno-gnu-unique",
    "-fgnu-unique",
    "-fvar-tracking",
    "-fno-var-tracking",
    "-fvar-tracking-assignments",
    "-fno-var-tracking-assignments",
    "-fmodules-ts",
    "-fmodule-mapper=",
    "-fdeps-",
    "-fext-numeric-literals",
    "-fno-ext-numeric-literals",
    "-fimplicit-constexpr",
    "-fconstexpr-ops-limit=",
    "-fconstexpr-loop-limit=",
    "-fconstexpr-cache-depth=",
    "-fabi-version=",
    "-fabi-compat-version=",
    "-fipa-",
    "-fno-ipa-",
    "-fhardened",
    "-fstack-protector-explicit",
    "-fno-keep-inline-dllexport",
    "-fdiagnostics-plain-output",
    "-fdiagnostics-urls=",
    "-fdiagnostics-column-unit=",
    "-fdiagnostics-show-labels",
    "-fno-diagnostics-show-labels",
    "-fcompare-debug",
    "-fno-compare-debug",
    "-m128bit-long-double",
    "-fprofile-abs-path",
    "-fno-strength-reduce",
    "-fno-guess-branch-probability",
    "-fconserve-stack",
    "-fno-aggressive-loop-optimizations",
    "-fallow-store-data-races",
    "-fno-allow-store-data-races",
    "-fno-toplevel-reorder",
    "-mindirect-branch=",
    "-mindirect-branch-register",
    "-mpreferred-stack-boundary=",
    "-maccumulate-outgoing-args",
    "-fstrong-eval-order",
    "-fnew-ttp-matching",
    "-fcontracts",
    "-fno-module-lazy",
    "-fvtable-verify=",
    "-fdeclone-ctor-dtor",
    "-fdevirtualize-at-ltrans",
    "-ftrampolines",
    "-fno-weak",
    "-fgnu-tm",
    "-fauto-profile",
    "-fopt-info",
    "-fdump-",
    "-ftree-",
    "-fno-tree-",
    "-fno-enforce-eh-specs",
    "-fnothrow-opt",
    "-flto-partition=",
    "-fstack-reuse=",
    "-fno-defer-pop",
};

/// Options that make even a syntax-only run write files.
constexpr llvm::StringLiteral FileWriters[] = {
    "-save-temps",  "--save-temps",  "-save-temps=",
    "-ftime-trace", "-ftime-trace=", "-Wp,-MD,",
    "-Wp,-MMD,",    "-MJ",           "--serialize-diagnostics",
};

bool listed(llvm::StringRef Arg, llvm::ArrayRef<llvm::StringLiteral> List) {
  return llvm::any_of(List, [&](llvm::StringRef Name) {
    if (Name.ends_with("=") || Name.ends_with("-") || Name.ends_with(","))
      return Arg.starts_with(Name);
    return Arg == Name;
  });
}

/// A character set other than UTF-8, the only one clang reads and writes.
bool isOtherCharset(llvm::StringRef Arg) {
  if (!Arg.consume_front("-finput-charset=") &&
      !Arg.consume_front("-fexec-charset="))
    return false;
  return !Arg.equals_insensitive("utf-8") && !Arg.equals_insensitive("utf8");
}

/// The same warnings, none an error: "" drops the option. nullopt: not an
/// option that makes warnings errors.
std::optional<std::string> withoutErrors(llvm::StringRef Arg) {
  if (Arg == "-Werror")
    return std::string();
  if (Arg == "-pedantic-errors" || Arg == "--pedantic-errors")
    return std::string("-pedantic");
  if (Arg == "-Werror-implicit-function-declaration")
    return std::string("-Wimplicit-function-declaration");
  if (Arg.consume_front("-Werror=") && !Arg.empty())
    return ("-W" + Arg).str();
  return std::nullopt;
}

/// One option and its values, as clang's driver splits the command.
struct Piece {
  unsigned ID = 0;
  /// The arguments it spans: "-include" "a.h", or "-Werror=shadow".
  std::vector<std::string> Strings;
  /// Its first value: "a.h"; "-include-pch" for "-Xclang -include-pch".
  std::string Value;

  bool isXclang(llvm::StringRef Cc1Option) const {
    return ID == opts::OPT_Xclang && Value == Cc1Option;
  }
};

/// The arguments after argv[0], split into options with their values.
std::vector<Piece> split(llvm::ArrayRef<std::string> Args) {
  std::vector<const char *> Argv;
  for (const std::string &Arg : Args)
    Argv.push_back(Arg.c_str());
  unsigned MissingIndex = 0, MissingCount = 0;
  llvm::opt::InputArgList List = compat::getDriverOptTable().ParseArgs(
      Argv, MissingIndex, MissingCount,
      llvm::opt::Visibility(opts::ClangOption));
  std::vector<Piece> Pieces;
  std::vector<unsigned> Starts;
  for (const llvm::opt::Arg *A : List) {
    Piece P;
    P.ID = A->getOption().getID();
    if (A->getNumValues() > 0)
      P.Value = A->getValue();
    Pieces.push_back(std::move(P));
    Starts.push_back(A->getIndex());
  }
  Starts.push_back(Args.size());
  for (size_t I = 0; I < Pieces.size(); ++I)
    for (unsigned J = Starts[I]; J < Starts[I + 1] && J < Args.size(); ++J)
      Pieces[I].Strings.push_back(Args[J]);
  return Pieces;
}

std::vector<std::string> cc1Include(llvm::StringRef Header) {
  return {"-Xclang", "-include", "-Xclang", Header.str()};
}

ChangeReason reasonFor(PchState State) {
  switch (State) {
  case PchState::Missing:
    return ChangeReason::PchMissing;
  case PchState::NotClang:
    return ChangeReason::PchNotClang;
  case PchState::OtherClang:
    return ChangeReason::PchOtherClang;
  case PchState::HidesProjectHeaders:
    return ChangeReason::PchHidesProjectHeaders;
  case PchState::OutOfDate:
  case PchState::Usable:
    break;
  }
  return ChangeReason::PchOutOfDate;
}

/// The headers of a wrapper such as CMake's cmake_pch.hxx: a comment, a
/// `#pragma clang system_header` (or GCC's), a language guard and includes,
/// nothing else. nullopt for any other text.
std::optional<std::vector<std::string>> wrapped(llvm::StringRef Text) {
  std::vector<std::string> Headers;
  bool SystemHeader = false;
  llvm::SmallVector<llvm::StringRef> Lines;
  Text.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    Line = Line.trim();
    if (Line.empty() || Line.starts_with("//") ||
        (Line.starts_with("/*") && Line.ends_with("*/")) ||
        Line == "#ifdef __cplusplus" || Line == "#ifndef __cplusplus" ||
        Line.starts_with("#endif"))
      continue;
    if (Line == "#pragma clang system_header" ||
        Line == "#pragma GCC system_header") {
      SystemHeader = true;
      continue;
    }
    if (!Line.consume_front("#include"))
      return std::nullopt;
    Line = Line.trim();
    const bool Quoted = Line.starts_with("\"") && Line.ends_with("\""),
               Angled = Line.starts_with("<") && Line.ends_with(">");
    if (Line.size() < 3 || (!Quoted && !Angled))
      return std::nullopt;
    Headers.push_back(Line.drop_front().drop_back().str());
  }
  if (!SystemHeader || Headers.empty())
    return std::nullopt;
  return Headers;
}

/// A wrapper like cmake_pch.hxx is a few lines: a bigger file is no wrapper.
constexpr size_t MaxWrapperSize = size_t{64} << 10;

/// Whether the command makes a precompiled header: clang's -emit-pch, or a
/// header language with a .gch or .pch output (gcc).
bool makesPch(const std::vector<Piece> &Pieces) {
  bool HeaderLanguage = false;
  llvm::StringRef Output;
  for (const Piece &P : Pieces) {
    if (P.isXclang("-emit-pch"))
      return true;
    if (P.ID == opts::OPT_x)
      HeaderLanguage = llvm::StringRef(P.Value).ends_with("-header");
    else if (P.ID == opts::OPT_o)
      Output = P.Value;
  }
  return HeaderLanguage &&
         (Output.ends_with(".gch") || Output.ends_with(".pch"));
}

/// What a PCH says of itself: its clang, what it was made from, and where
/// that compilation searched for system headers.
class PchListener : public compat::InputFileListener {
public:
  bool ReadFullVersionInformation(llvm::StringRef FullVersion) override {
    Version = FullVersion.str();
    return false;
  }
  bool ReadHeaderSearchPaths(const clang::HeaderSearchOptions &Options,
                             bool Complain) override {
    for (const auto &Entry : Options.UserEntries)
      if (Entry.Group != clang::frontend::Quoted &&
          Entry.Group != clang::frontend::Angled)
        SystemDirectories.push_back(normal(Entry.Path) + "/");
    return false;
  }
  void visitInput(llvm::StringRef Filename, bool IsSystem) override {
    Inputs.emplace_back(Filename.str(), IsSystem);
  }

  /// A header the PCH holds as a system header, though its directory is not
  /// one: a project header behind `#pragma system_header`.
  bool hidesProjectHeaders() const {
    return llvm::any_of(Inputs, [&](const auto &Input) {
      const auto &[File, IsSystem] = Input;
      const std::string Path = normal(File);
      return IsSystem &&
             llvm::none_of(SystemDirectories, [&](llvm::StringRef Dir) {
               return llvm::StringRef(Path).starts_with(Dir);
             });
    });
  }

  static std::string normal(llvm::StringRef Path) {
    llvm::SmallString<256> Result(Path);
    llvm::sys::path::remove_dots(Result, /*remove_dot_dot=*/true);
    return std::string(Result);
  }

  std::string Version;
  std::vector<std::pair<std::string, bool>> Inputs; ///< path, system
  std::vector<std::string> SystemDirectories;
};

} // namespace

PchState probePch(llvm::StringRef Path) {
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Path, Status) || !llvm::sys::fs::exists(Status))
    return PchState::Missing;
  if (llvm::sys::fs::is_directory(Status))
    return PchState::NotClang; // gcc's directory of .gch files
  auto Magic = llvm::MemoryBuffer::getFileSlice(Path, 4, 0);
  if (!Magic || (*Magic)->getBuffer() != "CPCH")
    return PchState::NotClang;
  PchListener Listener;
  const bool Failed = compat::readPchControlBlock(Path, Listener);
  if (Listener.Version != clang::getClangFullRepositoryVersion())
    return PchState::OtherClang;
  if (Failed)
    return PchState::OutOfDate;
  for (const auto &[Input, IsSystem] : Listener.Inputs) {
    llvm::sys::fs::file_status InputStatus;
    if (llvm::sys::fs::status(Input, InputStatus) ||
        InputStatus.getLastModificationTime() >
            Status.getLastModificationTime())
      return PchState::OutOfDate;
  }
  if (Listener.hidesProjectHeaders())
    return PchState::HidesProjectHeaders;
  return PchState::Usable;
}

/// One command being adapted.
struct CommandAdapter::Work {
  std::string Directory;
  std::vector<std::string> Out;
  std::vector<CommandChange> Changes;
  /// Headers the command includes as text, and those whose PCH it uses.
  llvm::StringSet<> Included, PchHeaders;
  /// Where each driver -include is in Out: if one moves to the front end
  /// (to keep the driver from reading a .gch beside it), all do, in order.
  std::vector<size_t> DriverIncludes;
  bool IncludesToFrontEnd = false;

  std::string absolute(llvm::StringRef Path) const {
    llvm::SmallString<256> Full(Path);
    if (!llvm::sys::path::is_absolute(Full))
      compat::makeAbsolute(Directory, Full);
    llvm::sys::path::remove_dots(Full, /*remove_dot_dot=*/true);
    return std::string(Full);
  }
  void change(ChangeReason Reason, const std::vector<std::string> &Removed,
              const std::vector<std::string> &Added) {
    Changes.push_back(
        {Reason, llvm::join(Removed, " "), llvm::join(Added, " ")});
    Out.insert(Out.end(), Added.begin(), Added.end());
  }
  void keep(const std::vector<std::string> &Arguments) {
    Out.insert(Out.end(), Arguments.begin(), Arguments.end());
  }
};

CommandAdapter::CommandAdapter(AdapterOptions Opts) : Options(std::move(Opts)) {
  if (!Options.ProbePch)
    Options.ProbePch = probePch;
  if (!Options.FS)
    Options.FS = llvm::vfs::getRealFileSystem();
}

PchState CommandAdapter::pchState(llvm::StringRef Path) {
  auto [It, New] = Pchs.try_emplace(Path, PchState::Missing);
  if (New) {
    It->second = Options.ProbePch(Path);
    if (It->second == PchState::HidesProjectHeaders &&
        Options.UsePchHidingFindings)
      It->second = PchState::Usable;
  }
  return It->second;
}

bool CommandAdapter::exists(llvm::StringRef Path) const {
  return Options.FS->exists(Path);
}

const std::optional<std::vector<std::string>> &
CommandAdapter::wrappedHeaders(llvm::StringRef Path,
                               llvm::StringRef Directory) {
  auto [It, New] = Wrappers.try_emplace(Path);
  if (!New)
    return It->second;
  auto Buffer = Options.FS->getBufferForFile(Path);
  if (Buffer && (*Buffer)->getBufferSize() < MaxWrapperSize)
    It->second = wrapped((*Buffer)->getBuffer());
  // -include looks in the working directory first: a file there named like
  // an angled header would be taken instead.
  if (It->second)
    for (const std::string &Header : *It->second) {
      llvm::SmallString<256> Local(Directory);
      llvm::sys::path::append(Local, Header);
      if (!llvm::sys::path::is_absolute(Header) && exists(Local))
        It->second.reset();
    }
  return It->second;
}

std::vector<std::string> CommandAdapter::includeAsText(llvm::StringRef Header,
                                                       Work &W) {
  const auto &Headers = wrappedHeaders(W.absolute(Header), W.Directory);
  if (!Headers)
    return cc1Include(Header);
  std::vector<std::string> Arguments;
  for (const std::string &Wrapped : *Headers) {
    std::vector<std::string> One = cc1Include(Wrapped);
    Arguments.insert(Arguments.end(), One.begin(), One.end());
  }
  return Arguments;
}

void CommandAdapter::adaptPch(llvm::StringRef Pch,
                              const std::vector<std::string> &Arguments,
                              Work &W) {
  llvm::StringRef Header = Pch;
  if (!Header.consume_back(".pch"))
    Header.consume_back(".gch");
  if (W.PchHeaders.contains(W.absolute(Header)))
    return W.keep(Arguments);
  const ChangeReason Reason =
      Options.UsePch ? reasonFor(pchState(W.absolute(Pch))) : Options.WhyNoPch;
  // CMake includes the header next: it is read as text there.
  if (Header == Pch || W.Included.contains(W.absolute(Header)) ||
      !exists(W.absolute(Header)))
    return W.change(Reason, Arguments, {});
  W.change(Reason, Arguments, includeAsText(Header, W));
}

void CommandAdapter::adaptInclude(llvm::StringRef Header,
                                  std::vector<std::string> Arguments,
                                  bool Driver, Work &W) {
  const std::string Path = W.absolute(Header);
  if (W.PchHeaders.contains(Path))
    return W.keep(Arguments);
  if (Driver) {
    // The driver looks for Header.pch, then Header.gch, and would read them.
    std::optional<ChangeReason> Beside;
    if (exists(Path + ".pch")) {
      const PchState State = pchState(Path + ".pch");
      if (Options.UsePch && State == PchState::Usable) {
        W.DriverIncludes.push_back(W.Out.size());
        return W.keep(Arguments);
      }
      Beside = Options.UsePch ? reasonFor(State) : Options.WhyNoPch;
    } else if (exists(Path + ".gch")) {
      Beside = ChangeReason::PchNotClang;
    }
    if (Beside) {
      W.IncludesToFrontEnd = true;
      W.Changes.push_back({*Beside, llvm::join(Arguments, " "),
                           llvm::join(cc1Include(Header), " ")});
      Arguments = cc1Include(Header);
    } else if (!wrappedHeaders(Path, W.Directory)) {
      W.DriverIncludes.push_back(W.Out.size());
      return W.keep(Arguments);
    }
  }
  if (!wrappedHeaders(Path, W.Directory))
    return W.keep(Arguments);
  W.IncludesToFrontEnd |= Driver;
  W.change(ChangeReason::SystemHeaderWrapper, Arguments,
           includeAsText(Header, W));
}

void CommandAdapter::adaptOption(const std::vector<std::string> &Arguments,
                                 unsigned ID, Work &W) {
  const llvm::StringRef First = Arguments.front();
  if (std::optional<std::string> Quieter = withoutErrors(First);
      Quieter && Arguments.size() == 1)
    return W.change(ChangeReason::WarningAsError, Arguments,
                    Quieter->empty() ? std::vector<std::string>()
                                     : std::vector<std::string>{*Quieter});
  if (listed(First, FileWriters))
    return W.change(ChangeReason::WritesFiles, Arguments, {});
  if (listed(First, RejectedGccOptions) || isOtherCharset(First))
    return W.change(ChangeReason::GccOnly, Arguments, {});
  const bool Unsupported =
      ID != opts::OPT_UNKNOWN && ID != opts::OPT_INPUT &&
      compat::getDriverOptTable().getOption(ID).hasFlag(opts::Unsupported);
  if (ID == opts::OPT_UNKNOWN || Unsupported)
    return W.change(listed(First, GccOnlyNames) ? ChangeReason::GccOnly
                                                : ChangeReason::UnknownToClang,
                    Arguments, {});
  W.keep(Arguments);
}

AdaptedCommand CommandAdapter::adapt(llvm::ArrayRef<std::string> Arguments,
                                     llvm::StringRef Directory) {
  AdaptedCommand Result;
  Result.Arguments = Arguments.vec();
  // MSVC's options and its /Yu precompiled headers are left as they are.
  if (Arguments.empty() ||
      llvm::is_contained(Arguments, std::string("--driver-mode=cl")))
    return Result;
  const std::vector<Piece> Pieces = split(Arguments.drop_front());
  Result.MakesPch = makesPch(Pieces);
  if (Result.MakesPch)
    return Result;
  auto Cc1Value = [&](size_t I) -> std::optional<std::string> {
    if (I + 1 < Pieces.size() && Pieces[I + 1].ID == opts::OPT_Xclang)
      return Pieces[I + 1].Value;
    return std::nullopt;
  };

  // What the command includes, and which PCHs it can use.
  Work W;
  W.Directory = Directory.str();
  for (size_t I = 0; I < Pieces.size(); ++I) {
    const Piece &P = Pieces[I];
    std::optional<std::string> Pch;
    if (P.ID == opts::OPT_include)
      W.Included.insert(W.absolute(P.Value));
    else if (std::optional<std::string> Next = Cc1Value(I);
             Next && P.isXclang("-include"))
      W.Included.insert(W.absolute(*Next));
    else if (P.ID == opts::OPT_include_pch)
      Pch = P.Value;
    else if (P.isXclang("-include-pch"))
      Pch = Cc1Value(I);
    if (!Pch || !Options.UsePch)
      continue;
    llvm::StringRef Header = *Pch;
    if (Header.consume_back(".pch") &&
        pchState(W.absolute(*Pch)) == PchState::Usable)
      W.PchHeaders.insert(W.absolute(Header));
  }

  W.Out.push_back(Arguments.front());
  for (size_t I = 0; I < Pieces.size(); ++I) {
    const Piece &P = Pieces[I];
    if (P.ID == opts::OPT_include_pch) {
      adaptPch(P.Value, P.Strings, W);
    } else if (P.ID == opts::OPT_include) {
      adaptInclude(P.Value, P.Strings, /*Driver=*/true, W);
    } else if (std::optional<std::string> Next = Cc1Value(I);
               Next && (P.isXclang("-include-pch") || P.isXclang("-include"))) {
      std::vector<std::string> Both = P.Strings;
      Both.insert(Both.end(), Pieces[I + 1].Strings.begin(),
                  Pieces[I + 1].Strings.end());
      if (P.isXclang("-include-pch"))
        adaptPch(*Next, Both, W);
      else
        adaptInclude(*Next, Both, /*Driver=*/false, W);
      ++I;
    } else {
      adaptOption(P.Strings, P.ID, W);
    }
  }
  if (W.IncludesToFrontEnd)
    for (size_t Slot : llvm::reverse(W.DriverIncludes)) {
      // From the last, so that the earlier slots stay where they are.
      const auto At = std::next(W.Out.begin(), static_cast<ptrdiff_t>(Slot));
      const std::string Header = *std::next(At);
      std::vector<std::string> Cc1 = cc1Include(Header);
      W.Out.insert(W.Out.erase(At, std::next(At, 2)), Cc1.begin(), Cc1.end());
    }
  Result.Arguments = std::move(W.Out);
  Result.Changes = std::move(W.Changes);
  return Result;
}

} // namespace structify
