//===--- BodyFilter.cpp - the function bodies verification parses ---------===//

#include "refactor/BodyFilter.h"
#include "support/Paths.h"
#include "clang/AST/ASTMutationListener.h"
#include "clang/AST/Decl.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>
#include <optional>

namespace structify {
using namespace clang;

llvm::json::Value toJSON(const BodyFilter &F) {
  llvm::json::Object Edited;
  for (const auto &[File, Ranges] : F.Edited) {
    llvm::json::Array List;
    for (const auto &[Begin, End] : Ranges)
      List.push_back(llvm::json::Array{Begin, End});
    Edited[File] = std::move(List);
  }
  return llvm::json::Object{{"parseAll", F.ParseAll},
                            {"names", F.Names},
                            {"edited", std::move(Edited)}};
}

bool fromJSON(const llvm::json::Value &V, BodyFilter &F, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  if (!O || !O.map("parseAll", F.ParseAll) || !O.map("names", F.Names))
    return false;
  const llvm::json::Object *Edited = V.getAsObject()->getObject("edited");
  if (!Edited)
    return false;
  for (const auto &[File, Ranges] : *Edited) {
    // int64_t: LLVM 19 reads no unsigned from JSON.
    std::vector<std::vector<int64_t>> Pairs;
    if (!llvm::json::fromJSON(Ranges, Pairs, P.field("edited")))
      return false;
    std::vector<std::pair<unsigned, unsigned>> &Into = F.Edited[File.str()];
    for (const std::vector<int64_t> &Pair : Pairs) {
      if (Pair.size() != 2 || Pair[0] < 0 || Pair[1] < Pair[0])
        return false;
      Into.emplace_back(static_cast<unsigned>(Pair[0]),
                        static_cast<unsigned>(Pair[1]));
    }
  }
  return true;
}

std::vector<std::string> skippedBodyWarningArguments() {
  return {"-Wno-unused", "-Wno-unused-member-function", "-Wno-unused-template",
          "-Wno-unneeded-internal-declaration", "-Wno-unused-const-variable"};
}

bool mentionsAny(llvm::StringRef Text, const llvm::StringSet<> &Names) {
  size_t I = 0;
  while (I < Text.size()) {
    if (!isAsciiIdentifierStart(Text[I])) {
      ++I;
      continue;
    }
    size_t J = I;
    while (J < Text.size() && isAsciiIdentifierContinue(Text[J]))
      ++J;
    if (Names.contains(Text.slice(I, J)))
      return true;
    I = J;
  }
  return false;
}

namespace {

/// A function whose result type deduces to one of the structs is named
/// where its value is read: its name keeps those bodies too.
class DeducedResults : public ASTMutationListener {
public:
  explicit DeducedResults(llvm::StringSet<> &Names) : Names(Names) {}
  void DeducedReturnType(const FunctionDecl *FD, QualType ReturnType) override {
    if (!FD->getDeclName().isIdentifier() || Names.contains(FD->getName()))
      return;
    if (mentionsAny(ReturnType.getAsString(), Names))
      Names.insert(FD->getName());
  }

private:
  llvm::StringSet<> &Names;
};

class BodyFilterConsumer : public ASTConsumer {
public:
  BodyFilterConsumer(CompilerInstance &CI, const BodyFilter &Filter)
      : SM(CI.getSourceManager()), LangOpts(CI.getLangOpts()), Filter(Filter),
        Debug(std::getenv("STRUCTIFY_DEBUG_VERIFY_BODIES") != nullptr),
        Deduced(Names) {
    for (const std::string &Name : Filter.Names)
      Names.insert(Name);
  }

