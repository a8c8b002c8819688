//===--- ResultGroup.cpp - the values that become one function's struct ---===//

#include "model/tuplereturn/ResultGroup.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::structify {
namespace {

/// The element types of the tuple type \p T, canonical.
llvm::SmallVector<QualType, 4> elementTypesOf(QualType T) {
  llvm::SmallVector<QualType, 4> Elements;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getCanonicalType()->getAsCXXRecordDecl());
  if (!Spec)
    return Elements;
  for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
    for (const TemplateArgument &Element :
         Arg.getKind() == TemplateArgument::Pack ? Arg.pack_elements()
                                                 : llvm::ArrayRef(Arg))
      if (Element.getKind() == TemplateArgument::Type)
        Elements.push_back(Element.getAsType().getCanonicalType());
  return Elements;
}

/// Has the tuple type \p T an element of reference type? A pair assigns
/// through it; a struct with a reference member cannot be assigned.
bool hasReferenceElement(QualType T) {
  return llvm::any_of(elementTypesOf(T), [](QualType Element) {
    return Element->isReferenceType();
  });
}

/// Does comparing an element of type \p Field with \p E give what comparing
/// it with `Field{E}` gives? For arithmetic elements: the same type, or a
/// constant the element type holds exactly (`std::make_pair(1, 2)` against
/// a pair of longs); other types convert as their comparison would.
bool comparesAlike(const Expr *E, QualType Field, const ASTContext &Ctx) {
  Field = Field.getNonReferenceType().getUnqualifiedType();
  const Expr *Written = E->IgnoreImplicit();
  const QualType From =
      Written->getType().getNonReferenceType().getUnqualifiedType();
  if (!(Field->isArithmeticType() || Field->isEnumeralType() ||
        Field->isPointerType()))
    return true;
  if (Ctx.hasSameType(From, Field))
    return true;
  if (!Field->isIntegralOrEnumerationType() ||
      !From->isIntegralOrEnumerationType())
    return false;
  Expr::EvalResult Result;
  if (Written->isValueDependent() || !Written->EvaluateAsInt(Result, Ctx))
    return false;
  llvm::APSInt Value = Result.Val.getInt();
  const unsigned Width = Ctx.getIntWidth(Field);
  const bool Signed = Field->isSignedIntegerOrEnumerationType();
  if (Value.isSigned() && Value.isNegative())
    return Signed && Value.getSignificantBits() <= Width;
  return Value.getActiveBits() <= (Signed ? Width - 1 : Width);
}

class GroupBuilder {
public:
  GroupBuilder(const FunctionDecl *Root, int Parameter, const FieldDecl *Member,
               const TupleFacts &Facts, ASTContext &Ctx,
               const MigrationScope &Scope)
      : Facts(Facts), Ctx(Ctx), Scope(Scope) {
    Group.Function = Root;
    Group.Parameter = Parameter;
    Group.Member = Member;
    const auto *Tracked =
        Member ? Facts.Members.find(Member) : Facts.Members.end();
    Value = (Tracked != Facts.Members.end() && Tracked->second.Container
                 ? containerElementType(Member->getType())
             : Member        ? Member->getType()
             : Parameter < 0 ? Root->getReturnType()
                             : Root->getParamDecl(Parameter)->getType())
                .getNonReferenceType();
    for (const auto &[Var, V] : Facts.Variables)
      remember(V.Uses);
  }

  ResultGroup build(const FunctionFacts &Function) {
    remember(Function.CallUses);
    remember(Function.OtherReferences);
    for (const Use &U : Function.CallUses)
      addUse(U);
    for (const Use &U : Function.OtherReferences)
      if (!isRepeatedInstantiation(U))
        block(U.Loc, U.Reason);
    for (const Origin &O : Function.Returns) {
      if (O.Kind == OriginKind::Construction)
        Group.ReturnedConstructions.push_back(O.Built);
      for (const Origin &Branch : O.Branches)
        if (Branch.Kind == OriginKind::Construction)
          Group.ReturnedConstructions.push_back(Branch.Built);
      addOrigin(O, /*Declaring=*/nullptr, Group.Function);
    }
    return std::move(Group);
  }

