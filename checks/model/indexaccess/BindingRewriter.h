//===--- BindingRewriter.h - the rewrites of structify-index-access -------===//
//
// structify-index-access names the elements a function reads by position
// with a structured binding, in one of four ways:
//
//   - the variable itself becomes the binding (replaceVariable):
//       auto p = bounds();  ...p.first...   ->  auto [lo, hi] = bounds();
//       ...lo...
//   - a binding that refers to the value goes before the first read
//     (bindBeforeReads): `auto &[level, meta] = new_files_[i];`
//   - a value read once where a call makes it is bound there (bindAtCall):
//       bool added = seen.insert(x).second;  ->  auto [it, added] =
//       seen.insert(x);
//   - `int lo, hi; std::tie(lo, hi) = f();` declares them (bindTie).
//
// Each gives every edit, or none and why. A declaration that only copies one
// element (`int level = p.first;`) is adopted: the binding takes its name and
// the declaration goes. Names come from BindingNames.h; the rewriter
// remembers the names it gave out in each function, so that two bindings in
// one scope never take the same one.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_MODEL_BINDINGREWRITER_H
#define STRUCTIFY_MODEL_BINDINGREWRITER_H

#include "model/Blocker.h"
#include "model/TupleLike.h"
#include "model/UseSites.h"
#include "model/indexaccess/BindingNames.h"
#include "model/indexaccess/TieAssignment.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace clang::tidy::structify {

/// A rewrite into a structured binding, or why there is none.
struct BindingFix {
  std::vector<FixItHint> Hints;
  std::vector<std::string> Names;
  std::optional<Blocker> WhyNot;
  /// The statement the binding is visible in.
  const Stmt *Scope = nullptr;
  /// The fix adds a statement of its own (a binding before the reads)
  /// rather than rewriting a declaration that is there.
  bool AddsStatement = false;
  /// WhyNot is that some element has no name: whatever else changes, the
  /// user has to give it one.
  bool Unnamed = false;
};

/// Reads of one value in one function: a variable's, or one expression's.
struct Reads {
  const VarDecl *Var = nullptr;
  std::vector<const Use *> Uses;
  /// For a range-for variable, its range.
  const Expr *Range = nullptr;
};

/// The function whose call produced \p Object, if it is a call.
const FunctionDecl *producer(const Expr *Object);

/// The expression that picks the object an access reads, and whether the
/// object is what it points to: `it->first` and `(*it).first` are both `it`.
struct SelectedObject {
  const Expr *Object = nullptr;
  bool Deref = false;
};
SelectedObject selectingExpr(const Use &Read);

/// `'std::pair<int, int>'`, or `a 'std::tuple'` when spelling the element
/// types would make the message long.
std::string shortTypeName(QualType T, const ASTContext &Ctx);

/// `auto [lo, hi] = f();` for a std::tie assignment, with the declarations
/// it makes unnecessary removed; or why not.
BindingFix bindTie(const TieAssignment &Tie, const CXXOperatorCallExpr &Assign,
                   const ASTContext &Ctx);

/// The rewrites of one translation unit, from its facts.
class BindingRewriter {
public:
  BindingRewriter(ASTContext &Context, const TupleLikeTypes &Types,
                  const TupleFacts &Facts)
      : Context(&Context), Types(Types), Facts(Facts) {}

  /// The variable of \p V becomes the binding.
  BindingFix replaceVariable(const VariableFacts &V);
  /// A binding that refers to the value of \p R, before its first read.
  BindingFix bindBeforeReads(const Reads &R, QualType Type,
                             const FunctionDecl *Producer);
  /// The value of \p R, read once, bound where \p Call makes it: in the
  /// declaration that receives the element, or in the `if` that tests it.
  /// No hints (and no reason) when neither applies.
  BindingFix bindAtCall(const Reads &R, QualType Type, const CallExpr *Call);
  /// Remembers the names \p F gives out, once it is reported.
  void recordNames(const Reads &R, const BindingFix &F);

  /// The container the value of \p R is an element of, when the code says.
  static const Expr *containerOf(const Reads &R);

private:
  /// `const int level = p.first;`: a declaration that only takes one
  /// element. The binding takes its name, and the declaration goes.
  struct Adoption {
    unsigned Index = 0;
    const VarDecl *Var = nullptr;
    const DeclStmt *Statement = nullptr;
  };

  std::optional<Blocker> whyNotBindable(const VariableFacts &V,
                                        bool IsRangeFor) const;
  std::vector<Adoption> adoptions(const Reads &R, const TupleShape &Shape,
                                  llvm::function_ref<bool()> Unchanging,
                                  const Stmt *Scope, bool &ConstBinding) const;
  /// The `auto &[a, b]` that replaces \p VD's declarator, or nothing in a
  /// macro.
  std::optional<FixItHint>
  bindingDeclarator(const VarDecl *VD, bool Const,
                    llvm::ArrayRef<std::string> Names) const;
  /// Renames each read of \p Uses to its element's name (a capture of
  /// \p Captured to all of them), but those an adopted declaration keeps.
  std::optional<Blocker> renameReads(llvm::ArrayRef<const Use *> Uses,
                                     llvm::ArrayRef<Adoption> Adopted,
                                     llvm::ArrayRef<std::string> Names,
                                     const VarDecl *Captured,
                                     std::vector<FixItHint> &Hints) const;
  BindingFix bindAtDeclaration(const Reads &R, QualType Type,
                               const CallExpr *Call,
                               const std::string &CallText, QualType Element);
  BindingFix bindInCondition(const Reads &R, QualType Type,
                             const CallExpr *Call, const std::string &CallText);
  std::optional<std::vector<std::string>>
  chooseBindingNames(const Reads &R, QualType Type,
                     const FunctionDecl *Producer, const Stmt *Scope,
                     llvm::ArrayRef<Adoption> Adopted, Blocker &WhyNot,
                     const VarDecl *Replaced = nullptr);
  /// What the code says of the value \p R reads, for naming its elements.
  BindingSubject bindingSubject(const Reads &R, QualType Type,
                                const TupleShape &Shape,
                                const FunctionDecl *Producer) const;
  /// Why element \p Element has no name, given the names the code suggests.
  NoFixReason whyUnnamed(QualType Type, const TupleShape &Shape, size_t Element,
                         llvm::ArrayRef<std::string> Candidates) const;
  /// Has another binding of this unit, visible where \p Scope is, \p Name?
  bool isGiven(const Decl *Function, const Stmt *Scope,
               llvm::StringRef Name) const;
  /// What the code stores in \p Container, from the files every unit that
  /// compiles \p Read sees.
  std::vector<const Fill *> fillsOf(const Expr *Container,
                                    const Use &Read) const;
  /// What the definition of \p Producer calls each element, from the files
  /// every unit that compiles \p Read sees.
  std::vector<std::vector<std::string>>
  producerNames(const FunctionDecl *Producer, const Use &Read,
                size_t Elements) const;

  ASTContext *Context;
  const TupleLikeTypes &Types;
  const TupleFacts &Facts;
  /// The names of the bindings given out in each function of this unit,
  /// with the statement each is visible in.
  llvm::DenseMap<const Decl *,
                 std::vector<std::pair<std::string, const Stmt *>>>
      NamesGiven;
};

} // namespace clang::tidy::structify

#endif
