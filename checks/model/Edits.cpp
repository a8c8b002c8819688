//===--- Edits.cpp - the text of a rewrite --------------------------------===//

#include "model/Edits.h"
#include "compat/Compat.h"
#include "model/TypeSpelling.h"
#include "model/tuplereturn/Placement.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/Transformer/SourceCode.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <set>

namespace clang::tidy::structify {

namespace placeholder {
// Placeholders are \x01-delimited: no C++ source holds that byte.
constexpr char Mark = '\x01';
static std::string field(size_t I) {
  return Mark + ("F" + std::to_string(I)) + Mark;
}
static std::string fieldType(size_t I) {
  return Mark + ("T" + std::to_string(I)) + Mark;
}
/// The comparisons' place in the definition, with their indentation.
static std::string operators(llvm::StringRef Indent) {
  return Mark + ("O" + Indent.str()) + Mark;
}
} // namespace placeholder

namespace {

/// The template type parameters of depth \p Depth that a type mentions.
class ParameterFinder : public RecursiveASTVisitor<ParameterFinder> {
public:
  explicit ParameterFinder(unsigned Depth) : Depth(Depth) {}
  bool VisitTemplateTypeParmType(TemplateTypeParmType *T) {
    if (T->getDepth() == Depth)
      Used.insert(T->getIndex());
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (isa<NonTypeTemplateParmDecl>(E->getDecl()))
      UsesNonTypeParameter = true;
    return true;
  }
  unsigned Depth;
  std::set<unsigned> Used;
  bool UsesNonTypeParameter = false;
};

/// The outermost class around \p Function.
const CXXRecordDecl *outermostClass(const FunctionDecl *Function) {
  const CXXRecordDecl *Outer = nullptr;
  for (const DeclContext *DC = Function->getDeclContext(); DC;
       DC = DC->getParent())
    if (const auto *Class = dyn_cast<CXXRecordDecl>(DC))
      Outer = Class;
  return Outer;
}

/// Why the struct cannot go after \p Function's outermost class, as a
/// clause; empty when it can: a template around it, or a definition inside
/// the class, where the struct is not complete yet.
/// Why the struct of \p Function cannot follow its class (an element holds
/// the class), or NoFix::None.
NoFix whyNotAfterClass(const FunctionDecl *Function) {
  if (Function->getDescribedFunctionTemplate())
    return NoFix::IncompleteInTemplateFunction;
  for (const DeclContext *DC = Function->getDeclContext(); DC;
       DC = DC->getParent())
    if (const auto *Class = dyn_cast<CXXRecordDecl>(DC)) {
      if (Class->getDescribedClassTemplate() || Class->isLocalClass() ||
          isa<ClassTemplatePartialSpecializationDecl>(Class))
        return NoFix::IncompleteInTemplateClass;
    } else if (!DC->isFileContext()) {
      return NoFix::IncompleteInLocalClass;
    }
  for (const FunctionDecl *Decl : Function->redecls())
    if (Decl->isThisDeclarationADefinition() &&
        isa<CXXRecordDecl>(Decl->getLexicalDeclContext()))
      return NoFix::IncompleteInDefinition;
  return NoFix::None;
}

/// Does a field of type \p T hold a \p Class by value, directly or through
/// a template argument (`std::optional<Node>`)? Inside \p Class, where the
/// struct of a member goes, \p Class is incomplete.
bool holdsByValue(QualType T, const CXXRecordDecl *Class) {
  T = T.getCanonicalType();
  if (T->isArrayType())
    T = QualType(T->getBaseElementTypeUnsafe(), 0);
  if (T->isPointerType() || T->isReferenceType() || T->isMemberPointerType())
    return false;
  const auto *Record = T->getAsCXXRecordDecl();
  if (!Record)
    return false;
  if (Record->getCanonicalDecl() == Class->getCanonicalDecl())
    return true;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record))
    for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
      if (Arg.getKind() == TemplateArgument::Type &&
          holdsByValue(Arg.getAsType(), Class))
        return true;
  return false;
}

