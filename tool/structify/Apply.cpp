//===--- Apply.cpp - every unit's edits, merged into new files ------------===//

#include "Apply.h"
#include "ApplyReplacements.h"
#include "Collect.h"
#include "Paths.h"
#include "compat/Compat.h"
#include "model/Analysis.h"
#include "model/Placement.h"
#include "model/UseSites.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Format/Format.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringSet.h"
#include <set>

namespace structify {
using namespace clang;
using tidy::structify::FileTokens;
using tidy::structify::FunctionRewriter;
using tidy::structify::Plan;
using tidy::structify::PlanEntry;
using tidy::structify::RewriteOutcome;
using tidy::structify::RewriteSettings;
using tidy::structify::TupleReturnPolicy;

namespace {

/// The functions of the unit that the plan rewrites, by the identity the
/// plan knows them by.
class PlannedFunctions : public RecursiveASTVisitor<PlannedFunctions> {
public:
  PlannedFunctions(const SourceManager &SM, const TupleReturnPolicy &Policy,
                   const llvm::StringSet<> &Rewritten)
      : SM(SM), Policy(Policy), Rewritten(Rewritten) {}

  bool TraverseDecl(Decl *D) {
    return inSystemHeader(D, SM) || RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->isTemplateInstantiation() || FD->getPrimaryTemplate() ||
        !Policy.Types.isTupleLike(FD->getReturnType()))
      return true;
    const FunctionDecl *Canonical = FD->getCanonicalDecl();
    if (!Found.contains(Canonical) &&
        Rewritten.contains(tidy::structify::functionUsr(Canonical)))
      Found.insert(Canonical);
    return true;
  }

  llvm::SetVector<const FunctionDecl *> Found;

private:
  const SourceManager &SM;
  const TupleReturnPolicy &Policy;
  const llvm::StringSet<> &Rewritten;
};

class ApplyConsumer : public ASTConsumer {
public:
  ApplyConsumer(Preprocessor &PP, const TupleReturnPolicy &Policy,
                const Plan &ThePlan, AppliedUnit &Out)
      : PP(PP), Policy(Policy), ThePlan(ThePlan), Out(Out) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    // A unit with errors has an incomplete AST: the caller reports it.
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    llvm::StringSet<> Rewritten;
    for (const PlanEntry &E : ThePlan.Functions)
      if (E.rewrites()) {
        Rewritten.insert(E.Usr);
        for (const auto &Member : E.SharedBy)
          Rewritten.insert(Member.Usr);
      }
    const SourceManager &SM = Ctx.getSourceManager();
    PlannedFunctions Finder(SM, Policy, Rewritten);
    Finder.TraverseAST(Ctx);
    if (Finder.Found.empty())
      return;
    const llvm::SmallPtrSet<const FunctionDecl *, 8> Functions(
        Finder.Found.begin(), Finder.Found.end());
    const tidy::structify::TupleFacts Facts =
        tidy::structify::collectTupleFacts(Ctx, Policy.Types, Functions);
    RewriteSettings Settings;
    Settings.ProjectPlan = &ThePlan;
    FileTokens Tokens(SM, Ctx.getLangOpts(), &PP);
    FunctionRewriter Rewriter(Ctx, Policy.Types, Settings, Tokens);
    Rewriter.setFunctions(Finder.Found.getArrayRef());
    for (const FunctionDecl *Function : Finder.Found) {
      const RewriteOutcome Outcome = Rewriter.rewrite(Function, Facts);
      AppliedFunction Applied;
      Applied.Usr = tidy::structify::functionUsr(Function);
      Applied.Status = Outcome.Kind;
      for (const FixItHint &Hint : Outcome.Fixes) {
        const tooling::Replacement R(SM, Hint.RemoveRange, Hint.CodeToInsert,
                                     Ctx.getLangOpts());
        Applied.Replacements.emplace_back(
            canonicalFileOf(Hint.RemoveRange.getBegin(), SM), R.getOffset(),
            R.getLength(), R.getReplacementText());
      }
      for (const tidy::structify::Blocker &B : Outcome.Blockers)
        Applied.Blockers.push_back(describeLocation(B.Loc, SM) + ": " + B.Reason);
      Out.Functions.push_back(std::move(Applied));
    }
  }

private:
  Preprocessor &PP;
  const TupleReturnPolicy &Policy;
  const Plan &ThePlan;
  AppliedUnit &Out;
};

