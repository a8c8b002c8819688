//===--- Blocker.h - why a rewrite cannot be made, and where --------------===//
//
// Every "no fix" in structify has a place and a reason: a use a struct cannot
// serve, an edit that would land in a macro's text, a name nothing supplies.
// Both checks report it as a note at Loc; the driver records it per function.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_MODEL_BLOCKER_H
#define STRUCTIFY_MODEL_BLOCKER_H

#include "clang/Basic/SourceLocation.h"
#include <string>

namespace clang::tidy::structify {

/// Why a rewrite cannot be made safely, and where.
struct Blocker {
  SourceLocation Loc;
  /// A clause for "no fix: ...", lowercase, with no trailing period.
  std::string Reason;
};

} // namespace clang::tidy::structify

#endif