/// Where a type's text begins: a type's source range leaves out the
/// qualifiers written before it (`const` in `const Block *`), so this steps
/// back over them.
SourceLocation withLeadingQualifiers(SourceLocation Begin,
                                     const SourceManager &SM) {
  bool Invalid = false;
  const llvm::StringRef Buffer =
      SM.getBufferData(SM.getFileID(Begin), &Invalid);
  if (Invalid)
    return Begin;
  size_t At = SM.getFileOffset(Begin);
  for (;;) {
    size_t End = At;
    while (End > 0 && isWhitespace(Buffer[End - 1]))
      --End;
    size_t Start = End;
    while (Start > 0 && isAsciiIdentifierContinue(Buffer[Start - 1]))
      --Start;
    const llvm::StringRef Word = Buffer.slice(Start, End);
    if (Word != "const" && Word != "volatile")
      return Begin.getLocWithOffset(static_cast<int>(At) -
                                    static_cast<int>(SM.getFileOffset(Begin)));
    At = Start;
  }
}

/// The text of a template argument as written, when it can be cut out of
/// the file whole: not from a macro, and not ending in half of a `>>` that
/// the parser split (`std::pair<int, std::vector<int>>`).
std::optional<std::string> argumentText(const TemplateArgumentLoc &Arg,
                                        const ASTContext &Ctx) {
  SourceRange Range = Arg.getSourceRange();
  if (Range.isInvalid() || Range.getBegin().isMacroID() ||
      Range.getEnd().isMacroID())
    return std::nullopt;
  Range.setBegin(
      withLeadingQualifiers(Range.getBegin(), Ctx.getSourceManager()));
  std::string Text =
      tooling::getText(CharSourceRange::getTokenRange(Range), Ctx).str();
  if (Text.empty() || llvm::count(Text, '<') != llvm::count(Text, '>'))
    return std::nullopt;
  return Text;
}

} // namespace

/// The comparisons the pair made, memberwise and in order of the fields.
static std::string operatorDefinitions(const StructSpec &Spec,
                                       llvm::StringRef Indent) {
  if (Spec.Name == placeholder::StructName)
    return placeholder::operators(Indent);
  const std::string Params = (llvm::Twine("(const ") + Spec.Name +
                              " &lhs, const " + Spec.Name + " &rhs)")
                                 .str();
  const std::string In = (Indent + "  ").str();
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  if (llvm::is_contained(Spec.Operators, "==")) {
    std::vector<std::string> Equal;
    Equal.reserve(Spec.Fields.size());
    for (const std::string &Field : Spec.Fields)
      Equal.push_back((llvm::Twine("lhs.") + Field + " == rhs." + Field).str());
    OS << "\n"
       << In << "friend bool operator==" << Params << " {\n"
       << In << "  return " << llvm::join(Equal, " && ") << ";\n"
       << In << "}\n";
    OS << In << "friend bool operator!=" << Params
       << " { return !(lhs == rhs); }\n";
  }
  if (llvm::is_contained(Spec.Operators, "<")) {
    OS << "\n" << In << "friend bool operator<" << Params << " {\n";
    for (size_t I = 0; I + 1 < Spec.Fields.size(); ++I) {
      const std::string &F = Spec.Fields[I];
      OS << In << "  if (lhs." << F << " < rhs." << F << ")\n"
         << In << "    return true;\n";
      OS << In << "  if (rhs." << F << " < lhs." << F << ")\n"
         << In << "    return false;\n";
    }
    OS << In << "  return lhs." << Spec.Fields.back() << " < rhs."
       << Spec.Fields.back() << ";\n"
       << In << "}\n";
    OS << In << "friend bool operator>" << Params << " { return rhs < lhs; }\n";
    OS << In << "friend bool operator<=" << Params
       << " { return !(rhs < lhs); }\n";
    OS << In << "friend bool operator>=" << Params
       << " { return !(lhs < rhs); }\n";
  }
  if (llvm::is_contained(Spec.Operators, "<=>")) {
    // Defaulted, memberwise in the order of the fields, as the pair's; only
    // where the language has it, so that a header the project also
    // compiles as C++17 still reads.
    OS << "\n#if defined(__cpp_impl_three_way_comparison)\n"
       << In << "friend auto operator<=>" << Params << " = default;\n"
       << "#endif\n";
  }
  return Text;
}

std::string structDefinition(const StructSpec &Spec, llvm::StringRef Indent) {
  std::string Text;
  if (!Spec.TemplateHeader.empty())
    Text += Spec.TemplateHeader + "\n" + Indent.str();
  Text += "struct " + Spec.Name + " {\n";
  for (size_t I = 0; I < Spec.Fields.size(); ++I)
    Text +=
        Indent.str() + "  " + Spec.FieldTypes[I] + " " + Spec.Fields[I] + ";\n";
  return Text + operatorDefinitions(Spec, Indent) + Indent.str() + "};\n";
}

