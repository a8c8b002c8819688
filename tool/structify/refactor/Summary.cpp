//===--- Summary.cpp - one translation unit's view of each candidate ------===//

#include "refactor/Summary.h"
#include "model/Edits.h"
#include "model/UseSites.h"
#include "model/tuplereturn/Analysis.h"
#include "model/tuplereturn/Placement.h"
#include "report/NoLint.h"
#include "support/DriverCompat.h"
#include "support/Paths.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace structify {
using namespace clang;
using namespace clang::tidy::structify;

namespace {

/// Every candidate declared in the user's code, first declarations in order.
class CandidateFinder : public RecursiveASTVisitor<CandidateFinder> {
public:
  CandidateFinder(const SourceManager &SM, const TupleReturnPolicy &Policy)
      : SM(SM), Policy(Policy) {}

  bool TraverseDecl(Decl *D) {
    return inSystemHeader(D, SM) || RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (Policy.isCandidate(FD) || overridesCandidate(FD))
      Found.insert(FD->getCanonicalDecl());
    if (takesTuple(FD))
      Takers.insert(FD->getCanonicalDecl());
    return true;
  }

  bool VisitFieldDecl(FieldDecl *FD) {
    if (isMigratableMember(FD, Policy.Types))
      Members.insert(FD->getCanonicalDecl());
    return true;
  }

  /// A function of the project's that takes a tuple-like parameter: the
  /// parameter can join a migration group.
  bool takesTuple(const FunctionDecl *FD) const {
    if (FD->isTemplateInstantiation() || FD->isImplicit() || FD->isDeleted() ||
        !FD->getDeclName().isIdentifier() || isLambdaCallOperator(FD) ||
        isa<CXXConstructorDecl>(FD))
      return false;
    return llvm::any_of(FD->parameters(), [&](const ParmVarDecl *P) {
      return Policy.Types.isTupleLike(P->getType().getNonReferenceType());
    });
  }

  /// An override of a candidate: its value takes the candidate's struct.
  bool overridesCandidate(const FunctionDecl *FD) const {
    if (FD->isTemplateInstantiation() ||
        !Policy.Types.isTupleLike(FD->getReturnType()))
      return false;
    const auto Roots = overriddenRoots(FD);
    return llvm::any_of(Roots, [&](const FunctionDecl *Root) {
      return Policy.isCandidate(Root);
    });
  }

