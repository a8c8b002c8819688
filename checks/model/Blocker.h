//===--- Blocker.h - why a rewrite cannot be made, and where --------------===//
//
// Every "no fix" in structify has a place and a reason: a use a struct cannot
// serve, an edit that would land in a macro's text, a name nothing supplies.
// The reasons are data, as clang-tidy's RenamerClangTidyCheck keeps its
// ShouldFixStatus: one NoFix kind per reason, each with one message in
// model/NoFix.def, filled in with the names, types and numbers of the case.
// Both checks report a blocker as a note at Loc; the driver records it per
// function.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_MODEL_BLOCKER_H
#define STRUCTIFY_MODEL_BLOCKER_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <utility>

namespace clang::tidy::structify {

/// Why no fix, one kind per reason (model/NoFix.def).
enum class NoFix : unsigned char {
  None, ///< there is no reason: the rewrite can be made
#define STRUCTIFY_NO_FIX(Id, Message) Id,
#include "model/NoFix.def"
};

/// The message of \p Kind: a clause for "no fix: ...", lowercase, with no
/// trailing period; %0, %1... stand for the reason's arguments.
llvm::StringRef noFixMessage(NoFix Kind);
/// The identifier of \p Kind as written in model/NoFix.def
/// ("MacroExpansion"), for reports and tests.
llvm::StringRef noFixName(NoFix Kind);

/// A reason with its arguments: the names, types and numbers its message
/// quotes, spelled as the code spells them.
class NoFixReason {
public:
  NoFixReason() = default;
  template <typename... Ts>
  NoFixReason(NoFix Kind, Ts &&...Arguments)
      : Kind(Kind), Arguments{std::string(std::forward<Ts>(Arguments))...} {}

  NoFix kind() const { return Kind; }
  bool empty() const { return Kind == NoFix::None; }
  llvm::ArrayRef<std::string> arguments() const { return Arguments; }
  /// The message with the arguments in place.
  std::string str() const;

private:
  NoFix Kind = NoFix::None;
  llvm::SmallVector<std::string, 2> Arguments;
};

/// Why a rewrite cannot be made safely, and where.
struct Blocker {
  SourceLocation Loc;
  NoFixReason Reason;
};

} // namespace clang::tidy::structify

#endif
