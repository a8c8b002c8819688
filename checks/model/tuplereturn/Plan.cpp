//===--- Plan.cpp - the project-wide naming plan, as YAML -----------------===//

#include "model/tuplereturn/Plan.h"
#include "model/Naming.h"
#include "model/tuplereturn/PlanYaml.h"
#include "clang/Basic/CharInfo.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include <mutex>

namespace clang::tidy::structify {

bool PlanEntry::covers(llvm::StringRef FunctionUsr) const {
  return Usr == FunctionUsr || llvm::any_of(SharedBy, [&](const PlanMember &M) {
           return M.Usr == FunctionUsr;
         });
}

const PlanEntry *Plan::find(llvm::StringRef Usr) const {
  for (const PlanEntry &E : Functions)
    if (E.covers(Usr))
      return &E;
  return nullptr;
}

/// Why \p Name cannot name a struct or a field, as a clause; empty when it can.
static std::string unusableBecause(llvm::StringRef Name) {
  if (isValidNewName(Name))
    return {};
  return clang::isValidAsciiIdentifier(Name) ? "a keyword or a reserved name"
                                             : "not an identifier";
}

/// The first problem in \p P, if any.
static std::string validate(const Plan &P) {
  if (P.Version != 1)
    return "unsupported plan version " + std::to_string(P.Version) +
           " (this structify reads version 1)";
  llvm::StringSet<> Seen;
  for (const PlanEntry &E : P.Functions) {
    const std::string Who =
        "function '" + (E.Function.empty() ? E.Usr : E.Function) + "'";
    if (E.Usr.empty())
      return "a function has an empty Usr";
    if (Seen.contains(E.Usr))
      return Who + " appears twice";
    Seen.insert(E.Usr);
    for (const PlanMember &M : E.SharedBy) {
      if (M.Usr.empty())
        return Who + " is shared by a function with an empty Usr";
      if (Seen.contains(M.Usr))
        return "function '" + (M.Function.empty() ? M.Usr : M.Function) +
               "' appears twice";
      Seen.insert(M.Usr);
    }
    if (!E.rewrites())
      continue;
    for (const std::string &Op : E.Operators)
      if (Op != "==" && Op != "<" && Op != "<=>")
        return (llvm::Twine(Who) + " has Operators '" + Op +
                "'; a struct defines '==', '<' and '<=>'")
            .str();
    if (std::string Why = unusableBecause(E.Struct); !Why.empty())
      return (llvm::Twine(Who) + " has Struct '" + E.Struct + "', which is " +
              Why)
          .str();
    if (E.Fields.size() < 2)
      return Who + " needs a Name and a Type for each of its elements";
    llvm::StringSet<> Names;
    for (const PlanField &F : E.Fields) {
      if (std::string Why = unusableBecause(F.Name); !Why.empty())
        return (llvm::Twine(Who) + " has a field Name '" + F.Name +
                "', which is " + Why)
            .str();
      if (F.Type.empty())
        return Who + " has a field '" + F.Name + "' without a Type";
      if (Names.contains(F.Name))
        return Who + " has two fields named '" + F.Name + "'";
      Names.insert(F.Name);
    }
  }
  return {};
}

bool isParameterUsr(llvm::StringRef Usr) { return Usr.contains("|param|"); }

bool isMemberUsr(llvm::StringRef Usr) { return Usr.contains("@FI@"); }

llvm::Expected<Plan> readPlan(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(
        Buffer.getError(), "%s: cannot read the plan: %s", Path.str().c_str(),
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
    return llvm::createStringError(In.error(), "%s:%s", Path.str().c_str(),
                                   (YamlError.empty()
                                        ? " malformed plan"
                                        : YamlError + " (malformed plan)")
                                       .c_str());
  if (std::string Problem = validate(P); !Problem.empty())
    return llvm::createStringError(std::errc::invalid_argument,
                                   "%s: invalid plan: %s", Path.str().c_str(),
                                   Problem.c_str());
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
  if (It != Cache.end() &&
      It->second.Modified == Status.getLastModificationTime())
    return It->second.Plan;
  auto Read = readPlan(Path);
  if (!Read)
    return Read.takeError();
  auto Shared = std::make_shared<const Plan>(std::move(*Read));
  Cache[Path] = {Status.getLastModificationTime(), Shared};
  return Shared;
}

} // namespace clang::tidy::structify
