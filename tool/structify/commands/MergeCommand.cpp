//===--- MergeCommand.cpp - structify merge -------------------------------===//
//
// Shards of a project checked on several machines each write a
// --format=json report; merge reads them back and writes one report in any
// format, with each header's findings once, and the same exit code a single
// run would have had.
//
//===----------------------------------------------------------------------===//

#include "commands/CommandLine.h"
#include "commands/Commands.h"
#include "report/Report.h"
#include "units/Progress.h"
#include <chrono>

namespace structify {
namespace cl = llvm::cl;

namespace {

cl::list<std::string> Reports(cl::Positional, cl::ZeroOrMore,
                              cl::desc("<report.json>..."),
                              cl::sub(mergeCommand()),
                              cl::cat(structifyCategory()));

} // namespace

int runMerge() {
  Stopwatch Clock;
  if (Reports.empty())
    return usageError("merge: no report to merge; give the --format=json "
                      "reports of the shards: structify merge SHARD.json...");
  auto Baseline = readBaselineOption();
  if (!Baseline)
    return usageError(Baseline.takeError());
  if (llvm::Expected<Exclusions> Excluded = exclusionsOption(); !Excluded)
    return usageError(Excluded.takeError());
  ResultsBuilder Builder(rootOption());
  for (const std::string &Path : Reports) {
    llvm::Expected<Results> Part = readJsonReport(Path);
    if (!Part)
      return usageError(Part.takeError());
    Results &All = Builder.results();
    All.Units += Part->Units;
    All.Cached += Part->Cached;
    All.Analysed += Part->Analysed;
    for (Finding &F : Part->Findings)
      Builder.add(std::move(F));
    for (Failure &F : Part->Failures)
      Builder.add(std::move(F));
  }
  SourceText Sources;
  Results R = Builder.finish(Sources);
  return publish(R, Sources, *Baseline, Clock.lap());
}

} // namespace structify