namespace placeholder {

StructSpec spec(size_t Elements) {
  StructSpec Spec;
  Spec.Name = StructName;
  for (size_t I = 0; I < Elements; ++I) {
    Spec.Fields.push_back(field(I));
    Spec.FieldTypes.push_back(fieldType(I));
  }
  return Spec;
}

bool holdsAny(llvm::StringRef Text) { return Text.contains(Mark); }

bool holdsDefinition(llvm::StringRef Text) {
  return Text.contains((llvm::Twine(Mark) + "O").str()) ||
         Text.contains(Declaration);
}

std::string instantiate(llvm::StringRef Text, const StructSpec &Spec) {
  std::string Out;
  while (!Text.empty()) {
    const size_t Start = Text.find(Mark);
    const size_t End =
        Start == llvm::StringRef::npos ? Start : Text.find(Mark, Start + 1);
    if (End == llvm::StringRef::npos) {
      Out += Text.str();
      break;
    }
    Out += Text.take_front(Start).str();
    const llvm::StringRef Name = Text.slice(Start + 1, End);
    size_t Index = 0;
    if (Name == "S")
      Out += Spec.Name;
    else if (Name == "D")
      ; // a marker only
    else if (Name.starts_with("O"))
      Out += operatorDefinitions(Spec, Name.drop_front());
    else if (Name.size() > 1 && !Name.drop_front().getAsInteger(10, Index) &&
             Index < Spec.Fields.size())
      Out += Name.front() == 'F' ? Spec.Fields[Index] : Spec.FieldTypes[Index];
    Text = Text.drop_front(End + 1);
  }
  return Out;
}

} // namespace placeholder

/// Fills Spec.FieldTypes: as in the source when \p Written is the tuple's
/// template itself, so `std::string` stays `std::string`; else as the code
/// spells them wherever it does (an alias, a typedef, a deduced `auto`).
/// \p What names the written type for a message ("the return type").
static bool spellFieldTypes(TypeLoc Written, QualType Tuple,
                            const TupleShape &Shape, SourceLocation Where,
                            llvm::StringRef What, ASTContext &Ctx,
                            StructSpec &Spec, Blocker &Problem) {
  Spec.FieldTypes.clear();
  if (auto TST = Written.isNull()
                     ? TemplateSpecializationTypeLoc()
                     : Written.getAs<TemplateSpecializationTypeLoc>();
      TST && TST.getNumArgs() == Shape.Elements.size()) {
    for (unsigned I = 0; I < TST.getNumArgs(); ++I) {
      std::optional<std::string> Text = argumentText(TST.getArgLoc(I), Ctx);
      if (!Text)
        break;
      Spec.FieldTypes.push_back(std::move(*Text));
    }
  }
  if (Spec.FieldTypes.size() == Shape.Elements.size())
    return true;
  Spec.FieldTypes.clear();
  const auto Elements = writtenElementTypes(Tuple, Shape, Ctx);
  for (size_t I = 0; I < Elements.size(); ++I) {
    if (const auto *RD = Elements[I]->getAsCXXRecordDecl())
      if (RD->isLocalClass() || RD->isLambda()) {
        Problem = {Where, NoFix::LocalElementType};
        return false;
      }
    std::optional<std::string> Spelled = spellTypeForCode(Elements[I], Ctx);
    if (!Spelled) {
      Problem = {Where,
                 {NoFix::ElementTypeUnspellable, std::to_string(I),
                  spellTypeForMessage(Elements[I], Ctx), What}};
      return false;
    }
    Spec.FieldTypes.push_back(std::move(*Spelled));
  }
  return true;
}

bool describeParameterTypes(const DeclaratorDecl *Parameter,
                            const TupleShape &Shape, ASTContext &Ctx,
                            StructSpec &Spec, Blocker &Problem) {
  Spec.ElementTypes.assign(Shape.Elements.begin(), Shape.Elements.end());
  Spec.AfterClass = nullptr;
  TypeLoc Written;
  if (const TypeSourceInfo *TSI = Parameter->getTypeSourceInfo()) {
    Written = TSI->getTypeLoc();
    if (auto Ref = Written.getAs<ReferenceTypeLoc>())
      Written = Ref.getPointeeLoc();
    Written = compat::withoutElaboration(Written.getUnqualifiedLoc());
  }
  return spellFieldTypes(Written, Parameter->getType().getNonReferenceType(),
                         Shape, Parameter->getLocation(),
                         "the parameter's type", Ctx, Spec, Problem);
}