  llvm::SetVector<const FunctionDecl *> Found;
  llvm::SetVector<const FunctionDecl *> Takers;
  llvm::SetVector<const FieldDecl *> Members;

private:
  const SourceManager &SM;
  const TupleReturnPolicy &Policy;
};

/// `path:line` of the NOLINT comment that silences structify-tuple-return
/// at \p Loc (where the check reports the function), or empty.
std::string suppression(SourceLocation Loc, const SourceManager &SM) {
  Loc = SM.getFileLoc(Loc);
  bool Invalid = false;
  const llvm::StringRef Text = SM.getBufferData(SM.getFileID(Loc), &Invalid);
  if (Invalid)
    return {};
  const std::optional<unsigned> Line =
      noLintLine(Text, SM.getSpellingLineNumber(Loc), TupleReturnCheckName);
  if (!Line)
    return {};
  return canonicalFileOf(Loc, SM) + ":" + std::to_string(*Line);
}

/// "file:line:column: reason", as the summary records a blocker.
std::string describe(const Blocker &B, const SourceManager &SM) {
  return describeLocation(B.Loc, SM, /*Column=*/true) + ": " + B.Reason.str();
}

std::vector<SummaryLink> summaryLinks(const ResultGroup &Group,
                                      const SourceManager &SM) {
  std::vector<SummaryLink> Links;
  Links.reserve(Group.Links.size());
  for (const Link &L : Group.Links)
    Links.push_back(
        {L.Member ? memberUsr(L.Member)
         : L.Parameter < 0
             ? functionUsr(L.Function)
             : parameterUsr(L.Function, static_cast<unsigned>(L.Parameter)),
         describe({L.Loc, L.Reason}, SM)});
  return Links;
}

/// \p A's edits with placeholder names into \p Out (and their files into
/// \p S's TouchedFiles), or false and the blocker.
bool recordEditsInto(const FunctionAnalysis &A, StructSpec Spec,
                     ASTContext &Ctx, FileTokens &Tokens, FunctionSummary &S,
                     std::vector<RecordedEdit> &Out, Blocker &Problem) {
  const SourceManager &SM = Ctx.getSourceManager();
  const StructSpec Placeholders = placeholder::spec(A.Shape.Elements.size());
  Spec.Name = Placeholders.Name;
  Spec.Fields = Placeholders.Fields;
  Spec.FieldTypes = Placeholders.FieldTypes;
  auto Edits = buildEdits(A.Group, Spec, Ctx, Tokens, Problem);
  if (!Edits)
    return false;
  for (const FixItHint &Hint : *Edits) {
    const tooling::Replacement R(SM, Hint.RemoveRange, Hint.CodeToInsert,
                                 Ctx.getLangOpts());
    std::string File = canonicalFileOf(Hint.RemoveRange.getBegin(), SM);
    Out.push_back(
        {File, R.getOffset(), R.getLength(), R.getReplacementText().str()});
    if (!llvm::is_contained(S.TouchedFiles, File))
      S.TouchedFiles.push_back(std::move(File));
  }
  return true;
}

/// Records \p A's edits in \p S, with placeholder names, or the blocker.
void recordEdits(const FunctionAnalysis &A, const StructSpec &Spec,
                 ASTContext &Ctx, FileTokens &Tokens, FunctionSummary &S) {
  Blocker Problem;
  if (!recordEditsInto(A, Spec, Ctx, Tokens, S, S.Edits, Problem))
    S.Blockers.push_back(describe(Problem, Ctx.getSourceManager()));
}

/// For a member of \p Class that does not declare the struct: its edits
/// for a struct declared in the namespace around the class, by a function
/// there.
void recordNamespaceEdits(const FunctionAnalysis &A, StructSpec Spec,
                          ASTContext &Ctx, FileTokens &Tokens,
                          const CXXRecordDecl *Class, FunctionSummary &S) {
  if (!S.Blockers.empty() || !Spec.TemplateHeader.empty())
    return;
  Blocker Problem;
  Spec.InsertStruct = false;
  Spec.Home = Class->getEnclosingNamespaceContext();
  Spec.AfterClass = nullptr;
  if (!recordEditsInto(A, Spec, Ctx, Tokens, S, S.NamespaceEdits, Problem)) {
    S.NamespaceEdits.clear();
    return;
  }
  S.HasNamespaceEdits = true;
  if (const auto *Namespace = dyn_cast<NamedDecl>(Spec.Home))
    S.NamespaceScope = Namespace->getQualifiedNameAsString();
}

/// A data member of the pair type: it joins the group whose values it
/// stores, and never declares the struct.
FunctionSummary summarizeMember(const FunctionAnalysis &A, ASTContext &Ctx,
                                FileTokens &Tokens) {
  const SourceManager &SM = Ctx.getSourceManager();
  const FieldDecl *M = A.Group.Member;
  FunctionSummary S;
  S.Member = true;
  S.Usr = memberUsr(M);
  S.Name = M->getNameAsString();
  S.Signature = "member '" + S.Name + "' of " +
                M->getParent()->getQualifiedNameAsString();
  S.DeclaredAt = describeLocation(M->getLocation(), SM, /*Column=*/false);
  S.HomeFile = canonicalFileOf(M->getLocation(), SM);
  S.Defines = true;
  S.SuppressedAt = suppression(M->getLocation(), SM);
  S.Evidence = A.Evidence;
  for (const Blocker &B : A.Blockers)
    S.Blockers.push_back(describe(B, SM));
  S.Links = summaryLinks(A.Group, SM);
  // Its edits name the struct as declared in its class.
  S.Scope = M->getParent()->getQualifiedNameAsString();
  S.Operators = A.Group.Operators;
  S.Access = getAccessSpelling(M->getAccess()).str();
  // The struct's definition is recorded too: a member declared before its
  // group's functions declares it (the plan's StructAt).
  StructSpec Spec;
  Spec.InsertStruct = true;
  Blocker Problem;
  const MemberFacts *Facts = A.Group.MemberInfo;
  if (Facts && Facts->Container
          ? !describeWrittenTypes(Facts->WrittenType,
                                  Facts->WrittenType.isNull()
                                      ? QualType()
                                      : Facts->WrittenType.getType(),
                                  M->getLocation(), A.Shape, Ctx, Spec, Problem)
          : !describeParameterTypes(M, A.Shape, Ctx, Spec, Problem)) {
    S.Blockers.push_back(describe(Problem, SM));
    return S;
  }
  S.FieldTypes = Spec.FieldTypes;
  S.Elements = A.Shape.Elements.size();
  S.StructHome = S.Scope;
  if (S.Blockers.empty())
    recordEdits(A, Spec, Ctx, Tokens, S);
  recordNamespaceEdits(A, Spec, Ctx, Tokens,
                       cast<CXXRecordDecl>(M->getParent()), S);
  return S;
}

/// Who \p A's function is (or its parameter \p Parameter, when not null),
/// where, and what its value flows to.
void describeFunction(const FunctionAnalysis &A, const ParmVarDecl *Parameter,
                      const SourceManager &SM, FunctionSummary &S) {
  const FunctionDecl *F = A.Function;
  S.Usr = Parameter ? parameterUsr(F, Parameter->getFunctionScopeIndex())
                    : functionUsr(F);
  S.Name = F->getNameAsString();
  S.Signature = functionSignature(F);
  if (Parameter)
    S.Signature = "parameter " +
                  (Parameter->getDeclName().isIdentifier()
                       ? "'" + Parameter->getNameAsString() + "'"
                       : std::to_string(S.Parameter + 1)) +
                  " of " + S.Signature;
  S.DeclaredAt =
      describeLocation(Parameter ? Parameter->getLocation() : F->getLocation(),
                       SM, /*Column=*/false);
  S.HomeFile = canonicalFileOf(F->getLocation(), SM);
  S.Defines = F->getDefinition() != nullptr;
  S.SuppressedAt = suppression(F->getLocation(), SM);
  S.Evidence = A.Evidence;
  S.KnownNames = A.KnownNames;
  for (const Blocker &B : A.Blockers)
    S.Blockers.push_back(describe(B, SM));
  for (SourceLocation Call : A.CallSites)
    S.CallSites.push_back(describeLocation(Call, SM, /*Column=*/true));
  S.Links = summaryLinks(A.Group, SM);
  if (!Parameter)
    for (const FunctionDecl *Root : overriddenRoots(F))
      S.Overrides.push_back(functionUsr(Root));
  // A parameter's edits name the struct as declared in the namespace around
  // its function (a member function's parameter included).
  const DeclContext *Home =
      Parameter ? F->getDeclContext()->getEnclosingNamespaceContext()
                : F->getDeclContext();
  if (const auto *Scope = dyn_cast<NamedDecl>(Home))
    S.Scope = Scope->getQualifiedNameAsString();
  if (isa<CXXMethodDecl>(F))
    S.Access = getAccessSpelling(F->getAccess()).str();
  S.Operators = A.Group.Operators;
}

/// Names: the struct's, in the style around it, which variants of it this
/// unit already spells, and the names of the evidence it cannot use.
void noteNames(const FunctionDecl *F, ASTContext &Ctx,
               const SummaryOptions &Options, FunctionSummary &S) {
  S.StructName = baseStructName(F, Options.NameStyle, Options.StructNameSuffix);
  for (unsigned N = 1; N <= 9; ++N) {
    const std::string Candidate =
        N == 1 ? S.StructName : S.StructName + std::to_string(N);
    if (Ctx.Idents.find(Candidate) != Ctx.Idents.end())
      S.TakenStructNames.push_back(Candidate);
  }
  auto NoteUnusable =
      [&](const std::vector<std::vector<std::string>> &PerElement) {
        for (const auto &Names : PerElement)
          for (const std::string &Name : Names)
            if (!isUsableName(normalizeName(Name), Ctx))
              S.UnusableNames.push_back(normalizeName(Name));
      };
  NoteUnusable(S.Evidence.FromDefinition);
  NoteUnusable(S.Evidence.FromCallers);
  NoteUnusable(S.Evidence.FromParameters);
  for (const std::string &Known : S.KnownNames)
    if (!isUsableName(Known, Ctx))
      S.UnusableNames.push_back(Known);
}

FunctionSummary summarize(const FunctionAnalysis &A, ASTContext &Ctx,
                          FileTokens &Tokens, const SummaryOptions &Options) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (A.Group.Member)
    return summarizeMember(A, Ctx, Tokens);
  const FunctionDecl *F = A.Function;
  FunctionSummary S;
  S.Parameter = A.Group.Parameter;
  const ParmVarDecl *Parameter =
      S.Parameter < 0 ? nullptr
                      : F->getParamDecl(static_cast<unsigned>(S.Parameter));
  describeFunction(A, Parameter, SM, S);
  noteNames(F, Ctx, Options, S);