class ApplyAction : public ASTFrontendAction {
public:
  ApplyAction(const TupleReturnPolicy &Policy, const Plan &ThePlan,
              AppliedUnit &Out)
      : Policy(Policy), ThePlan(ThePlan), Out(Out) {}

protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    return std::make_unique<ApplyConsumer>(CI.getPreprocessor(), Policy,
                                           ThePlan, Out);
  }
  void EndSourceFileAction() override {
    recordFilesRead(getCompilerInstance(), Out.FilesRead);
  }

private:
  const TupleReturnPolicy &Policy;
  const Plan &ThePlan;
  AppliedUnit &Out;
};

class ApplyActionFactory : public AnalysisActionFactory {
public:
  ApplyActionFactory(const TupleReturnPolicy &Policy, const Plan &ThePlan,
                     AppliedUnit &Out)
      : Policy(Policy), ThePlan(ThePlan), Out(Out) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<ApplyAction>(Policy, ThePlan, Out);
  }

private:
  const TupleReturnPolicy &Policy;
  const Plan &ThePlan;
  AppliedUnit &Out;
};

llvm::StringRef statusName(RewriteOutcome::Status Status) {
  switch (Status) {
  case RewriteOutcome::Status::Rewritten:
    return "rewritten";
  case RewriteOutcome::Status::Blocked:
    return "blocked";
  case RewriteOutcome::Status::SkippedByPlan:
    return "skipped-by-plan";
  case RewriteOutcome::Status::NotInPlan:
    return "not-in-plan";
  case RewriteOutcome::Status::PlanUnusable:
    return "plan-unusable";
  }
  llvm_unreachable("a status without a name");
}

bool parseStatus(llvm::StringRef Name, RewriteOutcome::Status &Status) {
  for (auto Candidate :
       {RewriteOutcome::Status::Rewritten, RewriteOutcome::Status::Blocked,
        RewriteOutcome::Status::SkippedByPlan, RewriteOutcome::Status::NotInPlan,
        RewriteOutcome::Status::PlanUnusable})
    if (Name == statusName(Candidate)) {
      Status = Candidate;
      return true;
    }
  return false;
}

} // namespace

AppliedUnit applyUnit(const TranslationUnit &Unit,
                      const tidy::ClangTidyOptions &Options, const Plan &ThePlan) {
  AppliedUnit Result;
  const TupleReturnPolicy Policy = policyFor(Options);
  ApplyActionFactory Factory(Policy, ThePlan, Result);
  const StageRun Run = runStageAction(Unit, Options, Factory);
  if (Run.Status == UnitResult::Outcome::Crashed)
    Result = AppliedUnit(); // what it found before is not to be trusted
  Result.Status = Run.Status;
  Result.Problem = Run.Problem;
  if (Run.Status != UnitResult::Outcome::Analysed)
    Result.Functions.clear(); // the files it read say which functions it may use
  sortUnique(Result.FilesRead);
  return Result;
}

llvm::json::Value toJSON(const AppliedUnit &U) {
  llvm::json::Array Functions;
  for (const AppliedFunction &F : U.Functions) {
    llvm::json::Array Replacements;
    for (const tooling::Replacement &R : F.Replacements)
      Replacements.push_back(
          llvm::json::Object{{"file", R.getFilePath().str()},
                             {"offset", R.getOffset()},
                             {"length", R.getLength()},
                             {"text", R.getReplacementText().str()}});
    Functions.push_back(llvm::json::Object{{"usr", F.Usr},
                                           {"status", statusName(F.Status)},
                                           {"replacements", std::move(Replacements)},
                                           {"blockers", F.Blockers}});
  }
  return llvm::json::Object{{"status", outcomeKeyword(U.Status)},
                            {"problem", U.Problem},
                            {"functions", std::move(Functions)},
                            {"filesRead", U.FilesRead}};
}

