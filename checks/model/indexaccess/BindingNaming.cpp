//===--- BindingNaming.cpp - the names structify-index-access binds -------===//
//
// The names of a binding's elements: the candidates the code suggests
// (BindingNames.h), less the names the binding's scope already uses or
// another binding of this unit took there.
//
//===----------------------------------------------------------------------===//

#include "model/Naming.h"
#include "model/ScopeNames.h"
#include "model/TypeSpelling.h"
#include "model/indexaccess/BindingRewriter.h"
#include "model/tuplereturn/ResultGroup.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::structify {
namespace {

/// The last name in an expression: `m_bounds`, `entry` in `e.entry`.
std::string holderName(const Expr *E) {
  return referencedName(E->IgnoreParenImpCasts());
}

/// Is the code at \p Evidence seen by every unit that compiles the read at
/// \p Read: in the read's own file, or in the file of \p Declared (the
/// first declaration of what the read uses, which such a unit must see)?
/// Names taken only from such code are the same in every unit, so every
/// unit that compiles a header proposes the same edits for it.
bool seenWithReads(SourceLocation Evidence, SourceLocation Read,
                   SourceLocation Declared, const SourceManager &SM) {
  auto FileOf = [&](SourceLocation Loc) {
    return SM.getFileID(SM.getExpansionLoc(Loc));
  };
  const FileID File = FileOf(Evidence);
  return File == FileOf(Read) || File == FileOf(Declared);
}

} // namespace

std::optional<std::vector<std::string>> BindingRewriter::chooseBindingNames(
    const Reads &R, QualType Type, const FunctionDecl *Producer,
    const Stmt *Scope, llvm::ArrayRef<Adoption> Adopted, Blocker &WhyNot,
    const VarDecl *Replaced) {
  const auto Shape = Types.shape(Type);
  const SourceLocation Where =
      R.Var ? R.Var->getLocation() : R.Uses.front()->Loc;
  if (!Shape || Shape->HasPackExpansion) {
    WhyNot = {Where, NoFix::UnknownElementCount};
    return std::nullopt;
  }
  const BindingSubject Subject = bindingSubject(R, Type, *Shape, Producer);
  ElementNames Candidates = bindingCandidates(Subject);
  // An adopted declaration's name is the element's, and no other: its uses
  // stay as they are. (Nothing else in the binding's block has the name.)
  llvm::StringSet<> AdoptedNames;
  for (const Adoption &A : Adopted)
    AdoptedNames.insert(A.Var->getName());
  for (auto &Names : Candidates)
    llvm::erase_if(
        Names, [&](const std::string &N) { return AdoptedNames.contains(N); });
  for (const Adoption &A : Adopted)
    Candidates[A.Index] = {A.Var->getName().str()};
  const Decl *Function = R.Uses.front()->Function;
  llvm::StringSet<> Taken = namesUsedIn(Function, Scope);
  // The variable the binding replaces gives its name up.
  if (Replaced)
    Taken.erase(Replaced->getName());
  auto Given = [&](llvm::StringRef Name) {
    return isGiven(Function, Scope, Name);
  };
  // When another binding of this run took the name (two `insert`s in one
  // function both want `it` and `inserted`), the holder's name tells them
  // apart. Never a number: `value2` says nothing `value` does not.
  const std::string Prefix = normalizeName(Subject.HolderName);
  auto Alternatives = [&](llvm::StringRef Candidate) {
    std::vector<std::string> More;
    if (Given(Candidate) && isMeaningfulName(Prefix))
      More.push_back(Prefix + "_" + Candidate.str());
    return More;
  };
  // From C++26 an element nothing reads and nothing names is `_`, the
  // placeholder that may appear any number of times (unless `_` is a macro,
  // or names something the binding's scope uses).
  const bool Placeholder = Context->getLangOpts().CPlusPlus26 &&
                           !Taken.contains("_") && isUsableName("_", *Context);
  std::vector<size_t> Named;
  for (size_t I = 0; I < Candidates.size(); ++I)
    if (!Placeholder || !Candidates[I].empty() ||
        llvm::any_of(R.Uses, [&](const Use *U) { return U->Index == I; }))
      Named.push_back(I);
  std::vector<std::vector<std::string>> ToName;
  ToName.reserve(Named.size());
  for (size_t I : Named)
    ToName.push_back(Candidates[I]);
  unsigned Missing = 0;
  std::vector<std::string> Chosen = chooseNames(
      ToName,
      [&](llvm::StringRef Name) {
        return AdoptedNames.contains(Name) ||
               (isUsableName(Name, *Context) && !Taken.contains(Name) &&
                !Given(Name));
      },
      Missing, Alternatives);
  if (!Chosen.empty() || Named.empty()) {
    std::vector<std::string> Names(Candidates.size(), "_");
    for (size_t K = 0; K < Named.size(); ++K)
      Names[Named[K]] = Chosen[K];
    return Names;
  }
  Missing = Named[Missing];
  WhyNot = {Where, whyUnnamed(Type, *Shape, Missing, Candidates[Missing])};
  return std::nullopt;
}

