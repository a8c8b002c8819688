//===--- Apply.cpp - every unit's edits, merged into new files ------------===//

#include "refactor/Apply.h"
#include "model/Edits.h"
#include "refactor/ApplyReplacements.h"
#include "support/DriverCompat.h"
#include "support/Paths.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Format/Format.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "llvm/ADT/StringSet.h"
#include <set>

namespace structify {
using namespace clang;
using tidy::structify::Plan;
using tidy::structify::PlanEntry;
using tidy::structify::PlanField;

namespace {
/// The functions of \p E's migration group: its own and those that share it.
std::vector<std::string> groupUsrs(const PlanEntry &E) {
  std::vector<std::string> Usrs{E.Usr};
  for (const auto &Member : E.SharedBy)
    Usrs.push_back(Member.Usr);
  return Usrs;
}
} // namespace

ProjectEdits ProjectEdits::fromRecords(const Plan &P,
                                       llvm::ArrayRef<FunctionSummary> Summaries) {
  ProjectEdits Result;
  // Where each group's struct goes: its leader's home.
  llvm::StringMap<std::string> Homes;
  for (const FunctionSummary &S : Summaries)
    if (const PlanEntry *E = P.find(S.Usr); E && E->Usr == S.Usr)
      Homes.try_emplace(S.Usr, S.StructHome);
  for (const FunctionSummary &S : Summaries) {
    const PlanEntry *E = P.find(S.Usr);
    if (!E || !E->rewrites())
      continue;
    auto Block = [&](std::string Reason) {
      Result.Blocked.try_emplace(S.Usr, std::move(Reason));
    };
    // What the unit knows that the plan, perhaps edited by hand, does not.
    if (!S.Blockers.empty()) {
      Block(S.Blockers.front());
      continue;
    }
    if (S.Elements != E->Fields.size()) {
      Block(S.DeclaredAt + ": the plan names " + std::to_string(E->Fields.size()) +
            " fields, but '" + S.Name + "' returns " + std::to_string(S.Elements) +
            " elements");
      continue;
    }
    if (auto Missing = llvm::find_if(S.Operators, [&](const std::string &Op) {
          return !llvm::is_contained(E->Operators, Op);
        });
        Missing != S.Operators.end()) {
      Block(S.DeclaredAt + ": the values are compared with '" + *Missing +
            "', which the plan's struct does not define; make the plan again");
      continue;
    }
    tidy::structify::StructSpec Spec;
    Spec.Name = E->Struct;
    for (const PlanField &Field : E->Fields) {
      Spec.Fields.push_back(Field.Name);
      Spec.FieldTypes.push_back(Field.Type);
    }
    Spec.Operators = E->Operators;
    // The struct goes where the group's leader is declared; the others name it.
    const bool Leader = E->Usr == S.Usr;
    std::vector<tooling::Replacement> &Known = Result.ByFunction[S.Usr];
    // A class's member that names a struct declared in the namespace
    // around the class.
    const auto Home = Homes.find(E->Usr);
    const bool AroundClass = !Leader && Home != Homes.end() && S.Scope != Home->second &&
                             S.HasNamespaceEdits && S.NamespaceScope == Home->second;
    // The leader's declaration gets the struct, or the member the plan says.
    const bool Declares = E->StructAt.empty() ? Leader : E->StructAt == S.Usr;
    for (const RecordedEdit &Recorded : AroundClass ? S.NamespaceEdits : S.Edits) {
      if (!Declares && tidy::structify::placeholder::holdsDefinition(Recorded.Text))
        continue;
      const tooling::Replacement R(
          Recorded.File, Recorded.Offset, Recorded.Length,
          tidy::structify::placeholder::instantiate(Recorded.Text, Spec));
      // Every unit that reads a header makes that header's edits again.
      if (!llvm::is_contained(Known, R))
        Known.push_back(R);
    }
  }
  return Result;
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
