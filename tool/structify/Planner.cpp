//===--- Planner.cpp - one decision for the whole project -----------------===//

#include "Planner.h"
#include "model/Naming.h"
#include "model/PlanYaml.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"

namespace structify {
using namespace clang::tidy::structify;

std::string planToYaml(const Plan &P) {
  std::string Text =
      "# structify plan: the structs that replace pairs and tuples, decided for\n"
      "# the whole project. Edit a Struct or a field Name, or set a function's\n"
      "# Action to skip, then apply it with\n"
      "#   structify fix -p BUILD_DIR --plan THIS_FILE\n";
  llvm::raw_string_ostream OS(Text);
  llvm::yaml::Output Out(OS);
  Plan Copy = P;
  Out << Copy;
  return Text;
}

void skipEntry(PlanEntry &E, llvm::StringRef Reason) {
  E.Action = PlanAction::Skip;
  E.Reason = Reason.str();
  E.Struct.clear();
  E.Fields.clear();
}

namespace {

/// Skips with the first reason, and how many more there are.
void skip(PlanEntry &E, llvm::StringRef Reason, size_t More = 0) {
  skipEntry(E, More > 0 ? (Reason + " (and " + std::to_string(More) + " more)").str()
                        : Reason.str());
}

/// Whether \p Text spells \p Name as an identifier.
bool spells(llvm::StringRef Text, llvm::StringRef Name) {
  auto IsWordChar = [](char C) { return llvm::isAlnum(C) || C == '_'; };
  for (size_t Pos = Text.find(Name); Pos != llvm::StringRef::npos;
       Pos = Text.find(Name, Pos + 1)) {
    const size_t End = Pos + Name.size();
    if ((Pos == 0 || !IsWordChar(Text[Pos - 1])) &&
        (End == Text.size() || !IsWordChar(Text[End])))
      return true;
  }
  return false;
}

/// Whether \p Unit, which does not compile, may use the function \p Name
/// declared in \p File: it read the file, or its code names the function.
bool mayUse(const FailedUnit &Unit, llvm::StringRef File, llvm::StringRef Name) {
  if (llvm::is_contained(Unit.FilesRead, File))
    return true;
  auto Text = llvm::MemoryBuffer::getFile(Unit.File);
  return !Text || spells((*Text)->getBuffer(), Name);
}

} // namespace

Plan makePlan(const PlanInputs &Inputs) {
  llvm::MapVector<std::string, std::vector<const FunctionSummary *>,
                  llvm::StringMap<unsigned>>
      ByFunction;
  for (const FunctionSummary &S : Inputs.Summaries)
    if (!S.Usr.empty())
      ByFunction[S.Usr].push_back(&S);

  Plan P;
  llvm::StringSet<> GivenNames;
  for (auto &[Usr, Views] : ByFunction) {
    const FunctionSummary &First = *Views.front();
    // A function declared where the configuration disables the check
    // (third-party code, generated code) is not the project's to rewrite.
    if (Inputs.Disabled && Inputs.Disabled(First.HomeFile))
      continue;
    PlanEntry E;
    E.Usr = Usr;
    E.Function = First.Signature;
    E.DeclaredAt = First.DeclaredAt;
    NamingEvidence Evidence(First.FieldTypes.size());
    std::vector<std::string> Blockers, Suppressions;
    struct Refusal {
      std::string File, Why;
    };
    std::vector<Refusal> Uneditable;
    llvm::StringSet<> Unusable, TakenStructs, CallSites;
    bool TypesAgree = true;
    for (const FunctionSummary *S : Views) {
      for (const std::string &Call : S->CallSites)
        CallSites.insert(Call);
      for (const std::string &B : S->Blockers)
        if (!llvm::is_contained(Blockers, B))
          Blockers.push_back(B);
      if (!S->SuppressedAt.empty() &&
          !llvm::is_contained(Suppressions, S->SuppressedAt))
        Suppressions.push_back(S->SuppressedAt);
      for (const std::string &File : S->TouchedFiles)
        if (std::string Why = Inputs.WhyNotEditable(File);
            !Why.empty() && llvm::none_of(Uneditable, [&](const Refusal &R) {
              return R.File == File;
            }))
          Uneditable.push_back({File, std::move(Why)});
      Evidence.merge(S->Evidence);
      for (const std::string &Name : S->UnusableNames)
        Unusable.insert(Name);
      for (const std::string &Name : S->TakenStructNames)
        TakenStructs.insert(Name);
      TypesAgree &= S->FieldTypes == First.FieldTypes;
    }

    E.Uses = CallSites.size();
    if (!Suppressions.empty()) {
      skip(E, "a NOLINT comment at " + Suppressions.front() +
                  " silences structify-tuple-return");
    } else if (!Blockers.empty()) {
      skip(E, Blockers.front(), Blockers.size() - 1);
    } else if (!Uneditable.empty()) {
      skip(E, "it is used or declared in '" + Uneditable.front().File + "', " +
                  Uneditable.front().Why);
    } else if (const FailedUnit *Unit = failedUnitUsing(First.HomeFile, First.Name,
                                                        Inputs.Failed)) {
      skip(E, "it may be used in '" + Unit->File +
                  "', which does not compile, so its uses there are unknown");
    } else if (!TypesAgree || First.FieldTypes.empty()) {
      skip(E, "its element types are not spelled the same way in every "
              "translation unit");
    } else {
      unsigned Missing = 0;
      const std::vector<std::string> Fields = chooseFieldNames(
          Evidence, First.KnownNames,
          [&](llvm::StringRef Name) {
            return isValidNewName(Name) && !Unusable.contains(Name);
          },
          Missing);
      const std::string Struct =
          numberedName(First.StructName, [&](llvm::StringRef Candidate) {
            return !TakenStructs.contains(Candidate) &&
                   !GivenNames.contains(Candidate);
          });
      if (Fields.empty())
        skip(E, "nothing in the project names element " + std::to_string(Missing) +
                    "; name it in a return statement or a structured binding");
      else if (Struct.empty())
        skip(E, "'" + First.StructName + "' and its numbered variants are all "
                "taken");
      else {
        E.Struct = Struct;
        GivenNames.insert(Struct);
        for (size_t I = 0; I < Fields.size(); ++I)
          E.Fields.push_back({Fields[I], First.FieldTypes[I]});
      }
    }
    P.Functions.push_back(std::move(E));
  }
  return P;
}

const FailedUnit *failedUnitUsing(llvm::StringRef File, llvm::StringRef Name,
                                  const std::vector<FailedUnit> &Failed) {
  for (const FailedUnit &Unit : Failed)
    if (mayUse(Unit, File, Name))
      return &Unit;
  return nullptr;
}

const FailedUnit *failedUnitUsing(const PlanEntry &Entry,
                                  const std::vector<FailedUnit> &Failed) {
  // DeclaredAt is `path:line`; Function is `ns::Class::name(params) const`.
  const auto [File, Line] = llvm::StringRef(Entry.DeclaredAt).rsplit(':');
  const auto [Qualified, Parameters] = llvm::StringRef(Entry.Function).split('(');
  const auto [Scope, Name] = Qualified.rsplit("::");
  return failedUnitUsing(File, Name.empty() ? Scope : Name, Failed);
}

std::vector<std::string> touchedFiles(const Plan &P,
                                      const std::vector<FunctionSummary> &Summaries) {
  std::vector<std::string> Files;
  for (const FunctionSummary &S : Summaries) {
    const PlanEntry *E = P.find(S.Usr);
    if (!E || !E->rewrites())
      continue;
    for (const std::string &File : S.TouchedFiles)
      if (!llvm::is_contained(Files, File))
        Files.push_back(File);
  }
  llvm::sort(Files);
  return Files;
}

} // namespace structify
