//===--- NoLint.cpp - NOLINT comments, as clang-tidy reads them -----------===//

#include "report/NoLint.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace structify {
namespace {

enum class Kind { Line, NextLine, Begin, End };

struct Directive {
  Kind Type;
  unsigned Line;
  /// The globs in parentheses; none means every check.
  std::optional<std::string> Checks;

  bool silences(llvm::StringRef Check) const {
    return !Checks || clang::tidy::GlobList(*Checks).contains(Check);
  }
};

llvm::SmallVector<Directive> directives(llvm::StringRef Text) {
  llvm::SmallVector<Directive> Found;
  unsigned Line = 1;
  size_t Counted = 0;
  for (size_t Pos = Text.find("NOLINT"); Pos != llvm::StringRef::npos;
       Pos = Text.find("NOLINT", Pos + 1)) {
    Line += Text.slice(Counted, Pos).count('\n');
    Counted = Pos;
    llvm::StringRef Rest = Text.drop_front(Pos + strlen("NOLINT"));
    Directive D{Kind::Line, Line, std::nullopt};
    if (Rest.consume_front("NEXTLINE"))
      D.Type = Kind::NextLine;
    else if (Rest.consume_front("BEGIN"))
      D.Type = Kind::Begin;
    else if (Rest.consume_front("END"))
      D.Type = Kind::End;
    // `NOLINTX` is not a directive.
    if (!Rest.empty() && (llvm::isAlnum(Rest.front()) || Rest.front() == '_'))
      continue;
    if (Rest.consume_front("(")) {
      const size_t Close = Rest.find_first_of(")\n");
      if (Close == llvm::StringRef::npos || Rest[Close] != ')')
        continue;
      D.Checks = Rest.take_front(Close).str();
    }
    Found.push_back(std::move(D));
  }
  return Found;
}

} // namespace

std::optional<unsigned> noLintLine(llvm::StringRef Text, unsigned Line,
                                   llvm::StringRef Check) {
  llvm::SmallVector<const Directive *> Open;
  const auto All = directives(Text);
  for (const Directive &D : All) {
    if (D.Line > Line)
      break;
    switch (D.Type) {
    case Kind::Line:
      if (D.Line == Line && D.silences(Check))
        return D.Line;
      break;
    case Kind::NextLine:
      if (D.Line + 1 == Line && D.silences(Check))
        return D.Line;
      break;
    case Kind::Begin:
      Open.push_back(&D);
      break;
    case Kind::End:
      // Closes the latest NOLINTBEGIN with the same checks.
      for (auto It = Open.rbegin(); It != Open.rend(); ++It)
        if ((*It)->Checks == D.Checks) {
          Open.erase(std::next(It).base());
          break;
        }
      break;
    }
  }
  for (const Directive *D : Open)
    if (D->silences(Check))
      return D->Line;
  return std::nullopt;
}

} // namespace structify
