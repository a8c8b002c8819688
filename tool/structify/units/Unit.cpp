//===--- Unit.cpp - a translation unit and what analysing it gave ---------===//

#include "units/Unit.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/ErrorHandling.h"

namespace structify {

llvm::StringRef outcomeKeyword(UnitResult::Outcome Status) {
  switch (Status) {
  case UnitResult::Outcome::Analysed:
    return "analysed";
  case UnitResult::Outcome::CompileError:
    return "compile-error";
  case UnitResult::Outcome::Crashed:
    return "crashed";
  }
  llvm_unreachable("an outcome without a name");
}

bool parseOutcomeKeyword(llvm::StringRef Name, UnitResult::Outcome &Status) {
  for (auto Candidate :
       {UnitResult::Outcome::Analysed, UnitResult::Outcome::CompileError,
        UnitResult::Outcome::Crashed})
    if (Name == outcomeKeyword(Candidate)) {
      Status = Candidate;
      return true;
    }
  return false;
}

void sortUnique(std::vector<std::string> &Files) {
  llvm::sort(Files);
  Files.erase(llvm::unique(Files), Files.end());
}

} // namespace structify
