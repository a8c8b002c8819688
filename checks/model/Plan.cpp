//===--- Plan.cpp - the project-wide naming plan, as YAML -----------------===//

#include "model/Plan.h"
#include "model/Naming.h"
#include "model/Summary.h"
#include "clang/Basic/IdentifierTable.h"
#include "clang/Basic/LangOptions.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"
#include <mutex>

using namespace clang::tidy::structify;

LLVM_YAML_IS_SEQUENCE_VECTOR(PlanField)
LLVM_YAML_IS_SEQUENCE_VECTOR(PlanEntry)
LLVM_YAML_IS_SEQUENCE_VECTOR(PlanFile)

namespace llvm::yaml {
template <> struct MappingTraits<PlanField> {
  static void mapping(IO &IO, PlanField &F) {
    IO.mapRequired("Name", F.Name);
    IO.mapRequired("Type", F.Type);
  }
};
template <> struct MappingTraits<PlanEntry> {
  static void mapping(IO &IO, PlanEntry &E) {
    IO.mapRequired("Usr", E.Usr);
    IO.mapOptional("Function", E.Function, std::string());
    IO.mapOptional("DeclaredAt", E.DeclaredAt, std::string());
    IO.mapRequired("Action", E.Action);
    IO.mapOptional("Struct", E.Struct, std::string());
    IO.mapOptional("Fields", E.Fields);
    IO.mapOptional("Reason", E.Reason, std::string());
    IO.mapOptional("Uses", E.Uses, 0U);
  }
};
template <> struct MappingTraits<PlanFile> {
  static void mapping(IO &IO, PlanFile &F) {
    IO.mapRequired("Path", F.Path);
    IO.mapRequired("Hash", F.Hash);
  }
};
template <> struct MappingTraits<Plan> {
  static void mapping(IO &IO, Plan &P) {
    IO.mapRequired("Version", P.Version);
    IO.mapOptional("Functions", P.Functions);
    IO.mapOptional("Files", P.Files);
  }
};
} // namespace llvm::yaml

