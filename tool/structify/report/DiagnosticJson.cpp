//===--- DiagnosticJson.cpp - diagnostics as JSON and back ----------------===//

#include "report/DiagnosticJson.h"
#include "support/DriverCompat.h"

namespace structify {

bool isCompilerError(const clang::tooling::Diagnostic &Diag) {
  return Diag.DiagLevel == clang::tooling::Diagnostic::Error &&
         llvm::StringRef(Diag.DiagnosticName).starts_with("clang-diagnostic-");
}
using clang::tooling::Diagnostic;
using clang::tooling::DiagnosticMessage;
using clang::tooling::FileByteRange;
using clang::tooling::Replacement;
using llvm::json::Array;
using llvm::json::Object;
using llvm::json::ObjectMapper;
using llvm::json::Path;
using llvm::json::Value;

llvm::StringRef levelName(Diagnostic::Level Level) {
  switch (Level) {
  case Diagnostic::Remark:
    return "remark";
  case Diagnostic::Warning:
    return "warning";
  case Diagnostic::Error:
    return "error";
  }
  return "warning";
}

Object toJSON(const DiagnosticMessage &Message) {
  Array Ranges, Fixes;
  for (const FileByteRange &Range : Message.Ranges)
    Ranges.push_back(Object{{"file", Range.FilePath},
                            {"offset", Range.FileOffset},
                            {"length", Range.Length}});
  for (const auto &Entry : Message.Fix)
    for (const Replacement &R : Entry.second)
      // Copies: a json::Value borrows a StringRef, and the JSON may
      // outlive the diagnostic.
      Fixes.push_back(Object{{"file", R.getFilePath().str()},
                             {"offset", R.getOffset()},
                             {"length", R.getLength()},
                             {"replacement", R.getReplacementText().str()}});
  Object Result{{"message", Message.Message},
                {"file", Message.FilePath},
                {"offset", Message.FileOffset}};
  if (!Ranges.empty())
    Result["ranges"] = std::move(Ranges);
  if (!Fixes.empty())
    Result["fixes"] = std::move(Fixes);
  return Result;
}

Object toJSON(const Diagnostic &Diag) {
  Object Result = toJSON(Diag.Message);
  Result["check"] = Diag.DiagnosticName;
  Result["level"] = levelName(Diag.DiagLevel);
  if (!Diag.Notes.empty()) {
    Array Notes;
    for (const DiagnosticMessage &Note : Diag.Notes)
      Notes.push_back(toJSON(Note));
    Result["notes"] = std::move(Notes);
  }
  if (!Diag.BuildDirectory.empty())
    Result["buildDirectory"] = Diag.BuildDirectory;
  return Result;
}

bool fromJSON(const Value &V, DiagnosticMessage &Message, Path P) {
  ObjectMapper O(V, P);
  if (!O || !O.map("message", Message.Message) ||
      !O.map("file", Message.FilePath) || !O.map("offset", Message.FileOffset))
    return false;
  const Object *Obj = V.getAsObject();
  if (const Array *Ranges = Obj->getArray("ranges"))
    for (const Value &R : *Ranges) {
      FileByteRange Range;
      ObjectMapper RO(R, P.field("ranges"));
      if (!RO || !RO.map("file", Range.FilePath) ||
          !RO.map("offset", Range.FileOffset) ||
          !RO.map("length", Range.Length))
        return false;
      Message.Ranges.push_back(std::move(Range));
    }
  if (const Array *Fixes = Obj->getArray("fixes"))
    for (const Value &F : *Fixes) {
      std::string File, Text;
      unsigned Offset = 0, Length = 0;
      ObjectMapper FO(F, P.field("fixes"));
      if (!FO || !FO.map("file", File) || !FO.map("offset", Offset) ||
          !FO.map("length", Length) || !FO.map("replacement", Text))
        return false;
      if (llvm::Error E =
              Message.Fix[File].add(Replacement(File, Offset, Length, Text))) {
        llvm::consumeError(std::move(E));
        P.field("fixes").report("overlapping replacements");
        return false;
      }
    }
  return true;
}

bool fromJSON(const Value &V, Diagnostic &Diag, Path P) {
  ObjectMapper O(V, P);
  std::string Level;
  if (!O || !fromJSON(V, Diag.Message, P) ||
      !O.map("check", Diag.DiagnosticName) || !O.map("level", Level) ||
      !O.mapOptional("buildDirectory", Diag.BuildDirectory))
    return false;
  if (const Array *Notes = V.getAsObject()->getArray("notes"))
    for (size_t I = 0; I < Notes->size(); ++I) {
      DiagnosticMessage Note;
      if (!fromJSON((*Notes)[I], Note, P.field("notes").index(I)))
        return false;
      Diag.Notes.push_back(std::move(Note));
    }
  Diag.DiagLevel = Level == "error"    ? Diagnostic::Error
                   : Level == "remark" ? Diagnostic::Remark
                                       : Diagnostic::Warning;
  return true;
}

} // namespace structify