  /// The parameter in every declaration, its uses in the definition, and
  /// what every call passes it.
  ResultGroup buildParameter(const ParameterFacts &Taker) {
    remember(Taker.OtherReferences);
    const FunctionDecl *F = Group.Function;
    const auto Index = static_cast<unsigned>(Group.Parameter);
    const std::string Name = F->getNameAsString();
    if (const auto *Method = dyn_cast<CXXMethodDecl>(F);
        Method && Method->isVirtual())
      block(F->getLocation(), {NoFix::VirtualTaker, Name});
    if (F->isTemplated())
      block(F->getLocation(), {NoFix::TemplateTaker, Name});
    for (const Use &U : Taker.OtherReferences)
      if (!isRepeatedInstantiation(U))
        block(U.Loc, U.Reason);
    for (const FunctionDecl *Decl : F->redecls())
      Group.Variables.insert(Decl->getParamDecl(Index));
    for (const FunctionDecl *Decl : F->redecls()) {
      const ParmVarDecl *P = Decl->getParamDecl(Index);
      if (P->hasDefaultArg())
        block(P->getLocation(), {NoFix::DefaultArgument, P->getNameAsString()});
      const auto *It = Facts.Variables.find(P);
      if (It == Facts.Variables.end() || It->second.WrittenType.isNull()) {
        block(P->getLocation(), {NoFix::ParameterTypeNotWritten,
                                 std::to_string(Index + 1), Name});
        continue;
      }
      Group.TypesToRespell.push_back(&It->second);
      for (const Use &U : It->second.Uses)
        addUse(U);
    }
    llvm::DenseSet<SourceLocation::UIntTy> PatternCalls;
    for (const ParameterFacts::Call &C : Taker.Calls)
      if (!C.InInstantiation)
        PatternCalls.insert(C.Loc.getRawEncoding());
    for (const ParameterFacts::Call &C : Taker.Calls) {
      if (C.InInstantiation) {
        if (!PatternCalls.contains(C.Loc.getRawEncoding()))
          block(C.Loc, {NoFix::CalledInDependentInstantiation, Name});
        continue;
      }
      if (Index < C.Arguments.size())
        addOrigin(C.Arguments[Index], /*Declaring=*/nullptr, C.Caller,
                  /*Branch=*/true);
    }
    return std::move(Group);
  }

  /// The member's declaration, its uses and what is stored in it.
  ResultGroup buildMember(const MemberFacts &M) {
    Group.MemberInfo = &M;
    // An ordered container orders its keys with `<`.
    if (M.Container && !M.Sequence)
      Group.Operators.emplace_back("<");
    if (!M.Problem.empty())
      block(M.Field->getLocation(), M.Problem);
    if (M.WrittenType.isNull())
      block(M.Field->getLocation(),
            {NoFix::MemberTypeNotWritten, M.Field->getNameAsString()});
    else
      Group.MembersToRespell.push_back(&M);
    remember(M.Uses);
    for (const Use &U : M.Uses)
      addUse(U);
    // A pair built in place becomes `{a, b}`: stored in the member, it
    // needs no name.
    // A key built in place names the struct: `seen_.count(Key{a, b})`.
    for (size_t I = 0; I < M.Origins.size(); ++I)
      addOrigin(M.Origins[I],
                M.Origins[I].Built.DefaultInitialized ? M.Field : nullptr,
                M.OriginFunctions[I], /*Branch=*/M.Container);
    return std::move(Group);
  }

private:
  /// The value flows into (or out of) the data member \p Member.
  void flowToMember(const FieldDecl *Member, SourceLocation Loc,
                    NoFixReason Reason) {
    Member = Member->getCanonicalDecl();
    if (Member == Group.Member ||
        llvm::is_contained(Scope.SharedMembers, Member))
      return;
    if (Scope.RecordLinks) {
      if (llvm::none_of(Group.Links,
                        [&](const Link &L) { return L.Member == Member; }))
        Group.Links.push_back({nullptr, -1, Member, Loc, std::move(Reason)});
      return;
    }
    block(Loc, std::move(Reason));
  }

