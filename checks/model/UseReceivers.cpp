//===--- UseReceivers.cpp - what receives a value or an element -----------===//

#include "compat/Compat.h"
#include "model/UseCollector.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/OperatorKinds.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::structify::uses {

void Collector::addFill(const ValueDecl *Container, const Expr *At,
                        llvm::ArrayRef<const Expr *> Stored) {
  Fill F;
  F.Loc = At->getExprLoc();
  for (const Expr *Element : Stored)
    F.Names.push_back(nameOf(ignoreTransparent(Element)).Name);
  if (llvm::all_of(F.Names, [](const std::string &N) { return N.empty(); }))
    return;
  Facts.Fills[cast<ValueDecl>(Container->getCanonicalDecl())].push_back(
      std::move(F));
}

void Collector::recordFill(const CXXMemberCallExpr *Call) {
  const CXXMethodDecl *Method = Call->getMethodDecl();
  const ValueDecl *Container =
      Method ? containerDecl(Call->getImplicitObjectArgument()) : nullptr;
  if (!Container || !Method->getDeclName().isIdentifier() ||
      SM.isInSystemHeader(SM.getExpansionLoc(Call->getExprLoc())))
    return;
  const llvm::StringRef Name = Method->getName();
  const auto Args = llvm::ArrayRef(Call->getArgs(), Call->getNumArgs());
  if (llvm::is_contained({"push_back", "push_front", "push", "insert"}, Name) &&
      Args.size() == 1) {
    const Origin O = classifyOrigin(Args[0], Types, Ctx);
    if (O.Kind == OriginKind::Construction && !O.Built.Elements.empty())
      addFill(Container, Call, O.Built.Elements);
    return;
  }
  if (llvm::is_contained(
          {"emplace_back", "emplace_front", "emplace", "try_emplace"}, Name) &&
      Args.size() >= 2 && !isa<CXXDefaultArgExpr>(Args.back()))
    addFill(Container, Call, Args);
}

void Collector::recordMapAssignment(const Expr *LHS, const Expr *RHS) {
  const auto *Subscript =
      dyn_cast<CXXOperatorCallExpr>(LHS->IgnoreParenImpCasts());
  if (!Subscript || Subscript->getOperator() != OO_Subscript ||
      Subscript->getNumArgs() != 2)
    return;
  const ValueDecl *Container = containerDecl(Subscript->getArg(0));
  const auto *Record = Subscript->getArg(0)->getType()->getAsCXXRecordDecl();
  if (!Container || !Record || !Record->getDeclName().isIdentifier() ||
      !Record->getName().contains("map") ||
      SM.isInSystemHeader(SM.getExpansionLoc(Subscript->getExprLoc())))
    return;
  addFill(Container, Subscript, {Subscript->getArg(1), RHS});
}

bool Collector::isCheckedAgainst(const CallExpr *Call, const Expr *E) {
  if (!isTestAssertion(*Call))
    return false;
  // The arguments after the expressions' texts: the values compared.
  llvm::SmallVector<const Expr *, 3> Values;
  for (const Expr *Arg : Call->arguments())
    if (!isa<StringLiteral>(Arg->IgnoreParenImpCasts()))
      Values.push_back(Arg);
  if (Values.size() < 2 || !llvm::is_contained(Values, E))
    return false;
  // What the code computes: a call, or a construction from arguments (not
  // a copy of a variable, not a literal).
  const Expr *Other = (Values[0] == E ? Values[1] : Values[0])
                          ->IgnoreImplicit()
                          ->IgnoreParens();
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Other))
    Other = Cast->getSubExpr()->IgnoreImplicit();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Other))
    return Construct->getNumArgs() > 0 &&
           !Construct->getConstructor()->isCopyOrMoveConstructor();
  return isa<CallExpr>(Other);
}

bool Collector::isMap(const CXXRecordDecl *Class, unsigned Depth) const {
  if (!Class || !Class->hasDefinition() || Depth > 4)
    return false;
  if (!Class->lookup(&Ctx.Idents.get("mapped_type")).empty())
    return true;
  return llvm::any_of(Class->bases(), [&](const CXXBaseSpecifier &Base) {
    return isMap(Base.getType()->getAsCXXRecordDecl(), Depth + 1);
  });
}

