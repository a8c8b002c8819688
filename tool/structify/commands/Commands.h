//===--- Commands.h - structify's subcommands -------------------*- C++ -*-===//

#ifndef STRUCTIFY_COMMANDS_H
#define STRUCTIFY_COMMANDS_H

namespace structify {

/// `structify check`: the CI command (docs/structify-check.md).
int runCheck(const char *Argv0);
/// `structify merge`: one report from the JSON reports of shards.
int runMerge();
/// `structify plan`: the project-wide plan, for review (docs/structify-fix.md).
int runPlan(const char *Argv0);
/// `structify fix`: the verified project-wide refactor (docs/structify-fix.md).
int runFix(const char *Argv0);

} // namespace structify

#endif