  bool shouldSkipFunctionBody(Decl *D) override {
    if (Filter.ParseAll)
      return false;
    const FunctionDecl *FD = D->getAsFunction();
    // A template's body is kept: its instantiations are checked where they
    // are made, and the rewrite may reach them.
    if (!FD || FD->isTemplated())
      return false;
    if (FD->getDeclName().isIdentifier() && Names.contains(FD->getName()))
      return false;
    const SourceLocation Begin = SM.getExpansionLoc(FD->getOuterLocStart());
    if (Begin.isInvalid())
      return false;
    const auto [File, Offset] = SM.getDecomposedLoc(Begin);
    const std::optional<unsigned> End = endOfQuietDefinition(File, Offset);
    if (!End || touchesEdit(File, Offset, *End))
      return false;
    if (Debug)
      llvm::errs() << "structify verify: skipped the body of '"
                   << FD->getQualifiedNameAsString() << "'\n";
    return true;
  }

  ASTMutationListener *GetASTMutationListener() override { return &Deduced; }

private:
  /// The end of the definition that starts at \p Offset of \p File (after
  /// its body's closing brace, and any handlers of a function-try-block),
  /// when none of its tokens is one of the names; nothing when one is, or
  /// when the text does not look like a definition.
  std::optional<unsigned> endOfQuietDefinition(FileID File, unsigned Offset) {
    bool Invalid = false;
    const llvm::StringRef Buffer = SM.getBufferData(File, &Invalid);
    if (Invalid || Offset >= Buffer.size())
      return std::nullopt;
    Lexer Lex(SM.getLocForStartOfFile(File), LangOpts, Buffer.begin(),
              Buffer.begin() + Offset, Buffer.end());
    int Depth = 0;
    Token Tok;
    Lex.LexFromRawLexer(Tok);
    while (true) {
      if (Tok.is(tok::eof))
        return std::nullopt;
      if (Tok.is(tok::raw_identifier) && Names.contains(Tok.getRawIdentifier()))
        return std::nullopt;
      if (Tok.isOneOf(tok::l_paren, tok::l_square, tok::l_brace)) {
        ++Depth;
      } else if (Tok.isOneOf(tok::r_paren, tok::r_square)) {
        if (--Depth < 0)
          return std::nullopt;
      } else if (Tok.is(tok::r_brace)) {
        if (--Depth < 0)
          return std::nullopt;
        if (Depth == 0) {
          const unsigned End = SM.getFileOffset(Tok.getEndLoc());
          // A member initialiser's braces (`: a{1}, b{2} {`), or a
          // function-try-block's handlers, go on.
          Lex.LexFromRawLexer(Tok);
          if (Tok.isOneOf(tok::comma, tok::l_brace) ||
              (Tok.is(tok::raw_identifier) &&
               Tok.getRawIdentifier() == "catch"))
            continue;
          return End;
        }
      } else if (Tok.is(tok::semi) && Depth == 0) {
        return std::nullopt; // a declaration, not a definition
      }
      Lex.LexFromRawLexer(Tok);
    }
  }

  /// Does a change fall in [Begin, End) of \p File?
  bool touchesEdit(FileID File, unsigned Begin, unsigned End) {
    auto [It, New] = EditedIn.try_emplace(File, nullptr);
    if (New)
      if (const OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File))
        if (auto Found = Filter.Edited.find(
                canonicalFileName(*Entry, SM.getFileManager()));
            Found != Filter.Edited.end())
          It->second = &Found->second;
    if (!It->second)
      return false;
    // [Begin, End) against changed text [first, second), or against the
    // place where lines were removed.
    return llvm::any_of(*It->second,
                        [&](const std::pair<unsigned, unsigned> &Range) {
                          const auto [From, To] = Range;
                          return From == To ? Begin <= From && From <= End
                                            : From < End && Begin < To;
                        });
  }

  SourceManager &SM;
  const LangOptions &LangOpts;
  const BodyFilter &Filter;
  const bool Debug;
  llvm::StringSet<> Names;
  DeducedResults Deduced;
  llvm::DenseMap<FileID, const std::vector<std::pair<unsigned, unsigned>> *>
      EditedIn;
};

} // namespace

std::unique_ptr<ASTConsumer> makeBodyFilterConsumer(CompilerInstance &CI,
                                                    const BodyFilter &Filter) {
  if (!Filter.ParseAll)
    CI.getFrontendOpts().SkipFunctionBodies = true;
  return std::make_unique<BodyFilterConsumer>(CI, Filter);
}

} // namespace structify
