//===--- UseSites.h - every use of a tuple value in a translation unit ----===//
//
// One walk over the user's code (system headers skipped) records, for the
// functions and variables that hold tuple-like values, where each value comes
// from (an Origin) and what the code does with it (a Use). The checks and the
// project-wide driver decide from these facts what can be rewritten.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_MODEL_USESITES_H
#define STRUCTIFY_MODEL_USESITES_H

#include "model/Blocker.h"
#include "model/TupleLike.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/TypeLoc.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CXXMethodDecl;
class DecompositionDecl;
class LambdaExpr;
} // namespace clang

namespace clang::tidy::structify {

/// What the code does with a tuple value at one place.
enum class UseKind {
  ElementMember,     ///< `x.first`, `x.second`
  ElementGet,        ///< `std::get<1>(x)`, `std::get<int>(x)`
  StructuredBinding, ///< `auto [a, b] = x;`
  Discarded,         ///< `f();`: the value is not used
  InitVariable,      ///< `T v = x;`
  AssignVariable,    ///< `v = x;`
  Reassigned,        ///< `x = ...;`: the variable x itself gets a new value
  Captured,          ///< `[x]`, `[&x]`: named in a lambda's capture list
  Return,            ///< `return x;`
  TieAssign,         ///< `std::tie(a, b) = x;` as a whole statement
  Compared,    ///< `x == y`, `x < std::make_pair(1, 2)`: Operator, ComparedWith
  Argument,    ///< `show(x)`: a project function's parameter of the same type
  StoreMember, ///< `last_ = x;`, `: last_(x)`: a member of the same type
               ///< (Member)
  Escape,      ///< anything else; Reason says what
};

/// What names an element where it is read or written, from the strongest
/// evidence to the weakest.
enum class ReceiverKind {
  None,
  Variable,  ///< `int count = r.first;`, `count = r.first;`, `r.first = count;`
  Accessor,  ///< `s.set_port(r.second)`, `r.second = s.port();`
  Compared,  ///< `r.first == peer.endpoint`, `r.first != local_port()`
  Returned,  ///< `int port() const { return r.second; }`
  Parameter, ///< `draw(r.first)`: the parameter's name
};

/// Where a tuple value comes from.
enum class OriginKind {
  Call,         ///< a call of a function
  Variable,     ///< another variable
  Construction, ///< `std::make_pair(a, b)`, `{a, b}`, `std::tuple(a, b)`, `T()`
  Choice,       ///< `c ? f() : g()` of one tuple type: one of Branches
  Member, ///< a data member of the tuple type (`last_`, `other.last_`); Reason
          ///< says it
  Other,  ///< anything else; Reason says what
};

/// `std::make_pair(a, b)` and friends: a value built from its elements.
struct Construction {
  const Expr *E = nullptr;
  /// The text to replace with `{elements}`: the whole expression, or, for a
  /// variable's direct initialisation `T v(a, b)`, the parentheses.
  CharSourceRange Range;
  llvm::SmallVector<const Expr *, 4> Elements;
  /// `T v;` with no initialiser at all: add `{}` after the variable's name.
  bool DefaultInitialized = false;
};

struct Origin {
  OriginKind Kind = OriginKind::Other;
  const Expr *E = nullptr;
  const FunctionDecl *Callee = nullptr; ///< Call: canonical declaration
  const VarDecl *Var = nullptr;         ///< Variable
  const FieldDecl *Member = nullptr;    ///< Member: canonical declaration
  Construction Built;                   ///< Construction
  std::vector<Origin> Branches;         ///< Choice: the true and false branches
  NoFixReason Reason;                   ///< Other
};

struct Use {
  UseKind Kind = UseKind::Escape;
  /// The expression that holds the value (a call, a variable reference).
  const Expr *Value = nullptr;
  /// ElementMember: the MemberExpr. ElementGet: the `std::get` call.
  const Expr *Access = nullptr;
  unsigned Index = 0;
  /// For element reads: the name of what receives the element
  /// (`int count = r.first;`, `total = r.second;`, `set_total(r.second)`),
  /// or what it is compared with for equality; for element writes, the name
  /// of what is stored (`r.first = count;`). Evidence for naming.
  std::string ReceiverName;
  ReceiverKind Receiver = ReceiverKind::None;
  /// The element read initialises this variable: `const int level = p.first;`.
  const VarDecl *ReceiverVar = nullptr;
  const VarDecl *Var = nullptr;           ///< InitVariable, AssignVariable
  const FunctionDecl *ReturnOf = nullptr; ///< Return: the enclosing function
  /// Return from a lambda: its call operator.
  const CXXMethodDecl *ReturnOfLambda = nullptr;
  /// Argument: the function called (canonical written declaration) and the
  /// parameter the value initialises.
  const FunctionDecl *ArgumentOf = nullptr;
  unsigned Parameter = 0;
  /// StoreMember: the member (canonical declaration).
  const FieldDecl *Member = nullptr;
  const DecompositionDecl *Binding = nullptr;
  /// TieAssign: the whole statement. Captured: the lambda.
  const Stmt *Statement = nullptr;
  const CallExpr *Tie = nullptr; ///< TieAssign: the `std::tie` call
  /// Escape: what the code does that a struct cannot do, as a clause that
  /// follows "the result is" (e.g. "compared with '=='"). Compared: the same,
  /// for a rewrite that cannot give the struct the comparison.
  NoFixReason Reason;
  /// Compared: the operator as written (`==`, `!=`, `<`, `>`, `<=`, `>=`,
  /// `<=>`) and where the other operand comes from.
  std::string Operator;
  Origin ComparedWith;
  SourceLocation Loc;
  /// The use sits in a template instantiation's body: the source text is
  /// shared with other instantiations.
  bool InInstantiation = false;
  /// The variable is reached through a lambda's capture.
  bool ThroughCapture = false;
  /// ElementGet: `std::get<T>` names a type, not a position.
  bool ByType = false;
  /// Element reads and writes: the function they are in, and the statements
  /// from its body down to the value (lambdas included), outermost first.
  const FunctionDecl *Function = nullptr;
  llvm::SmallVector<const Stmt *, 8> Path;
  /// The value is a branch of a conditional expression of its own type
  /// (`auto s = c ? f() : g();`), and the use is the conditional's: where the
  /// other branches come from. They flow where it flows.
  std::vector<Origin> Alternatives;
};

/// Everything known about one tuple-typed local variable.
struct VariableFacts {
  const VarDecl *Var = nullptr;
  std::vector<Origin> Origins;
  std::vector<Use> Uses;
  /// The written type when it is not deduced (`std::pair<int, int> v`), with
  /// references and qualifiers stripped: the text to respell.
  TypeLoc WrittenType;
  /// The only variable its declaration statement declares (or a range-for
  /// variable): it can be replaced by a structured binding.
  bool SoleDeclaration = false;
};

/// Everything known about one function that returns a tuple-like value.
struct FunctionFacts {
  const FunctionDecl *Function = nullptr; ///< canonical declaration
  std::vector<Use> CallUses;              ///< one per call or other reference
  std::vector<Origin> Returns;            ///< what its definitions return
  std::vector<Use> OtherReferences;       ///< `&f`, `std::function<...> g = f`
};

/// Every call of a project function that takes a tuple-like parameter: the
/// values its callers pass are the parameter's origins.
struct ParameterFacts {
  const FunctionDecl *Function = nullptr; ///< canonical written declaration
  struct Call {
    SourceLocation Loc;
    /// The function the call is in (for naming the struct from there).
    const FunctionDecl *Caller = nullptr;
    bool InInstantiation = false;
    /// Where each tuple-like argument comes from, by parameter index.
    llvm::SmallVector<Origin, 2> Arguments;
  };
  std::vector<Call> Calls;
  /// `&f`, and calls the collector cannot read (dependent arguments).
  std::vector<Use> OtherReferences;
};

/// A lambda that returns a tuple-like value (`auto pick = [&] { return
/// span_of(v); };`): its result flows to its calls.
struct LambdaFacts {
  const LambdaExpr *Lambda = nullptr;
  std::vector<Use> CallUses;   ///< one per call
  std::vector<Origin> Returns; ///< what its return statements return
  /// Why not every call can be seen or its result type would not follow
  /// (it is passed on, stored in a `std::function`, names its result type),
  /// or empty; and where.
  NoFixReason Problem;
  SourceLocation ProblemLoc;
};

/// A data member of a tuple-like type in the project's own classes, when
/// asked for: where its values come from and what the code does with it.
struct MemberFacts {
  const FieldDecl *Field = nullptr;
  /// Its in-class initialiser, the constructors' initialisers, the values
  /// assigned to it; a member without an in-class initialiser starts with
  /// a DefaultInitialized construction (the struct needs `{}` there).
  std::vector<Origin> Origins;
  /// The function each origin is in (null for the in-class initialiser).
  std::vector<const FunctionDecl *> OriginFunctions;
  std::vector<Use> Uses;
  /// The written type, with qualifiers stripped: the text to respell.
  TypeLoc WrittenType;
  /// Why the member cannot change type whatever its uses, or empty: its
  /// class is an aggregate, compares itself with a defaulted operator...
  NoFixReason Problem;
  /// The member is an ordered container keyed by the tuple
  /// (`std::map<std::pair<int, int>, int> seen_`): WrittenType is its key
  /// argument, Origins the keys the code looks up or stores, and Uses what
  /// the code does with the container (an Escape where it could see a key).
  bool Container = false;
  /// A container of the tuples (`std::vector`, `std::deque`, `std::list`):
  /// its elements are read and stored by position and through loops.
  bool Sequence = false;
  /// A `std::map` or `std::multimap`: its elements are not the keys.
  bool Map = false;
};

/// A container filled with named values: `files_.push_back(std::make_pair(
/// level, f))`, `m.emplace(key, session)`, `m[name] = id`: what the code
/// calls the elements of what it stores.
struct Fill {
  SourceLocation Loc;
  /// One name per element, empty where the stored value has none.
  llvm::SmallVector<std::string, 4> Names;
};

struct TupleFacts {
  llvm::MapVector<const FunctionDecl *, FunctionFacts> Functions;
  llvm::MapVector<const VarDecl *, VariableFacts> Variables;
  /// Element reads of tuple values that are neither a tracked call nor a
  /// tracked variable (`m.insert(x).second`, `it->first`).
  std::vector<Use> OtherAccesses;
  /// The fills of each container variable or member (canonical declaration).
  llvm::DenseMap<const ValueDecl *, std::vector<Fill>> Fills;
  /// The functions that take tuple-like parameters, as asked for.
  llvm::MapVector<const FunctionDecl *, ParameterFacts> Parameters;
  /// The data members of tuple-like types, when parameters are asked for.
  llvm::MapVector<const FieldDecl *, MemberFacts> Members;
  /// The lambdas that return tuple-like values, by call operator.
  llvm::MapVector<const CXXMethodDecl *, LambdaFacts> Lambdas;
  /// The range-for statement of each range-for variable.
  llvm::DenseMap<const VarDecl *, const CXXForRangeStmt *> RangeFors;
};

/// Maps a function to the canonical declaration of the code it was written
/// as: instantiations and specializations to their template's pattern.
const FunctionDecl *writtenFunction(const FunctionDecl *FD);

/// Walks the translation unit once (skipping system headers) and records the
/// facts about \p Functions (canonical written declarations) and about every
/// local variable of a tuple-like type. With \p VisitInstantiations, template
/// instantiations are walked too, so that a use that depends on a template
/// argument is seen (as a use in an instantiation).
/// What a project-wide plan follows besides functions' results: the
/// functions that take tuple-like parameters and the data members of
/// tuple-like types (canonical declarations).
struct FlowTargets {
  llvm::SmallPtrSet<const FunctionDecl *, 8> Takers;
  llvm::SmallPtrSet<const FieldDecl *, 8> Members;
};

/// A data member a migration group can take in: of a tuple-like type (or an
/// ordered standard container keyed by one), not a reference or bit-field,
/// in a non-template class that is not a union or local to a function.
bool isMigratableMember(const FieldDecl *FD, const TupleLikeTypes &Types);

/// The tuple type a member holds: its own type, the key type of a
/// `std::map`, `std::multimap`, `std::set` or `std::multiset` keyed by a
/// tuple, or the element type of a `std::vector`, `std::deque` or
/// `std::list` of tuples; null for anything else.
QualType memberTupleType(const FieldDecl *FD, const TupleLikeTypes &Types);

/// The key of a `std::map`/`std::set` (and their multi- kin), the element
/// of a `std::vector`/`std::deque`/`std::list`: \p T's first template
/// argument; null for other types.
QualType containerElementType(QualType T);

/// Is \p FD's type a standard container of tuples memberTupleType follows?
bool isKeyedContainer(const FieldDecl *FD, const TupleLikeTypes &Types);

/// Places the code was seen to read an element (`p.first`, `std::get<0>(t)`),
/// in any order: a walk for reads alone enters only the files that hold one
/// (all of such a file: how the code fills a container names its elements)
/// and the declarations whose text holds one. Whatever a local variable or
/// parameter does happens in its function, so nothing about the reads is
/// lost; the rest of the unit (most of it, on a real unit: the headers) is
/// not walked.
class Sightings {
public:
  void add(SourceLocation Loc, const SourceManager &SM);
  /// Was a read at \p Loc (as the AST has it: each instantiation of a
  /// template repeats its reads' locations) added already?
  bool sighted(SourceLocation Loc) const { return Added.contains(Loc); }
  /// All of \p D's file is entered too. Says whether it was not before.
  bool addFileOf(const Decl *D, const SourceManager &SM);
  bool empty() const { return Locations.empty(); }
  /// Is \p D in a file with a sighting, or does its text (macros expanded
  /// to their use) hold one? Declarations without a valid range are entered.
  bool holds(const Decl *D, const SourceManager &SM);

private:
  std::vector<SourceLocation> Locations;
  llvm::DenseSet<SourceLocation> Added;
  llvm::SmallDenseSet<FileID, 8> Files;
  bool Sorted = true;
};

/// With \p Targets, the calls of its functions are recorded as
/// ParameterFacts and the uses of its members as MemberFacts. With
/// \p Within, the walk skips the functions and classes (at namespace or
/// class level) that hold none of its sightings.
TupleFacts
collectTupleFacts(ASTContext &Ctx, const TupleLikeTypes &Types,
                  const llvm::SmallPtrSetImpl<const FunctionDecl *> &Functions,
                  bool VisitInstantiations = true,
                  const FlowTargets *Targets = nullptr,
                  Sightings *Within = nullptr);

/// The variable or member a container expression names (`files_`,
/// `this->m_map`): the key of TupleFacts::Fills, or null.
const ValueDecl *containerDecl(const Expr *E);

/// Strips what does not change the value: implicit casts, parentheses,
/// temporaries, cleanups, copies and moves of the same tuple type.
const Expr *ignoreTransparent(const Expr *E);

/// A GoogleTest assertion's call (`EXPECT_EQ(a, b)` expands to
/// `::testing::internal::EqHelper::Compare("a", "b", a, b)`).
bool isTestAssertion(const CallExpr &Call);

/// What kind of value \p E builds, for a tuple-like type.
Origin classifyOrigin(const Expr *E, const TupleLikeTypes &Types,
                      ASTContext &Ctx);

} // namespace clang::tidy::structify

#endif
