//===--- Blocker.cpp - the message of each reason for no fix --------------===//

#include "model/Blocker.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::structify {

namespace {

struct NoFixEntry {
  llvm::StringLiteral Name;
  llvm::StringLiteral Message;
};

constexpr NoFixEntry NoFixTable[] = {
    {"None", ""},
#define STRUCTIFY_NO_FIX(Id, Message) {#Id, Message},
#include "model/NoFix.def"
};

} // namespace

llvm::StringRef noFixMessage(NoFix Kind) {
  return NoFixTable[static_cast<size_t>(Kind)].Message;
}

llvm::StringRef noFixName(NoFix Kind) {
  return NoFixTable[static_cast<size_t>(Kind)].Name;
}

std::string NoFixReason::str() const {
  // %N is argument N; a message takes at most ten.
  llvm::StringRef Message = noFixMessage(Kind);
  std::string Text;
  while (!Message.empty()) {
    const size_t Percent = Message.find('%');
    Text += Message.take_front(Percent);
    if (Percent == llvm::StringRef::npos)
      break;
    Message = Message.drop_front(Percent + 1);
    if (Message.empty() || !llvm::isDigit(Message.front())) {
      Text += '%';
      continue;
    }
    const size_t Index = Message.front() - '0';
    Text += Index < Arguments.size() ? Arguments[Index]
                                     : "%" + Message.take_front(1).str();
    Message = Message.drop_front();
  }
  return Text;
}

} // namespace clang::tidy::structify
