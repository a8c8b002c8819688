//===--- Analysis.cpp - what one translation unit knows about one function ===//

#include "model/tuplereturn/Analysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::structify {

std::vector<const FunctionDecl *>
overriddenRoots(const FunctionDecl *Function) {
  std::vector<const FunctionDecl *> Roots;
  const auto *Method = dyn_cast<CXXMethodDecl>(Function);
  if (!Method)
    return Roots;
  llvm::SmallVector<const CXXMethodDecl *, 4> Work{Method->getCanonicalDecl()};
  while (!Work.empty()) {
    const CXXMethodDecl *M = Work.pop_back_val();
    if (M->size_overridden_methods() == 0) {
      if (M != Method->getCanonicalDecl() && !llvm::is_contained(Roots, M))
        Roots.push_back(M);
      continue;
    }
    for (const CXXMethodDecl *Base : M->overridden_methods())
      Work.push_back(Base->getCanonicalDecl());
  }
  return Roots;
}

FunctionAnalysis analyzeFunction(const FunctionDecl *Function,
                                 const TupleFacts &Facts,
                                 const TupleLikeTypes &Types, ASTContext &Ctx,
                                 const MigrationScope &Scope) {
  FunctionAnalysis A;
  A.Function = Function;
  // Candidates return tuple-like types: the shape is there.
  if (auto Shape = Types.shape(Function->getReturnType()))
    A.Shape = std::move(*Shape);
  const std::string Name = Function->getNameAsString();
  auto Block = [&](SourceLocation Loc, NoFixReason Reason) {
    A.Blockers.push_back({Loc, std::move(Reason)});
    return std::move(A);
  };
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Function))
    if (!Scope.ProjectWide && Method->isVirtual() &&
        !Method->hasAttr<FinalAttr>() &&
        !Method->getParent()->hasAttr<FinalAttr>())
      return Block(Function->getLocation(), {NoFix::VirtualInUnit, Name});
  if (const FunctionTemplateDecl *Template =
          Function->getDescribedFunctionTemplate())
    for (const FunctionDecl *Spec : Template->specializations())
      if (Spec->getTemplateSpecializationKind() == TSK_ExplicitSpecialization)
        return Block(Spec->getLocation(),
                     {NoFix::ExplicitSpecializations, Name});
  if (A.Shape.HasPackExpansion)
    return Block(Function->getLocation(), NoFix::ParameterPackElements);

  const auto *It = Facts.Functions.find(Function);
  if (It != Facts.Functions.end())
    for (const Use &Call : It->second.CallUses)
      if (!Call.InInstantiation)
        A.CallSites.push_back(Call.Loc);
  if (It != Facts.Functions.end())
    A.Group = buildResultGroup(It->second, Facts, Ctx, Scope);
  else
    A.Group.Function = Function;
  A.Blockers = A.Group.Blockers;
  A.Evidence = gatherNamingEvidence(A.Group, A.Shape.Elements.size(), Ctx);
  A.KnownNames = knownApiNames(Name, elementKinds(A.Shape));
  return A;
}

FunctionAnalysis analyzeParameter(const FunctionDecl *Taker, unsigned Index,
                                  const TupleFacts &Facts,
                                  const TupleLikeTypes &Types, ASTContext &Ctx,
                                  const MigrationScope &Scope) {
  FunctionAnalysis A;
  A.Function = Taker;
  if (auto Shape = Types.shape(
          Taker->getParamDecl(Index)->getType().getNonReferenceType()))
    A.Shape = std::move(*Shape);
  if (A.Shape.HasPackExpansion)
    A.Blockers.push_back({Taker->getLocation(), NoFix::ParameterPackElements});
  const auto *It = Facts.Parameters.find(Taker);
  if (It == Facts.Parameters.end()) {
    A.Group.Function = Taker;
    A.Group.Parameter = static_cast<int>(Index);
    return A;
  }
  for (const ParameterFacts::Call &Call : It->second.Calls)
    if (!Call.InInstantiation)
      A.CallSites.push_back(Call.Loc);
  A.Group = buildParameterGroup(It->second, Index, Facts, Ctx, Scope);
  A.Blockers.insert(A.Blockers.end(), A.Group.Blockers.begin(),
                    A.Group.Blockers.end());
  A.Evidence = gatherNamingEvidence(A.Group, A.Shape.Elements.size(), Ctx);
  return A;
}

