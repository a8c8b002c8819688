//===--- UseCollector.h - the walk behind UseSites.h ------------*- C++ -*-===//
//
// Private to checks/model/UseSites*.cpp: the visitor that records, in one walk
// over a translation unit, where each tuple value comes from and what the code
// does with it. Its parts live in three files: UseCollector.cpp walks and
// records references; UseReceivers.cpp names what receives a value or an
// element (variables, members, setters, containers' fills); UseClassifier.cpp
// classifies each use (UseKind) and says why a use escapes.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_MODEL_USECOLLECTOR_H
#define STRUCTIFY_MODEL_USECOLLECTOR_H

#include "model/UseSites.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace clang::tidy::structify {

/// The standard containers structify follows: ordered ones keyed by a tuple,
/// sequences of tuples.
enum class ContainerKind { None, Map, Set, Sequence };
ContainerKind containerKind(QualType T);
/// Does \p T hold or refer to a \p Key (an iterator over keys, a pair with
/// one)?
bool mentionsType(QualType T, QualType Key, unsigned Depth = 0);
/// One step of ignoreTransparent: the child that holds the same value.
const Expr *transparentChild(const Expr *E);

namespace uses {

using Base = RecursiveASTVisitor<class Collector>;

class Collector : public RecursiveASTVisitor<Collector> {
public:
  Collector(ASTContext &Ctx, const TupleLikeTypes &Types,
            const llvm::SmallPtrSetImpl<const FunctionDecl *> &Functions,
            bool VisitInstantiations, const FlowTargets *Targets,
            Sightings *Within)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Types(Types),
        VisitInstantiations(VisitInstantiations), Within(Within) {
    for (const FunctionDecl *FD : Functions)
      Facts.Functions[FD].Function = FD;
    if (!Targets)
      return;
    for (const FunctionDecl *FD : Targets->Takers)
      Facts.Parameters[FD].Function = FD;
    // Registered before the walk: a member function defined in the class
    // can use a member declared below it.
    for (const FieldDecl *FD : Targets->Members) {
      Facts.Members[FD].Field = FD;
      Facts.Members[FD].Container = isKeyedContainer(FD, Types);
      Facts.Members[FD].Sequence =
          containerKind(FD->getType()) == ContainerKind::Sequence;
      Facts.Members[FD].Map =
          containerKind(FD->getType()) == ContainerKind::Map;
    }
  }

  TupleFacts take() { return std::move(Facts); }

  bool shouldVisitTemplateInstantiations() const { return VisitInstantiations; }
  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseDecl(Decl *D);

  // Traverse recursively (not through RecursiveASTVisitor's queue) so that
  // the stack holds every ancestor of the node being visited.
  bool TraverseStmt(Stmt *S, DataRecursionQueue * = nullptr);

  bool TraverseTypeLoc(TypeLoc TL, bool TraverseQualifier = true);

  bool VisitDeclRefExpr(DeclRefExpr *E);

  bool VisitMemberExpr(MemberExpr *E);

  bool VisitFieldDecl(FieldDecl *FD);

  /// `std::map<std::pair<int, int>, int> seen_;`: the key as written, and
  /// no value of its own to follow.
  bool visitContainer(const FieldDecl *FD, MemberFacts &M);

  bool VisitCXXConstructorDecl(CXXConstructorDecl *Ctor);

  bool VisitCallExpr(CallExpr *E);

  bool VisitBinaryOperator(BinaryOperator *E);

  bool VisitOverloadExpr(OverloadExpr *E);

  bool VisitVarDecl(VarDecl *VD);

  bool VisitReturnStmt(ReturnStmt *S);

private:
  bool isTrackedVariable(const VarDecl *VD) const;

  /// The call operator of the innermost lambda around the node being
  /// visited, when no named function is nearer, or null.
  const CXXMethodDecl *enclosingLambda() const;

  LambdaFacts *enclosingTrackedLambda();

public:
  /// A lambda that returns a tuple-like value: its calls are followed when
  /// it is called at once or kept in a local variable that is only called.
  bool VisitLambdaExpr(LambdaExpr *L);

  /// `[&] { ... }()`: the lambda is known before its call operator is
  /// seen, as the callee.
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Call);

private:
  /// The facts of \p L when it returns a tuple-like value, made on first
  /// sight; null for other lambdas.
  LambdaFacts *trackLambda(const LambdaExpr *L);