  /// A use inside a template instantiation repeats the template's own text;
  /// when the template itself has the same use, the instantiation adds
  /// nothing. When it does not, the use depends on a template argument.
  void remember(const std::vector<Use> &Uses) {
    for (const Use &U : Uses)
      if (!U.InInstantiation)
        PatternUses.insert(U.Loc.getRawEncoding());
  }

  /// The named function (not a lambda) \p VD is a parameter of, or null.
  static const FunctionDecl *parameterOwner(const VarDecl *VD) {
    const auto *P = dyn_cast<ParmVarDecl>(VD);
    const auto *F =
        P ? dyn_cast_or_null<FunctionDecl>(P->getDeclContext()) : nullptr;
    if (!F || !F->getDeclName().isIdentifier() || isLambdaCallOperator(F) ||
        F->isTemplateInstantiation())
      return nullptr;
    return F;
  }

  /// Is \p Callee's result the group's own value?
  bool isOwnResult(const FunctionDecl *Callee) const {
    return Group.Parameter < 0 && !Group.Member && Callee == Group.Function;
  }

  /// The value flows into (or out of) parameter \p Index of \p Other.
  void flowToParameter(const FunctionDecl *Other, unsigned Index,
                       SourceLocation Loc, NoFixReason Reason) {
    Other = writtenFunction(Other);
    if (Other == Group.Function && Group.Parameter == static_cast<int>(Index))
      return;
    if (llvm::is_contained(Scope.SharedParameters,
                           std::make_pair(Other, Index)))
      return;
    if (Scope.RecordLinks && Other->getDeclName().isIdentifier()) {
      if (llvm::none_of(Group.Links, [&](const Link &L) {
            return L.Function == Other &&
                   L.Parameter == static_cast<int>(Index);
          }))
        Group.Links.push_back(
            {Other, static_cast<int>(Index), nullptr, Loc, std::move(Reason)});
      return;
    }
    block(Loc, std::move(Reason));
  }

  bool isRepeatedInstantiation(const Use &U) const {
    return U.InInstantiation && PatternUses.contains(U.Loc.getRawEncoding());
  }

  void block(SourceLocation Loc, NoFixReason Reason) {
    Group.Blockers.push_back({Loc, std::move(Reason)});
  }

  /// The value flows to or from \p Other: fine when it shares the struct,
  /// a link for the plan to join when links are recorded, else a blocker.
  void flow(const FunctionDecl *Other, SourceLocation Loc, NoFixReason Reason) {
    Other = Other ? writtenFunction(Other) : nullptr;
    if (Other && Scope.Shared.contains(Other))
      return;
    if (Other && Scope.RecordLinks && Other->getDeclName().isIdentifier()) {
      if (llvm::none_of(Group.Links, [&](const Link &L) {
            return L.Function == Other && L.Parameter < 0;
          }))
        Group.Links.push_back({Other, -1, nullptr, Loc, std::move(Reason)});
      return;
    }
    block(Loc, std::move(Reason));
  }

