//===--- CompileDb.cpp - the compile database and the units to check ------===//

#include "database/CompileDb.h"
#include "support/DriverCompat.h"
#include "support/Paths.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include <map>
#include <set>

namespace structify {
using clang::tooling::CompilationDatabase;
using clang::tooling::CompileCommand;
using clang::tooling::JSONCommandLineSyntax;
using clang::tooling::JSONCompilationDatabase;

namespace {

/// What is wrong with one entry of a compile database, or "".
std::string entryProblem(const llvm::json::Value &Entry) {
  const llvm::json::Object *O = Entry.getAsObject();
  if (!O)
    return "is not an object";
  for (const auto &[Key, Value] : *O) {
    const bool IsString = Value.getAsString().has_value();
    if (Key == "directory" || Key == "file" || Key == "command" ||
        Key == "output") {
      if (!IsString)
        return "\"" + Key.str() + "\" is not a string";
    } else if (Key == "arguments") {
      const llvm::json::Array *Args = Value.getAsArray();
      if (!Args || llvm::any_of(*Args, [](const llvm::json::Value &Arg) {
            return !Arg.getAsString();
          }))
        return "\"arguments\" is not a list of strings";
    } else {
      return "unknown key \"" + Key.str() + "\"";
    }
  }
  for (llvm::StringRef Key : {"directory", "file"})
    if (!O->get(Key))
      return ("no \"" + Key + "\"").str();
  if (!O->get("command") && !O->get("arguments"))
    return "neither \"command\" nor \"arguments\"";
  return "";
}

/// Whether Text parses as YAML, the language JSONCompilationDatabase reads
/// (a superset of JSON: it takes a trailing comma), without the parser's
/// messages on stderr.
bool isYaml(llvm::StringRef Text) {
  llvm::SourceMgr Sources;
  Sources.setDiagHandler([](const llvm::SMDiagnostic &, void *) {});
  llvm::yaml::Stream Stream(Text, Sources);
  for (llvm::yaml::Document &Document : Stream)
    Document.skip();
  return !Stream.failed();
}

/// "PATH: malformed compile database: line 3, column 15: expected , or ]",
/// from the JSON parser's "[3:14, byte=52]: Expected , or ]".
std::string syntaxError(llvm::StringRef Path, llvm::Error E) {
  std::string Message = llvm::toString(std::move(E));
  auto [Where, Problem] = llvm::StringRef(Message).split("]: ");
  auto [LineColumn, Byte] = Where.drop_front().split(", ");
  auto [Line, Column] = LineColumn.split(':');
  unsigned ZeroBasedColumn = 0;
  std::string Text = Problem.str();
  if (Text.empty() || !Where.starts_with("[") ||
      Column.getAsInteger(10, ZeroBasedColumn))
    return (Path + ": malformed compile database: " + Message).str();
  Text[0] = llvm::toLower(Text[0]);
  return (Path + ": malformed compile database: line " + Line + ", column " +
          llvm::Twine(ZeroBasedColumn + 1) + ": " + Text)
      .str();
}

/// Checks the database at Path before JSONCompilationDatabase reads it, for
/// one line that says what is wrong: where its syntax breaks, or which entry
/// is wrong and how (the YAML parser prints several lines, and names a key
/// it missed rather than the one that broke).
llvm::Error checkDatabase(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return makeError(Path + ": cannot read: " + Buffer.getError().message());
  llvm::StringRef Text = (*Buffer)->getBuffer();
  llvm::Expected<llvm::json::Value> Db = llvm::json::parse(Text);
  if (!Db) {
    std::string Problem = syntaxError(Path, Db.takeError());
    if (isYaml(Text))
      return llvm::Error::success();
    return makeError(Problem);
  }
  const llvm::json::Array *Entries = Db->getAsArray();
  if (!Entries)
    return makeError(Path +
                     ": malformed compile database: not a list of entries");
  for (size_t I = 0; I < Entries->size(); ++I) {
    std::string Problem = entryProblem((*Entries)[I]);
    if (Problem.empty())
      continue;
    std::string Entry = "entry " + std::to_string(I + 1);
    if (const llvm::json::Object *O = (*Entries)[I].getAsObject())
      if (std::optional<llvm::StringRef> File = O->getString("file"))
        Entry += " (" + File->str() + ")";
    return makeError(Path + ": malformed compile database: " + Entry + ": " +
                     Problem);
  }
  return llvm::Error::success();
}

/// Whether Text is meant as a path rather than a pattern.
bool looksLikePath(llvm::StringRef Text) {
  return Text.find_first_of("*+?()[]{}|^$\\") == llvm::StringRef::npos;
}

/// What makes two commands of one file differ, beyond where they write.
std::vector<std::string> configuration(const CompileCommand &Command) {
  using namespace clang::tooling;
  std::vector<std::string> Key = combineAdjusters(
      getClangStripOutputAdjuster(), getClangStripDependencyFileAdjuster())(
      Command.CommandLine, Command.Filename);
  Key.push_back(Command.Directory);
  return Key;
}

/// The compile database at \p DbPath (in \p BuildDir, -p), checked, with
/// its response files expanded and each command's target and driver mode.
llvm::Expected<std::unique_ptr<CompilationDatabase>>
openDatabase(llvm::StringRef BuildDir, llvm::StringRef DbPath) {
  if (!llvm::sys::fs::exists(DbPath)) {
    // -p is the current directory when it is not given: suggest it then.
    bool Here = llvm::sys::path::remove_leading_dotslash(BuildDir).empty() ||
                BuildDir == ".";
    std::string Hint =
        Here ? "pass -p BUILD_DIR, the build directory configured with "
               "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"
             : "configure " + BuildDir.str() +
                   " with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or point -p at "
                   "the build directory that has one";
    return makeError(DbPath + ": no compile database; " + Hint);
  }
  if (llvm::Error E = checkDatabase(DbPath))
    return std::move(E);
  std::string Message;
  std::unique_ptr<CompilationDatabase> Db =
      JSONCompilationDatabase::loadFromFile(DbPath, Message,
                                            JSONCommandLineSyntax::AutoDetect);
  if (!Db)
    return makeError(DbPath +
                     ": malformed compile database: " + firstLine(Message));
  return clang::tooling::inferTargetAndDriverMode(
      clang::tooling::expandResponseFiles(std::move(Db),
                                          llvm::vfs::getRealFileSystem()));
}

/// Which of \p Files (the database's, at \p DbPath) the selectors name: a
/// file, or a regular expression; every file without any.
llvm::Expected<std::vector<bool>>
pickFiles(const std::vector<std::string> &Files,
          llvm::ArrayRef<std::string> Selectors, llvm::StringRef DbPath) {
  std::vector<bool> Picked(Files.size(), Selectors.empty());
  for (const std::string &Selector : Selectors) {
    bool Any = false;
    if (llvm::sys::fs::is_regular_file(Selector)) {
      std::string Path = absolutePath(Selector);
      for (size_t I = 0; I < Files.size(); ++I)
        if (Files[I] == Path)
          Picked[I] = Any = true;
      if (!Any)
        return makeError(Selector + ": not in the compile database " + DbPath);
      continue;
    }
    llvm::Regex Pattern(Selector);
    std::string Error;
    if (!Pattern.isValid(Error))
      return makeError(
          llvm::Twine(Selector) +
          ": not a file, nor a valid regular expression: " + Error);
    for (size_t I = 0; I < Files.size(); ++I)
      if (Pattern.match(Files[I]))
        Picked[I] = Any = true;
    if (!Any)
      return makeError(Selector + (looksLikePath(Selector)
                                       ? ": no such file"
                                       : ": matches no file in the compile "
                                         "database " +
                                             DbPath.str()));
  }
  return Picked;
}

} // namespace

std::optional<Shard> parseShard(llvm::StringRef Text) {
  auto [IndexText, CountText] = Text.split('/');
  Shard Part;
  if (IndexText.getAsInteger(10, Part.Index) ||
      CountText.getAsInteger(10, Part.Count) || Part.Index < 1 ||
      Part.Index > Part.Count)
    return std::nullopt;
  return Part;
}

llvm::Expected<std::vector<TranslationUnit>>
loadUnits(llvm::StringRef BuildDir, llvm::ArrayRef<std::string> Selectors,
          Shard Part, const AdapterOptions &Adapt, ChangeSummary *Changes) {
  llvm::SmallString<256> DbPath(BuildDir);
  llvm::sys::path::append(DbPath, "compile_commands.json");
  auto Db = openDatabase(BuildDir, DbPath);
  if (!Db)
    return Db.takeError();

  // The commands of each file, by absolute path. (Asked for one file's
  // commands, the database cannot match a relative "directory", which is
  // relative to the working directory.)
  std::map<std::string, std::vector<CompileCommand>> Commands;
  for (CompileCommand &Command : (*Db)->getAllCompileCommands()) {
    llvm::SmallString<256> File(Command.Filename);
    if (llvm::sys::path::is_relative(File))
      compat::makeAbsolute(Command.Directory, File);
    Commands[absolutePath(File)].push_back(std::move(Command));
  }
  if (Commands.empty())
    return makeError(DbPath + ": the compile database lists no file");
  std::vector<std::string> Files;
  Files.reserve(Commands.size());
  for (const auto &[File, Unused] : Commands)
    Files.push_back(File);
  auto Picked = pickFiles(Files, Selectors, DbPath);
  if (!Picked)
    return Picked.takeError();

  std::vector<TranslationUnit> Units;
  CommandAdapter Adapter(Adapt);
  size_t Ordinal = 0;
  for (size_t I = 0; I < Files.size(); ++I) {
    if (!(*Picked)[I] || Ordinal++ % Part.Count != Part.Index - 1)
      continue;
    if (!llvm::sys::fs::exists(Files[I]))
      return makeError(Files[I] + ": no such file (listed in " + DbPath + ")");
    // A file built more than once (a static and a shared library): once per
    // distinct configuration.
    std::set<std::vector<std::string>> Configurations;
    for (CompileCommand &Command : Commands[Files[I]]) {
      AdaptedCommand Adapted =
          Adapter.adapt(Command.CommandLine, Command.Directory);
      Command.CommandLine = Adapted.Arguments;
      if (!Adapted.MakesPch) {
        auto [It, New] = Configurations.insert(configuration(Command));
        if (!New)
          continue;
      }
      if (Changes)
        Changes->add(Adapted);
      if (!Adapted.MakesPch)
        Units.push_back(
            {Files[I], std::move(Command), std::move(Adapted.Changes)});
    }
  }
  return Units;
}

} // namespace structify