  /// The first reason \p F's calls cannot all be followed is the one told.
  static void setProblem(LambdaFacts &F, SourceLocation Loc,
                         NoFixReason Reason);

  /// Is \p Parent the call `E(...)`?
  static bool isCalledObject(const DynTypedNode &Parent, const Expr *E);

  /// A reference to the variable that holds a followed lambda: fine when it
  /// is called.
  void recordClosureReference(const DeclRefExpr *Ref, const CXXMethodDecl *Op);

  const FunctionDecl *enclosingFunction() const;

  const Expr *exprAt(size_t I) const { return Stack[I].get<Expr>(); }

  /// The index of the outermost ancestor of Stack[I] that holds the same value.
  size_t climbTransparent(size_t I) const;

  /// `f(...)`: is the reference at Stack[I] the callee of a call? Returns the
  /// index of the call, or 0.
  size_t callOfCallee(size_t I) const;

  void recordFunctionReference(const Expr *Ref, const FunctionDecl *FD);

  MemberFacts *trackedMember(const ValueDecl *D);

  void recordMemberReference(const MemberExpr *E, MemberFacts &M);

  /// A call of a function that takes a tuple-like parameter: where each
  /// such argument comes from.
  void recordTakerReference(const Expr *Ref, ParameterFacts &Taker);

  void recordVariableReference(const DeclRefExpr *Ref, const VarDecl *VD);

  /// Element reads of values that are not tracked: recorded for
  /// structify-index-access.
  void recordOtherAccess(const Expr *Access);

  void addFill(const ValueDecl *Container, const Expr *At,
               llvm::ArrayRef<const Expr *> Stored);

  /// `c.push_back(std::make_pair(a, b))`, `c.insert({a, b})`,
  /// `c.emplace_back(a, b)`, `m.try_emplace(k, v)`.
  void recordFill(const CXXMemberCallExpr *Call);

  /// `m[key] = value` on a map.
  void recordMapAssignment(const Expr *LHS, const Expr *RHS);

  /// Fills Kind, Index and Access when \p Access reads an element of the
  /// tuple value \p Object.
  bool elementAccess(const Expr *Access, const Expr *Object, Use &U) const;

  /// `EXPECT_EQ(f(row.first), row.second)`, `EXPECT_NEAR(...)`: is \p E the
  /// value a GoogleTest assertion (\p Call, in its macro) checks something
  /// the code computes against? A row of a test table: its expected value.
  static bool isCheckedAgainst(const CallExpr *Call, const Expr *E);

  /// Is \p Class a map (it or a base names a `mapped_type`: the standard's,
  /// absl's, a project's own)?
  bool isMap(const CXXRecordDecl *Class, unsigned Depth = 0) const;

  /// `m.try_emplace(k, v)`, `m.insert_or_assign(hint, k, v)`,
  /// `m.emplace(k, v)` on a map: "key" or "value" for the argument \p E,
  /// whatever the library calls its parameters.
  std::string mapArgumentRole(const CXXMemberCallExpr *Call,
                              const Expr *E) const;

  /// Does \p P's name say what it takes? Not a reserved name
  /// (`std::to_string(int __val)`): the standard library's say nothing.
  static bool isTellingParameter(const ParmVarDecl *P);

  /// The name a getter or setter gives its value: `port()`, `get_port()`,
  /// `getPort()`, `set_port(v)`, `setPort(v)` -> `port`.
  static std::string accessorName(const FunctionDecl *Method, bool Setter);

  struct Receiver {
    std::string Name;
    ReceiverKind Kind = ReceiverKind::None;
    const VarDecl *Declared = nullptr;
  };

  /// What an expression is called: a variable, a member, a getter call.
  static Receiver nameOf(const Expr *Target);

  /// Is the token at Loc written in a macro's definition rather than in the
  /// code (directly or as a macro argument)? A name a macro writes
  /// (`auto const y_ = y;` in a test macro, the `lhs` of the helper it calls)
  /// says nothing about what an element of the user's value is.
  bool writtenByMacro(SourceLocation Loc) const;

  /// nameOf, when the name is the code's own rather than a macro's.
  Receiver nameInCode(const Expr *Target) const;