bool describeWrittenTypes(TypeLoc Written, QualType Tuple, SourceLocation Where,
                          const TupleShape &Shape, ASTContext &Ctx,
                          StructSpec &Spec, Blocker &Problem) {
  Spec.ElementTypes.assign(Shape.Elements.begin(), Shape.Elements.end());
  Spec.AfterClass = nullptr;
  if (Written.isNull() || Tuple.isNull()) {
    Problem = {Where, NoFix::KeyTypeNotWritten};
    return false;
  }
  Written = compat::withoutElaboration(Written.getUnqualifiedLoc());
  return spellFieldTypes(Written, Tuple, Shape, Where, "the key type", Ctx,
                         Spec, Problem);
}

bool describeStructTypes(const FunctionDecl *Function, const TupleShape &Shape,
                         ASTContext &Ctx, StructSpec &Spec, Blocker &Problem) {
  Spec.ElementTypes.assign(Shape.Elements.begin(), Shape.Elements.end());
  Spec.FieldTypes.clear();
  // A member's struct is nested in its class, where the class and the
  // classes around it are still incomplete.
  Spec.AfterClass = nullptr;
  for (const DeclContext *DC = Function->getDeclContext(); DC;
       DC = DC->getParent()) {
    const auto *Class = dyn_cast<CXXRecordDecl>(DC);
    if (!Class)
      break;
    for (QualType Element : Shape.Elements)
      if (holdsByValue(Element, Class)) {
        if (const NoFix Why = whyNotAfterClass(Function); Why != NoFix::None) {
          Problem = {Function->getLocation(), {Why, Class->getNameAsString()}};
          return false;
        }
        Spec.AfterClass = outermostClass(Function);
      }
  }
  TypeLoc Written;
  if (const TypeSourceInfo *TSI = Function->getTypeSourceInfo())
    if (auto FTL = TSI->getTypeLoc().getAsAdjusted<FunctionTypeLoc>())
      Written =
          compat::withoutElaboration(FTL.getReturnLoc().getUnqualifiedLoc());
  if (!spellFieldTypes(Spec.AfterClass ? TypeLoc() : Written,
                       Function->getReturnType(), Shape,
                       Function->getLocation(), "the return type", Ctx, Spec,
                       Problem))
    return false;
  // Elements that depend on the function template's own parameters make the
  // struct a template of those parameters.
  Spec.TemplateHeader.clear();
  Spec.TemplateArguments.clear();
  Spec.TemplateParameterIndices.clear();
  const FunctionTemplateDecl *Template =
      Function->getDescribedFunctionTemplate();
  if (!Template)
    return true;
  ParameterFinder Finder(Template->getTemplateParameters()->getDepth());
  for (QualType Element : Shape.Elements)
    Finder.TraverseType(Element);
  if (Finder.UsesNonTypeParameter) {
    Problem = {Function->getLocation(), NoFix::NonTypeTemplateElement};
    return false;
  }
  if (Finder.Used.empty())
    return true;
  std::vector<std::string> Params, Names;
  for (unsigned Index : Finder.Used) {
    const NamedDecl *Param = Template->getTemplateParameters()->getParam(Index);
    if (!isa<TemplateTypeParmDecl>(Param) || Param->isParameterPack() ||
        Param->getName().empty()) {
      Problem = {Function->getLocation(), NoFix::UnforwardableTemplateElement};
      return false;
    }
    Params.push_back("class " + Param->getNameAsString());
    Names.push_back(Param->getNameAsString());
    Spec.TemplateParameterIndices.push_back(Index);
  }
  Spec.TemplateHeader = "template <" + llvm::join(Params, ", ") + ">";
  Spec.TemplateArguments = "<" + llvm::join(Names, ", ") + ">";
  return true;
}

void removeDuplicateEdits(std::vector<FixItHint> &Hints) {
  std::vector<FixItHint> Unique;
  for (FixItHint &Hint : Hints)
    if (llvm::none_of(Unique, [&](const FixItHint &Seen) {
          return Seen.RemoveRange.getAsRange() ==
                     Hint.RemoveRange.getAsRange() &&
                 Seen.RemoveRange.isTokenRange() ==
                     Hint.RemoveRange.isTokenRange() &&
                 Seen.CodeToInsert == Hint.CodeToInsert;
        }))
      Unique.push_back(std::move(Hint));
  Hints = std::move(Unique);
}

} // namespace clang::tidy::structify
