//===--- Cache.cpp - results cache, one entry per translation unit --------===//

#include "units/Cache.h"
#include "report/DiagnosticJson.h"
#include "support/Paths.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace structify {

namespace {

constexpr int EntryVersion = 2;

void appendField(std::string &Data, llvm::StringRef Field) {
  Data += std::to_string(Field.size());
  Data += ':';
  Data += Field;
}

} // namespace

std::string toolIdentity(const char *Argv0) {
  static int Anchor;
  std::string Data;
  appendField(Data, STRUCTIFY_VERSION);
  appendField(Data, LLVM_VERSION_STRING);
  std::string Exe = llvm::sys::fs::getMainExecutable(Argv0, &Anchor);
  if (auto Buffer =
          llvm::MemoryBuffer::getFile(Exe, /*IsText=*/false,
                                      /*RequiresNullTerminator=*/false))
    appendField(Data, hashText((*Buffer)->getBuffer()));
  else
    appendField(Data, Exe);
  return hashText({Data});
}

std::string Cache::key(const TranslationUnit &Unit,
                       llvm::StringRef Config) const {
  std::string Data;
  appendField(Data, ToolIdentity);
  appendField(Data, Unit.File);
  appendField(Data, Unit.Command.Directory);
  for (const std::string &Arg : Unit.Command.CommandLine)
    appendField(Data, Arg);
  appendField(Data, Config);
  return hashText({Data});
}

std::string Cache::entryPath(llvm::StringRef Key) const {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, Key.take_front(2), Key.drop_front(2) + ".json");
  return std::string(Path);
}

std::string Cache::contentHash(llvm::StringRef File) {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Hashes.find(File);
    if (It != Hashes.end())
      return It->second;
  }
  std::string Hash;
  if (auto Buffer =
          llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                      /*RequiresNullTerminator=*/false))
    Hash = hashText((*Buffer)->getBuffer());
  std::lock_guard<std::mutex> Guard(Lock);
  Hashes[File] = Hash;
  return Hash;
}

std::optional<llvm::json::Value> Cache::readEntry(llvm::StringRef Key) const {
  auto Text = llvm::MemoryBuffer::getFile(entryPath(Key));
  if (!Text)
    return std::nullopt;
  llvm::Expected<llvm::json::Value> Entry =
      llvm::json::parse((*Text)->getBuffer());
  if (!Entry) {
    llvm::consumeError(Entry.takeError());
    return std::nullopt;
  }
  const llvm::json::Object *Root = Entry->getAsObject();
  if (!Root || !Root->getObject("files") || !Root->getArray("diagnostics") ||
      Root->getInteger("version") != EntryVersion)
    return std::nullopt;
  return std::move(*Entry);
}

std::optional<std::vector<std::string>>
Cache::recordedFiles(llvm::StringRef Key,
                     llvm::function_ref<bool(llvm::StringRef)> MayHaveChanged) {
  std::optional<llvm::json::Value> Entry = readEntry(Key);
  if (!Entry)
    return std::nullopt;
  std::vector<std::string> Files;
  for (const auto &[File, Hash] : *Entry->getAsObject()->getObject("files")) {
    std::optional<llvm::StringRef> Recorded = Hash.getAsString();
    if (!Recorded || (!MayHaveChanged(File) && contentHash(File) != *Recorded))
      return std::nullopt;
    Files.push_back(File.str());
  }
  return Files;
}

std::optional<UnitResult> Cache::lookup(llvm::StringRef Key) {
  std::optional<llvm::json::Value> Entry = readEntry(Key);
  if (!Entry)
    return std::nullopt;
  const llvm::json::Object *Files = Entry->getAsObject()->getObject("files");
  const llvm::json::Array *Diags =
      Entry->getAsObject()->getArray("diagnostics");
  UnitResult Result;
  Result.Cached = true;
  for (const auto &[File, Hash] : *Files) {
    std::optional<llvm::StringRef> Recorded = Hash.getAsString();
    if (!Recorded || contentHash(File) != *Recorded)
      return std::nullopt;
    Result.FilesRead.push_back(File.str());
  }
  for (const llvm::json::Value &D : *Diags) {
    clang::tooling::Diagnostic Diag;
    llvm::json::Path::Root P;
    if (!fromJSON(D, Diag, P))
      return std::nullopt;
    Result.Diagnostics.push_back(std::move(Diag));
  }
  if (const llvm::json::Value *Records = Entry->getAsObject()->get("records"))
    Result.Records = *Records;
  return Result;
}

void Cache::store(llvm::StringRef Key, const UnitResult &Result) {
  if (Result.Status != UnitResult::Outcome::Analysed || Result.Cached)
    return;
  llvm::json::Object Files;
  for (const std::string &File : Result.FilesRead) {
    std::string Hash = contentHash(File);
    if (Hash.empty())
      return; // a file that vanished: nothing to check the entry against
    Files[File] = Hash;
  }
  llvm::json::Array Diags;
  for (const clang::tooling::Diagnostic &D : Result.Diagnostics)
    Diags.push_back(toJSON(D));
  std::string Path = entryPath(Key);
  if (llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path)))
    return;
  // Written aside and renamed: concurrent runs sharing the cache see whole
  // entries or none. An entry that cannot be written is skipped.
  llvm::json::Object Entry{{"version", EntryVersion},
                           {"files", std::move(Files)},
                           {"diagnostics", std::move(Diags)}};
  if (Result.Records)
    Entry["records"] = *Result.Records;
  llvm::consumeError(llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
    OS << llvm::json::Value(std::move(Entry));
    return llvm::Error::success();
  }));
}

} // namespace structify