  // The field types, and every file the rewrite touches from here: the edits
  // themselves, made with placeholder names.
  StructSpec Spec;
  Spec.InsertStruct = S.Overrides.empty() && !Parameter;
  Blocker Problem;
  if (Parameter
          ? !describeParameterTypes(Parameter, A.Shape, Ctx, Spec, Problem)
          : !describeStructTypes(F, A.Shape, Ctx, Spec, Problem)) {
    S.Blockers.push_back(describe(Problem, SM));
    return S;
  }
  S.FieldTypes = Spec.FieldTypes;
  S.Elements = A.Shape.Elements.size();
  if (!S.Blockers.empty())
    return S;
  S.StructHome = S.Scope;
  if (Spec.AfterClass) {
    if (const auto *Around =
            dyn_cast<NamedDecl>(Spec.AfterClass->getDeclContext()))
      S.StructHome = Around->getQualifiedNameAsString();
    else
      S.StructHome.clear();
  }
  // The edits, with the names the plan decides as placeholders. An
  // override takes its base's struct; a parameter its group's. A member
  // function that is not the group's first can name a struct declared in
  // the namespace around its class.
  Spec.InsertStruct = S.Overrides.empty() && !Parameter;
  recordEdits(A, Spec, Ctx, Tokens, S);
  if (!Parameter && S.Overrides.empty())
    if (const auto *Class = dyn_cast<CXXRecordDecl>(F->getDeclContext()))
      recordNamespaceEdits(A, Spec, Ctx, Tokens, Class, S);
  return S;
}

} // namespace

