//===--- Paths.cpp - files, paths and places in them ----------------------===//

#include "support/Paths.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

namespace structify {

std::string canonicalPath(llvm::StringRef Path, llvm::StringRef Base) {
  if (Path.empty())
    return {};
  llvm::SmallString<256> Absolute;
  if (llvm::sys::path::is_absolute(Path) || Base.empty()) {
    Absolute = Path;
    [[maybe_unused]] std::error_code NoCwd =
        llvm::sys::fs::make_absolute(Absolute);
  } else {
    llvm::sys::path::append(Absolute, Base, Path);
  }
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Absolute, Real))
    return std::string(Real);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  return std::string(Absolute);
}

bool isUnder(llvm::StringRef Path, llvm::StringRef Dir) {
  if (Dir.empty())
    return false;
  Dir = Dir.rtrim('/');
  return Path == Dir || (Path.starts_with(Dir) && Path.size() > Dir.size() &&
                         Path[Dir.size()] == '/');
}

llvm::Error makeError(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

llvm::StringRef firstLine(llvm::StringRef Text) {
  auto [First, Rest] = Text.trim().split('\n');
  return First.trim();
}

std::string hashText(llvm::ArrayRef<llvm::StringRef> Parts) {
  std::string Data;
  for (llvm::StringRef Part : Parts)
    Data.append(Part.data(), Part.size()).push_back('\0');
  const llvm::XXH128_hash_t H =
      llvm::xxh3_128bits(llvm::arrayRefFromStringRef(Data));
  std::string Hex;
  llvm::raw_string_ostream(Hex) << llvm::format_hex_no_prefix(H.high64, 16)
                                << llvm::format_hex_no_prefix(H.low64, 16);
  return Hex;
}

std::optional<clang::CharSourceRange> rangeIn(clang::SourceManager &SM,
                                              llvm::StringRef File,
                                              unsigned Offset,
                                              unsigned Length) {
  if (File.empty())
    return std::nullopt;
  auto Entry = SM.getFileManager().getOptionalFileRef(File);
  if (!Entry)
    return std::nullopt;
  const clang::FileID ID = SM.getOrCreateFileID(*Entry, clang::SrcMgr::C_User);
  if (Offset + Length > SM.getFileIDSize(ID))
    return std::nullopt;
  const clang::SourceLocation Begin =
      SM.getLocForStartOfFile(ID).getLocWithOffset(
          static_cast<clang::SourceLocation::IntTy>(Offset));
  return clang::CharSourceRange::getCharRange(
      Begin, Begin.getLocWithOffset(
                 static_cast<clang::SourceLocation::IntTy>(Length)));
}

std::string absolutePath(llvm::StringRef Path) {
  llvm::SmallString<256> Result(Path);
  [[maybe_unused]] const std::error_code NoCwd =
      llvm::sys::fs::make_absolute(Result);
  llvm::sys::path::remove_dots(Result, /*remove_dot_dot=*/true);
  return std::string(Result);
}

bool inSystemHeader(const clang::Decl *D, const clang::SourceManager &SM) {
  return D && !llvm::isa<clang::TranslationUnitDecl>(D) &&
         D->getLocation().isValid() &&
         SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation()));
}

std::string canonicalFileName(clang::FileEntryRef File,
                              clang::FileManager &Files) {
  const llvm::StringRef Real = File.getFileEntry().tryGetRealPathName();
  if (!Real.empty())
    return canonicalPath(Real);
  llvm::SmallString<256> Path(File.getName());
  Files.makeAbsolutePath(Path);
  return canonicalPath(Path);
}

std::string canonicalFileOf(clang::SourceLocation Loc,
                            const clang::SourceManager &SM) {
  Loc = SM.getFileLoc(Loc);
  const clang::OptionalFileEntryRef File =
      SM.getFileEntryRefForID(SM.getFileID(Loc));
  if (!File)
    return {};
  return canonicalFileName(*File, SM.getFileManager());
}

std::string describeLocation(clang::SourceLocation Loc,
                             const clang::SourceManager &SM, bool Column) {
  Loc = SM.getFileLoc(Loc);
  const std::string File = canonicalFileOf(Loc, SM);
  if (File.empty())
    return "<unknown>";
  std::string Text = File + ":" + std::to_string(SM.getSpellingLineNumber(Loc));
  if (Column)
    Text += ":" + std::to_string(SM.getSpellingColumnNumber(Loc));
  return Text;
}

std::string relativeTo(llvm::StringRef Path, llvm::StringRef Root) {
  if (!isUnder(Path, Root) || Path.size() == Root.rtrim('/').size())
    return Path.str();
  return Path.drop_front(Root.rtrim('/').size() + 1).str();
}

SourceText::Text *SourceText::get(llvm::StringRef File) {
  auto [It, Inserted] = Files.try_emplace(File);
  if (Inserted) {
    auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    if (Buffer) {
      Text T;
      T.Buffer = std::move(*Buffer);
      llvm::StringRef Data = T.Buffer->getBuffer();
      T.LineStarts.push_back(0);
      for (size_t I = 0; I < Data.size(); ++I)
        if (Data[I] == '\n')
          T.LineStarts.push_back(I + 1);
      It->second = std::move(T);
    }
  }
  return It->second ? &*It->second : nullptr;
}

std::optional<SourceText::Position> SourceText::locate(llvm::StringRef File,
                                                       unsigned Offset) {
  Text *T = get(File);
  if (!T || Offset > T->Buffer->getBufferSize())
    return std::nullopt;
  auto Next = llvm::upper_bound(T->LineStarts, Offset);
  unsigned Line = Next - T->LineStarts.begin();
  return Position{Line, Offset - *(Next - 1) + 1};
}

llvm::StringRef SourceText::line(llvm::StringRef File, unsigned Line) {
  Text *T = get(File);
  if (!T || Line == 0 || Line > T->LineStarts.size())
    return {};
  llvm::StringRef Data = T->Buffer->getBuffer();
  unsigned Begin = T->LineStarts[Line - 1];
  unsigned End =
      Line < T->LineStarts.size() ? T->LineStarts[Line] : Data.size();
  return Data.slice(Begin, End).rtrim("\r\n");
}

std::string SourceText::describe(llvm::StringRef File, unsigned Offset,
                                 bool Column) {
  const std::optional<Position> P = locate(File, Offset);
  if (!P)
    return File.str();
  std::string Text = File.str() + ":" + std::to_string(P->Line);
  if (Column)
    Text += ":" + std::to_string(P->Column);
  return Text;
}

std::optional<llvm::StringRef> SourceText::text(llvm::StringRef File) {
  if (Text *T = get(File))
    return T->Buffer->getBuffer();
  return std::nullopt;
}

} // namespace structify