  void addUse(const Use &U) {
    if (isRepeatedInstantiation(U))
      return;
    if (U.InInstantiation) {
      block(U.Loc, NoFix::UsedInDependentInstantiation);
      return;
    }
    // `c ? f() : g()`: the other branches become the struct too.
    for (const Origin &Other : U.Alternatives)
      addOrigin(Other, /*Declaring=*/nullptr, U.Function, /*Branch=*/true);
    // Each branch of a conditional reports the conditional's use: once is
    // enough.
    switch (U.Kind) {
    case UseKind::ElementMember:
    case UseKind::ElementGet:
      if (llvm::none_of(Group.Accesses,
                        [&](const Use &A) { return A.Access == U.Access; }))
        Group.Accesses.push_back(U);
      return;
    case UseKind::StructuredBinding:
      if (!llvm::is_contained(Group.Bindings, U.Binding))
        Group.Bindings.push_back(U.Binding);
      return;
    case UseKind::Reassigned:
      if (hasReferenceElement(Value))
        block(U.Loc, NoFix::AssignedWithReferenceMember);
      return;
    case UseKind::Discarded:
    case UseKind::Captured: // a copy or a reference: it stays a struct
      return;
    case UseKind::InitVariable:
    case UseKind::AssignVariable:
      addVariable(U.Var, U.Loc);
      return;
    case UseKind::Return:
      if (U.ReturnOf && isOwnResult(writtenFunction(U.ReturnOf)))
        return;
      if (U.ReturnOfLambda) {
        addLambda(U.ReturnOfLambda, U.Loc);
        return;
      }
      if (!U.ReturnOf || !U.ReturnOf->getDeclName().isIdentifier()) {
        block(U.Loc, NoFix::ReturnedFromLambda);
        return;
      }
      flow(U.ReturnOf, U.Loc,
           {NoFix::ReturnedFrom, U.ReturnOf->getNameAsString()});
      return;
    case UseKind::TieAssign:
      if (llvm::none_of(Group.Ties,
                        [&](const Use &T) { return T.Tie == U.Tie; }))
        Group.Ties.push_back(U);
      return;
    case UseKind::StoreMember:
      flowToMember(
          U.Member, U.Loc,
          U.Reason.empty()
              ? NoFixReason(NoFix::StoredInMember, U.Member->getNameAsString())
              : NoFixReason(NoFix::KeepsTupleType, U.Reason.str()));
      return;
    case UseKind::Argument:
      flowToParameter(U.ArgumentOf, U.Parameter, U.Loc,
                      {NoFix::ParameterKeepsTupleType, U.Reason.str()});
      return;
    case UseKind::Escape:
      block(U.Loc, U.Reason);
      return;
    case UseKind::Compared:
      addComparison(U);
      return;
    }
  }

  /// `value == other`: the struct gets the comparison, and the other
  /// operand must become the struct too.
  void addComparison(const Use &U) {
    const std::string Defined = U.Operator == "<=>" ? "<=>"
                                : U.Operator == "==" || U.Operator == "!="
                                    ? "=="
                                    : "<";
    if (!llvm::is_contained(Group.Operators, Defined))
      Group.Operators.push_back(Defined);
    const Origin &Other = U.ComparedWith;
    const bool SameType =
        Other.E && Ctx.hasSameUnqualifiedType(
                       Other.E->getType().getNonReferenceType(), Value);
    switch (Other.Kind) {
    case OriginKind::Construction: {
      const auto Elements = elementTypesOf(Value);
      if (Other.Built.DefaultInitialized ||
          Other.Built.Elements.size() != Elements.size()) {
        block(U.Loc, {NoFix::ComparedWithOtherShape, U.Reason.str()});
        return;
      }
      for (size_t I = 0; I < Elements.size(); ++I)
        if (!comparesAlike(Other.Built.Elements[I], Elements[I], Ctx)) {
          block(Other.Built.Elements[I]->getExprLoc(),
                {NoFix::ComparedWithOtherType, U.Reason.str()});
          return;
        }
      addNamedConstruction(Other.Built, U.Function);
      return;
    }
    case OriginKind::Call:
      if (!SameType)
        break;
      if (!isOwnResult(Other.Callee))
        flow(Other.Callee, Other.E->getExprLoc(),
             {NoFix::ComparedWithResult, Other.Callee->getNameAsString()});
      return;
    case OriginKind::Variable:
      if (!SameType)
        break;
      if (!Other.Var->isLocalVarDeclOrParm()) {
        block(U.Loc, {NoFix::ComparedWithNonLocal, U.Reason.str(),
                      Other.Var->getNameAsString()});
        return;
      }
      if (const FunctionDecl *F = parameterOwner(Other.Var)) {
        if (!Group.Variables.contains(Other.Var))
          flowToParameter(
              F, cast<ParmVarDecl>(Other.Var)->getFunctionScopeIndex(), U.Loc,
              {NoFix::ComparedWithParameter, U.Reason.str(),
               Other.Var->getNameAsString(), F->getNameAsString()});
        return;
      }
      addVariable(Other.Var, Other.E->getExprLoc());
      return;
    case OriginKind::Member:
      if (!SameType)
        break;
      flowToMember(Other.Member, U.Loc,
                   {NoFix::ComparedWithMember, U.Reason.str(),
                    Other.Member->getNameAsString()});
      return;
    case OriginKind::Choice:
      // `x == (c ? f() : g())`: each branch is compared.
      addOrigin(Other, /*Declaring=*/nullptr, U.Function, /*Branch=*/true);
      return;
    case OriginKind::Other:
      break;
    }
    block(U.Loc, Other.Reason.empty()
                     ? U.Reason
                     : NoFixReason(NoFix::ComparedWithOther, U.Reason.str(),
                                   Other.Reason.str()));
  }

