//===--- TypeSpelling.cpp - types as the code spells them -----------------===//

#include "model/TypeSpelling.h"
#include "compat/Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Tooling/Transformer/SourceCode.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"

namespace clang::tidy::structify {
namespace {

/// Does \p Text name something no code should write: a reserved identifier
/// (an implementation's `_Rb_tree_iterator`, `__normal_iterator`), a
/// compiler-made name (`type-parameter-0-0`, `(lambda at ...)`)?
bool namesInternals(llvm::StringRef Text) {
  if (Text.contains("type-parameter-") || Text.contains("(lambda") ||
      Text.contains("(anonymous") || Text.contains("(unnamed") ||
      Text.contains("<dependent type>"))
    return true;
  for (size_t I = 0; I < Text.size(); ++I) {
    if (!isAsciiIdentifierStart(Text[I]))
      continue;
    size_t End = I;
    while (End < Text.size() && isAsciiIdentifierContinue(Text[End]))
      ++End;
    const llvm::StringRef Word = Text.slice(I, End);
    if (Word.starts_with("__") ||
        (Word.size() > 1 && Word[0] == '_' && isUppercase(Word[1])))
      return true;
    I = End;
  }
  return false;
}

/// The standard's string types by the names code uses for them.
std::string withStringNames(std::string Text) {
  static constexpr std::pair<llvm::StringLiteral, llvm::StringLiteral> Names[] =
      {{"std::basic_string<char>", "std::string"},
       {"std::basic_string<wchar_t>", "std::wstring"},
       {"std::basic_string<char8_t>", "std::u8string"},
       {"std::basic_string<char16_t>", "std::u16string"},
       {"std::basic_string<char32_t>", "std::u32string"},
       {"std::basic_string_view<char>", "std::string_view"},
       {"std::basic_string_view<wchar_t>", "std::wstring_view"},
       {"std::basic_string_view<char8_t>", "std::u8string_view"},
       {"std::basic_string_view<char16_t>", "std::u16string_view"},
       {"std::basic_string_view<char32_t>", "std::u32string_view"}};
  for (const auto &[Resolved, Usual] : Names)
    for (size_t At = Text.find(Resolved.str()); At != std::string::npos;
         At = Text.find(Resolved.str(), At + Usual.size()))
      Text.replace(At, Resolved.size(), Usual.str());
  return Text;
}

/// Is \p T a resolved type, behind sugar that names nothing the code wrote
/// (a substituted template parameter, a deduced `auto`, `decltype`)? Then the
/// resolved type is printed as such, without its default template arguments.
bool isResolved(QualType T) {
  const Type *Ty = T.getTypePtr();
  while (isa<SubstTemplateTypeParmType, AutoType, DecltypeType>(Ty)) {
    const QualType Next = Ty->getLocallyUnqualifiedSingleStepDesugaredType();
    if (Next.getTypePtr() == Ty)
      break;
    Ty = Next.getTypePtr();
  }
  return Ty->isCanonicalUnqualified();
}

PrintingPolicy policyFor(const ASTContext &Ctx) {
  PrintingPolicy Policy = Ctx.getPrintingPolicy();
  Policy.SuppressUnwrittenScope = true;
  return Policy;
}

} // namespace

llvm::SmallVector<QualType, 4> writtenElementTypes(QualType Tuple,
                                                   const TupleShape &Shape,
                                                   const ASTContext &Ctx) {
  const Decl *Wanted =
      Shape.Template ? Shape.Template->getCanonicalDecl() : nullptr;
  QualType Current = Tuple.getNonReferenceType();
  // Each step removes one layer of sugar; a type has few.
  for (unsigned Step = 0; Wanted && Step < 64 && !Current.isNull(); ++Step) {
    if (const auto *TST =
            dyn_cast<TemplateSpecializationType>(Current.getTypePtr())) {
      const TemplateDecl *Named = TST->getTemplateName().getAsTemplateDecl();
      if (!TST->isTypeAlias() && Named && Named->getCanonicalDecl() == Wanted) {
        llvm::ArrayRef<TemplateArgument> Args = TST->template_arguments();
        if (Args.size() != Shape.Elements.size())
          break;
        llvm::SmallVector<QualType, 4> Written;
        for (const TemplateArgument &Arg : Args) {
          if (Arg.getKind() != TemplateArgument::Type)
            return Shape.Elements;
          Written.push_back(Arg.getAsType());
        }
        return Written;
      }
    }
    const QualType Next = Current.getSingleStepDesugaredType(Ctx);
    if (Next == Current)
      break;
    Current = Next;
  }
  return Shape.Elements;
}

std::optional<std::string> spellTypeForCode(QualType T, const ASTContext &Ctx) {
  const PrintingPolicy Policy = policyFor(Ctx);
  // `std::uint32_t`: by the namespace the using-declaration brings it into,
  // not by the global typedef it names.
  if (const UsingShadowDecl *Using = compat::usingShadowNamed(T);
      Using && Using->getDeclContext()->isFileContext()) {
    std::string Qualifiers = T.getQualifiers().getAsString(Policy);
    return (Qualifiers.empty() ? "" : Qualifiers + " ") +
           Using->getQualifiedNameAsString();
  }
  if (!isResolved(T)) {
    std::string Written = TypeName::getFullyQualifiedName(T, Ctx, Policy);
    if (!namesInternals(Written))
      return Written;
  }
  // A deduced type, or sugar such as `typename
  // std::__decay_and_strip<std::string>::__type` (a deduced
  // `std::make_pair`'s): the type it resolves to.
  std::string Resolved = spellResolvedType(T, Ctx);
  if (!namesInternals(Resolved))
    return Resolved;
  return std::nullopt;
}

std::string spellResolvedType(QualType T, const ASTContext &Ctx) {
  return withStringNames(T.getCanonicalType().getAsString(policyFor(Ctx)));
}

std::string spellTypeForMessage(QualType T, const ASTContext &Ctx) {
  // `std::basic_string<char>` reads as `std::string`.
  if (std::optional<std::string> ForCode = spellTypeForCode(T, Ctx);
      ForCode && !llvm::StringRef(*ForCode).contains("basic_string<"))
    return *ForCode;
  const PrintingPolicy Policy = policyFor(Ctx);
  std::string Written = T.getAsString(Policy);
  if (!namesInternals(Written))
    return Written;
  return spellResolvedType(T, Ctx);
}

std::string expressionForMessage(const Expr *E, const ASTContext &Ctx) {
  const std::optional<CharSourceRange> Range = tooling::getFileRangeForEdit(
      CharSourceRange::getTokenRange(E->getSourceRange()),
      Ctx.getSourceManager(), Ctx.getLangOpts());
  if (!Range)
    return "";
  std::string Text;
  for (llvm::StringRef Word : llvm::split(tooling::getText(*Range, Ctx), ' ')) {
    Word = Word.trim();
    if (Word.empty())
      continue;
    if (!Text.empty() && !llvm::StringRef(Text).ends_with("(") &&
        !Word.starts_with(")") && !Word.starts_with("."))
      Text += ' ';
    Text += Word;
  }
  llvm::erase(Text, '\n');
  if (Text.size() > 40)
    Text = Text.substr(0, 37) + "...";
  return Text;
}

} // namespace clang::tidy::structify
