//===--- Placement.cpp - where a declaration begins, as written -----------===//

#include "model/tuplereturn/Placement.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::structify {

const FileTokens::LexedFile &FileTokens::of(FileID File) {
  auto [It, New] = Lexed.try_emplace(File);
  if (!New)
    return It->second;
  bool Invalid = false;
  const llvm::StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid)
    return It->second;
  Lexer Lex(SM.getLocForStartOfFile(File), LangOpts, Buffer.begin(),
            Buffer.begin(), Buffer.end());
  Lex.SetCommentRetentionState(true);
  bool Directive = false;
  for (Token Tok; !Lex.LexFromRawLexer(Tok) || Tok.isNot(tok::eof);) {
    if (Tok.is(tok::eof))
      break;
    // A directive runs from a `#` that starts a line to the end of the line
    // (with its continuations, which do not start a line).
    if (Tok.isAtStartOfLine())
      Directive = Tok.is(tok::hash);
    It->second.Tokens.push_back(Tok);
    It->second.Directive.push_back(Directive);
  }
  return It->second;
}

namespace {

bool isSpecifierKeyword(llvm::StringRef Word) {
  return llvm::is_contained({"inline", "static", "extern", "constexpr",
                             "consteval", "constinit", "virtual", "explicit",
                             "friend", "thread_local", "__inline", "__inline__",
                             "__forceinline"},
                            Word);
}

bool isAttributeKeyword(llvm::StringRef Word) {
  return llvm::is_contained(
      {"__attribute__", "__attribute", "__declspec", "alignas", "_Alignas"},
      Word);
}

/// Walks backwards from a declaration's first token over what stands before
/// it as part of it in some translation unit.
class BackwardWalk {
public:
  BackwardWalk(const FileTokens::LexedFile &File, FileTokens &Tokens)
      : File(File), Tokens(Tokens), SM(Tokens.sourceManager()) {}

  /// The index of the first token of the declaration whose own first token
  /// is \p Index.
  size_t start(size_t Index) {
    for (;;) {
      const size_t Before = Index;
      Index = overPrefix(Index);
      if (Index == Before)
        return Index;
    }
  }

  /// The index of the first comment of the block that ends right above the
  /// token \p Index, or \p Index.
  size_t overComments(size_t Index) {
    while (Index > 0) {
      const Token &Comment = File.Tokens[Index - 1];
      if (Comment.isNot(tok::comment) || !Comment.isAtStartOfLine() ||
          File.Directive[Index - 1] || blankLineBetween(Index - 1, Index))
        break;
      --Index;
    }
    return Index;
  }

private:
  /// The previous token that is not a comment, or npos.
  size_t previous(size_t Index) const {
    while (Index > 0) {
      --Index;
      if (File.Tokens[Index].isNot(tok::comment))
        return File.Directive[Index] ? llvm::StringRef::npos : Index;
    }
    return llvm::StringRef::npos;
  }

  llvm::StringRef word(size_t Index) const {
    const Token &Tok = File.Tokens[Index];
    return Tok.is(tok::raw_identifier) ? Tok.getRawIdentifier()
                                       : llvm::StringRef();
  }

  /// The index of the bracket that opens the one at \p Close, or npos.
  size_t opening(size_t Close, tok::TokenKind Open,
                 tok::TokenKind Closing) const {
    int Depth = 0;
    for (size_t I = Close + 1; I-- > 0;) {
      if (File.Directive[I])
        return llvm::StringRef::npos;
      if (File.Tokens[I].is(Closing))
        ++Depth;
      else if (File.Tokens[I].is(Open) && --Depth == 0)
        return I;
    }
    return llvm::StringRef::npos;
  }

  /// Whether \p Word names a macro that may stand where attributes and
  /// specifiers go: one that expands to nothing, or to tokens that cannot
  /// open or end a declaration of their own.
  bool isPrefixMacro(llvm::StringRef Word) const {
    Preprocessor *PP = Tokens.preprocessor();
    if (!PP)
      return false;
    const auto It = PP->getIdentifierTable().find(Word);
    if (It == PP->getIdentifierTable().end() ||
        !It->getValue()->hasMacroDefinition())
      return false;
    const MacroInfo *Macro = PP->getMacroInfo(It->getValue());
    return Macro && llvm::none_of(Macro->tokens(), [](const Token &T) {
             return T.isOneOf(tok::l_brace, tok::r_brace, tok::semi,
                              tok::kw_namespace, tok::kw_class, tok::kw_struct,
                              tok::kw_union, tok::kw_enum, tok::kw_typedef,
                              tok::kw_using, tok::kw_template);
           });
  }