std::vector<FunctionSummary>
summarizeTranslationUnit(ASTContext &Ctx, Preprocessor *PP,
                         const TupleReturnPolicy &Policy,
                         const SummaryOptions &Options) {
  // As structify-tuple-return: the rewrite needs C++11's braced returns.
  if (!Ctx.getLangOpts().CPlusPlus11)
    return {};
  CandidateFinder Finder(Ctx.getSourceManager(), Policy);
  Finder.TraverseAST(Ctx);
  if (Finder.Found.empty())
    return {};
  llvm::SmallPtrSet<const FunctionDecl *, 8> Functions(Finder.Found.begin(),
                                                       Finder.Found.end());
  FlowTargets Targets;
  Targets.Takers.insert(Finder.Takers.begin(), Finder.Takers.end());
  Targets.Members.insert(Finder.Members.begin(), Finder.Members.end());
  const TupleFacts Facts =
      collectTupleFacts(Ctx, Policy.Types, Functions,
                        /*VisitInstantiations=*/true, &Targets);
  std::vector<FunctionSummary> Summaries;
  FileTokens Tokens(Ctx.getSourceManager(), Ctx.getLangOpts(), PP);
  // Flows to other functions are links for the plan to join into groups.
  MigrationScope Scope;
  Scope.RecordLinks = true;
  Scope.ProjectWide = true;
  for (const FunctionDecl *F : Finder.Found)
    Summaries.push_back(
        summarize(analyzeFunction(F, Facts, Policy.Types, Ctx, Scope), Ctx,
                  Tokens, Options));
  // The parameters of the pair types: a group the value flows into takes
  // them in (the plan drops those no group reaches).
  for (const FunctionDecl *F : Finder.Takers)
    for (const ParmVarDecl *P : F->parameters())
      if (Policy.Types.isTupleLike(P->getType().getNonReferenceType()))
        Summaries.push_back(
            summarize(analyzeParameter(F, P->getFunctionScopeIndex(), Facts,
                                       Policy.Types, Ctx, Scope),
                      Ctx, Tokens, Options));
  for (const FieldDecl *M : Finder.Members)
    Summaries.push_back(
        summarize(analyzeMember(M, Facts, Policy.Types, Ctx, Scope), Ctx,
                  Tokens, Options));
  return Summaries;
}