  /// What names the value of the expression at Stack[I]: what receives it
  /// (`int count = <e>;`, `total = <e>;`, `set_total(<e>)`, `draw(<e>)`),
  /// what it is compared with for equality, the getter that returns it.
  Receiver receiverName(size_t I) const;
  /// What names \p E as an argument of \p Call: the parameter, a setter, a
  /// map's key or value, an assertion's expected value.
  Receiver argumentReceiver(const CallExpr *Call, const Expr *E) const;

  static bool isComparison(OverloadedOperatorKind Op);

  /// Is the statement-level parent at Stack[I] one that ignores the value of
  /// its child (a full-expression statement)?
  bool isFullStatement(size_t I) const;

  /// What the code does with the tuple value of the expression at Stack[I].
  static void setReceiver(Use &U, Receiver R);

  /// The innermost function on the stack, and the statements below it.
  void recordPlace(Use &U) const;

  /// The conditional expression at Stack[I - 1] has the value at Stack[I]
  /// as a branch, and the value's type: returns the other branch, or null.
  const Expr *otherBranch(size_t I) const;

  /// What the code does with the value at Stack[ValueIndex], by what holds
  /// it: an operator, a call, a declaration or statement, an expression.
  Use classifyUse(size_t ValueIndex);
  Use classifyOperand(const CXXOperatorCallExpr *OC, size_t I, Use U);
  Use classifyArgument(const CallExpr *Call, size_t I, Use U);
  /// A member initialiser, a structured binding, a variable's initialiser,
  /// a return or a lambda's capture; else nothing.
  std::optional<Use> classifyInDeclaration(size_t I, const Use &U);
  Use classifyInExpression(size_t I, Use U);

  /// The function around the node being visited, or null.
  const FunctionDecl *functionOnStack() const;

  /// The keyed container member \p E names (`seen_`, `other.seen_`) whose
  /// facts are recorded, or null.
  const MemberFacts *trackedContainer(const Expr *E) const;

  /// `seen_[value]`, `seen_.count(value)`: the value \p E is a key of a
  /// keyed container member that changes type with it.
  bool keyOfTrackedContainer(const Expr *Object, const Expr *E, Use &U) const;

  /// What the code does with the keyed container at Stack[I]: looks up,
  /// stores or erases by key (each key an origin of \p M), asks its size.
  /// Anything that could reach a key (iteration, a copy, an iterator that
  /// is read) is an Escape.
  Use classifyContainerUse(size_t I, MemberFacts &M);
  /// `seen_.insert(value)`, `cells_.size()`: the container at Stack[I] is the
  /// object of a call of one of its member functions.
  Use classifyContainerCall(size_t I, MemberFacts &M, Use U);

  /// The index on the stack of `E[i]`, `E.at(i)`, `E.front()` or
  /// `E.back()` over the sequence \p E at Stack[I]: an element; else 0.
  size_t sequenceElementAt(size_t I, const Expr *E) const;

  /// Is \p Parent a `==` or `!=` of \p Operand with another iterator of the
  /// container of \p M?
  bool isIteratorComparison(const DynTypedNode &Parent, const Expr *Operand,
                            const MemberFacts &M) const;

  void addKey(MemberFacts &M, const Expr *Key);

  /// The parameter \p Arg initialises when \p Call calls a function whose
  /// calls are recorded (ParameterFacts) and the parameter has the
  /// argument's type (by value or by reference).
  std::optional<unsigned> takerParameter(const CallExpr *Call,
                                         const Expr *Arg) const;

  /// `value == other`: what the struct needs to compare the same way.
  Use compared(Use U, std::string Operator, const Expr *Other);

  /// `<lhs> = <value>`, with the value at Stack[OperatorIndex + 1].
  Use classifyAssignment(const CXXOperatorCallExpr *OC, size_t OperatorIndex,
                         Use U);

  /// Is \p E (or \p Field) a data member whose facts are recorded?
  bool isTrackedMemberExpr(const Expr *E,
                           const ValueDecl *Field = nullptr) const;

  ASTContext &Ctx;
  const SourceManager &SM;
  const TupleLikeTypes &Types;
  const bool VisitInstantiations;
  Sightings *Within;
  TupleFacts Facts;
  /// The local variables that hold a followed lambda.
  llvm::DenseMap<const VarDecl *, const CXXMethodDecl *> ClosureVariables;
  llvm::SmallVector<DynTypedNode, 64> Stack;
  unsigned InstantiationDepth = 0;
};

} // namespace uses
} // namespace clang::tidy::structify

#endif
