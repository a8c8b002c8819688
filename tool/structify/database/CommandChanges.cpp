//===--- CommandChanges.cpp - what the adapter changed, for people --------===//
//
// The notes `structify check` prints about the commands it adapted (one per
// kind of change, with how many units it affects), and the .clang-tidy keys
// that make clang-tidy read the same database as structify does.
//
//===----------------------------------------------------------------------===//

#include "database/CommandAdapter.h"
#include "support/DriverCompat.h"
#include "clang/Basic/Version.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include <set>
#include <tuple>

namespace structify {
namespace {

/// "1 precompiled header is not built: 3 units include its header as text
/// instead".
std::string pchNote(ChangeReason Reason, size_t Files, unsigned Units) {
  const bool One = Files == 1;
  std::string Text = std::to_string(Files);
  if (Reason == ChangeReason::SystemHeaderWrapper)
    return Text + (One ? " header says" : " headers say") +
           " '#pragma system_header', which would hide the findings in the "
           "headers it includes: " +
           std::to_string(Units) +
           (Units == 1 ? " unit includes" : " units include") +
           " them one by one";
  Text += One ? " precompiled header is " : " precompiled headers are ";
  switch (Reason) {
  case ChangeReason::PchMissing:
    Text += "not built";
    break;
  case ChangeReason::PchNotClang:
    Text += "gcc's, not clang's";
    break;
  case ChangeReason::PchOtherClang:
    Text += "another clang's";
    break;
  case ChangeReason::PchOutOfDate:
    Text += One ? "older than its headers" : "older than their headers";
    break;
  case ChangeReason::PchHidesProjectHeaders:
    Text = std::to_string(Files) +
           (One ? " precompiled header holds" : " precompiled headers hold") +
           " project headers as system headers, which would hide their "
           "findings";
    break;
  case ChangeReason::PchNotWanted:
    Text += "not wanted (--pch=never)";
    break;
  default:
    Text += "made from headers the rewrite may change";
  }
  return Text + ": " + std::to_string(Units) +
         (Units == 1 ? " unit includes " : " units include ") +
         (One ? "its headers" : "their headers") + " as text instead";
}

} // namespace

bool isPchChange(ChangeReason Reason) {
  return Reason != ChangeReason::GccOnly &&
         Reason != ChangeReason::UnknownToClang &&
         Reason != ChangeReason::WritesFiles &&
         Reason != ChangeReason::WarningAsError;
}

bool CommandChange::operator<(const CommandChange &Other) const {
  return std::tie(Reason, Removed, Added) <
         std::tie(Other.Reason, Other.Removed, Other.Added);
}

bool CommandChange::operator==(const CommandChange &Other) const {
  return std::tie(Reason, Removed, Added) ==
         std::tie(Other.Reason, Other.Removed, Other.Added);
}

std::string describe(const CommandChange &Change) {
  const std::string Removed = "'" + Change.Removed + "'";
  std::string Verb = Change.Added.empty() ? "dropped " + Removed
                                          : "replaced " + Removed + " with '" +
                                                Change.Added + "'";
  switch (Change.Reason) {
  case ChangeReason::GccOnly:
    return Verb + " (gcc-only)";
  case ChangeReason::UnknownToClang:
    return Verb + " (unknown to clang " CLANG_VERSION_MAJOR_STRING ")";
  case ChangeReason::WritesFiles:
    return Verb + " (it writes files)";
  case ChangeReason::WarningAsError:
    return Verb + " (clang's warnings must not fail the analysis)";
  case ChangeReason::PchMissing:
    return Verb + " (the precompiled header is not built)";
  case ChangeReason::PchNotClang:
    return Verb + " (the precompiled header is gcc's, not clang's)";
  case ChangeReason::PchOtherClang:
    return Verb + " (the precompiled header is another clang's)";
  case ChangeReason::PchOutOfDate:
    return Verb + " (the precompiled header is older than its headers)";
  case ChangeReason::PchHidesProjectHeaders:
    return Verb + " (the precompiled header holds project headers as system "
                  "headers, which would hide their findings)";
  case ChangeReason::PchRewritten:
    return Verb + " (the rewrite may change the headers of the precompiled "
                  "header)";
  case ChangeReason::PchNotWanted:
    return Verb + " (--pch=never)";
  case ChangeReason::SystemHeaderWrapper:
    return Verb + " (its '#pragma system_header' would hide the findings in "
                  "the headers it includes)";
  }
  return Verb;
}

void ChangeSummary::add(const AdaptedCommand &Command) {
  if (Command.MakesPch) {
    ++PchMakers;
    return;
  }
  std::vector<CommandChange> Changes = Command.Changes;
  llvm::sort(Changes);
  Changes.erase(llvm::unique(Changes), Changes.end());
  std::set<ChangeReason> Reasons;
  for (const CommandChange &C : Changes) {
    if (!isPchChange(C.Reason)) {
      ++Units[C];
      continue;
    }
    // One note per reason, however many PCH files: each is the last
    // argument of what the change removed.
    auto [Before, File] = llvm::StringRef(C.Removed).rsplit(' ');
    Pchs[C.Reason].insert(File.str());
    if (auto [It, First] = Reasons.insert(C.Reason); First)
      ++PchUnits[C.Reason];
  }
}

void ChangeSummary::print(llvm::raw_ostream &OS) const {
  for (const auto &[Change, Count] : Units)
    OS << "structify: note: " << describe(Change) << " in " << Count
       << (Count == 1 ? " unit" : " units") << "\n";
  for (const auto &[Reason, Files] : Pchs)
    OS << "structify: note: "
       << pchNote(Reason, Files.size(), PchUnits.at(Reason)) << "\n";
  if (PchMakers)
    OS << "structify: note: skipped " << PchMakers
       << (PchMakers == 1 ? " unit that makes" : " units that make")
       << " a precompiled header; the units that include it are analysed\n";
}

void ChangeSummary::printTidyConfig(llvm::raw_ostream &OS) const {
  std::vector<std::string> Removed, Extra;
  for (const auto &[Change, Count] : Units) {
    llvm::SmallVector<llvm::StringRef> Parts;
    llvm::StringRef(Change.Removed).split(Parts, ' ');
    Removed.insert(Removed.end(), Parts.begin(), Parts.end());
    if (!Change.Added.empty())
      Extra.push_back(Change.Added);
  }
  if (Removed.empty() && Pchs.empty())
    return;
  auto List = [&](llvm::StringRef Key, std::vector<std::string> Args) {
    llvm::sort(Args);
    Args.erase(llvm::unique(Args), Args.end());
    OS << Key << ": [";
    for (size_t I = 0; I < Args.size(); ++I)
      OS << (I ? ", " : "") << "'" << Args[I] << "'";
    OS << "]\n";
  };
  OS << "# clang-tidy, its plugin and structify-tidy read the same compile "
        "database\n# without these changes. In their .clang-tidy:\n";
  if (!Removed.empty()) {
    // Before clang-tidy 22 no key removes an argument: say what to take out.
    if (!compat::TidyHasRemovedArgs)
      OS << "# (clang-tidy " CLANG_VERSION_MAJOR_STRING
            " has no RemovedArgs, new in clang-tidy 22: take these out of the "
            "database's\n# commands, or configure the build with clang)\n# ";
    List("RemovedArgs", Removed);
  }
  if (!Extra.empty())
    List("ExtraArgs", Extra);
  if (!Pchs.empty())
    OS << "# Precompiled headers cannot be undone there: build the project "
          "with clang " CLANG_VERSION_MAJOR_STRING
          " first,\n# or configure the build directory they read with "
          "-DCMAKE_DISABLE_PRECOMPILE_HEADERS=ON.\n";
}

} // namespace structify
