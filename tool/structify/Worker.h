//===--- Worker.h - analyse a unit in a process of its own ------*- C++ -*-===//
//
// `structify check` analyses each unit in a worker process: `structify
// __worker` reads the unit and the configuration options as JSON on stdin,
// analyses it with analyse(), and writes the result as JSON on stdout. Why
// processes and not threads: see Runner.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_WORKER_H
#define STRUCTIFY_WORKER_H

#include "Config.h"
#include "Runner.h"

namespace structify {

/// The argument that makes the structify executable a worker.
inline constexpr llvm::StringLiteral WorkerArgument = "__worker";

/// Analyses Unit in a new worker process of Executable. A worker that dies
/// (a crash, an abort) or runs longer than Timeout seconds (0: no limit)
/// makes an Outcome::Crashed result.
UnitResult analyseInWorker(const TranslationUnit &Unit,
                           const ConfigOptions &Config,
                           llvm::StringRef Executable, double Timeout = 0);

/// The worker's main(): one request on stdin, its result on stdout.
int runWorker();

} // namespace structify

#endif
