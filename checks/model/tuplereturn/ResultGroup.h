//===--- ResultGroup.h - the values that become one function's struct -----===//
//
// When a function stops returning a pair, everything that holds its result
// changes type with it: the calls, the local variables they initialise, the
// variables the function returns. A ResultGroup gathers them from the facts of
// one translation unit, with every edit the rewrite needs and every use that
// blocks it.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_MODEL_RESULTGROUP_H
#define STRUCTIFY_MODEL_RESULTGROUP_H

#include "model/Blocker.h"
#include "model/Naming.h"
#include "model/UseSites.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::structify {

/// The functions whose values flow into each other and so share one struct
/// (a migration group): a virtual function and its overrides, a function and
/// one that returns its result.
struct MigrationScope {
  /// The other functions of the group, as far as the project-wide plan says
  /// (canonical written declarations). A value that comes from or goes to
  /// one of them needs no change.
  llvm::SmallPtrSet<const FunctionDecl *, 4> Shared;
  /// The parameters of the group (function, index): a value passed to one
  /// of them needs no change.
  llvm::SmallVector<std::pair<const FunctionDecl *, unsigned>, 2>
      SharedParameters;
  /// The data members of the group (canonical declarations).
  llvm::SmallVector<const FieldDecl *, 2> SharedMembers;
  /// Record a flow to a function outside Shared as a Link for the plan to
  /// join, instead of blocking (`structify plan`, before groups are known).
  bool RecordLinks = false;
  /// Whether a function is rewritten for the whole project at once: a
  /// virtual function is then rewritten with its overrides.
  bool ProjectWide = false;
};

/// A flow of the group's value to or from another function: the value comes
/// from it (`auto s = span_of(v); return s;`) or is returned from it.
struct Link {
  const FunctionDecl *Function = nullptr; ///< canonical written declaration
  /// The value flows into (or out of) this parameter of Function, not
  /// Function's result; -1 for the result.
  int Parameter = -1;
  /// The value flows into (or out of) this data member instead (Function is
  /// then null).
  const FieldDecl *Member = nullptr;
  SourceLocation Loc;
  /// What blocks the rewrite when the other function is not rewritten with
  /// this one.
  NoFixReason Reason;
};

struct ResultGroup {
  const FunctionDecl *Function = nullptr;
  /// The group's value is this parameter of Function (in every declaration),
  /// not Function's result; -1 for the result.
  int Parameter = -1;
  /// The group's value is this data member (Function is then null).
  const FieldDecl *Member = nullptr;
  /// Member: its facts, when its unit has them.
  const MemberFacts *MemberInfo = nullptr;
  /// Data members whose written type must be respelled.
  std::vector<const MemberFacts *> MembersToRespell;
  /// Flows to functions outside the group (MigrationScope::RecordLinks).
  std::vector<Link> Links;
  llvm::SetVector<const VarDecl *> Variables;
  /// Element reads and writes to rename: `.first`, `std::get<1>(x)`.
  std::vector<Use> Accesses;
  /// `std::tie(a, b) = value;` statements.
  std::vector<Use> Ties;
  /// Structured bindings: they keep working unchanged (naming evidence).
  std::vector<const DecompositionDecl *> Bindings;
  /// `std::make_pair(a, b)`, `{a, b}`, ... that must become `{a, b}`, with the
  /// variable each one initialises when it has no initialiser at all.
  std::vector<std::pair<Construction, const DeclaratorDecl *>> Constructions;
  /// Constructions in the function's own return statements (naming evidence).
  std::vector<Construction> ReturnedConstructions;
  /// The comparisons the struct must define, as it defines them: `==` (for
  /// `==` and `!=`) and `<` (for `<`, `>`, `<=`, `>=`).
  std::vector<std::string> Operators;
  /// `std::make_pair(a, b)` where only the struct's name makes it the struct
  /// (compared with the value, a branch of `c ? f() : ...`): it becomes
  /// `Struct{a, b}`, spelled from the function it is in.
  std::vector<std::pair<Construction, const FunctionDecl *>> NamedConstructions;
  /// Explicitly typed variables whose type must be respelled.
  std::vector<const VariableFacts *> TypesToRespell;
  std::vector<Blocker> Blockers;
};

/// What the code of the group calls each element: the definition's return
/// statements and element writes, the callers' bindings, ties and receivers.
/// The name an element expression carries: `lo`, `this->hi_`, `m_count`.
std::string elementExpressionName(const Expr *E);

NamingEvidence gatherNamingEvidence(const ResultGroup &Group, size_t Elements,
                                    const ASTContext &Ctx);

/// Gathers the group of \p Function from the facts of its translation unit.
ResultGroup buildResultGroup(const FunctionFacts &Function,
                             const TupleFacts &Facts, ASTContext &Ctx,
                             const MigrationScope &Scope = {});

/// Gathers the group of parameter \p Index of \p Taker: the parameter in
/// every declaration, its uses in the definition, and what every call passes.
ResultGroup buildParameterGroup(const ParameterFacts &Taker, unsigned Index,
                                const TupleFacts &Facts, ASTContext &Ctx,
                                const MigrationScope &Scope);

/// Gathers the group of a data member: its declaration, its uses and the
/// values stored in it.
ResultGroup buildMemberGroup(const MemberFacts &Member, const TupleFacts &Facts,
                             ASTContext &Ctx, const MigrationScope &Scope);

} // namespace clang::tidy::structify

#endif
