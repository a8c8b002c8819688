//===--- Summary.h - one unit's view of each candidate ----------*- C++ -*-===//
//
// `structify plan` and `structify fix` collect, in every translation unit,
// what that unit knows about each function structify-tuple-return would
// rewrite: who it is (a USR that is the same everywhere), what blocks a
// rewrite there, what the code there calls each element, and which files a
// rewrite would touch. The plan merges these summaries into one decision for
// the project. Summaries are plain data: nothing in them points into an AST,
// and they travel from a worker process as JSON.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_SUMMARY_H
#define STRUCTIFY_SUMMARY_H

#include "model/Candidates.h"
#include "model/Naming.h"
#include "model/Options.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class Preprocessor;
} // namespace clang

namespace structify {

/// A flow of a function's value to or from another function, which must
/// then share its struct (a migration group), else the reason blocks both.
struct SummaryLink {
  std::string Usr;
  /// `path:line:col: reason`, as a blocker.
  std::string Reason;
};

/// One edit of the function's rewrite in this unit, its names still
/// placeholders (model/Edits.h, namespace placeholder).
struct RecordedEdit {
  std::string File; ///< canonical path
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Text;
};

struct FunctionSummary {
  std::string Usr;
  /// `bounds`, and `geo::bounds(int, int)` for people.
  std::string Name;
  std::string Signature;
  /// `path:line` of the first declaration this unit sees.
  std::string DeclaredAt;
  /// The first declaration's file, where the struct goes.
  std::string HomeFile;
  /// The unit holds the function's definition.
  bool Defines = false;
  /// How each field's type is spelled at the first declaration.
  std::vector<std::string> FieldTypes;
  clang::tidy::structify::NamingEvidence Evidence;
  std::vector<std::string> KnownNames;
  /// `path:line:col: reason` for each use that blocks a rewrite.
  std::vector<std::string> Blockers;
  /// `path:line` of a NOLINT comment that silences structify-tuple-return
  /// at the function's declaration, or empty.
  std::string SuppressedAt;
  /// Every file a rewrite of the function edits from this unit.
  std::vector<std::string> TouchedFiles;
  /// The struct's name in the style around the function, and which of that
  /// name and its numbered variants (Name2 ... Name9) this unit already uses
  /// as identifiers.
  std::string StructName;
  std::vector<std::string> TakenStructNames;
  /// Names from the evidence this unit cannot use (its macros).
  std::vector<std::string> UnusableNames;
  /// `path:line:col` of each call this unit sees.
  std::vector<std::string> CallSites;
  /// Functions the value flows to or from (see SummaryLink).
  std::vector<SummaryLink> Links;
  /// For an override: the USRs of the virtual functions it overrides that
  /// override nothing themselves. Their groups take it in.
  std::vector<std::string> Overrides;
  /// The scope the function is declared in (`geo`, `geo::Shape`): functions
  /// that share a struct without overriding each other share a scope.
  std::string Scope;
  /// A member's access (`public`, `protected`, `private`), else empty.
  std::string Access;
  /// The comparisons the code makes of the values (`==`, `<`).
  std::vector<std::string> Operators;
  /// How many elements the tuple has.
  unsigned Elements = 0;
  /// The summary is of this parameter of the function (its USR ends in
  /// `|param|N`), which joins a group its callers' values come from; -1 for
  /// the function's result.
  int Parameter = -1;
  /// The summary is of a data member of the pair type (Name is the
  /// member's), which joins a group whose values it stores.
  bool Member = false;
  /// Where the struct goes when this function declares it (Scope, or the
  /// namespace around the class for a struct that goes after its class).
  std::string StructHome;
  /// For a class's member function or data member: the edits, and the
  /// namespace around the class, for a group whose struct is declared in
  /// that namespace (by a function there). HasNamespaceEdits says they
  /// were made.
  bool HasNamespaceEdits = false;
  std::string NamespaceScope;
  std::vector<RecordedEdit> NamespaceEdits;
  /// The rewrite's edits in this unit, for the plan to finish: empty when a
  /// blocker stops the rewrite here.
  std::vector<RecordedEdit> Edits;
};

struct SummaryOptions {
  std::string StructNameSuffix = "Result";
  clang::tidy::structify::StructNameStyle NameStyle =
      clang::tidy::structify::StructNameStyle::Auto;
};

std::vector<FunctionSummary> summarizeTranslationUnit(
    clang::ASTContext &Ctx, clang::Preprocessor *PP,
    const clang::tidy::structify::TupleReturnPolicy &Policy,
    const SummaryOptions &Options);

llvm::json::Value toJSON(const FunctionSummary &S);
bool fromJSON(const llvm::json::Value &V, FunctionSummary &S,
              llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, SummaryLink &L, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, RecordedEdit &E, llvm::json::Path P);

} // namespace structify

#endif