bool fromJSON(const llvm::json::Value &V, AppliedUnit &U, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  std::string Status;
  const llvm::json::Array *Functions =
      V.getAsObject() ? V.getAsObject()->getArray("functions") : nullptr;
  if (!O || !O.map("status", Status) || !parseOutcomeKeyword(Status, U.Status) ||
      !O.map("problem", U.Problem) || !O.map("filesRead", U.FilesRead) ||
      !Functions)
    return false;
  for (const llvm::json::Value &F : *Functions) {
    llvm::json::ObjectMapper FO(F, P.field("functions"));
    AppliedFunction Applied;
    std::string FunctionStatus;
    const llvm::json::Array *Replacements =
        F.getAsObject() ? F.getAsObject()->getArray("replacements") : nullptr;
    if (!FO || !FO.map("usr", Applied.Usr) || !FO.map("status", FunctionStatus) ||
        !parseStatus(FunctionStatus, Applied.Status) ||
        !FO.map("blockers", Applied.Blockers) || !Replacements)
      return false;
    for (const llvm::json::Value &R : *Replacements) {
      llvm::json::ObjectMapper RO(R, P.field("replacements"));
      std::string File, Text;
      unsigned Offset = 0, Length = 0;
      if (!RO || !RO.map("file", File) || !RO.map("offset", Offset) ||
          !RO.map("length", Length) || !RO.map("text", Text))
        return false;
      Applied.Replacements.emplace_back(File, Offset, Length, Text);
    }
    U.Functions.push_back(std::move(Applied));
  }
  return true;
}

namespace {
/// The functions of \p E's migration group: its own and those that share it.
std::vector<std::string> groupUsrs(const PlanEntry &E) {
  std::vector<std::string> Usrs{E.Usr};
  for (const auto &Member : E.SharedBy)
    Usrs.push_back(Member.Usr);
  return Usrs;
}
} // namespace

void ProjectEdits::add(const AppliedUnit &Unit) {
  for (const AppliedFunction &F : Unit.Functions) {
    if (F.Status == RewriteOutcome::Status::Blocked) {
      Blocked.try_emplace(F.Usr, F.Blockers.empty() ? std::string("blocked")
                                                    : F.Blockers.front());
      continue;
    }
    if (F.Status != RewriteOutcome::Status::Rewritten)
      continue;
    std::vector<tooling::Replacement> &Known = ByFunction[F.Usr];
    // Every unit that reads a header makes that header's edits again.
    for (const tooling::Replacement &R : F.Replacements)
      if (!llvm::is_contained(Known, R))
        Known.push_back(R);
  }
}

std::vector<Skip> ProjectEdits::blocked(const Plan &P) const {
  std::vector<Skip> Result;
  for (const PlanEntry &E : P.Functions) {
    if (!E.rewrites())
      continue;
    // A group is blocked when any of its functions is.
    for (const std::string &Usr : groupUsrs(E))
      if (auto It = Blocked.find(Usr); It != Blocked.end()) {
        Result.push_back({E.Usr, It->second});
        break;
      }
  }
  return Result;
}

namespace {

using EditKey = std::tuple<unsigned, unsigned, std::string>;

EditKey keyOf(const tooling::Replacement &R) {
  return {R.getOffset(), R.getLength(), R.getReplacementText().str()};
}

/// Do \p R and \p Other touch the same text (or at least meet)?
bool meets(const tooling::Replacement &R, const tooling::Replacement &Other) {
  return R.getOffset() <= Other.getOffset() + Other.getLength() &&
         Other.getOffset() <= R.getOffset() + R.getLength();
}

} // namespace