namespace clang::tidy::structify {

const PlanEntry *Plan::find(llvm::StringRef Usr) const {
  for (const PlanEntry &E : Functions)
    if (E.Usr == Usr)
      return &E;
  return nullptr;
}

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

/// A C++ keyword (of any standard clang knows) cannot name a struct or field.
static bool isKeyword(llvm::StringRef Name) {
  clang::LangOptions LangOpts;
  LangOpts.CPlusPlus = LangOpts.CPlusPlus11 = LangOpts.CPlusPlus20 = true;
  LangOpts.CPlusPlus26 = true;
  clang::IdentifierTable Table(LangOpts);
  return Table.get(Name).isKeyword(LangOpts);
}

/// The first problem in \p P, if any.
static std::string validate(const Plan &P) {
  if (P.Version != 1)
    return "unsupported plan version " + std::to_string(P.Version) +
           " (this structify reads version 1)";
  llvm::StringSet<> Seen;
  for (const PlanEntry &E : P.Functions) {
    const std::string Who = "function '" + (E.Function.empty() ? E.Usr : E.Function) + "'";
    if (E.Usr.empty())
      return "a function has an empty Usr";
    if (Seen.contains(E.Usr))
      return Who + " appears twice";
    Seen.insert(E.Usr);
    if (E.Action != "rewrite" && E.Action != "skip")
      return Who + " has Action '" + E.Action + "'; expected 'rewrite' or 'skip'";
    if (!E.rewrites())
      continue;
    if (!isIdentifier(E.Struct) || isKeyword(E.Struct))
      return Who + " has Struct '" + E.Struct + "', which is not an identifier";
    if (E.Fields.size() < 2)
      return Who + " needs a Name and a Type for each of its elements";
    llvm::StringSet<> Names;
    for (const PlanField &F : E.Fields) {
      if (!isIdentifier(F.Name) || isKeyword(F.Name))
        return Who + " has a field Name '" + F.Name + "', which is not an identifier";
      if (F.Type.empty())
        return Who + " has a field '" + F.Name + "' without a Type";
      if (Names.contains(F.Name))
        return Who + " has two fields named '" + F.Name + "'";
      Names.insert(F.Name);
    }
  }
  return {};
}

/// Is \p File inside \p Dir?
static bool isUnder(llvm::StringRef File, llvm::StringRef Dir) {
  if (Dir.empty())
    return false;
  llvm::SmallString<256> Prefix(Dir);
  llvm::sys::path::remove_dots(Prefix, /*remove_dot_dot=*/true);
  if (!Prefix.ends_with("/"))
    Prefix += "/";
  return File.starts_with(Prefix);
}

void skipEntry(PlanEntry &E, llvm::StringRef Reason) {
  E.Action = "skip";
  E.Reason = Reason.str();
  E.Struct.clear();
  E.Fields.clear();
}

/// Skips with the first reason, and how many more there are.
static void skip(PlanEntry &E, llvm::StringRef Reason, size_t More = 0) {
  skipEntry(E, More > 0 ? (Reason + " (and " + std::to_string(More) + " more)").str()
                        : Reason.str());
}

Plan makePlan(const std::vector<FunctionSummary> &Summaries,
              const ProjectLayout &Layout) {
  llvm::MapVector<std::string, std::vector<const FunctionSummary *>,
                  llvm::StringMap<unsigned>>
      ByFunction;
  for (const FunctionSummary &S : Summaries)
    if (!S.Usr.empty())
      ByFunction[S.Usr].push_back(&S);

  Plan P;
  llvm::StringSet<> GivenNames;
  for (auto &[Usr, Views] : ByFunction) {
    const FunctionSummary &First = *Views.front();
    PlanEntry E;
    E.Usr = Usr;
    E.Function = First.Signature;
    E.DeclaredAt = First.DeclaredAt;
    NamingEvidence Evidence(First.FieldTypes.size());
    std::vector<std::string> Blockers, Outside, Generated;
    llvm::StringSet<> Unusable, TakenStructs, CallSites;
    bool TypesAgree = true;
    for (const FunctionSummary *S : Views) {
      for (const std::string &Call : S->CallSites)
        CallSites.insert(Call);
      for (const std::string &B : S->Blockers)
        if (!llvm::is_contained(Blockers, B))
          Blockers.push_back(B);
      for (const std::string &File : S->TouchedFiles) {
        if (isUnder(File, Layout.BuildDir)) {
          if (!llvm::is_contained(Generated, File))
            Generated.push_back(File);
        } else if (!isUnder(File, Layout.SourceRoot)) {
          if (!llvm::is_contained(Outside, File))
            Outside.push_back(File);
        }
      }
      Evidence.merge(S->Evidence);
      for (const std::string &Name : S->UnusableNames)
        Unusable.insert(Name);
      for (const std::string &Name : S->TakenStructNames)
        TakenStructs.insert(Name);
      TypesAgree &= S->FieldTypes == First.FieldTypes;
    }

    E.Uses = CallSites.size();
    if (!Blockers.empty()) {
      skip(E, Blockers.front(), Blockers.size() - 1);
    } else if (!Outside.empty()) {
      skip(E, "it is used or declared in '" + Outside.front() +
                  "', outside the project's source directory '" +
                  Layout.SourceRoot + "'");
    } else if (!Generated.empty()) {
      skip(E, "it is used or declared in '" + Generated.front() +
                  "', a generated file in the build directory");
    } else if (!TypesAgree || First.FieldTypes.empty()) {
      skip(E, "its element types are not spelled the same way in every "
              "translation unit");
    } else {
      unsigned Missing = 0;
      const std::vector<std::string> Fields = chooseFieldNames(
          Evidence, First.KnownNames,
          [&](llvm::StringRef Name) {
            return isIdentifier(Name) && !Unusable.contains(Name);
          },
          Missing);
      std::string Struct;
      for (unsigned N = 1; N <= 9 && Struct.empty(); ++N) {
        std::string Candidate =
            N == 1 ? First.StructName : First.StructName + std::to_string(N);
        if (!TakenStructs.contains(Candidate) && !GivenNames.contains(Candidate))
          Struct = std::move(Candidate);
      }
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

llvm::Expected<Plan> readPlan(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(), "%s: cannot read the plan: %s",
                                   Path.str().c_str(),
                                   Buffer.getError().message().c_str());
  std::string YamlError;
  auto OnError = [](const llvm::SMDiagnostic &D, void *Context) {
    auto &Error = *static_cast<std::string *>(Context);
    if (Error.empty())
      Error = std::to_string(D.getLineNo()) + ":" +
              std::to_string(D.getColumnNo() + 1) + ": " + D.getMessage().str();
  };
  Plan P;
  llvm::yaml::Input In((*Buffer)->getBuffer(), nullptr, OnError, &YamlError);
  In >> P;
  if (In.error())
    return llvm::createStringError(In.error(), "%s:%s",
                                   Path.str().c_str(),
                                   (YamlError.empty() ? " malformed plan"
                                                      : YamlError + " (malformed plan)")
                                       .c_str());
  if (std::string Problem = validate(P); !Problem.empty())
    return llvm::createStringError(std::errc::invalid_argument, "%s: invalid plan: %s",
                                   Path.str().c_str(), Problem.c_str());
  return P;
}

llvm::Expected<std::shared_ptr<const Plan>> cachedPlan(llvm::StringRef Path) {
  struct Loaded {
    llvm::sys::TimePoint<> Modified;
    std::shared_ptr<const Plan> Plan;
  };
  static std::mutex Mutex;
  static llvm::StringMap<Loaded> Cache;
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status))
    return llvm::createStringError(EC, "%s: cannot read the plan: %s",
                                   Path.str().c_str(), EC.message().c_str());
  std::lock_guard<std::mutex> Lock(Mutex);
  auto It = Cache.find(Path);
  if (It != Cache.end() && It->second.Modified == Status.getLastModificationTime())
    return It->second.Plan;
  auto Read = readPlan(Path);
  if (!Read)
    return Read.takeError();
  auto Shared = std::make_shared<const Plan>(std::move(*Read));
  Cache[Path] = {Status.getLastModificationTime(), Shared};
  return Shared;
}

} // namespace clang::tidy::structify