FunctionAnalysis analyzeMember(const FieldDecl *Member, const TupleFacts &Facts,
                               const TupleLikeTypes &Types, ASTContext &Ctx,
                               const MigrationScope &Scope) {
  FunctionAnalysis A;
  if (auto Shape = Types.shape(memberTupleType(Member, Types)))
    A.Shape = std::move(*Shape);
  if (A.Shape.HasPackExpansion)
    A.Blockers.push_back({Member->getLocation(), NoFix::ParameterPack});
  const auto *It = Facts.Members.find(Member);
  if (It == Facts.Members.end()) {
    A.Group.Member = Member;
    return A;
  }
  A.Group = buildMemberGroup(It->second, Facts, Ctx, Scope);
  A.Blockers.insert(A.Blockers.end(), A.Group.Blockers.begin(),
                    A.Group.Blockers.end());
  A.Evidence = gatherNamingEvidence(A.Group, A.Shape.Elements.size(), Ctx);
  return A;
}

std::string memberUsr(const FieldDecl *Member) {
  llvm::SmallString<128> Usr;
  if (index::generateUSRForDecl(Member->getCanonicalDecl(), Usr))
    return {};
  return Usr.str().str();
}

std::string parameterUsr(const FunctionDecl *Function, unsigned Index) {
  std::string Usr = functionUsr(Function);
  return Usr.empty() ? Usr : Usr + "|param|" + std::to_string(Index);
}

/// +1 for a CamelCase name, -1 for a lower_case one, 0 for neither.
static int styleOf(llvm::StringRef Name) {
  if (Name.empty())
    return 0;
  if (llvm::isUpper(Name.front()))
    return 1;
  return Name.contains('_') || Name == Name.lower() ? -1 : 0;
}

/// Member types named by the standard library's conventions (`iterator`,
/// `value_type`) say nothing about a project's own style.
static bool isConventionalName(llvm::StringRef Name) {
  return Name.ends_with("iterator") || Name.ends_with("_type") ||
         Name == "pointer" || Name == "reference" || Name == "const_pointer" ||
         Name == "const_reference";
}

NameStyle surroundingStyle(const FunctionDecl *Function) {
  const SourceManager &SM = Function->getASTContext().getSourceManager();
  // The class a member belongs to, and the classes around it, say it first;
  // then the types declared beside the function, innermost scope first.
  int Vote = 0;
  for (const DeclContext *DC = Function->getDeclContext(); DC && Vote == 0;
       DC = DC->getParent()) {
    if (const auto *Record = dyn_cast<CXXRecordDecl>(DC))
      if (Record->getDeclName().isIdentifier())
        Vote += 2 * styleOf(Record->getName());
    for (const Decl *D : DC->decls()) {
      const auto *Type = dyn_cast<TypeDecl>(D);
      if (!Type || !Type->getDeclName().isIdentifier() || D->isImplicit() ||
          SM.isInSystemHeader(D->getLocation()) ||
          isConventionalName(Type->getName()))
        continue;
      Vote += styleOf(Type->getName());
    }
  }
  return Vote < 0 ? NameStyle::LowerCase : NameStyle::CamelCase;
}

NameStyle structNameStyle(const FunctionDecl *Function,
                          StructNameStyle Option) {
  switch (Option) {
  case StructNameStyle::CamelCase:
    return NameStyle::CamelCase;
  case StructNameStyle::LowerCase:
    return NameStyle::LowerCase;
  case StructNameStyle::Auto:
    break;
  }
  return surroundingStyle(Function);
}

/// Is \p Function a const member beside a non-const overload of its name?
static bool isConstOverload(const FunctionDecl *Function) {
  const auto *Method = dyn_cast<CXXMethodDecl>(Function);
  if (!Method || !Method->isConst() || !Method->getDeclName().isIdentifier())
    return false;
  for (const NamedDecl *Other :
       Method->getParent()->lookup(Method->getDeclName())) {
    const NamedDecl *Target = Other->getUnderlyingDecl();
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(Target))
      Target = Template->getTemplatedDecl();
    if (const auto *Sibling = dyn_cast<CXXMethodDecl>(Target))
      if (!Sibling->isConst() && !Sibling->isStatic())
        return true;
  }
  return false;
}

std::string baseStructName(const FunctionDecl *Function, StructNameStyle Option,
                           llvm::StringRef Suffix) {
  return structNameFor(Function->getName(), structNameStyle(Function, Option),
                       Suffix, isConstOverload(Function) ? "const" : "");
}

std::string functionUsr(const FunctionDecl *Function) {
  llvm::SmallString<128> Usr;
  if (index::generateUSRForDecl(Function->getCanonicalDecl(), Usr))
    return {};
  return Usr.str().str();
}

std::string functionSignature(const FunctionDecl *Function) {
  PrintingPolicy Policy = Function->getASTContext().getPrintingPolicy();
  Policy.SuppressUnwrittenScope = true;
  std::vector<std::string> Params;
  for (const ParmVarDecl *Param : Function->parameters())
    Params.push_back(Param->getType().getAsString(Policy));
  std::string Signature = Function->getQualifiedNameAsString() + "(" +
                          llvm::join(Params, ", ") + ")";
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Function))
    if (Method->isConst())
      Signature += " const";
  return Signature;
}

} // namespace clang::tidy::structify