Edits ProjectEdits::merge(const Plan &P, llvm::StringRef FormatStyle,
                          const std::function<std::string(llvm::StringRef)> &WhyNotEditable,
                          std::vector<Skip> &Conflicts) const {
  Edits Result;
  SourceText Sources;
  // The edits accepted so far, per file, and which function made each.
  std::map<std::string, tooling::Replacements> Accepted;
  std::map<std::string, std::set<EditKey>> AcceptedKeys;
  std::vector<std::pair<tooling::Replacement, const PlanEntry *>> Made;
  replace::TUDiagnostics All(1);
  for (const PlanEntry &E : P.Functions) {
    if (!E.rewrites())
      continue;
    // The group's edits: its function's and those of the functions that
    // share its struct (a variable they share is edited alike by both).
    std::vector<tooling::Replacement> GroupEdits;
    for (const std::string &Usr : groupUsrs(E))
      if (const auto It = ByFunction.find(Usr); It != ByFunction.end())
        for (const tooling::Replacement &R : It->second)
          if (!llvm::is_contained(GroupEdits, R))
            GroupEdits.push_back(R);
    if (GroupEdits.empty())
      continue;
    std::string Why;
    // Its own edits, from every unit: they must agree.
    std::map<std::string, tooling::Replacements> Own;
    for (const tooling::Replacement &R : GroupEdits) {
      const std::string File = R.getFilePath().str();
      if (std::string Refused = WhyNotEditable(File); !Refused.empty()) {
        Why = "it would edit '";
        Why += File;
        Why += "', ";
        Why += Refused;
        break;
      }
      if (llvm::Error Err = Own[File].add(R)) {
        llvm::consumeError(std::move(Err));
        Why = "the translation units that read " +
              Sources.describe(File, R.getOffset()) +
              " disagree on its edit there (the code is compiled in "
              "different ways)";
        break;
      }
    }
    // Then with the functions before it in the plan.
    std::map<std::string, tooling::Replacements> Merged;
    for (const auto &[File, Mine] : Own) {
      if (!Why.empty())
        break;
      tooling::Replacements Combined = Accepted[File];
      for (const tooling::Replacement &R : Mine) {
        if (AcceptedKeys[File].count(keyOf(R)))
          continue; // the same edit, made by another function's rewrite
        if (llvm::Error Err = Combined.add(R)) {
          llvm::consumeError(std::move(Err));
          const PlanEntry *Other = nullptr;
          for (const auto &[Earlier, Owner] : Made)
            if (Earlier.getFilePath() == R.getFilePath() && meets(R, Earlier))
              Other = Owner;
          Why = "its edit at " + Sources.describe(File, R.getOffset()) +
                " overlaps the rewrite of '" +
                (Other ? Other->Function : std::string("another function")) +
                "'; run 'structify fix' again to rewrite it once that one is done";
          break;
        }
      }
      Merged[File] = std::move(Combined);
    }
    if (!Why.empty()) {
      Conflicts.push_back({E.Usr, Why});
      continue;
    }
    tooling::Diagnostic Diag;
    Diag.DiagnosticName = tidy::structify::TupleReturnCheckName.str();
    for (auto &[File, Combined] : Merged) {
      Accepted[File] = std::move(Combined);
      for (const tooling::Replacement &R : Own[File]) {
        if (const auto [Where, New] = AcceptedKeys[File].insert(keyOf(R)); !New)
          continue;
        Made.emplace_back(R, &E);
        Result.Origins.push_back({File, R.getOffset(), R.getLength(),
                                  static_cast<unsigned>(R.getReplacementText().size()),
                                  E.DeclaredAt});
        if (llvm::Error Err = Diag.Message.Fix[File].add(R))
          Result.Problems.push_back(File + ": " + llvm::toString(std::move(Err)));
      }
    }
    All.front().Diagnostics.push_back(std::move(Diag));
  }
  if (All.front().Diagnostics.empty())
    return Result;

  // clang-apply-replacements' merge: one change list per file; the
  // conflicts are gone already.
  compat::DiagnosticOptionsHolder DiagOpts;
  std::string ConflictText;
  llvm::raw_string_ostream ConflictStream(ConflictText);
  TextDiagnosticPrinter Printer(ConflictStream, DiagOpts);
  DiagnosticsEngine Diagnostics(llvm::makeIntrusiveRefCnt<DiagnosticIDs>(),
                                DiagOpts, &Printer, /*ShouldOwnClient=*/false);
  FileManager Files((FileSystemOptions()));
  SourceManager SM(Diagnostics, Files);
  replace::FileToChangesMap Changes;
  if (!replace::mergeAndDeduplicate({}, All, Changes, SM)) {
    Result.Problems.push_back("the edits conflict: " + ConflictText);
    return Result;
  }
  for (const auto &[File, FileChanges] : Changes) {
    // The changed code, formatted as the project formats it: with the
    // nearest .clang-format, and not at all without one.
    tooling::ApplyChangesSpec Spec;
    Spec.Cleanup = false;
    Spec.Format = tooling::ApplyChangesSpec::kNone;
    if (FormatStyle != "none") {
      auto Style = format::getStyle(FormatStyle, File.getName(), "none");
      if (!Style) {
        Result.Problems.push_back(File.getName().str() + ": " +
                                  llvm::toString(Style.takeError()));
        continue;
      }
      if (!Style->DisableFormat) {
        Spec.Style = *Style;
        Spec.Format = tooling::ApplyChangesSpec::kAll; // the changed code only
      }
    }
    auto NewText = replace::applyChanges(File.getName(), FileChanges, Spec,
                                         Diagnostics);
    if (!NewText) {
      Result.Problems.push_back(File.getName().str() + ": " +
                                llvm::toString(NewText.takeError()));
      continue;
    }
    for (const tooling::AtomicChange &Change : FileChanges)
      Result.Count += Change.getReplacements().size();
    Result.NewContents[File.getName().str()] = std::move(*NewText);
  }
  return Result;
}

} // namespace structify