BindingSubject
BindingRewriter::bindingSubject(const Reads &R, QualType Type,
                                const TupleShape &Shape,
                                const FunctionDecl *Producer) const {
  BindingSubject Subject;
  Subject.Type = Type;
  Subject.Shape = Shape;
  Subject.Producer = Producer;
  if (R.Var) {
    Subject.HolderName = R.Var->getName().str();
  } else {
    const auto [Object, Deref] = selectingExpr(*R.Uses.front());
    Subject.HolderName = holderName(Object);
  }
  Subject.Reads = R.Uses;
  if (const Expr *Container = containerOf(R)) {
    Subject.Container = Container->getType();
    Subject.ContainerName = holderName(Container);
    Subject.Fills = fillsOf(Container, *R.Uses.front());
  }
  Subject.Function = R.Uses.front()->Function;
  Subject.FromProducer =
      producerNames(Producer, *R.Uses.front(), Shape.Elements.size());
  return Subject;
}

NoFixReason
BindingRewriter::whyUnnamed(QualType Type, const TupleShape &Shape,
                            size_t Element,
                            llvm::ArrayRef<std::string> Candidates) const {
  if (Candidates.empty()) {
    const std::string Spelled = spellTypeForMessage(
        writtenElementTypes(Type, Shape, *Context)[Element], *Context);
    if (Spelled.size() > 30)
      return {NoFix::UnnamedElement, std::to_string(Element)};
    return {NoFix::UnnamedElementOfType, std::to_string(Element), Spelled};
  }
  return {NoFix::NamesTaken, std::to_string(Element),
          "'" + llvm::join(Candidates.take_front(2), "', '") +
              (Candidates.size() > 2 ? "', ..." : "'")};
}

void BindingRewriter::recordNames(const Reads &R, const BindingFix &F) {
  if (!F.Hints.empty())
    for (const std::string &Name : F.Names)
      NamesGiven[R.Uses.front()->Function].emplace_back(Name, F.Scope);
}

bool BindingRewriter::isGiven(const Decl *Function, const Stmt *Scope,
                              llvm::StringRef Name) const {
  const auto It = NamesGiven.find(Function);
  if (It == NamesGiven.end())
    return false;
  const SourceManager &SM = Context->getSourceManager();
  return llvm::any_of(It->second, [&](const auto &Given) {
    return Given.first == Name && (!Scope || !Given.second ||
                                   overlapInSource(Given.second, Scope, SM));
  });
}

std::vector<std::vector<std::string>>
BindingRewriter::producerNames(const FunctionDecl *Producer, const Use &Read,
                               size_t Elements) const {
  std::vector<std::vector<std::string>> Names(Elements);
  const FunctionDecl *Definition =
      Producer ? Producer->getDefinition() : nullptr;
  if (!Definition || !Definition->getBody())
    return Names;
  if (!seenWithReads(Definition->getLocation(), Read.Loc,
                     Producer->getCanonicalDecl()->getLocation(),
                     Context->getSourceManager()))
    return Names;
  llvm::SmallVector<const Stmt *, 16> Work{Definition->getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    llvm::append_range(Work, S->children());
    const auto *Return = dyn_cast<ReturnStmt>(S);
    if (!Return || !Return->getRetValue())
      continue;
    const Origin O = classifyOrigin(Return->getRetValue(), Types, *Context);
    if (O.Kind == OriginKind::Construction &&
        O.Built.Elements.size() == Elements)
      for (size_t I = 0; I < Elements; ++I)
        Names[I].push_back(elementExpressionName(O.Built.Elements[I]));
    if (O.Kind != OriginKind::Variable)
      continue;
    // `ret`, whose elements the function writes: `std::get<0>(ret) += payload`.
    const auto *Found = Facts.Variables.find(O.Var);
    if (Found == Facts.Variables.end())
      continue;
    for (const Use &U : Found->second.Uses)
      if ((U.Kind == UseKind::ElementMember || U.Kind == UseKind::ElementGet) &&
          U.Index < Elements && U.Receiver != ReceiverKind::Parameter)
        Names[U.Index].push_back(U.ReceiverName);
  }
  return Names;
}

std::vector<const Fill *> BindingRewriter::fillsOf(const Expr *Container,
                                                   const Use &Read) const {
  std::vector<const Fill *> Found;
  const ValueDecl *D = containerDecl(Container);
  if (!D)
    return Found;
  D = cast<ValueDecl>(D->getCanonicalDecl());
  const auto It = Facts.Fills.find(D);
  if (It == Facts.Fills.end())
    return Found;
  for (const Fill &F : It->second)
    if (seenWithReads(F.Loc, Read.Loc, D->getLocation(),
                      Context->getSourceManager()))
      Found.push_back(&F);
  return Found;
}

const Expr *BindingRewriter::containerOf(const Reads &R) {
  if (R.Range)
    return R.Range->IgnoreParenImpCasts();
  if (R.Var)
    return nullptr;
  // `v[i]`, `v.at(i)`, `v.front()`: `v`.
  const auto [Object, Deref] = selectingExpr(*R.Uses.front());
  if (const auto *Subscript = dyn_cast<CXXOperatorCallExpr>(Object);
      Subscript && Subscript->getOperator() == OO_Subscript)
    return Subscript->getArg(0)->IgnoreParenImpCasts();
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Object))
    return Call->getImplicitObjectArgument()->IgnoreParenImpCasts();
  return nullptr;
}

} // namespace clang::tidy::structify
