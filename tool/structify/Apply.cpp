//===--- Apply.cpp - every unit's edits, merged into new files -------------===//

#include "Apply.h"
#include "ApplyReplacements.h"
#include "compat/Compat.h"
#include "model/Candidates.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Format/Format.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

namespace structify {
using namespace clang;

namespace {

/// structify-tuple-return alone, following the plan, reporting in every
/// header.
tidy::ClangTidyOptions planOverrides(llvm::StringRef PlanPath) {
  tidy::ClangTidyOptions Overrides;
  Overrides.Checks = ("-*," + tidy::structify::TupleReturnCheckName).str();
  Overrides.WarningsAsErrors = "-*";
  Overrides.HeaderFilterRegex = ".*";
  Overrides.SystemHeaders = false;
  Overrides.CheckOptions[(tidy::structify::TupleReturnCheckName + ".Plan").str()] =
      tidy::ClangTidyOptions::ClangTidyValue(PlanPath, /*Priority=*/1000);
  return Overrides;
}

bool isUnder(llvm::StringRef File, llvm::StringRef Dir) {
  return !Dir.empty() && File.starts_with((Dir + "/").str());
}

/// `path:line` of a diagnostic: for structify-tuple-return's, where the
/// function is first declared, as the plan's DeclaredAt says.
std::string declaredAt(const tooling::Diagnostic &D) {
  return position(D.Message.FilePath, D.Message.FileOffset, /*Column=*/false);
}

} // namespace

std::string position(llvm::StringRef File, unsigned Offset, bool Column) {
  auto Buffer = llvm::MemoryBuffer::getFile(File);
  if (!Buffer || Offset > (*Buffer)->getBufferSize())
    return File.str();
  llvm::StringRef Before = (*Buffer)->getBuffer().take_front(Offset);
  std::string Text = File.str() + ":" + std::to_string(Before.count('\n') + 1);
  if (Column) {
    const size_t LineStart = Before.rfind('\n');
    Text += ":" + std::to_string(LineStart == llvm::StringRef::npos
                                      ? Offset + 1
                                      : Offset - LineStart);
  }
  return Text;
}

Edits computeEdits(const Project &P, llvm::StringRef PlanPath,
                   const std::vector<std::vector<std::string>> *FilesRead,
                   const std::vector<std::string> &Edited) {
  Edits Result;
  std::vector<UnitResult> Units(P.Units.size());
  // The units to analyse: all, unless collecting said which read what.
  std::vector<size_t> Analysed;
  for (size_t I = 0; I < P.Units.size(); ++I) {
    if (FilesRead && llvm::none_of((*FilesRead)[I], [&](const std::string &F) {
          return llvm::is_contained(Edited, F);
        })) {
      Units[I].FilesRead = (*FilesRead)[I];
      continue;
    }
    Analysed.push_back(I);
  }
  RunnerOptions Options;
  Options.MakeOptionsProvider =
      [&](llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
        return std::make_unique<OverridingOptionsProvider>(
            P.Configuration->makeProvider(std::move(FS)),
            planOverrides(PlanPath), "structify fix");
      };
  Progress Status(Analysed.size(), P.Quiet, "apply");
  runInParallel(Analysed.size(), P.Jobs, [&](size_t K) {
    const size_t I = Analysed[K];
    Status.started(P.Units[I].File);
    Units[I] = analyse(P.Units[I], Options);
    Status.finished(P.Units[I].File, Units[I]);
  });
  Status.done();

  replace::TUDiagnostics All;
  for (size_t I = 0; I < Units.size(); ++I) {
    const UnitResult &Unit = Units[I];
    Result.FilesRead.push_back(Unit.FilesRead);
    if (Unit.Status != UnitResult::Outcome::Analysed) {
      Result.Problems.push_back(P.Units[I].File + ": " + Unit.Problem);
      continue;
    }
    tooling::TranslationUnitDiagnostics TU;
    TU.MainSourceFile = P.Units[I].File;
    for (const tooling::Diagnostic &D : Unit.Diagnostics) {
      if (D.DiagnosticName != tidy::structify::TupleReturnCheckName)
        continue;
      if (D.Message.Fix.empty()) {
        // Planned or not, the unit says why not: "no fix: ...". A function
        // the plan skips says "the plan skips": nothing to do.
        for (const tooling::DiagnosticMessage &Note : D.Notes) {
          llvm::StringRef Why = Note.Message;
          if (Why.consume_front("no fix: ") && !Why.starts_with("the plan skips") &&
              !Why.starts_with("the plan has no entry"))
            Result.Blocked.push_back(
                {declaredAt(D),
                 (position(Note.FilePath, Note.FileOffset) + ": " + Why).str()});
        }
        continue;
      }
      for (const auto &[File, Replacements] : D.Message.Fix) {
        const std::string Path = File.str();
        if (!isUnder(Path, P.Layout.SourceRoot) || isUnder(Path, P.Layout.BuildDir))
          Result.Problems.push_back("the rewrite of the function at " +
                                    declaredAt(D) + " would edit " + Path +
                                    ", which is not one of the project's sources");
        for (const tooling::Replacement &R : Replacements) {
          EditOrigin O{Path, R.getOffset(), R.getLength(),
                       static_cast<unsigned>(R.getReplacementText().size()),
                       declaredAt(D)};
          // Every unit that includes a header makes its edits again.
          if (llvm::none_of(Result.Origins, [&](const EditOrigin &Seen) {
                return Seen.File == O.File && Seen.Offset == O.Offset &&
                       Seen.Length == O.Length;
              }))
            Result.Origins.push_back(std::move(O));
        }
      }
      TU.Diagnostics.push_back(D);
    }
    All.push_back(std::move(TU));
  }
  if (!Result.Problems.empty())
    return Result;

  // clang-apply-replacements' merge: one change list per file, duplicates
  // (the same header edit from every unit that includes it) dropped,
  // conflicts reported.
  compat::DiagnosticOptionsHolder DiagOpts;
  std::string ConflictText;
  llvm::raw_string_ostream ConflictStream(ConflictText);
  TextDiagnosticPrinter Printer(ConflictStream, DiagOpts);
  DiagnosticsEngine Diagnostics(llvm::makeIntrusiveRefCnt<DiagnosticIDs>(),
                                DiagOpts, &Printer, /*ShouldOwnClient=*/false);
  FileManager Files((FileSystemOptions()));
  SourceManager SM(Diagnostics, Files);
  replace::FileToChangesMap Changes;
  if (!replace::mergeAndDeduplicate({}, All, Changes, SM)) {
    // clang-apply-replacements' library has printed each conflict already.
    Result.Problems.push_back("the translation units' edits conflict (see "
                              "above): a header is rewritten differently by "
                              "different units" +
                              (ConflictText.empty() ? "" : ":\n" + ConflictText));
    return Result;
  }
  for (const auto &[File, FileChanges] : Changes) {
    // The changed code, formatted as the project formats it: with the
    // nearest .clang-format, and not at all without one.
    tooling::ApplyChangesSpec Spec;
    Spec.Cleanup = false;
    Spec.Format = tooling::ApplyChangesSpec::kNone;
    if (P.FormatStyle != "none") {
      auto Style = format::getStyle(P.FormatStyle, File.getName(), "none");
      if (!Style) {
        Result.Problems.push_back(File.getName().str() + ": " +
                                  llvm::toString(Style.takeError()));
        continue;
      }
      if (!Style->DisableFormat) {
        Spec.Style = *Style;
        Spec.Format = tooling::ApplyChangesSpec::kAll; // the changed code only
      }
    }
    auto NewText = replace::applyChanges(File.getName(), FileChanges, Spec,
                                         Diagnostics);
    if (!NewText) {
      Result.Problems.push_back(File.getName().str() + ": " +
                                llvm::toString(NewText.takeError()));
      continue;
    }
    for (const tooling::AtomicChange &Change : FileChanges)
      Result.Count += Change.getReplacements().size();
    Result.NewContents[File.getName().str()] = std::move(*NewText);
  }
  return Result;
}

} // namespace structify
