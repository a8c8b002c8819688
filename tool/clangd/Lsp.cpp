//===--- Lsp.cpp - LSP messages over pipes, a child server, text positions ===//

#include "Lsp.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace structify::lsp {

namespace {

bool readAll(int Fd, char *Data, size_t Size) {
  while (Size > 0) {
    const ssize_t N = ::read(Fd, Data, Size);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    Data += N;
    Size -= static_cast<size_t>(N);
  }
  return true;
}

bool writeAll(int Fd, llvm::StringRef Data) {
  while (!Data.empty()) {
    const ssize_t N = ::write(Fd, Data.data(), Data.size());
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    Data = Data.drop_front(static_cast<size_t>(N));
  }
  return true;
}

/// One header line, without its CRLF; nothing at the end of the input.
std::optional<std::string> readLine(int Fd) {
  std::string Line;
  char C = 0;
  while (readAll(Fd, &C, 1)) {
    if (C == '\n') {
      if (!Line.empty() && Line.back() == '\r')
        Line.pop_back();
      return Line;
    }
    Line += C;
  }
  return std::nullopt;
}

} // namespace

std::optional<std::string> readMessage(int Fd) {
  std::optional<size_t> Length;
  for (;;) {
    std::optional<std::string> Line = readLine(Fd);
    if (!Line)
      return std::nullopt;
    if (Line->empty()) {
      if (Length)
        break;
      continue; // stray blank lines before a header
    }
    llvm::StringRef Header(*Line);
    if (Header.consume_front_insensitive("Content-Length:")) {
      size_t N = 0;
      if (Header.trim().getAsInteger(10, N))
        return std::nullopt;
      Length = N;
    }
  }
  std::string Body(*Length, '\0');
  if (!readAll(Fd, Body.data(), Body.size()))
    return std::nullopt;
  return Body;
}

bool Writer::write(const llvm::json::Value &Message) {
  std::string Body;
  llvm::raw_string_ostream(Body) << Message;
  return writeRaw(Body);
}

bool Writer::writeRaw(llvm::StringRef Body) {
  const std::string Header =
      "Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n";
  std::lock_guard<std::mutex> Guard(Lock);
  return writeAll(Fd, Header) && writeAll(Fd, Body);
}

std::optional<Child> spawn(const std::vector<std::string> &Argv,
                           llvm::StringRef Env) {
  int ToChild[2], FromChild[2];
  if (::pipe2(ToChild, O_CLOEXEC) != 0)
    return std::nullopt;
  if (::pipe2(FromChild, O_CLOEXEC) != 0) {
    ::close(ToChild[0]);
    ::close(ToChild[1]);
    return std::nullopt;
  }
  std::vector<char *> Args;
  Args.reserve(Argv.size() + 1);
  for (const std::string &A : Argv)
    Args.push_back(const_cast<char *>(A.c_str()));
  Args.push_back(nullptr);
  std::string EnvCopy = Env.str();
  const pid_t Pid = ::fork();
  if (Pid == 0) {
    ::dup2(ToChild[0], STDIN_FILENO);
    ::dup2(FromChild[1], STDOUT_FILENO);
    ::putenv(EnvCopy.data());
    ::execv(Args[0], Args.data());
    ::_exit(127);
  }
  ::close(ToChild[0]);
  ::close(FromChild[1]);
  if (Pid < 0) {
    ::close(ToChild[1]);
    ::close(FromChild[0]);
    return std::nullopt;
  }
  return Child{Pid, ToChild[1], FromChild[0]};
}

int waitFor(int Pid) {
  int Status = 0;
  while (::waitpid(Pid, &Status, 0) < 0)
    if (errno != EINTR)
      return 1;
  if (WIFEXITED(Status))
    return WEXITSTATUS(Status);
  return 128 + (WIFSIGNALED(Status) ? WTERMSIG(Status) : 0);
}

llvm::json::Value position(llvm::StringRef Text, size_t Offset) {
  Offset = std::min(Offset, Text.size());
  const llvm::StringRef Before = Text.take_front(Offset);
  const size_t LineStart = Before.rfind('\n') + 1; // npos + 1 == 0
  int64_t Column = 0;
  for (unsigned char C : Before.drop_front(LineStart)) {
    if ((C & 0xC0) == 0x80)
      continue;                    // a continuation byte
    Column += (C >= 0xF0) ? 2 : 1; // four bytes: a surrogate pair
  }
  return llvm::json::Object{{"line", static_cast<int64_t>(Before.count('\n'))},
                            {"character", Column}};
}

llvm::json::Value textEdit(llvm::StringRef Old, llvm::StringRef New) {
  size_t Start = 0;
  while (Start < Old.size() && Start < New.size() && Old[Start] == New[Start])
    ++Start;
  // Whole lines: an editor shows them, and undoes them, as lines.
  Start = Old.take_front(Start).rfind('\n') + 1; // npos + 1 == 0
  size_t End = 0;
  while (End < Old.size() - Start && End < New.size() - Start &&
         Old[Old.size() - 1 - End] == New[New.size() - 1 - End])
    ++End;
  while (End > 0 && End < Old.size() && Old[Old.size() - End - 1] != '\n')
    --End;
  return llvm::json::Object{
      {"range", llvm::json::Object{{"start", position(Old, Start)},
                                   {"end", position(Old, Old.size() - End)}}},
      {"newText", New.substr(Start, New.size() - Start - End).str()}};
}

std::string uriToPath(llvm::StringRef Uri) {
  if (!Uri.consume_front("file://"))
    return Uri.str();
  std::string Path;
  for (size_t I = 0; I < Uri.size(); ++I) {
    unsigned Byte = 0;
    if (Uri[I] == '%' && I + 2 < Uri.size() &&
        !Uri.substr(I + 1, 2).getAsInteger(16, Byte)) {
      Path += static_cast<char>(Byte);
      I += 2;
    } else {
      Path += Uri[I];
    }
  }
  return Path;
}

std::string pathToUri(llvm::StringRef Path) {
  std::string Uri = "file://";
  for (char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("/-_.~").contains(C))
      Uri += C;
    else
      Uri += "%" + llvm::utohexstr(static_cast<unsigned char>(C),
                                   /*LowerCase=*/false, /*Width=*/2);
  }
  return Uri;
}

} // namespace structify::lsp
