//===--- Journal.cpp - every file as it was, or every file as planned -----===//

#include "refactor/Journal.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <csignal>
#include <pthread.h>
#include <thread>
#include <unistd.h>

namespace structify {

namespace {

llvm::Error fileError(llvm::StringRef Path, llvm::StringRef What,
                      std::error_code EC) {
  return llvm::createStringError(EC, "%s: cannot %s: %s", Path.str().c_str(),
                                 What.str().c_str(), EC.message().c_str());
}

/// Writes over \p Path in place: for a file whose owner this process cannot
/// give a new file.
llvm::Error writeInPlace(llvm::StringRef Path, llvm::StringRef Content) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  if (EC)
    return fileError(Path, "write", EC);
  OS << Content;
  OS.close();
  if (OS.has_error())
    return fileError(Path, "write", OS.error());
  return llvm::Error::success();
}

} // namespace

llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Content) {
  llvm::sys::fs::file_status Old;
  const bool Exists = !llvm::sys::fs::status(Path, Old);
  // A new file beside the old one, with its mode and owner, renamed over it.
  llvm::SmallString<256> Temp;
  int FD = -1;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(
          Path + ".structify-%%%%%%", FD, Temp, llvm::sys::fs::OF_None,
          Exists ? Old.permissions()
                 : llvm::sys::fs::all_read | llvm::sys::fs::all_write))
    return fileError(Path, "write", EC);
  auto Discard = [&] {
    [[maybe_unused]] std::error_code Ignored = llvm::sys::fs::remove(Temp);
  };
  if (Exists) {
    // The mode the umask trimmed, and the owner.
    if (std::error_code EC =
            llvm::sys::fs::setPermissions(FD, Old.permissions())) {
      ::close(FD);
      Discard();
      return fileError(Path, "keep the mode of", EC);
    }
    if (::fchown(FD, Old.getUser(), Old.getGroup()) != 0) {
      ::close(FD);
      Discard();
      return writeInPlace(Path, Content);
    }
  }
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Content;
    OS.close();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error();
      Discard();
      return fileError(Path, "write", EC);
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path)) {
    Discard();
    return fileError(Path, "write", EC);
  }
  return llvm::Error::success();
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
    std::optional<llvm::StringRef> Path =
        O ? O->getString("path") : std::nullopt;
    std::optional<llvm::StringRef> Backup =
        O ? O->getString("backup") : std::nullopt;
    if (!Path || !Backup)
      continue;
    auto Old = llvm::MemoryBuffer::getFile(*Backup);
    if (!Old)
      return llvm::createStringError(
          Old.getError(), "%s: the journal's copy of %s is missing",
          Backup->str().c_str(), Path->str().c_str());
    if (llvm::Error E = writeFileAtomically(*Path, (*Old)->getBuffer()))
      return E;
    ++Restored;
  }
  if (llvm::Error E = commit())
    return std::move(E);
  return Restored;
}

llvm::Error
Journal::write(const std::map<std::string, std::string> &NewContents) {
  std::lock_guard<std::recursive_mutex> Guard(Lock);
  if (std::error_code EC = llvm::sys::fs::create_directories(Directory))
    return fileError(Directory, "create the journal", EC);
  // First the old contents, then the manifest that lists them: a manifest on
  // disk means every copy it names is complete.
  llvm::json::Array Files;
  unsigned N = 0;
  for (const auto &[Path, Content] : NewContents) {
    auto Old = llvm::MemoryBuffer::getFile(Path);
    if (!Old)
      return fileError(Path, "read", Old.getError());
    llvm::SmallString<256> Backup(Directory);
    llvm::sys::path::append(Backup, std::to_string(N++) + ".orig");
    if (llvm::Error E = writeFileAtomically(Backup, (*Old)->getBuffer()))
      return E;
    Files.push_back(
        llvm::json::Object{{"path", Path}, {"backup", std::string(Backup)}});
  }
  std::string Manifest;
  llvm::raw_string_ostream(Manifest)
      << llvm::json::Value(llvm::json::Object{{"files", std::move(Files)}});
  if (llvm::Error E = writeFileAtomically(manifestPath(), Manifest))
    return E;
  for (const auto &[Path, Content] : NewContents) {
    auto Old = llvm::MemoryBuffer::getFile(Path);
    if (!Old) {
      llvm::consumeError(restoreLocked());
      return fileError(Path, "read", Old.getError());
    }
    Originals[Path] = (*Old)->getBuffer().str();
    if (llvm::Error E = writeFileAtomically(Path, Content)) {
      Originals.erase(Path);
      llvm::consumeError(restoreLocked());
      return E;
    }
  }
  return llvm::Error::success();
}

llvm::Error Journal::restore() {
  std::lock_guard<std::recursive_mutex> Guard(Lock);
  return restoreLocked();
}

llvm::Error Journal::restoreLocked() {
  for (const auto &[Path, Content] : Originals)
    if (llvm::Error E = writeFileAtomically(Path, Content))
      return E;
  Originals.clear();
  return commit();
}

