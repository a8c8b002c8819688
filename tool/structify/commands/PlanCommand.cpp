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
#include "llvm/Support/raw_ostream.h"

namespace structify {
namespace cl = llvm::cl;

namespace {
cl::opt<std::string>
    Output("o", cl::desc("Write the plan to <file> (default: stdout)"),
           cl::value_desc("file"), cl::init("-"), cl::sub(planCommand()),
           cl::cat(structifyCategory()));
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
  llvm::errs() << "structify plan: ";
  describePlan(Plan->Plan, llvm::errs());
  Times.print(llvm::errs());
  if (Output != "-")
    llvm::errs() << "review " << Output << ", then: structify fix -p "
                 << P->BuildDir << " --plan " << Output << "\n";
  return ExitClean;
}

} // namespace structify
