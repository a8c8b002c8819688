//===--- Planner.cpp - one decision for the whole project -----------------===//

#include "refactor/Planner.h"
#include "model/Naming.h"
#include "model/tuplereturn/PlanYaml.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"

namespace structify {
using namespace clang::tidy::structify;

std::string planToYaml(const Plan &P) {
  std::string Text = "# structify plan: the structs that replace pairs and "
                     "tuples, decided for\n"
                     "# the whole project. Edit a Struct or a field Name, or "
                     "set a function's\n"
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
  E.Operators.clear();
}

namespace {

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
bool mayUse(const FailedUnit &Unit, llvm::StringRef File,
            llvm::StringRef Name) {
  if (llvm::is_contained(Unit.FilesRead, File))
    return true;
  auto Text = llvm::MemoryBuffer::getFile(Unit.File);
  return !Text || spells((*Text)->getBuffer(), Name);
}

} // namespace

namespace {

/// What the summaries of one function say, merged over every unit.
struct FunctionView {
  std::string Usr;
  const FunctionSummary *First = nullptr;
  /// Why the function cannot be rewritten; empty when it can.
  std::string Problem;
  NamingEvidence Evidence;
  llvm::StringSet<> Unusable, TakenStructs, CallSites;
  bool TypesAgree = true;
  std::vector<SummaryLink> Links;
};

FunctionView viewOf(const std::string &Usr,
                    llvm::ArrayRef<const FunctionSummary *> Views,
                    const PlanInputs &Inputs) {
  FunctionView V;
  V.Usr = Usr;
  V.First = Views.front();
  V.Evidence = NamingEvidence(V.First->FieldTypes.size());
  std::vector<std::string> Blockers, Suppressions;
  struct Refusal {
    std::string File, Why;
  };
  std::vector<Refusal> Uneditable;
  bool Defined = false;
  for (const FunctionSummary *S : Views) {
    Defined |= S->Defines;
    for (const std::string &Call : S->CallSites)
      V.CallSites.insert(Call);
    for (const std::string &B : S->Blockers)
      if (!llvm::is_contained(Blockers, B))
        Blockers.push_back(B);
    for (const SummaryLink &L : S->Links)
      if (llvm::none_of(V.Links, [&](const SummaryLink &Seen) {
            return Seen.Usr == L.Usr;
          }))
        V.Links.push_back(L);
    if (!S->SuppressedAt.empty() &&
        !llvm::is_contained(Suppressions, S->SuppressedAt))
      Suppressions.push_back(S->SuppressedAt);
    for (const std::string &File : S->TouchedFiles)
      if (std::string Why = Inputs.WhyNotEditable(File);
          !Why.empty() && llvm::none_of(Uneditable, [&](const Refusal &R) {
            return R.File == File;
          }))
        Uneditable.push_back({File, std::move(Why)});
    V.Evidence.merge(S->Evidence);
    for (const std::string &Name : S->UnusableNames)
      V.Unusable.insert(Name);
    for (const std::string &Name : S->TakenStructNames)
      V.TakenStructs.insert(Name);
    V.TypesAgree &= S->FieldTypes == V.First->FieldTypes;
  }
  auto More = [](const std::string &Reason, size_t More) {
    return More > 0 ? Reason + " (and " + std::to_string(More) + " more)"
                    : Reason;
  };
  if (!Suppressions.empty())
    V.Problem = "a NOLINT comment at " + Suppressions.front() +
                " silences structify-tuple-return";
  else if (!Blockers.empty())
    V.Problem = More(Blockers.front(), Blockers.size() - 1);
  else if (!Uneditable.empty())
    V.Problem = "it is used or declared in '" + Uneditable.front().File +
                "', " + Uneditable.front().Why;
  else if (const FailedUnit *Unit =
               failedUnitUsing(V.First->HomeFile, V.First->Name, Inputs.Failed))
    V.Problem = "it may be used in '" + Unit->File +
                "', which does not compile, so its uses there are unknown";
  else if (V.First->Parameter >= 0 && !Defined)
    V.Problem = "no translation unit defines '" + V.First->Name +
                "', so what its body does with the parameter is unknown";
  else if (!V.TypesAgree || V.First->FieldTypes.empty())
    V.Problem = "its element types are not spelled the same way in every "
                "translation unit";
  return V;
}

/// Joins functions whose values flow into each other: union-find over the
/// order of first appearance.
class Groups {
public:
  explicit Groups(size_t N) : Parent(N) {
    for (size_t I = 0; I < N; ++I)
      Parent[I] = I;
  }
  size_t find(size_t I) {
    while (Parent[I] != I)
      I = Parent[I] = Parent[Parent[I]];
    return I;
  }
  void unite(size_t A, size_t B) {
    A = find(A);
    B = find(B);
    if (A != B)
      Parent[std::max(A, B)] = std::min(A, B);
  }

private:
  std::vector<size_t> Parent;
};

/// `path:line` in file order, then line order: which declaration comes first.
bool declaredBefore(const FunctionSummary &A, const FunctionSummary &B) {
  const auto [FileA, LineA] = llvm::StringRef(A.DeclaredAt).rsplit(':');
  const auto [FileB, LineB] = llvm::StringRef(B.DeclaredAt).rsplit(':');
  if (FileA != FileB)
    return FileA < FileB;
  unsigned NA = 0, NB = 0;
  LineA.getAsInteger(10, NA);
  LineB.getAsInteger(10, NB);
  return NA < NB;
}

/// The function whose declaration gets the group's struct: the virtual
/// function the others override, else the one declared first.
/// A parameter never leads: its function returns something else. Returns
/// Members.size() when no function returns the group's value.
size_t leaderOf(llvm::ArrayRef<size_t> Members,
                llvm::ArrayRef<FunctionView> Views) {
  auto IsFunction = [&](size_t M) {
    return Views[M].First->Parameter < 0 && !Views[M].First->Member;
  };
  const auto *const First = llvm::find_if(Members, IsFunction);
  if (First == Members.end())
    return Views.size();
  size_t Leader = *First;
  for (size_t M : Members) {
    if (!IsFunction(M))
      continue;
    const FunctionSummary &Candidate = *Views[M].First;
    const FunctionSummary &Current = *Views[Leader].First;
    const bool CandidateIsRoot = Candidate.Overrides.empty();
    const bool CurrentIsRoot = Current.Overrides.empty();
    if (CandidateIsRoot != CurrentIsRoot ? CandidateIsRoot
                                         : declaredBefore(Candidate, Current))
      Leader = M;
  }
  return Leader;
}

/// Why the group cannot share one struct, or empty: each function that does
/// not override the leader must be declared in the leader's file and scope
/// (where the struct is visible by its name); the leader of overrides must
/// let them name its struct; every flow must stay inside the group.
std::string groupProblem(size_t Leader, llvm::ArrayRef<size_t> Members,
                         llvm::ArrayRef<FunctionView> Views,
                         const llvm::StringMap<size_t> &Index, Groups &G,
                         std::string &StructAt) {
  const FunctionSummary &Lead = *Views[Leader].First;
  // A data member of the leader's class declared before it declares the
  // struct: the first such member.
  const FunctionSummary *Anchor = nullptr;
  for (size_t M : Members) {
    const FunctionSummary &S = *Views[M].First;
    if (S.Member && S.HomeFile == Lead.HomeFile && S.Scope == Lead.StructHome &&
        declaredBefore(S, Lead) && (!Anchor || declaredBefore(S, *Anchor)))
      Anchor = &S;
  }
  StructAt = Anchor ? Anchor->Usr : std::string();
  for (size_t M : Members) {
    const FunctionView &V = Views[M];
    const std::string Who =
        M == Leader ? ""
        : !V.First->Overrides.empty()
            ? "its override '" + V.First->Signature + "': "
        : V.First->Parameter >= 0
            ? V.First->Signature + ", which takes its value: "
        : V.First->Member
            ? V.First->Signature + ", which stores its value: "
            : "'" + V.First->Signature + "', which shares its value: ";
    if (!V.Problem.empty())
      return Who + V.Problem;
    for (const SummaryLink &L : V.Links) {
      const auto It = Index.find(L.Usr);
      if (It == Index.end() || G.find(It->second) != G.find(Leader))
        return Who + L.Reason;
    }
    if (M == Leader)
      continue;
    if (!V.First->Overrides.empty()) {
      if (Lead.Access == "private")
        return "the struct would be private to '" + Lead.Scope +
               "', where the override '" + V.First->Signature +
               "' cannot name it";
      continue;
    }
    const std::string Member =
        V.First->Parameter >= 0 ? V.First->Signature + " takes"
        : V.First->Member       ? V.First->Signature + " stores"
                                : "'" + V.First->Signature + "' shares";
    // A parameter's scope is the namespace around its function (a member
    // function's included), where its edits name the struct; a class's
    // member function or data member has edits for a struct in the
    // namespace around the class too.
    const std::string &Home = Lead.StructHome;
    const bool SeesStruct =
        V.First->Scope == Home ||
        (V.First->HasNamespaceEdits && V.First->NamespaceScope == Home);
    if (V.First->HomeFile != Lead.HomeFile || !SeesStruct)
      return Member + " its value but is declared in " +
             (V.First->HomeFile != Lead.HomeFile
                  ? "another file ('" + V.First->HomeFile + "')"
                  : "another scope") +
             ", where the struct of '" + Lead.Signature + "' has no name";
    if (declaredBefore(*V.First, Anchor ? *Anchor : Lead) && V.First != Anchor)
      return Member + " its value but is declared before '" +
             (Anchor ? Anchor->Signature : Lead.Signature) +
             "', where its struct is not declared yet";
    if (V.First->FieldTypes != Lead.FieldTypes)
      return Member + " its value but spells its elements as '" +
             llvm::join(V.First->FieldTypes, ", ") + "'";
  }
  return {};
}

/// Every unit's summaries of each function, by USR, in the order the
/// functions first appear.
using SummariesByUsr =
    llvm::MapVector<std::string, std::vector<const FunctionSummary *>,
                    llvm::StringMap<unsigned>>;

/// What the functions of one migration group say together.
struct GroupFacts {
  NamingEvidence Evidence;
  llvm::StringSet<> Unusable, TakenStructs, CallSites;
};

/// The plan's entry for the group \p Members that \p Leader leads, still
/// without names: who shares its struct and the comparisons it defines.
/// What the group's functions say together goes into \p Facts.
PlanEntry groupEntry(size_t Leader, llvm::ArrayRef<size_t> Members,
                     llvm::ArrayRef<FunctionView> Views,
                     const SummariesByUsr &ByFunction, GroupFacts &Facts) {
  const FunctionView &Lead = Views[Leader];
  PlanEntry E;
  E.Usr = Lead.Usr;
  E.Function = Lead.First->Signature;
  E.DeclaredAt = Lead.First->DeclaredAt;
  Facts.Evidence = NamingEvidence(Lead.First->FieldTypes.size());
  for (size_t M : Members) {
    const FunctionView &V = Views[M];
    if (M != Leader)
      E.SharedBy.push_back({V.Usr, V.First->Signature, V.First->DeclaredAt});
    if (V.First->FieldTypes.size() == Facts.Evidence.FromDefinition.size())
      Facts.Evidence.merge(V.Evidence);
    for (const auto &Name : V.Unusable)
      Facts.Unusable.insert(Name.getKey());
    for (const auto &Name : V.TakenStructs)
      Facts.TakenStructs.insert(Name.getKey());
    for (const auto &Call : V.CallSites)
      Facts.CallSites.insert(Call.getKey());
    for (const FunctionSummary *S : ByFunction.find(V.Usr)->second)
      for (const std::string &Op : S->Operators)
        if (!llvm::is_contained(E.Operators, Op))
          E.Operators.push_back(Op);
  }
  llvm::sort(E.Operators);
  E.Uses = Facts.CallSites.size();
  return E;
}

/// Names \p E's struct and fields from what its group says (\p Facts), or
/// skips it when a name cannot be found. A struct's name is given once per
/// scope: \p GivenNames holds `scope::name`.
void nameEntry(PlanEntry &E, const FunctionSummary &Lead,
               const GroupFacts &Facts, llvm::StringSet<> &GivenNames) {
  unsigned Missing = 0;
  const std::vector<std::string> Fields = chooseFieldNames(
      Facts.Evidence, Lead.KnownNames,
      [&](llvm::StringRef Name) {
        return isValidNewName(Name) && !Facts.Unusable.contains(Name);
      },
      Missing);
  const std::string Struct =
      numberedName(Lead.StructName, [&](llvm::StringRef Candidate) {
        return !Facts.TakenStructs.contains(Candidate) &&
               !GivenNames.contains(Lead.StructHome + "::" + Candidate.str());
      });
  if (Fields.empty()) {
    skipEntry(E, "nothing in the project names element " +
                     std::to_string(Missing) +
                     "; name it in a return statement or a structured binding");
    return;
  }
  if (Struct.empty()) {
    skipEntry(E, "'" + Lead.StructName +
                     "' and its numbered variants are all taken");
    return;
  }
  E.Struct = Struct;
  // Names are given per scope: `crypto_plugin::encrypt_result` and
  // `encryption_handler::encrypt_result` are two structs.
  GivenNames.insert(Lead.StructHome + "::" + Struct);
  for (size_t I = 0; I < Fields.size(); ++I)
    E.Fields.push_back({Fields[I], Lead.FieldTypes[I]});
}

} // namespace

Plan makePlan(const PlanInputs &Inputs) {
  SummariesByUsr ByFunction;
  for (const FunctionSummary &S : Inputs.Summaries)
    if (!S.Usr.empty())
      ByFunction[S.Usr].push_back(&S);

  // One view per function the configuration lets structify rewrite: a
  // function declared where it disables the check (third-party code,
  // generated code) is not the project's to rewrite.
  std::vector<FunctionView> Views;
  llvm::StringMap<size_t> Index;
  for (auto &[Usr, Summaries] : ByFunction) {
    if (Inputs.Disabled && Inputs.Disabled(Summaries.front()->HomeFile))
      continue;
    Index[Usr] = Views.size();
    Views.push_back(viewOf(Usr, Summaries, Inputs));
  }
  // Migration groups: a virtual function with its overrides, functions whose
  // values flow into each other.
  Groups G(Views.size());
  for (size_t I = 0; I < Views.size(); ++I) {
    for (const std::string &Root : Views[I].First->Overrides)
      if (auto It = Index.find(Root); It != Index.end())
        G.unite(I, It->second);
    for (const SummaryLink &L : Views[I].Links)
      if (auto It = Index.find(L.Usr); It != Index.end())
        G.unite(I, It->second);
  }
  llvm::MapVector<size_t, std::vector<size_t>> Members;
  for (size_t I = 0; I < Views.size(); ++I)
    Members[G.find(I)].push_back(I);

  Plan P;
  llvm::StringSet<> GivenNames; // `scope::name`
  for (auto &[Root, Group] : Members) {
    const size_t Leader = leaderOf(Group, Views);
    if (Leader == Views.size())
      continue; // parameters no function's value reaches
    GroupFacts Facts;
    PlanEntry E = groupEntry(Leader, Group, Views, ByFunction, Facts);
    if (std::string Problem =
            groupProblem(Leader, Group, Views, Index, G, E.StructAt);
        !Problem.empty()) {
      E.StructAt.clear();
      skipEntry(E, Problem);
    } else {
      nameEntry(E, *Views[Leader].First, Facts, GivenNames);
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
  const auto [Qualified, Parameters] =
      llvm::StringRef(Entry.Function).split('(');
  const auto [Scope, Name] = Qualified.rsplit("::");
  return failedUnitUsing(File, Name.empty() ? Scope : Name, Failed);
}

std::vector<std::string>
touchedFiles(const Plan &P, const std::vector<FunctionSummary> &Summaries) {
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