llvm::Error Journal::commit() {
  std::lock_guard<std::recursive_mutex> Guard(Lock);
  Originals.clear();
  if (std::error_code EC = llvm::sys::fs::remove_directories(Directory))
    return fileError(Directory, "remove the journal", EC);
  return llvm::Error::success();
}

size_t Journal::pending() {
  std::lock_guard<std::recursive_mutex> Guard(Lock);
  return Originals.size();
}

namespace {

sigset_t interrupts() {
  sigset_t Set;
  sigemptyset(&Set);
  sigaddset(&Set, SIGINT);
  sigaddset(&Set, SIGTERM);
  sigaddset(&Set, SIGHUP);
  return Set;
}

/// The journal the signal thread restores, and what it removes then; null
/// once the guard is gone.
std::mutex GuardLock;
Journal *Guarded = nullptr;
std::vector<std::string> GuardedLeftovers;

void removeLeftovers() {
  for (const std::string &Path : GuardedLeftovers) {
    [[maybe_unused]] std::error_code Ignored =
        llvm::sys::fs::remove_directories(Path);
    Ignored = llvm::sys::fs::remove(Path);
  }
}

void takeSignals() {
  const sigset_t Set = interrupts();
  int Signal = 0;
  while (sigwait(&Set, &Signal) != 0) {
  }
  std::lock_guard<std::mutex> Guard(GuardLock);
  if (Guarded && Guarded->pending() > 0) {
    const size_t Files = Guarded->pending();
    if (llvm::Error E = Guarded->restore()) {
      llvm::errs() << "structify fix: interrupted; cannot restore the files: "
                   << llvm::toString(std::move(E))
                   << "; the next 'structify fix' restores them from its "
                      "journal\n";
    } else {
      removeLeftovers();
      llvm::errs() << "structify fix: interrupted; restored the " << Files
                   << " rewritten file" << (Files == 1 ? "" : "s")
                   << ": every file is as it was\n";
    }
  } else {
    if (Guarded)
      removeLeftovers();
    llvm::errs() << "structify fix: interrupted; no file was changed\n";
  }
  llvm::errs().flush();
  ::_exit(128 + Signal);
}

} // namespace

InterruptGuard::InterruptGuard(Journal &Log,
                               std::vector<std::string> Leftovers) {
  const sigset_t Set = interrupts();
  pthread_sigmask(SIG_BLOCK, &Set, nullptr);
  {
    std::lock_guard<std::mutex> Guard(GuardLock);
    Guarded = &Log;
    GuardedLeftovers = std::move(Leftovers);
  }
  static std::once_flag Started;
  std::call_once(Started, [] { std::thread(takeSignals).detach(); });
}

InterruptGuard::~InterruptGuard() {
  std::lock_guard<std::mutex> Guard(GuardLock);
  Guarded = nullptr;
  GuardedLeftovers.clear();
}

llvm::Expected<std::unique_ptr<RunLock>>
RunLock::acquire(llvm::StringRef Path) {
  // The file goes away with the lock; a run that opened it just before must
  // not lock a file nobody else sees: the path must still name what was
  // locked.
  for (;;) {
    int FD = -1;
    if (std::error_code EC = llvm::sys::fs::openFileForWrite(
            Path, FD, llvm::sys::fs::CD_OpenAlways))
      return fileError(Path, "create the lock", EC);
    if (llvm::sys::fs::tryLockFile(FD)) {
      ::close(FD);
      return llvm::createStringError(
          std::errc::device_or_resource_busy,
          "%s: another 'structify plan' or 'structify fix' is working on this "
          "build directory; wait for it to finish",
          Path.str().c_str());
    }
    llvm::sys::fs::file_status Locked, Named;
    if (!llvm::sys::fs::status(FD, Locked) &&
        !llvm::sys::fs::status(Path, Named) &&
        llvm::sys::fs::equivalent(Locked, Named))
      return std::unique_ptr<RunLock>(new RunLock(FD, Path.str()));
    [[maybe_unused]] std::error_code Ignored = llvm::sys::fs::unlockFile(FD);
    ::close(FD);
  }
}

RunLock::~RunLock() {
  [[maybe_unused]] std::error_code Ignored = llvm::sys::fs::remove(Path);
  Ignored = llvm::sys::fs::unlockFile(FD);
  ::close(FD);
}

void unblockInterrupts() {
  const sigset_t Set = interrupts();
  pthread_sigmask(SIG_UNBLOCK, &Set, nullptr);
}

bool isInterrupt(int Signal) {
  const sigset_t Set = interrupts();
  return Signal > 0 && sigismember(&Set, Signal) == 1;
}

void forwardInterrupt(int Signal) {
  ::kill(::getpid(), Signal);
  // The signal thread restores the files and ends the process.
  for (;;)
    std::this_thread::sleep_for(std::chrono::seconds(1));
}

} // namespace structify
