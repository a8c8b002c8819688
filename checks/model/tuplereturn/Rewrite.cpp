//===--- Rewrite.cpp - one function's rewrite in one translation unit -----===//

#include "model/tuplereturn/Rewrite.h"
#include "model/Edits.h"
#include "model/Naming.h"
#include "model/TypeSpelling.h"
#include "model/tuplereturn/Analysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Path.h"

namespace clang::tidy::structify {

bool isHeaderMainFile(const ASTContext &Ctx,
                      const std::vector<std::string> &HeaderExtensions) {
  if (Ctx.getLangOpts().IsHeaderFile)
    return true;
  const SourceManager &SM = Ctx.getSourceManager();
  const OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
  if (!Main)
    return false;
  llvm::StringRef Extension = llvm::sys::path::extension(Main->getName());
  Extension.consume_front(".");
  return llvm::is_contained(HeaderExtensions, Extension);
}

std::string FunctionRewriter::freshStructName(const FunctionDecl *Function) {
  const std::string Base =
      baseStructName(Function, Settings.NameStyle, Settings.StructNameSuffix);
  // Any identifier the translation unit already spells could be hidden or
  // made ambiguous by a new declaration: take a name nobody uses.
  std::string Name = numberedName(Base, [&](StringRef Candidate) {
    return isValidNewName(Candidate) &&
           Ctx.Idents.find(Candidate) == Ctx.Idents.end() &&
           !GivenNames.contains(Candidate);
  });
  if (!Name.empty())
    GivenNames.insert(Name);
  return Name;
}

void FunctionRewriter::setFunctions(
    llvm::ArrayRef<const FunctionDecl *> Functions) {
  FunctionUsrs.clear();
  for (const FunctionDecl *F : Functions)
    FunctionUsrs.emplace_back(F->getCanonicalDecl(), functionUsr(F));
}

MigrationScope FunctionRewriter::scopeFor(const FunctionDecl *Function,
                                          const PlanEntry *Planned) const {
  MigrationScope Scope;
  Scope.ProjectWide = Settings.ProjectPlan != nullptr;
  if (!Planned)
    return Scope;
  for (const auto &[Other, Usr] : FunctionUsrs)
    if (Other != Function->getCanonicalDecl() && Planned->covers(Usr))
      Scope.Shared.insert(Other);
  return Scope;
}

std::optional<Blocker> FunctionRewriter::specFromPlan(
    const FunctionDecl *Function, const PlanEntry &Planned,
    const std::string &Usr, const FunctionAnalysis &A, StructSpec &Spec) const {
  if (Planned.Fields.size() != A.Shape.Elements.size())
    return Blocker{
        Function->getLocation(),
        {NoFix::PlanFieldCount, std::to_string(Planned.Fields.size()),
         Function->getNameAsString(), std::to_string(A.Shape.Elements.size())}};
  Spec.Name = Planned.Struct;
  Spec.InsertStruct = Planned.Usr == Usr && Planned.StructAt.empty();
  Spec.Operators = Planned.Operators;
  for (const std::string &Op : A.Group.Operators)
    if (!llvm::is_contained(Spec.Operators, Op))
      return Blocker{Function->getLocation(), {NoFix::PlanLacksOperator, Op}};
  for (const PlanField &Field : Planned.Fields)
    Spec.Fields.push_back(Field.Name);
  return std::nullopt;
}

std::optional<Blocker>
FunctionRewriter::specFromUnit(const FunctionDecl *Function,
                               const FunctionAnalysis &A,
                               StructSpec &Spec) const {
  const SourceManager &SM = Ctx.getSourceManager();
  // Alone, a translation unit cannot see the callers a header has
  // elsewhere; nor can a header opened as its own unit.
  for (const FunctionDecl *Decl : Function->redecls())
    if (Settings.MainFileIsHeader ||
        !SM.isInMainFile(SM.getExpansionLoc(Decl->getLocation())))
      return Blocker{Decl->getLocation(),
                     {NoFix::DeclaredInHeader, Function->getNameAsString()}};
  Spec.Operators = A.Group.Operators;
  unsigned Missing = 0;
  Spec.Fields = chooseFieldNames(
      A.Evidence, A.KnownNames,
      [&](StringRef Field) { return isUsableName(Field, Ctx); }, Missing);
  if (Spec.Fields.empty())
    return Blocker{
        Function->getLocation(),
        {NoFix::UnnamedInUnit, std::to_string(Missing),
         spellTypeForMessage(writtenElementTypes(Function->getReturnType(),
                                                 A.Shape, Ctx)[Missing],
                             Ctx)}};
  return std::nullopt;
}

void FunctionRewriter::keepGroupEditsOnce(const PlanEntry &Planned,
                                          std::vector<FixItHint> &Edits) {
  // The functions of a group share variables, whose edits each makes: one
  // fix holds each edit, so that clang-tidy does not drop both as
  // overlapping.
  std::vector<FixItHint> &Given = GroupEdits[&Planned];
  std::vector<FixItHint> Own;
  for (FixItHint &Hint : Edits)
    if (llvm::none_of(Given, [&](const FixItHint &Seen) {
          return Seen.RemoveRange.getAsRange() ==
                     Hint.RemoveRange.getAsRange() &&
                 Seen.CodeToInsert == Hint.CodeToInsert;
        }))
      Own.push_back(std::move(Hint));
  Given.insert(Given.end(), Own.begin(), Own.end());
  Edits = std::move(Own);
}

RewriteOutcome FunctionRewriter::rewrite(const FunctionDecl *Function,
                                         const TupleFacts &Facts) {
  using Status = RewriteOutcome::Status;
  RewriteOutcome Result;
  auto Block = [&](Blocker Problem) {
    Result.Kind = Status::Blocked;
    Result.Blockers.push_back(std::move(Problem));
    return std::move(Result);
  };
  const std::string Usr =
      Settings.ProjectPlan ? functionUsr(Function) : std::string();
  const PlanEntry *Planned =
      Settings.ProjectPlan ? Settings.ProjectPlan->find(Usr) : nullptr;
  FunctionAnalysis A =
      analyzeFunction(Function, Facts, Types, Ctx, scopeFor(Function, Planned));
  if (!A.Blockers.empty()) {
    Result.Blockers = std::move(A.Blockers);
    return Result;
  }
  if (Settings.PlanUnusable) {
    Result.Kind = Status::PlanUnusable;
    return Result;
  }
  if (Settings.ProjectPlan && !Planned) {
    Result.Kind = Status::NotInPlan;
    return Result;
  }
  if (Planned && !Planned->rewrites()) {
    Result.Kind = Status::SkippedByPlan;
    Result.PlanReason = Planned->Reason;
    return Result;
  }

  // With a plan, the plan decided the names for the whole project.
  StructSpec Spec;
  if (std::optional<Blocker> Problem =
          Planned ? specFromPlan(Function, *Planned, Usr, A, Spec)
                  : specFromUnit(Function, A, Spec))
    return Block(std::move(*Problem));
  Blocker Problem;
  if (!describeStructTypes(Function, A.Shape, Ctx, Spec, Problem))
    return Block(std::move(Problem));
  if (Planned) {
    // Spelled as the plan says, so that every translation unit writes the
    // same struct.
    Spec.FieldTypes.clear();
    for (const PlanField &Field : Planned->Fields)
      Spec.FieldTypes.push_back(Field.Type);
  } else {
    Spec.Name = freshStructName(Function);
    if (Spec.Name.empty())
      return Block({Function->getLocation(),
                    {NoFix::StructNamesTaken,
                     structNameFor(Function->getName(), NameStyle::CamelCase,
                                   Settings.StructNameSuffix)}});
  }
  auto Edits = buildEdits(A.Group, Spec, Ctx, Tokens, Problem);
  if (!Edits)
    return Block(std::move(Problem));
  if (Planned)
    keepGroupEditsOnce(*Planned, *Edits);
  Result.Kind = Status::Rewritten;
  Result.Fixes = std::move(*Edits);
  Result.StructName = Spec.Name;
  Result.FieldNames = Spec.Fields;
  return Result;
}

} // namespace clang::tidy::structify
