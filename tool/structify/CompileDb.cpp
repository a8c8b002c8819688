//===--- CompileDb.cpp - the compile database and the units to check ------===//

#include "CompileDb.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

namespace structify {
using clang::tooling::CompilationDatabase;
using clang::tooling::JSONCommandLineSyntax;
using clang::tooling::JSONCompilationDatabase;

namespace {

llvm::Error fail(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

std::string firstLine(llvm::StringRef Text) {
  auto [First, Rest] = Text.trim().split('\n');
  return First.trim().str();
}

std::string absolutePath(llvm::StringRef Path) {
  llvm::SmallString<256> Result(Path);
  [[maybe_unused]] std::error_code NoCwd = llvm::sys::fs::make_absolute(Result);
  llvm::sys::path::remove_dots(Result, /*remove_dot_dot=*/true);
  return std::string(Result);
}

/// Whether Text is meant as a path rather than a pattern.
bool looksLikePath(llvm::StringRef Text) {
  return Text.find_first_of("*+?()[]{}|^$\\") == llvm::StringRef::npos;
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
          Shard Part) {
  llvm::SmallString<256> DbPath(BuildDir);
  llvm::sys::path::append(DbPath, "compile_commands.json");
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
    return fail(DbPath + ": no compile database; " + Hint);
  }
  std::string Message;
  std::unique_ptr<CompilationDatabase> Db =
      JSONCompilationDatabase::loadFromFile(DbPath, Message,
                                            JSONCommandLineSyntax::AutoDetect);
  if (!Db)
    return fail(DbPath + ": malformed compile database: " + firstLine(Message));
  Db = clang::tooling::inferTargetAndDriverMode(
      clang::tooling::expandResponseFiles(std::move(Db),
                                          llvm::vfs::getRealFileSystem()));

  std::vector<std::string> Files = Db->getAllFiles();
  if (Files.empty())
    return fail(DbPath + ": the compile database lists no file");
  for (std::string &File : Files)
    File = absolutePath(File);
  llvm::sort(Files);
  Files.erase(llvm::unique(Files), Files.end());

  // Pick the files the selectors name.
  std::vector<bool> Picked(Files.size(), Selectors.empty());
  for (const std::string &Selector : Selectors) {
    bool Any = false;
    if (llvm::sys::fs::is_regular_file(Selector)) {
      std::string Path = absolutePath(Selector);
      for (size_t I = 0; I < Files.size(); ++I)
        if (Files[I] == Path)
          Picked[I] = Any = true;
      if (!Any)
        return fail(Selector + ": not in the compile database " + DbPath);
      continue;
    }
    llvm::Regex Pattern(Selector);
    std::string Error;
    if (!Pattern.isValid(Error))
      return fail(llvm::Twine(Selector) +
                  ": not a file, nor a valid regular expression: " + Error);
    for (size_t I = 0; I < Files.size(); ++I)
      if (Pattern.match(Files[I]))
        Picked[I] = Any = true;
    if (!Any)
      return fail(Selector + (looksLikePath(Selector)
                                  ? ": no such file"
                                  : ": matches no file in the compile "
                                    "database " +
                                        DbPath.str().str()));
  }

  std::vector<TranslationUnit> Units;
  size_t Ordinal = 0;
  for (size_t I = 0; I < Files.size(); ++I) {
    if (!Picked[I] || Ordinal++ % Part.Count != Part.Index - 1)
      continue;
    if (!llvm::sys::fs::exists(Files[I]))
      return fail(Files[I] + ": no such file (listed in " + DbPath + ")");
    std::vector<clang::tooling::CompileCommand> Commands =
        Db->getCompileCommands(Files[I]);
    if (Commands.empty())
      return fail(Files[I] + ": no compile command in " + DbPath);
    Units.push_back({Files[I], std::move(Commands.front())});
  }
  return Units;
}

} // namespace structify
