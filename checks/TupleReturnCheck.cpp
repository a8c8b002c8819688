//===--- TupleReturnCheck.cpp - structify-tuple-return --------------------===//

#include "TupleReturnCheck.h"
#include "model/Naming.h"
#include "model/ResultGroup.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang::ast_matchers;

namespace clang::tidy::structify {
namespace {

constexpr llvm::StringLiteral FunctionId = "function";

AST_MATCHER_P(FunctionDecl, returnsTupleLike, const TupleLikeTypes *, Types) {
  return Types->isTupleLike(Node.getReturnType());
}

/// "bool", "arithmetic" or "other": what well-known names depend on.
std::vector<std::string> elementKinds(const TupleShape &Shape) {
  std::vector<std::string> Kinds;
  for (QualType Element : Shape.Elements)
    Kinds.push_back(Element->isBooleanType()      ? "bool"
                    : Element->isArithmeticType() ? "arithmetic"
                                                  : "other");
  return Kinds;
}

/// The naming style of the type names declared around \p Function.
NameStyle surroundingStyle(const FunctionDecl *Function, const SourceManager &SM) {
  unsigned Camel = 0, Lower = 0;
  for (const DeclContext *DC = Function->getDeclContext(); DC;
       DC = DC->getParent()) {
    for (const Decl *D : DC->decls()) {
      const auto *Type = dyn_cast<TypeDecl>(D);
      if (!Type || !Type->getDeclName().isIdentifier() || D->isImplicit() ||
          SM.isInSystemHeader(D->getLocation()))
        continue;
      const StringRef Name = Type->getName();
      if (Name.empty())
        continue;
      if (llvm::isUpper(Name.front()))
        ++Camel;
      else if (Name.contains('_') || Name == Name.lower())
        ++Lower;
    }
    if (Camel + Lower > 0)
      break;
  }
  return Lower > Camel ? NameStyle::LowerCase : NameStyle::CamelCase;
}

bool isIdentifier(StringRef Name) {
  if (Name.empty() || !(llvm::isAlpha(Name.front()) || Name.front() == '_'))
    return false;
  return llvm::all_of(Name, [](char C) { return llvm::isAlnum(C) || C == '_'; });
}

} // namespace

struct TupleReturnCheck::Outcome {
  std::vector<FixItHint> Fixes;
  std::vector<Blocker> Blockers;
};

TupleReturnCheck::TupleReturnCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      Policy(TupleReturnPolicy::fromOptions([&](StringRef Key, StringRef Default) {
        return Options.get(Key, Default).str();
      })),
      Types(Policy.Types),
      StructNameSuffix(Options.get("StructNameSuffix", "Result")),
      RawStructNameStyle(Options.get("StructNameStyle", "auto")) {
  for (const auto &[Pattern, Error] : Policy.invalidPatterns())
    configurationDiag("invalid regular expression '%0' in option "
                      "'%1.IgnoredFunctions': %2")
        << Pattern << Name << Error;
  if (RawStructNameStyle != "auto" && RawStructNameStyle != "CamelCase" &&
      RawStructNameStyle != "lower_case")
    configurationDiag("invalid value '%0' for option '%1.StructNameStyle'; "
                      "expected 'auto', 'CamelCase' or 'lower_case'")
        << RawStructNameStyle << Name;
  if (!StructNameSuffix.empty() && !isIdentifier(StructNameSuffix))
    configurationDiag("invalid value '%0' for option '%1.StructNameSuffix'; "
                      "expected an identifier")
        << StructNameSuffix << Name;
}

void TupleReturnCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "TupleTypes", Policy.RawTupleTypes);
  Options.store(Opts, "IgnoredFunctions", Policy.RawIgnoredFunctions);
  Options.store(Opts, "IgnoredNamespaces", Policy.RawIgnoredNamespaces);
  Options.store(Opts, "IncludeNonPublic", Policy.IncludeNonPublic);
  Options.store(Opts, "IncludeParameterPacks", Policy.IncludeParameterPacks);
  Options.store(Opts, "StructNameSuffix", StructNameSuffix);
  Options.store(Opts, "StructNameStyle", RawStructNameStyle);
}

void TupleReturnCheck::registerMatchers(MatchFinder *Finder) {
  auto Candidate =
      functionDecl(returnsTupleLike(&Types), unless(isImplicit()),
                   unless(isExpansionInSystemHeader()), unless(isExternC()),
                   unless(cxxMethodDecl(ofClass(isLambda()))))
          .bind(FunctionId);
  Finder->addMatcher(Candidate, this);
}

void TupleReturnCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>(FunctionId);
  const FunctionDecl *Canonical = FD->getCanonicalDecl();
  if (Candidates.count(Canonical) || !Policy.isCandidate(FD))
    return;
  // A deduced `auto` prints as what it deduced, without library internals.
  QualType Shown = FD->getReturnType();
  if (Shown->getContainedDeducedType())
    Shown = Shown.getCanonicalType();
  Candidates.insert({Canonical, Shown});
}