  /// Steps over one attribute, specifier or macro before \p Index.
  size_t overPrefix(size_t Index) const {
    const size_t Prev = previous(Index);
    if (Prev == llvm::StringRef::npos)
      return Index;
    const Token &Tok = File.Tokens[Prev];
    if (Tok.is(tok::raw_identifier)) {
      const llvm::StringRef Word = Tok.getRawIdentifier();
      return isSpecifierKeyword(Word) || isPrefixMacro(Word) ? Prev : Index;
    }
    // `[[nodiscard]]`
    if (Tok.is(tok::r_square) && Prev > 0 &&
        File.Tokens[Prev - 1].is(tok::r_square)) {
      const size_t Open = opening(Prev, tok::l_square, tok::r_square);
      return Open != llvm::StringRef::npos && Open + 1 < Prev &&
                     File.Tokens[Open + 1].is(tok::l_square)
                 ? Open
                 : Index;
    }
    // `__attribute__((...))`, `alignas(8)`, `LIB_DEPRECATED("use g")`
    if (Tok.is(tok::r_paren)) {
      const size_t Open = opening(Prev, tok::l_paren, tok::r_paren);
      if (Open == llvm::StringRef::npos || Open == 0 ||
          File.Directive[Open - 1])
        return Index;
      const llvm::StringRef Word = word(Open - 1);
      return isAttributeKeyword(Word) || isPrefixMacro(Word) ? Open - 1 : Index;
    }
    return Index;
  }

  bool blankLineBetween(size_t First, size_t Second) const {
    const Token &A = File.Tokens[First], &B = File.Tokens[Second];
    const unsigned End = SM.getFileOffset(A.getEndLoc());
    const unsigned Begin = SM.getFileOffset(B.getLocation());
    bool Invalid = false;
    const llvm::StringRef Text =
        SM.getBufferData(SM.getFileID(A.getLocation()), &Invalid);
    return Invalid || End > Begin || Text.slice(End, Begin).count('\n') > 1;
  }

  const FileTokens::LexedFile &File;
  FileTokens &Tokens;
  const SourceManager &SM;
};

} // namespace

SourceLocation writtenDeclarationStart(const Decl *D, FileTokens &Tokens) {
  const SourceManager &SM = Tokens.sourceManager();
  SourceLocation Begin = D->getBeginLoc();
  if (const auto *Function = dyn_cast<FunctionDecl>(D))
    if (const FunctionTemplateDecl *Template =
            Function->getDescribedFunctionTemplate())
      Begin = Template->getBeginLoc();
  const SourceLocation Name = SM.getExpansionLoc(D->getLocation());
  if (Begin.isMacroID()) {
    // `LIB_EXPORT std::pair<...> f();`, where LIB_EXPORT is an attribute
    // here: from the macro's name on, unless the macro writes the whole
    // declaration.
    SourceLocation MacroBegin;
    if (!Lexer::isAtStartOfMacroExpansion(Begin, SM, Tokens.langOpts(),
                                          &MacroBegin))
      return {};
    Begin = SM.getExpansionLoc(MacroBegin);
  }
  if (Begin.isInvalid() || Name == Begin ||
      SM.getFileID(Begin) != SM.getFileID(Name) ||
      !SM.isBeforeInTranslationUnit(Begin, Name))
    return {};

  const FileTokens::LexedFile &File = Tokens.of(SM.getFileID(Begin));
  const unsigned Offset = SM.getFileOffset(Begin);
  const auto It = llvm::partition_point(File.Tokens, [&](const Token &T) {
    return SM.getFileOffset(T.getLocation()) < Offset;
  });
  if (It == File.Tokens.end() || SM.getFileOffset(It->getLocation()) != Offset)
    return {};
  BackwardWalk Walk(File, Tokens);
  const size_t First = Walk.overComments(Walk.start(It - File.Tokens.begin()));
  return File.Tokens[First].getLocation();
}

} // namespace clang::tidy::structify