std::string Collector::mapArgumentRole(const CXXMemberCallExpr *Call,
                                       const Expr *E) const {
  const CXXMethodDecl *Method = Call->getMethodDecl();
  if (!Method || !Method->getDeclName().isIdentifier())
    return {};
  const llvm::StringRef Name = Method->getName();
  if (!llvm::is_contained(
          {"try_emplace", "insert_or_assign", "emplace", "emplace_hint"}, Name))
    return {};
  const unsigned Hinted =
      Name == "emplace_hint" || (Name != "emplace" && Call->getNumArgs() == 3);
  if (Call->getNumArgs() != 2 + Hinted || !isMap(Call->getRecordDecl()))
    return {};
  if (Call->getArg(Hinted) == E)
    return "key";
  if (Call->getArg(Hinted + 1) == E)
    return "value";
  return {};
}

bool Collector::isTellingParameter(const ParmVarDecl *P) {
  if (!P->getDeclName().isIdentifier())
    return false;
  const llvm::StringRef Name = P->getName();
  const bool Reserved =
      Name.starts_with("__") ||
      (Name.size() > 1 && Name[0] == '_' && isUppercase(Name[1]));
  return !Name.empty() && !Reserved;
}

std::string Collector::accessorName(const FunctionDecl *Method, bool Setter) {
  if (!Method || !Method->getDeclName().isIdentifier())
    return {};
  llvm::StringRef Name = Method->getName();
  for (llvm::StringRef Prefix : {"set_", "get_", "set", "get"}) {
    if ((Prefix.starts_with("set") != Setter) || !Name.starts_with(Prefix) ||
        Name.size() == Prefix.size())
      continue;
    llvm::StringRef Rest = Name.drop_front(Prefix.size());
    if (!Prefix.ends_with("_") && !isUppercase(Rest.front()))
      continue; // `settle`, `getaway`
    std::string Word = Rest.str();
    if (!Prefix.ends_with("_"))
      Word[0] = toLowercase(Word[0]);
    return Word;
  }
  // A getter without a prefix: a const member without parameters whose
  // name says what it returns, not how (`data`, `begin`, `c_str`).
  static const char *const Generic[] = {
      "get",     "data",  "begin", "end",   "cbegin", "cend", "rbegin",
      "rend",    "c_str", "str",   "empty", "front",  "back", "top",
      "release", "lock",  "clone", "copy",  "next",   "prev"};
  const auto *Const = dyn_cast<CXXMethodDecl>(Method);
  if (Setter || !Const || !Const->isConst() || Method->getNumParams() != 0 ||
      llvm::is_contained(Generic, Name))
    return {};
  return Name.str();
}

Collector::Receiver Collector::nameOf(const Expr *Target) {
  Target = Target->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Target))
    if (DRE->getDecl()->getDeclName().isIdentifier())
      return {DRE->getDecl()->getName().str(), ReceiverKind::Variable};
  if (const auto *ME = dyn_cast<MemberExpr>(Target))
    if (ME->getMemberDecl()->getDeclName().isIdentifier())
      return {ME->getMemberDecl()->getName().str(), ReceiverKind::Variable};
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Target))
    if (Call->getNumArgs() == 0)
      return {accessorName(Call->getMethodDecl(), /*Setter=*/false),
              ReceiverKind::Accessor};
  return {};
}

bool Collector::writtenByMacro(SourceLocation Loc) const {
  while (Loc.isMacroID()) {
    if (!SM.isMacroArgExpansion(Loc))
      return true;
    Loc = SM.getImmediateSpellingLoc(Loc);
  }
  return false;
}

Collector::Receiver Collector::nameInCode(const Expr *Target) const {
  return writtenByMacro(Target->IgnoreParenImpCasts()->getExprLoc())
             ? Receiver()
             : nameOf(Target);
}

