//===--- Analysis.h - what one translation unit knows about one function --===//
//
// The common first half of a rewrite, shared by structify-tuple-return (which
// then names and edits within its translation unit) and by `structify fix`
// (which summarizes it per translation unit and decides for the project).
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_MODEL_ANALYSIS_H
#define STRUCTIFY_MODEL_ANALYSIS_H

#include "model/Naming.h"
#include "model/Options.h"
#include "model/TupleLike.h"
#include "model/tuplereturn/ResultGroup.h"
#include <string>
#include <vector>

namespace clang::tidy::structify {

struct FunctionAnalysis {
  const FunctionDecl *Function = nullptr;
  TupleShape Shape;
  /// Every value in this translation unit that becomes the struct.
  ResultGroup Group;
  /// Why the function cannot be rewritten: the function's own reasons
  /// (virtual, explicit specializations, a parameter pack) and its uses'.
  std::vector<Blocker> Blockers;
  NamingEvidence Evidence;
  /// Well-known names for the function's elements, if any.
  std::vector<std::string> KnownNames;
  /// Where the function is called (and referred to) in this unit.
  std::vector<SourceLocation> CallSites;
};

/// With \p Scope project-wide, a virtual function is analysed for a rewrite
/// with its overrides, and flows to other functions are links or shared.
FunctionAnalysis analyzeFunction(const FunctionDecl *Function,
                                 const TupleFacts &Facts,
                                 const TupleLikeTypes &Types, ASTContext &Ctx,
                                 const MigrationScope &Scope = {});

/// Parameter \p Index of \p Taker (a function whose calls \p Facts records)
/// as the value of a migration group: what it needs to take the struct.
FunctionAnalysis analyzeParameter(const FunctionDecl *Taker, unsigned Index,
                                  const TupleFacts &Facts,
                                  const TupleLikeTypes &Types, ASTContext &Ctx,
                                  const MigrationScope &Scope);

/// A data member (whose uses \p Facts records) as the value of a migration
/// group: what it needs to take the struct. Function is null.
FunctionAnalysis analyzeMember(const FieldDecl *Member, const TupleFacts &Facts,
                               const TupleLikeTypes &Types, ASTContext &Ctx,
                               const MigrationScope &Scope);

/// A stable identity of a data member across translation units.
std::string memberUsr(const FieldDecl *Member);

/// The identity of parameter \p Index of \p Function across translation
/// units: the function's USR with `|param|` and the index.
std::string parameterUsr(const FunctionDecl *Function, unsigned Index);

/// The virtual functions \p Function overrides that override nothing
/// themselves (canonical declarations): where its migration group starts.
std::vector<const FunctionDecl *> overriddenRoots(const FunctionDecl *Function);

/// The naming style of the type names declared around \p Function.
NameStyle surroundingStyle(const FunctionDecl *Function);

/// The style of \p Function's struct name, as the StructNameStyle option says.
NameStyle structNameStyle(const FunctionDecl *Function, StructNameStyle Option);

/// The name of \p Function's struct before any collision is avoided:
/// `GetBlock` -> `BlockResult`; a const member overloaded by a non-const one
/// of the same name (`GetBlock() const` beside `GetBlock()`), whose pair
/// differs by its constness, -> `ConstBlockResult`.
std::string baseStructName(const FunctionDecl *Function, StructNameStyle Option,
                           llvm::StringRef Suffix);

/// A stable identity of a function across translation units.
std::string functionUsr(const FunctionDecl *Function);

/// `ns::f(int, const std::string &)`: for people.
std::string functionSignature(const FunctionDecl *Function);

} // namespace clang::tidy::structify

#endif