bool TupleReturnCheck::isUsableName(StringRef Name) const {
  if (!isIdentifier(Name) || Name.starts_with("__") ||
      (Name.size() > 1 && Name[0] == '_' && llvm::isUpper(Name[1])))
    return false;
  const auto It = Context->Idents.find(Name);
  if (It == Context->Idents.end())
    return true;
  const IdentifierInfo *II = It->getValue();
  return !II->isKeyword(Context->getLangOpts()) && !II->hasMacroDefinition();
}

std::string TupleReturnCheck::freshStructName(const FunctionDecl *Function) {
  NameStyle Style = RawStructNameStyle == "lower_case" ? NameStyle::LowerCase
                    : RawStructNameStyle == "CamelCase"
                        ? NameStyle::CamelCase
                        : surroundingStyle(Function, Context->getSourceManager());
  const std::string Base =
      structNameFor(Function->getName(), Style, StructNameSuffix);
  // Any identifier the translation unit already spells could be hidden or
  // made ambiguous by a new declaration: take a name nobody uses.
  std::string Name = Base;
  for (unsigned N = 2; Context->Idents.find(Name) != Context->Idents.end() ||
                       GivenNames.contains(Name);
       ++N)
    Name = Base + std::to_string(N);
  GivenNames.insert(Name);
  return Name;
}

TupleReturnCheck::Outcome
TupleReturnCheck::rewrite(const FunctionDecl *Function, const TupleFacts &Facts) {
  Outcome Result;
  auto Block = [&](SourceLocation Loc, std::string Reason) {
    Result.Blockers.push_back({Loc, std::move(Reason)});
    return std::move(Result);
  };
  const SourceManager &SM = Context->getSourceManager();
  const std::string Name = Function->getNameAsString();

  if (const auto *Method = dyn_cast<CXXMethodDecl>(Function))
    if (Method->isVirtual() && !Method->hasAttr<FinalAttr>() &&
        !Method->getParent()->hasAttr<FinalAttr>())
      return Block(Function->getLocation(),
                   "'" + Name + "' is virtual: overrides in other translation "
                   "units would keep returning the tuple");
  for (const FunctionDecl *Decl : Function->redecls())
    if (!SM.isInMainFile(SM.getExpansionLoc(Decl->getLocation())))
      return Block(Decl->getLocation(),
                   "'" + Name + "' is declared in a header, where other "
                   "translation units can call it; rewrite it across the "
                   "project with 'structify fix'");
  if (const FunctionTemplateDecl *Template = Function->getDescribedFunctionTemplate())
    for (const FunctionDecl *Spec : Template->specializations())
      if (Spec->getTemplateSpecializationKind() == TSK_ExplicitSpecialization)
        return Block(Spec->getLocation(),
                     "'" + Name + "' has explicit specializations");

  const auto Shape = Types.shape(Function->getReturnType());
  if (Shape->HasPackExpansion)
    return Block(Function->getLocation(),
                 "the elements come from a parameter pack, so their number "
                 "and names are not known");

  const auto It = Facts.Functions.find(Function);
  if (It == Facts.Functions.end())
    return Result;
  ResultGroup Group = buildResultGroup(It->second, Facts, *Context);
  if (!Group.Blockers.empty()) {
    Result.Blockers = std::move(Group.Blockers);
    return Result;
  }

  StructSpec Spec;
  unsigned Missing = 0;
  Spec.Fields = chooseFieldNames(
      gatherNamingEvidence(Group, Shape->Elements.size(), *Context),
      knownApiNames(Name, elementKinds(*Shape)),
      [&](StringRef Field) { return isUsableName(Field); }, Missing);
  if (Spec.Fields.empty())
    return Block(Function->getLocation(),
                 "nothing in this translation unit names element " +
                     std::to_string(Missing) + " ('" +
                     Shape->Elements[Missing].getAsString(
                         Context->getPrintingPolicy()) +
                     "'); name it in a return statement or a structured binding");
  EditProblem Problem;
  if (!describeStructTypes(Function, *Shape, *Context, Spec, Problem))
    return Block(Problem.Loc, Problem.Reason);
  Spec.Name = freshStructName(Function);
  auto Edits = buildEdits(Group, Spec, *Context, Problem);
  if (!Edits)
    return Block(Problem.Loc, Problem.Reason);
  Result.Fixes = std::move(*Edits);
  return Result;
}

void TupleReturnCheck::onEndOfTranslationUnit() {
  if (Candidates.empty())
    return;
  llvm::SmallPtrSet<const FunctionDecl *, 8> Functions;
  for (const auto &Candidate : Candidates)
    Functions.insert(Candidate.first);
  const TupleFacts Facts = collectTupleFacts(*Context, Types, Functions);
  for (const auto &[Function, ReturnType] : Candidates) {
    Outcome Result = rewrite(Function, Facts);
    {
      auto Diag = diag(Function->getLocation(),
                       "%0 returns %1, whose elements have no names; return a "
                       "struct with named fields instead")
                  << Function << ReturnType;
      for (const FixItHint &Fix : Result.Fixes)
        Diag << Fix;
    }
    for (const Blocker &B : Result.Blockers)
      diag(B.Loc, "no fix: %0", DiagnosticIDs::Note) << B.Reason;
  }
  Candidates.clear();
  GivenNames.clear();
}

} // namespace clang::tidy::structify
