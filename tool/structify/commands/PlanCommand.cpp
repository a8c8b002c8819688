//===--- PlanCommand.cpp - structify plan ---------------------------------===//
//
// Collects over every unit and writes the plan for review: which functions
// become structs, with which names, and why the others are skipped.
//
//===----------------------------------------------------------------------===//

#include "commands/CommandLine.h"
#include "commands/Commands.h"
#include "refactor/Journal.h"
#include "refactor/Refactor.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <set>

namespace structify {
namespace cl = llvm::cl;

namespace {
cl::opt<std::string>
    Output("o", cl::desc("Write the plan to <file> (default: stdout)"),
           cl::value_desc("file"), cl::init("-"), cl::sub(planCommand()),
           cl::cat(structifyCategory()));

cl::opt<std::string> FilesJson(
    "files-json",
    cl::desc("Also write, as JSON, the files each planned rewrite edits "
             "(for editors)"),
    cl::value_desc("file"), cl::sub(planCommand()),
    cl::cat(structifyCategory()));

/// `{"<usr>": ["<file>", ...]}`: for each rewrite of \p Planned, keyed by its
/// function's USR, every file a unit's share of it touches.
std::string touchedFiles(const ProjectPlan &Planned) {
  llvm::json::Object Result;
  for (const clang::tidy::structify::PlanEntry &Entry :
       Planned.Plan.Functions) {
    if (!Entry.rewrites())
      continue;
    std::set<std::string> Files;
    for (const FunctionSummary &S : Planned.Summaries)
      if (Entry.covers(S.Usr))
        Files.insert(S.TouchedFiles.begin(), S.TouchedFiles.end());
    llvm::json::Array List;
    for (const std::string &File : Files)
      List.push_back(File);
    Result[Entry.Usr] = std::move(List);
  }
  std::string Text;
  llvm::raw_string_ostream(Text) << llvm::json::Value(std::move(Result));
  return Text;
}
} // namespace

int runPlan(const char *Argv0) {
  auto P = loadProject(Argv0);
  if (!P)
    return usageError(P.takeError());
  if (llvm::Error E = recoverInterruptedFix(*P))
    return usageError(std::move(E));
  StageTimes Times;
  auto Plan = makeProjectPlan(*P, Times);
  if (!Plan)
    return usageError(Plan.takeError());
  reportFailedUnits(Plan->Failed, llvm::errs());
  const std::string Yaml = planToYaml(Plan->Plan);
  if (Output == "-") {
    llvm::outs() << Yaml;
  } else if (llvm::Error E = writeFileAtomically(Output, Yaml)) {
    return usageError(std::move(E));
  }
  if (!FilesJson.empty())
    if (llvm::Error E = writeFileAtomically(FilesJson, touchedFiles(*Plan)))
      return usageError(std::move(E));
  llvm::errs() << "structify plan: ";
  describePlan(Plan->Plan, llvm::errs());
  Times.print(llvm::errs());
  if (Output != "-")
    llvm::errs() << "review " << Output << ", then: structify fix -p "
                 << P->BuildDir << " --plan " << Output << "\n";
  return ExitClean;
}

} // namespace structify