namespace {
using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

Value edits(const std::vector<RecordedEdit> &Edits) {
  Array Out;
  for (const RecordedEdit &E : Edits)
    Out.push_back(Object{{"file", E.File},
                         {"offset", E.Offset},
                         {"length", E.Length},
                         {"text", E.Text}});
  return Out;
}

Value links(const std::vector<SummaryLink> &Links) {
  Array Out;
  for (const SummaryLink &L : Links)
    Out.push_back(Object{{"usr", L.Usr}, {"reason", L.Reason}});
  return Out;
}

Value evidence(const std::vector<std::vector<std::string>> &PerElement) {
  Array Elements;
  for (const std::vector<std::string> &Names : PerElement)
    Elements.push_back(Names);
  return Elements;
}
} // namespace

Value toJSON(const FunctionSummary &S) {
  return Object{{"usr", S.Usr},
                {"name", S.Name},
                {"signature", S.Signature},
                {"declaredAt", S.DeclaredAt},
                {"homeFile", S.HomeFile},
                {"defines", S.Defines},
                {"fieldTypes", S.FieldTypes},
                {"fromDefinition", evidence(S.Evidence.FromDefinition)},
                {"fromCallers", evidence(S.Evidence.FromCallers)},
                {"fromParameters", evidence(S.Evidence.FromParameters)},
                {"knownNames", S.KnownNames},
                {"blockers", S.Blockers},
                {"suppressedAt", S.SuppressedAt},
                {"touchedFiles", S.TouchedFiles},
                {"structName", S.StructName},
                {"takenStructNames", S.TakenStructNames},
                {"unusableNames", S.UnusableNames},
                {"callSites", S.CallSites},
                {"links", links(S.Links)},
                {"overrides", S.Overrides},
                {"scope", S.Scope},
                {"access", S.Access},
                {"operators", S.Operators},
                {"elements", S.Elements},
                {"parameter", S.Parameter},
                {"member", S.Member},
                {"structHome", S.StructHome},
                {"hasNamespaceEdits", S.HasNamespaceEdits},
                {"namespaceScope", S.NamespaceScope},
                {"namespaceEdits", edits(S.NamespaceEdits)},
                {"edits", edits(S.Edits)}};
}

bool fromJSON(const Value &V, FunctionSummary &S, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("usr", S.Usr) && O.map("name", S.Name) &&
         O.map("signature", S.Signature) && O.map("declaredAt", S.DeclaredAt) &&
         O.map("homeFile", S.HomeFile) && O.map("defines", S.Defines) &&
         O.map("fieldTypes", S.FieldTypes) &&
         O.map("fromDefinition", S.Evidence.FromDefinition) &&
         O.map("fromCallers", S.Evidence.FromCallers) &&
         O.map("fromParameters", S.Evidence.FromParameters) &&
         O.map("knownNames", S.KnownNames) && O.map("blockers", S.Blockers) &&
         O.map("suppressedAt", S.SuppressedAt) &&
         O.map("touchedFiles", S.TouchedFiles) &&
         O.map("structName", S.StructName) &&
         O.map("takenStructNames", S.TakenStructNames) &&
         O.map("unusableNames", S.UnusableNames) &&
         O.map("callSites", S.CallSites) && O.map("links", S.Links) &&
         O.map("overrides", S.Overrides) && O.map("scope", S.Scope) &&
         O.map("access", S.Access) && O.map("operators", S.Operators) &&
         O.map("elements", S.Elements) &&
         O.mapOptional("parameter", S.Parameter) &&
         O.mapOptional("member", S.Member) &&
         O.mapOptional("structHome", S.StructHome) &&
         O.mapOptional("hasNamespaceEdits", S.HasNamespaceEdits) &&
         O.mapOptional("namespaceScope", S.NamespaceScope) &&
         O.mapOptional("namespaceEdits", S.NamespaceEdits) &&
         O.map("edits", S.Edits);
}

bool fromJSON(const Value &V, RecordedEdit &E, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("file", E.File) && O.map("offset", E.Offset) &&
         O.map("length", E.Length) && O.map("text", E.Text);
}

bool fromJSON(const Value &V, SummaryLink &L, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("usr", L.Usr) && O.map("reason", L.Reason);
}

} // namespace structify