  /// `std::make_pair(a, b)` where only the struct's name makes it the
  /// struct (compared with the value, a branch of `c ? f() : ...`).
  void addNamedConstruction(const Construction &Built,
                            const FunctionDecl *Where) {
    if (llvm::none_of(Group.NamedConstructions, [&](const auto &Known) {
          return Known.first.E == Built.E;
        }))
      Group.NamedConstructions.emplace_back(Built, Where);
  }

  /// Where the value comes from. \p Where: the function the expression is
  /// in. \p Branch: \p O is a branch of a conditional expression, where a
  /// construction must name the struct.
  void addOrigin(const Origin &O, const DeclaratorDecl *Declaring,
                 const FunctionDecl *Where, bool Branch = false) {
    switch (O.Kind) {
    case OriginKind::Call:
      if (const auto *Op = dyn_cast<CXXMethodDecl>(O.Callee);
          Op && isLambdaCallOperator(Op))
        addLambda(Op, O.E->getExprLoc());
      else if (!isOwnResult(O.Callee))
        flow(O.Callee, O.E->getExprLoc(),
             {NoFix::ComesFromResult, O.Callee->getNameAsString()});
      return;
    case OriginKind::Variable:
      addVariable(O.Var, O.E->getExprLoc());
      return;
    case OriginKind::Construction:
      if (Branch) {
        const auto Elements = elementTypesOf(Value);
        if (O.Built.DefaultInitialized ||
            (!O.Built.Elements.empty() &&
             O.Built.Elements.size() != Elements.size())) {
          block(O.E->getExprLoc(), NoFix::BuiltWithOtherShape);
          return;
        }
        addNamedConstruction(O.Built, Where);
        return;
      }
      if (llvm::none_of(Group.Constructions, [&](const auto &Known) {
            return Known.first.E == O.Built.E;
          }))
        Group.Constructions.emplace_back(O.Built, Declaring);
      return;
    case OriginKind::Member:
      flowToMember(O.Member, O.E->getExprLoc(),
                   {NoFix::MemberKeepsTupleType, O.Reason.str()});
      return;
    case OriginKind::Choice:
      for (const Origin &Other : O.Branches)
        addOrigin(Other, /*Declaring=*/nullptr, Where, /*Branch=*/true);
      return;
    case OriginKind::Other:
      block(O.E            ? O.E->getExprLoc()
            : Group.Member ? Group.Member->getLocation()
                           : Group.Function->getLocation(),
            O.Reason);
      return;
    }
  }

