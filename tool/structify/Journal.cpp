//===--- Journal.cpp - every file as it was, or every file as planned ------===//

#include "Journal.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace structify {

llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Content) {
  // A temporary file beside the target, renamed over it.
  return llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
    OS << Content;
    return llvm::Error::success();
  });
}

std::string Journal::manifestPath() const {
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, "journal.json");
  return std::string(Path);
}

llvm::Expected<unsigned> Journal::recover() {
  const std::string Manifest = manifestPath();
  if (!llvm::sys::fs::exists(Manifest)) {
    // A journal whose manifest was never written recorded nothing: no file
    // was touched yet.
    if (llvm::Error E = commit())
      return std::move(E);
    return 0;
  }
  auto Buffer = llvm::MemoryBuffer::getFile(Manifest);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(),
                                   "%s: cannot read the journal of an "
                                   "interrupted run: %s",
                                   Manifest.c_str(),
                                   Buffer.getError().message().c_str());
  auto Parsed = llvm::json::parse((*Buffer)->getBuffer());
  const llvm::json::Array *Files =
      Parsed && Parsed->getAsObject() ? Parsed->getAsObject()->getArray("files")
                                      : nullptr;
  if (!Files) {
    llvm::consumeError(Parsed.takeError());
    return llvm::createStringError(std::errc::invalid_argument,
                                   "%s: malformed journal of an interrupted "
                                   "run; restore the files from version "
                                   "control and delete it",
                                   Manifest.c_str());
  }
  unsigned Restored = 0;
  for (const llvm::json::Value &Entry : *Files) {
    const llvm::json::Object *O = Entry.getAsObject();
    std::optional<llvm::StringRef> Path = O ? O->getString("path") : std::nullopt;
    std::optional<llvm::StringRef> Backup = O ? O->getString("backup") : std::nullopt;
    if (!Path || !Backup)
      continue;
    auto Old = llvm::MemoryBuffer::getFile(*Backup);
    if (!Old)
      return llvm::createStringError(Old.getError(),
                                     "%s: the journal's copy of %s is missing",
                                     Backup->str().c_str(), Path->str().c_str());
    if (llvm::Error E = writeFileAtomically(*Path, (*Old)->getBuffer()))
      return E;
    ++Restored;
  }
  if (llvm::Error E = commit())
    return std::move(E);
  return Restored;
}

llvm::Error Journal::write(const std::map<std::string, std::string> &NewContents) {
  if (std::error_code EC = llvm::sys::fs::create_directories(Directory))
    return llvm::createStringError(EC, "%s: cannot create the journal: %s",
                                   Directory.c_str(), EC.message().c_str());
  // First the old contents, then the manifest that lists them: a manifest on
  // disk means every copy it names is complete.
  llvm::json::Array Files;
  unsigned N = 0;
  for (const auto &[Path, Content] : NewContents) {
    auto Old = llvm::MemoryBuffer::getFile(Path);
    if (!Old)
      return llvm::createStringError(Old.getError(), "%s: cannot read: %s",
                                     Path.c_str(), Old.getError().message().c_str());
    llvm::SmallString<256> Backup(Directory);
    llvm::sys::path::append(Backup, std::to_string(N++) + ".orig");
    if (llvm::Error E = writeFileAtomically(Backup, (*Old)->getBuffer()))
      return E;
    Originals[Path] = (*Old)->getBuffer().str();
    Files.push_back(
        llvm::json::Object{{"path", Path}, {"backup", std::string(Backup)}});
  }
  std::string Manifest;
  llvm::raw_string_ostream(Manifest)
      << llvm::json::Value(llvm::json::Object{{"files", std::move(Files)}});
  if (llvm::Error E = writeFileAtomically(manifestPath(), Manifest))
    return E;
  for (const auto &[Path, Content] : NewContents)
    if (llvm::Error E = writeFileAtomically(Path, Content)) {
      llvm::consumeError(restore());
      return E;
    }
  return llvm::Error::success();
}

llvm::Error Journal::restore() {
  for (const auto &[Path, Content] : Originals)
    if (llvm::Error E = writeFileAtomically(Path, Content))
      return E;
  Originals.clear();
  return commit();
}

llvm::Error Journal::commit() {
  if (std::error_code EC = llvm::sys::fs::remove_directories(Directory))
    return llvm::createStringError(EC, "%s: cannot remove the journal: %s",
                                   Directory.c_str(), EC.message().c_str());
  return llvm::Error::success();
}

} // namespace structify