Collector::Receiver Collector::argumentReceiver(const CallExpr *Call,
                                                const Expr *E) const {
  if (writtenByMacro(Call->getExprLoc()))
    return isCheckedAgainst(Call, E)
               ? Receiver{"expected", ReceiverKind::Compared}
               : Receiver();
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    if (std::string Role = mapArgumentRole(Member, E); !Role.empty())
      return {Role, ReceiverKind::Parameter};
    if (Call->getNumArgs() == 1 && Call->getArg(0) == E) {
      std::string Set = accessorName(Member->getMethodDecl(), /*Setter=*/true);
      if (!Set.empty())
        return {Set, ReceiverKind::Accessor};
    }
  }
  for (unsigned Arg = 0; Callee && Arg < Call->getNumArgs(); ++Arg)
    if (Call->getArg(Arg) == E && Arg < Callee->getNumParams() &&
        isTellingParameter(Callee->getParamDecl(Arg)))
      return {Callee->getParamDecl(Arg)->getName().str(),
              ReceiverKind::Parameter};
  return {};
}

Collector::Receiver Collector::receiverName(size_t I) const {
  I = climbTransparent(I);
  // `draw(int(r.first))`, `static_cast<long>(r.second)`: a conversion the
  // code spells out still passes the element on.
  while (I > 0) {
    const auto *Cast = dyn_cast_or_null<ExplicitCastExpr>(exprAt(I - 1));
    if (!Cast || Cast->getSubExpr()->IgnoreParenImpCasts() !=
                     exprAt(I)->IgnoreParenImpCasts())
      break;
    I = climbTransparent(I - 1);
  }
  if (I == 0)
    return {};
  const Expr *E = exprAt(I);
  const DynTypedNode &Parent = Stack[I - 1];
  if (const auto *VD = Parent.get<VarDecl>())
    if (VD->getInit() && VD->getInit()->IgnoreImplicit() == E->IgnoreImplicit())
      return writtenByMacro(VD->getLocation())
                 ? Receiver()
                 : Receiver{VD->getName().str(), ReceiverKind::Variable, VD};
  // `x = <e>` names the element x; `<e> = x` (an element write) too;
  // `<e> == x` names it x.
  auto Other = [&](const Expr *LHS, const Expr *RHS, bool Compared) {
    Receiver Named = nameInCode(RHS == E ? LHS : RHS);
    if (Compared && !Named.Name.empty())
      Named.Kind = ReceiverKind::Compared;
    return Named;
  };
  if (const auto *BO = Parent.get<BinaryOperator>()) {
    if (BO->getOpcode() == BO_Assign || BO->isEqualityOp())
      return Other(BO->getLHS(), BO->getRHS(), BO->isEqualityOp());
    // `std::get<0>(ret) += payload`: the element adds up payloads.
    if (BO->isCompoundAssignmentOp() && BO->getLHS() == E)
      return nameInCode(BO->getRHS());
    return {};
  }
  if (const auto *OC = Parent.get<CXXOperatorCallExpr>()) {
    const OverloadedOperatorKind Op = OC->getOperator();
    if (OC->getNumArgs() == 2 &&
        (Op == OO_Equal || Op == OO_EqualEqual || Op == OO_ExclaimEqual))
      return Other(OC->getArg(0), OC->getArg(1), Op != OO_Equal);
    return {};
  }
  if (const auto *Call = Parent.get<CallExpr>())
    return argumentReceiver(Call, E);
  if (const auto *Construct = Parent.get<CXXConstructExpr>()) {
    if (writtenByMacro(Construct->getLocation()))
      return {};
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    for (unsigned Arg = 0; Arg < Construct->getNumArgs(); ++Arg)
      if (Construct->getArg(Arg) == E && Arg < Ctor->getNumParams() &&
          !Ctor->isCopyOrMoveConstructor() &&
          isTellingParameter(Ctor->getParamDecl(Arg)))
        return {Ctor->getParamDecl(Arg)->getName().str(),
                ReceiverKind::Parameter};
    return {};
  }
  if (Parent.get<ReturnStmt>())
    if (const FunctionDecl *Getter = enclosingFunction())
      if (Getter->getNumParams() == 0 && !isa<CXXConversionDecl>(Getter))
        return {accessorName(Getter, /*Setter=*/false), ReceiverKind::Returned};
  return {};
}

void Collector::setReceiver(Use &U, Receiver R) {
  U.ReceiverName = std::move(R.Name);
  U.Receiver = R.Kind;
  U.ReceiverVar = R.Declared;
}

void Collector::addKey(MemberFacts &M, const Expr *Key) {
  M.Origins.push_back(classifyOrigin(Key, Types, Ctx));
  M.OriginFunctions.push_back(functionOnStack());
}

} // namespace clang::tidy::structify::uses
