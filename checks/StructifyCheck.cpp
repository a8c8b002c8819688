//===--- StructifyCheck.cpp - what structify's checks share ---------------===//

#include "StructifyCheck.h"
#include "model/Options.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::structify {

StructifyCheck::StructifyCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context) {
  for (OptionProblem &Problem :
       checkOptions(Name, Context->getOptions().CheckOptions)) {
    // Bools and enums are read with Options.get, which reports a bad value.
    if (!Problem.ReportedByOptionsView)
      configurationDiag(Problem.Message);
    Problems.push_back(std::move(Problem.Message));
  }
}

void StructifyCheck::registerPPCallbacks(const SourceManager &SM,
                                         Preprocessor *, Preprocessor *) {
  Sources = &SM;
}

void StructifyCheck::addConfigurationProblem(std::string Message) {
  Problems.push_back(std::move(Message));
}

void StructifyCheck::reportConfigurationInEditor() {
  if (!areDiagsSelfContained() || !Sources || Problems.empty())
    return;
  const SourceLocation Start =
      Sources->getLocForStartOfFile(Sources->getMainFileID());
  for (const std::string &Problem : Problems)
    diag(Start, "%0") << Problem;
  Problems.clear();
}

void StructifyCheck::emitWithFix(const DiagnosticBuilder &Warning,
                                 SourceLocation Loc, StringRef Title,
                                 llvm::ArrayRef<FixItHint> Fixes) {
  const bool InEditor = areDiagsSelfContained();
  {
    // A copy takes the diagnostic over: it is emitted when the copy goes.
    // NOLINTNEXTLINE(performance-unnecessary-copy-initialization)
    DiagnosticBuilder Emitted = Warning;
    if (!InEditor)
      for (const FixItHint &Fix : Fixes)
        Emitted << Fix;
  }
  if (InEditor && !Fixes.empty()) {
    auto Note = diag(Loc, "%0", DiagnosticIDs::Note) << Title;
    for (const FixItHint &Fix : Fixes)
      Note << Fix;
  }
}

} // namespace clang::tidy::structify