  /// The value is returned from a lambda: its calls hold the value too.
  void addLambda(const CXXMethodDecl *Op, SourceLocation Loc) {
    const auto *It = Facts.Lambdas.find(Op);
    if (It == Facts.Lambdas.end()) {
      block(Loc, NoFix::ReturnedFromLambda);
      return;
    }
    if (Lambdas.contains(Op))
      return;
    Lambdas.insert(Op);
    const LambdaFacts &L = It->second;
    if (!L.Problem.empty()) {
      block(L.ProblemLoc, L.Problem);
      return;
    }
    // A pair built in a return statement names the struct, from the
    // function around the lambda.
    const auto *Where = dyn_cast_or_null<FunctionDecl>(
        Op->getParent()->getParentFunctionOrMethod());
    remember(L.CallUses);
    for (const Use &Call : L.CallUses)
      addUse(Call);
    for (const Origin &O : L.Returns)
      addOrigin(O, /*Declaring=*/nullptr, Where, /*Branch=*/true);
  }

  void addVariable(const VarDecl *VD, SourceLocation Loc) {
    if (!VD) {
      block(Loc, NoFix::StoredOutOfSight);
      return;
    }
    if (!Group.Variables.insert(VD))
      return;
    // A parameter of another function: its group is that parameter's.
    if (const FunctionDecl *F = parameterOwner(VD)) {
      flowToParameter(F, cast<ParmVarDecl>(VD)->getFunctionScopeIndex(), Loc,
                      {NoFix::StoredInParameter, VD->getNameAsString(),
                       F->getNameAsString()});
      return;
    }
    const auto *It = Facts.Variables.find(VD);
    if (It == Facts.Variables.end() || isa<ParmVarDecl>(VD) ||
        !VD->isLocalVarDecl()) {
      block(VD->getLocation(),
            {NoFix::StoredInNonLocal, VD->getNameAsString()});
      return;
    }
    const VariableFacts &V = It->second;
    if (!V.WrittenType.isNull()) {
      if (!Ctx.hasSameUnqualifiedType(V.WrittenType.getType(), Value)) {
        block(VD->getLocation(),
              {NoFix::DeclaredAs, VD->getNameAsString(),
               V.WrittenType.getType().getAsString(Ctx.getPrintingPolicy())});
        return;
      }
      Group.TypesToRespell.push_back(&V);
    } else if (!V.Origins.empty() &&
               V.Origins.front().Kind == OriginKind::Construction) {
      block(VD->getLocation(),
            {NoFix::DeducedFromConstruction, VD->getNameAsString()});
      return;
    }
    const auto *Where =
        dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
    for (size_t I = 0; I < V.Origins.size(); ++I)
      addOrigin(V.Origins[I], I == 0 ? VD : nullptr, Where);
    for (const Use &U : V.Uses)
      addUse(U);
  }

  const TupleFacts &Facts;
  ASTContext &Ctx;
  const MigrationScope &Scope;
  ResultGroup Group;
  /// The tuple type of the group's value.
  QualType Value;
  llvm::DenseSet<SourceLocation::UIntTy> PatternUses;
  /// The lambdas whose calls are already in the group.
  llvm::SmallPtrSet<const CXXMethodDecl *, 2> Lambdas;
};

} // namespace

ResultGroup buildResultGroup(const FunctionFacts &Function,
                             const TupleFacts &Facts, ASTContext &Ctx,
                             const MigrationScope &Scope) {
  return GroupBuilder(Function.Function, -1, nullptr, Facts, Ctx, Scope)
      .build(Function);
}

ResultGroup buildParameterGroup(const ParameterFacts &Taker, unsigned Index,
                                const TupleFacts &Facts, ASTContext &Ctx,
                                const MigrationScope &Scope) {
  return GroupBuilder(Taker.Function, static_cast<int>(Index), nullptr, Facts,
                      Ctx, Scope)
      .buildParameter(Taker);
}

ResultGroup buildMemberGroup(const MemberFacts &Member, const TupleFacts &Facts,
                             ASTContext &Ctx, const MigrationScope &Scope) {
  return GroupBuilder(nullptr, -1, Member.Field, Facts, Ctx, Scope)
      .buildMember(Member);
}

} // namespace clang::tidy::structify
