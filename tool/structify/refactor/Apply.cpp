//===--- Apply.cpp - every unit's edits, merged into new files ------------===//

#include "refactor/Apply.h"
#include "model/Edits.h"
#include "support/Paths.h"
#include "clang/Format/Format.h"
#include "clang/Tooling/Refactoring/AtomicChange.h"
#include "llvm/Support/MemoryBuffer.h"
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

ProjectEdits
ProjectEdits::fromRecords(const Plan &P,
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
      Block(S.DeclaredAt + ": the plan names " +
            std::to_string(E->Fields.size()) + " fields, but '" + S.Name +
            "' returns " + std::to_string(S.Elements) + " elements");
      continue;
    }
    if (auto Missing = llvm::find_if(S.Operators,
                                     [&](const std::string &Op) {
                                       return !llvm::is_contained(E->Operators,
                                                                  Op);
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
    const bool AroundClass = !Leader && Home != Homes.end() &&
                             S.Scope != Home->second && S.HasNamespaceEdits &&
                             S.NamespaceScope == Home->second;
    // The leader's declaration gets the struct, or the member the plan says.
    const bool Declares = E->StructAt.empty() ? Leader : E->StructAt == S.Usr;
    for (const RecordedEdit &Recorded :
         AroundClass ? S.NamespaceEdits : S.Edits) {
      if (!Declares &&
          tidy::structify::placeholder::holdsDefinition(Recorded.Text))
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

/// The edits of \p E's group: its function's and those of the functions that
/// share its struct (a variable they share is edited alike by both), once
/// each.
std::vector<tooling::Replacement> groupEdits(
    const PlanEntry &E,
    const llvm::StringMap<std::vector<tooling::Replacement>> &ByFunction) {
  std::vector<tooling::Replacement> Result;
  for (const std::string &Usr : groupUsrs(E))
    if (const auto It = ByFunction.find(Usr); It != ByFunction.end())
      for (const tooling::Replacement &R : It->second)
        if (!llvm::is_contained(Result, R))
          Result.push_back(R);
  return Result;
}

/// How \p File's changed code is formatted: as the project formats it, with
/// the nearest .clang-format, and not at all without one (or with
/// \p FormatStyle 'none').
llvm::Expected<tooling::ApplyChangesSpec> specFor(llvm::StringRef File,
                                                  llvm::StringRef FormatStyle) {
  tooling::ApplyChangesSpec Spec;
  Spec.Cleanup = false;
  Spec.Format = tooling::ApplyChangesSpec::kNone;
  if (FormatStyle == "none")
    return Spec;
  auto Style = format::getStyle(FormatStyle, File, "none");
  if (!Style)
    return Style.takeError();
  if (!Style->DisableFormat) {
    Spec.Style = *Style;
    Spec.Format = tooling::ApplyChangesSpec::kAll; // the changed code only
  }
  return Spec;
}

/// The one merge of every group's edits, in the plan's order: one
/// tooling::Replacements per file, which a group's edits join all together
/// or not at all. Replacements::add refuses an edit that overlaps another
/// unless the order they are made in does not matter; it would repeat an
/// insertion made twice, so an edit already made (the same header edit from
/// every unit that reads it, or from another group) is left out first.
class EditMerge {
public:
  using WhyNotFn = std::function<std::string(llvm::StringRef)>;

  explicit EditMerge(Edits &Result) : Result(Result) {}

  /// Merges \p GroupEdits, the edits of \p E's group; or leaves them all out
  /// and returns why.
  std::string add(const PlanEntry &E,
                  llvm::ArrayRef<tooling::Replacement> GroupEdits,
                  const WhyNotFn &WhyNotEditable);

  /// Each edited file's new text, formatted with \p FormatStyle.
  void apply(llvm::StringRef FormatStyle);

private:
  using FileEdits = std::map<std::string, tooling::Replacements>;

  std::string own(llvm::ArrayRef<tooling::Replacement> GroupEdits,
                  const WhyNotFn &WhyNotEditable, FileEdits &Own);
  std::string combine(const FileEdits &Own, FileEdits &Merged);
  void accept(const PlanEntry &E, const FileEdits &Own, FileEdits &Merged);

  Edits &Result;
  SourceText Sources;
  /// The edits accepted so far, per file, and which function made each.
  FileEdits Accepted;
  std::map<std::string, std::set<EditKey>> AcceptedKeys;
  std::vector<std::pair<tooling::Replacement, const PlanEntry *>> Made;
};

std::string EditMerge::add(const PlanEntry &E,
                           llvm::ArrayRef<tooling::Replacement> GroupEdits,
                           const WhyNotFn &WhyNotEditable) {
  FileEdits Own;
  if (std::string Why = own(GroupEdits, WhyNotEditable, Own); !Why.empty())
    return Why;
  FileEdits Merged;
  if (std::string Why = combine(Own, Merged); !Why.empty())
    return Why;
  accept(E, Own, Merged);
  return {};
}

/// The group's own edits, from every unit, per file: they must agree.
std::string EditMerge::own(llvm::ArrayRef<tooling::Replacement> GroupEdits,
                           const WhyNotFn &WhyNotEditable, FileEdits &Own) {
  for (const tooling::Replacement &R : GroupEdits) {
    const std::string File = R.getFilePath().str();
    if (std::string Refused = WhyNotEditable(File); !Refused.empty()) {
      std::string Why = "it would edit '";
      Why += File;
      Why += "', ";
      Why += Refused;
      return Why;
    }
    if (llvm::Error Err = Own[File].add(R)) {
      llvm::consumeError(std::move(Err));
      return "the translation units that read " +
             Sources.describe(File, R.getOffset()) +
             " disagree on its edit there (the code is compiled in "
             "different ways)";
    }
  }
  return {};
}

/// The group's edits joined to those of the groups before it in the plan,
/// into \p Merged; or why they conflict.
std::string EditMerge::combine(const FileEdits &Own, FileEdits &Merged) {
  for (const auto &[File, Mine] : Own) {
    const auto Before = Accepted.find(File);
    tooling::Replacements Combined;
    if (Before != Accepted.end())
      Combined = Before->second;
    for (const tooling::Replacement &R : Mine) {
      if (AcceptedKeys[File].count(keyOf(R)))
        continue; // the same edit, made by another function's rewrite
      if (llvm::Error Err = Combined.add(R)) {
        llvm::consumeError(std::move(Err));
        const PlanEntry *Other = nullptr;
        for (const auto &[Earlier, Owner] : Made)
          if (Earlier.getFilePath() == R.getFilePath() && meets(R, Earlier))
            Other = Owner;
        return "its edit at " + Sources.describe(File, R.getOffset()) +
               " overlaps the rewrite of '" +
               (Other ? Other->Function : std::string("another function")) +
               "'; run 'structify fix' again to rewrite it once that one is "
               "done";
      }
    }
    Merged[File] = std::move(Combined);
  }
  return {};
}

/// Keeps the merge with \p E's group in, and where each new edit came from.
void EditMerge::accept(const PlanEntry &E, const FileEdits &Own,
                       FileEdits &Merged) {
  for (auto &[File, Combined] : Merged) {
    Accepted[File] = std::move(Combined);
    for (const tooling::Replacement &R : Own.at(File)) {
      if (const auto [Where, New] = AcceptedKeys[File].insert(keyOf(R)); !New)
        continue;
      Made.emplace_back(R, &E);
      Result.Origins.push_back(
          {File, R.getOffset(), R.getLength(),
           static_cast<unsigned>(R.getReplacementText().size()), E.DeclaredAt});
    }
  }
}

void EditMerge::apply(llvm::StringRef FormatStyle) {
  for (const auto &[File, Replaces] : Accepted) {
    auto Spec = specFor(File, FormatStyle);
    if (!Spec) {
      Result.Problems.push_back(File + ": " + llvm::toString(Spec.takeError()));
      continue;
    }
    auto OldText = llvm::MemoryBuffer::getFile(File);
    if (!OldText) {
      Result.Problems.push_back(File + ": " + OldText.getError().message());
      continue;
    }
    // Not format::formatReplacements: it also formats the line after an
    // insertion that ends a line (the comment of a declaration the struct
    // goes before); applyAtomicChanges formats the changed code only.
    tooling::AtomicChange Change(File, File);
    Change.getReplacements() = Replaces;
    auto NewText = tooling::applyAtomicChanges(File, (*OldText)->getBuffer(),
                                               Change, *Spec);
    if (!NewText) {
      Result.Problems.push_back(File + ": " +
                                llvm::toString(NewText.takeError()));
      continue;
    }
    Result.Count += Replaces.size();
    Result.NewContents[File] = std::move(*NewText);
  }
}

} // namespace

Edits ProjectEdits::merge(
    const Plan &P, llvm::StringRef FormatStyle,
    const std::function<std::string(llvm::StringRef)> &WhyNotEditable,
    std::vector<Skip> &Conflicts) const {
  Edits Result;
  EditMerge Merge(Result);
  for (const PlanEntry &E : P.Functions) {
    if (!E.rewrites())
      continue;
    const std::vector<tooling::Replacement> GroupEdits =
        groupEdits(E, ByFunction);
    if (GroupEdits.empty())
      continue;
    if (std::string Why = Merge.add(E, GroupEdits, WhyNotEditable);
        !Why.empty())
      Conflicts.push_back({E.Usr, std::move(Why)});
  }
  Merge.apply(FormatStyle);
  return Result;
}

} // namespace structify
