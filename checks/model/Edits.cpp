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
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <set>

namespace clang::tidy::structify {

std::string sourceText(CharSourceRange Range, const ASTContext &Ctx) {
  return Lexer::getSourceText(Range, Ctx.getSourceManager(), Ctx.getLangOpts())
      .str();
}

namespace placeholder {
// Placeholders are \x01-delimited: no C++ source holds that byte.
constexpr char Mark = '\x01';
const std::string StructName = "\x01S\x01";
/// Marks the edit that declares the struct ahead of its definition: the
/// group's leader alone keeps it. Expands to nothing.
// (Spelled in two literals: "\x01D" would be the one character 0x1D.)
const std::string Declaration = std::string(1, Mark) + "D" + Mark;
static std::string field(size_t I) { return Mark + ("F" + std::to_string(I)) + Mark; }
static std::string fieldType(size_t I) { return Mark + ("T" + std::to_string(I)) + Mark; }
/// The comparisons' place in the definition, with their indentation.
static std::string operators(llvm::StringRef Indent) { return Mark + ("O" + Indent.str()) + Mark; }
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

bool isWidening(QualType From, QualType To, const ASTContext &Ctx) {
  if (const auto *Enum = From->getAs<EnumType>())
    From = Enum->getDecl()->getIntegerType();
  if (From->isIntegralOrEnumerationType() && To->isIntegralType(Ctx)) {
    if (To->isBooleanType())
      return From->isBooleanType();
    if (From->isBooleanType())
      return true;
    const unsigned FromWidth = Ctx.getIntWidth(From);
    const unsigned ToWidth = Ctx.getIntWidth(To);
    const bool FromSigned = From->isSignedIntegerOrEnumerationType();
    const bool ToSigned = To->isSignedIntegerOrEnumerationType();
    if (FromSigned == ToSigned)
      return ToWidth >= FromWidth;
    return !FromSigned && ToWidth > FromWidth;
  }
  if (From->isRealFloatingType() && To->isRealFloatingType())
    return Ctx.getFloatingTypeOrder(To, From) >= 0;
  return false;
}

/// Would `{E}` initialising a field of type \p To be a narrowing conversion
/// that the pair's constructor allowed? Then the rewrite spells the
/// conversion out, as the pair did.
bool needsCast(const Expr *E, QualType To, const ASTContext &Ctx) {
  if (To->isReferenceType() || To->isDependentType() ||
      E->isTypeDependent() || E->isValueDependent())
    return false;
  const Expr *Written = E->IgnoreImplicit();
  QualType From = Written->getType();
  if (From.isNull() || Ctx.hasSameUnqualifiedType(From, To))
    return false;
  if (To->isBooleanType() &&
      (From->isPointerType() || From->isMemberPointerType() ||
       From->isNullPtrType()))
    return true;
  const bool FromArithmetic = From->isArithmeticType() || From->isEnumeralType();
  if (!FromArithmetic || !(To->isArithmeticType()) || To->isEnumeralType())
    return false;
  if (isWidening(From, To, Ctx))
    return false;
  // A constant that fits is not a narrowing conversion.
  if (To->isIntegralType(Ctx) && From->isIntegralOrEnumerationType()) {
    Expr::EvalResult Result;
    if (Written->EvaluateAsInt(Result, Ctx)) {
      llvm::APSInt Value = Result.Val.getInt();
      const unsigned Width = Ctx.getIntWidth(To);
      const bool Signed = To->isSignedIntegerOrEnumerationType();
      if (Value.isSigned() && Value.isNegative())
        return !Signed || Value.getSignificantBits() > Width;
      return Value.getActiveBits() > (Signed ? Width - 1 : Width);
    }
  }
  return true;
}

/// Does \p Built construct the tuple with an explicit constructor
/// (`std::pair<std::string, int>(view, 1)`, where `std::string` is explicitly
/// constructible from a `std::string_view`)? Then an element may need a
/// conversion that aggregate initialisation does not make.
bool constructsExplicitly(const Expr *Built) {
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Built->IgnoreImplicit());
  if (const auto *Cast = dyn_cast_or_null<CXXFunctionalCastExpr>(Built->IgnoreImplicit()))
    Construct = dyn_cast<CXXConstructExpr>(Cast->getSubExpr()->IgnoreImplicit());
  return Construct && Construct->getConstructor() && Construct->getConstructor()->isExplicit();
}

/// Would `{E}` initialising a field of class type \p To need the explicit
/// conversion the tuple's explicit constructor made?
bool needsExplicitConversion(const Expr *E, QualType To, const ASTContext &Ctx) {
  if (To->isReferenceType() || To->isDependentType() || !To->isRecordType() ||
      E->isTypeDependent())
    return false;
  const QualType From = E->IgnoreImplicit()->getType().getNonReferenceType();
  if (From.isNull() || Ctx.hasSameUnqualifiedType(From, To))
    return false;
  const auto *FromClass = From->getAsCXXRecordDecl();
  const auto *ToClass = To->getAsCXXRecordDecl();
  return !(FromClass && ToClass && FromClass->hasDefinition() &&
           FromClass->isDerivedFrom(ToClass));
}

/// Can `X` be followed by `.field` without parentheses?
bool isPostfixOperand(const Expr *E) {
  E = E->IgnoreImplicit();
  return isa<DeclRefExpr, CallExpr, MemberExpr, ParenExpr, ArraySubscriptExpr,
             CXXThisExpr, CXXTemporaryObjectExpr, CXXFunctionalCastExpr>(E) &&
         !isa<CXXOperatorCallExpr>(E);
}

class EditBuilder {
public:
  EditBuilder(const ResultGroup &Group, const StructSpec &Spec, ASTContext &Ctx,
              FileTokens &Tokens, Blocker &Problem)
      : Group(Group), Spec(Spec), Ctx(Ctx), SM(Ctx.getSourceManager()),
        LangOpts(Ctx.getLangOpts()), Tokens(Tokens), Problem(Problem) {}

  std::optional<std::vector<FixItHint>> build() {
    if (!insertStruct() || !replaceReturnTypes())
      return std::nullopt;
    for (const auto &[Built, Var] : Group.Constructions)
      if (!rewriteConstruction(Built, Var))
        return std::nullopt;
    for (const Use &Access : Group.Accesses)
      if (!rewriteAccess(Access))
        return std::nullopt;
    for (const Use &Tie : Group.Ties)
      if (!rewriteTie(Tie))
        return std::nullopt;
    for (const VariableFacts *V : Group.TypesToRespell)
      if (!respellVariable(*V))
        return std::nullopt;
    for (const auto &[Built, Where] : Group.NamedConstructions)
      if (!rewriteNamedConstruction(Built, Where))
        return std::nullopt;
    for (const MemberFacts *M : Group.MembersToRespell)
      if (!respellMember(*M))
        return std::nullopt;
    return std::move(Hints);
  }

private:
  bool fail(SourceLocation Loc, std::string Reason) {
    Problem.Loc = Loc;
    Problem.Reason = std::move(Reason);
    return false;
  }

  /// The file text of \p Range: a range spelled in a macro's arguments, or
  /// covering a whole macro invocation, maps to the file; a range inside a
  /// macro's body does not.
  CharSourceRange fileRange(CharSourceRange Range) {
    return Lexer::makeFileCharRange(Range, SM, LangOpts);
  }

  bool inFile(CharSourceRange &Range, SourceLocation Where) {
    Range = fileRange(Range);
    if (Range.isInvalid())
      return fail(Where, "the code to rewrite is in a macro expansion");
    return true;
  }

  bool replace(CharSourceRange Range, const std::string &Text,
               SourceLocation Where) {
    if (!inFile(Range, Where))
      return false;
    if (sourceText(Range, Ctx) != Text)
      Hints.push_back(FixItHint::CreateReplacement(Range, Text));
    return true;
  }

  std::string text(const Expr *E) {
    return sourceText(fileRange(CharSourceRange::getTokenRange(E->getSourceRange())),
                      Ctx);
  }

  bool insertStruct() {
    if (!Spec.InsertStruct)
      return true;
    if (!Group.Function && Group.Member)
      return insertStructBeforeMember(Group.Member);
    const FunctionDecl *First = Group.Function;
    if (First->getFriendObjectKind() != Decl::FOK_None)
      return fail(First->getLocation(),
                  "the function is first declared as a friend, inside "
                  "another class");
    // Before the declaration as written, so that every unit that reads the
    // file inserts the struct at the same place (model/tuplereturn/Placement.h).
    const SourceLocation Where = writtenDeclarationStart(First, Tokens);
    if (Where.isInvalid() || Where.isMacroID())
      return fail(First->getLocation(),
                  "the declaration comes from a macro expansion");
    if (Spec.AfterClass)
      return insertStructAfterClass();
    const std::string Indent = Lexer::getIndentationForLine(Where, SM).str();
    Hints.push_back(
        FixItHint::CreateInsertion(Where, structDefinition(Spec, Indent) + "\n" + Indent));
    return true;
  }

  /// A data member declared before its group's functions: the struct goes
  /// before it, public whatever the member's access (the functions that
  /// return it may be), and the member keeps its own.
  bool insertStructBeforeMember(const FieldDecl *Member) {
    const SourceLocation Where = writtenDeclarationStart(Member, Tokens);
    if (Where.isInvalid() || Where.isMacroID())
      return fail(Member->getLocation(), "the member is declared in a macro expansion");
    const std::string Indent = Lexer::getIndentationForLine(Where, SM).str();
    const SourceLocation LineStart = Where.getLocWithOffset(-static_cast<int>(Indent.size()));
    if (Member->getAccess() == AS_public ||
        SM.getSpellingColumnNumber(Where) != Indent.size() + 1) {
      Hints.push_back(FixItHint::CreateInsertion(
          Where, structDefinition(Spec, Indent) + "\n" + Indent));
      return true;
    }
    // `public:` and the member's own access around the struct, at the
    // indentation of the class's own lines.
    const auto *Class = cast<CXXRecordDecl>(Member->getParent());
    const std::string Outer = Lexer::getIndentationForLine(Class->getBeginLoc(), SM).str();
    Hints.push_back(FixItHint::CreateInsertion(
        LineStart, Outer + "public:\n" + Indent + structDefinition(Spec, Indent) + "\n" +
                       Outer + getAccessSpelling(Member->getAccess()).str() + ":\n"));
    return true;
  }

  /// `struct S;` before the outermost class, `struct S {...};` after it.
  bool insertStructAfterClass() {
    const CXXRecordDecl *Class = Spec.AfterClass;
    const SourceLocation Before = writtenDeclarationStart(Class, Tokens);
    const SourceLocation Close = Class->getBraceRange().getEnd();
    if (Before.isInvalid() || Before.isMacroID() || Close.isInvalid() || Close.isMacroID())
      return fail(Class->getLocation(), "the class is written in a macro expansion");
    std::optional<Token> Semi = Lexer::findNextToken(Close, SM, LangOpts);
    if (!Semi || Semi->isNot(tok::semi))
      return fail(Class->getLocation(), "the class's definition does not end with ';'");
    const std::string Indent = Lexer::getIndentationForLine(Before, SM).str();
    // Recorded for the plan, the declaration is marked as the struct's.
    const std::string Marker =
        Spec.Name == placeholder::StructName ? placeholder::Declaration : std::string();
    Hints.push_back(FixItHint::CreateInsertion(
        Before, Marker + "struct " + Spec.Name + ";\n\n" + Indent));
    // The definition ends with a line break; the class's own follows it.
    const std::string Definition = structDefinition(Spec, Indent);
    Hints.push_back(FixItHint::CreateInsertion(
        Semi->getEndLoc(),
        "\n\n" + Indent + llvm::StringRef(Definition).drop_back().str() + Marker));
    return true;
  }

  /// The scope the struct is declared in.
  const DeclContext *structHome() const {
    if (Spec.Home)
      return Spec.Home;
    if (Spec.AfterClass)
      return Spec.AfterClass->getDeclContext();
    // A member's group has its struct in the member's class.
    if (Group.Member)
      return Group.Member->getDeclContext();
    // A parameter's group has its struct in the namespace around the
    // parameter's function (the plan holds it to that).
    if (Group.Parameter >= 0)
      return Group.Function->getDeclContext()->getEnclosingNamespaceContext();
    return Group.Function->getDeclContext();
  }

  /// `<T, U>` with the parameter names a declaration of the template uses.
  std::string templateArguments(const FunctionDecl *Decl) {
    if (Spec.TemplateHeader.empty())
      return {};
    const FunctionTemplateDecl *Template = Decl->getDescribedFunctionTemplate();
    if (!Template)
      return Spec.TemplateArguments;
    std::vector<std::string> Names;
    Names.reserve(Spec.TemplateParameterIndices.size());
    for (unsigned Index : Spec.TemplateParameterIndices)
      Names.push_back(
          Template->getTemplateParameters()->getParam(Index)->getNameAsString());
    return "<" + llvm::join(Names, ", ") + ">";
  }

  bool replaceReturnTypes() {
    if (Group.Parameter >= 0 || !Group.Function)
      return true; // a parameter's or a member's types are respelled
    for (const FunctionDecl *Decl : Group.Function->redecls()) {
      // The written return type: before the name, after `->`, or `auto`.
      SourceRange Range;
      if (const TypeSourceInfo *TSI = Decl->getTypeSourceInfo())
        if (auto FTL = TSI->getTypeLoc().getAsAdjusted<FunctionTypeLoc>())
          Range = FTL.getReturnLoc().getSourceRange();
      if (Range.isInvalid())
        return fail(Decl->getLocation(),
                    "the return type of this declaration has no written form "
                    "structify can replace");
      const std::string Arguments = templateArguments(Decl);
      std::string Reference = Spec.Name + Arguments;
      const auto *Proto = Decl->getType()->getAs<FunctionProtoType>();
      const bool Trailing = Proto && Proto->hasTrailingReturn();
      if (Spec.AfterClass || Spec.Home) {
        // Not the class's: named from the namespace the declaration is in.
        std::optional<std::string> Name =
            structReference(Decl->getLexicalDeclContext(), Decl->getLocation());
        if (!Name)
          return false;
        Reference = *Name;
      } else if (!Trailing && Decl->getQualifierLoc()) {
        // `std::pair<int, int> Box::get()`: the struct is Box's; in a class
        // template, `typename Box<T>::Result`, and a member template's
        // struct `typename Box<T>::template Result<U>`.
        const std::string Qualifier = sourceText(
            CharSourceRange::getTokenRange(Decl->getQualifierLoc().getSourceRange()),
            Ctx);
        const bool Dependent = compat::isDependentQualifier(Decl->getQualifier());
        Reference = (llvm::Twine(Dependent ? "typename " : "") + Qualifier +
                     (Dependent && !Arguments.empty() ? "template " : "") + Reference)
                        .str();
      }
      if (!replace(CharSourceRange::getTokenRange(Range), Reference,
                   Decl->getLocation()))
        return false;
    }
    return true;
  }

  /// `f() == std::make_pair(a, b)` -> `f() == S{a, b}`, and
  /// `c ? f() : std::make_pair(a, b)` -> `c ? f() : S{a, b}`.
  bool rewriteNamedConstruction(const Construction &Built, const FunctionDecl *Where) {
    if (!Spec.TemplateHeader.empty())
      return fail(Built.E->getExprLoc(),
                  "a pair built in place would have to name a template's struct");
    std::optional<std::string> Name =
        structReference(Where ? static_cast<const DeclContext *>(Where)
                        : Group.Member ? Group.Member->getDeclContext()
                                       : Group.Function->getDeclContext(),
                        Built.E->getExprLoc());
    return Name && rewriteConstruction(Built, nullptr, *Name);
  }

  bool rewriteConstruction(const Construction &Built, const DeclaratorDecl *Var,
                           const std::string &TypeName = std::string()) {
    if (Built.DefaultInitialized) {
      // `std::pair<int, int> p;` value-initialises its elements: `S p{};`.
      if (!Var)
        return true;
      const SourceLocation End =
          Lexer::getLocForEndOfToken(Var->getLocation(), 0, SM, LangOpts);
      if (End.isInvalid() || Var->getLocation().isMacroID())
        return fail(Var->getLocation(), "the code to rewrite is in a macro expansion");
      Hints.push_back(FixItHint::CreateInsertion(End, "{}"));
      return true;
    }
    if (!Built.Elements.empty() && Built.Elements.size() != Spec.Fields.size())
      return fail(Built.E->getExprLoc(),
                  "the value is built from " + std::to_string(Built.Elements.size()) +
                      " values for " + std::to_string(Spec.Fields.size()) +
                      " elements");
    std::vector<std::string> Elements;
    const bool Explicit = constructsExplicitly(Built.E);
    for (size_t I = 0; I < Built.Elements.size(); ++I) {
      const Expr *Element = Built.Elements[I];
      CharSourceRange Range =
          CharSourceRange::getTokenRange(Element->getSourceRange());
      if (!inFile(Range, Element->getExprLoc()))
        return false;
      std::string Text = sourceText(Range, Ctx);
      if (needsCast(Element, Spec.ElementTypes[I], Ctx) ||
          (Explicit && needsExplicitConversion(Element, Spec.ElementTypes[I], Ctx)))
        Text = (llvm::Twine("static_cast<") + Spec.FieldTypes[I] + ">(" + Text + ")")
                   .str();
      Elements.push_back(std::move(Text));
    }
    std::string Braced = "{" + llvm::join(Elements, ", ") + "}";
    // In a macro's argument (`assert(f() == std::make_pair(1, 2))`) the
    // braces' commas would split the argument: the struct, in parentheses.
    if (Elements.size() > 1 && SM.isMacroArgExpansion(Built.E->getBeginLoc())) {
      std::string Name = TypeName;
      if (Name.empty()) {
        if (!Spec.TemplateHeader.empty())
          return fail(Built.E->getExprLoc(),
                      "the value is built in a macro's argument, where braces "
                      "would split the argument");
        Name = Spec.Name;
      }
      Braced = "(" + Name + Braced + ")";
    } else {
      Braced = TypeName + Braced;
    }
    return replace(Built.Range, Braced, Built.E->getExprLoc());
  }

  bool rewriteAccess(const Use &Access) {
    const std::string &Field = Spec.Fields[Access.Index];
    if (const auto *ME = dyn_cast<MemberExpr>(Access.Access))
      return replace(CharSourceRange::getTokenRange(ME->getMemberLoc()), Field,
                     ME->getMemberLoc());
    const auto *Call = cast<CallExpr>(Access.Access);
    const Expr *Object = Call->getArg(0);
    CharSourceRange ObjectRange =
        CharSourceRange::getTokenRange(Object->getSourceRange());
    if (!inFile(ObjectRange, Call->getExprLoc()))
      return false;
    std::string ObjectText = sourceText(ObjectRange, Ctx);
    if (!isPostfixOperand(Object))
      ObjectText = "(" + ObjectText + ")";
    return replace(CharSourceRange::getTokenRange(Call->getSourceRange()),
                   ObjectText + "." + Field, Call->getExprLoc());
  }

  /// `std::tie(a, b) = f();` -> `{ auto result = f(); a = result.lo; ... }`.
  bool rewriteTie(const Use &Tie) {
    const Stmt *Statement = Tie.Statement;
    CharSourceRange Range = CharSourceRange::getTokenRange(Statement->getSourceRange());
    if (!inFile(Range, Tie.Loc))
      return false;
    std::optional<Token> Next =
        Lexer::findNextToken(Statement->getEndLoc(), SM, LangOpts);
    if (!Next || Next->isNot(tok::semi))
      return fail(Tie.Loc, "the 'std::tie' assignment is not a plain statement");
    Range.setEnd(Next->getEndLoc()); // a character range once in the file
    if (Tie.Tie->getNumArgs() != Spec.Fields.size())
      return fail(Tie.Loc, "'std::tie' takes a different number of elements");

    const std::string StatementText = sourceText(Range, Ctx);
    const Expr *Value = ignoreTransparent(Tie.Value);
    std::string Object = text(Tie.Value);
    std::string Text = "{ ";
    const bool Temporary = !isa<DeclRefExpr>(Value);
    if (Temporary) {
      std::string Name = freshName(StatementText);
      Text += "auto " + Name + " = " + Object + "; ";
      Object = Name;
    }
    for (unsigned I = 0; I < Tie.Tie->getNumArgs(); ++I) {
      const Expr *Target = Tie.Tie->getArg(I)->IgnoreParenImpCasts();
      if (const auto *DRE = dyn_cast<DeclRefExpr>(Target))
        if (DRE->getDecl()->isInStdNamespace() && DRE->getDecl()->getName() == "ignore")
          continue;
      const std::string Element = Object + "." + Spec.Fields[I];
      const bool Move = Temporary && Spec.ElementTypes[I]->isRecordType();
      Text += text(Tie.Tie->getArg(I)) + " = " +
              (Move ? "std::move(" + Element + ")" : Element) + "; ";
    }
    Text += "}";
    Hints.push_back(FixItHint::CreateReplacement(Range, Text));
    return true;
  }

  /// A name for a temporary that the statement does not already use.
  std::string freshName(llvm::StringRef Statement) {
    for (llvm::StringRef Candidate : {"result", "values", "returned"}) {
      if (llvm::is_contained(Spec.Fields, Candidate))
        continue;
      bool Used = false;
      for (size_t Pos = Statement.find(Candidate); Pos != llvm::StringRef::npos;
           Pos = Statement.find(Candidate, Pos + 1)) {
        const bool Before = Pos > 0 && (llvm::isAlnum(Statement[Pos - 1]) ||
                                        Statement[Pos - 1] == '_');
        const size_t After = Pos + Candidate.size();
        const bool AfterIdent = After < Statement.size() &&
                                (llvm::isAlnum(Statement[After]) || Statement[After] == '_');
        if (!Before && !AfterIdent)
          Used = true;
      }
      if (!Used)
        return Candidate.str();
    }
    return "structify_result";
  }

  /// `std::pair<int, int> v = f();` -> `MinMaxResult v = f();`, qualified
  /// when the variable lives outside the struct's scope.
  /// The struct's name as code in \p From spells it: qualified by the
  /// namespaces and classes of the function's scope that \p From is not in.
  std::optional<std::string> structReference(const DeclContext *From,
                                             SourceLocation Where) {
    const DeclContext *Home = structHome();
    std::string Qualifier;
    if (!From->Encloses(Home) && !Home->Encloses(From) && !Home->isTranslationUnit()) {
      for (const DeclContext *DC = Home; DC && !DC->isTranslationUnit();
           DC = DC->getParent()) {
        if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
          if (NS->isAnonymousNamespace() || NS->isInline())
            continue;
          Qualifier = (NS->getName() + "::" + Qualifier).str();
        } else if (const auto *RD = dyn_cast<CXXRecordDecl>(DC)) {
          if (RD->getDescribedClassTemplate()) {
            fail(Where, "the struct of a class template's member cannot be named here");
            return std::nullopt;
          }
          Qualifier = (RD->getName() + "::" + Qualifier).str();
        } else if (!isa<LinkageSpecDecl>(DC)) {
          fail(Where, "the struct cannot be named from here");
          return std::nullopt;
        }
      }
    }
    return Qualifier + Spec.Name;
  }

  bool respellVariable(const VariableFacts &V) {
    if (!Spec.TemplateHeader.empty())
      return fail(V.Var->getLocation(),
                  "'" + V.Var->getNameAsString() +
                      "' spells out the type of a templated result");
    std::optional<std::string> Name =
        structReference(V.Var->getDeclContext(), V.Var->getLocation());
    return Name &&
           replace(CharSourceRange::getTokenRange(V.WrittenType.getSourceRange()), *Name,
                   V.Var->getLocation());
  }

  /// `std::pair<int, int> last_;` -> `BucketResult last_;`.
  bool respellMember(const MemberFacts &M) {
    std::optional<std::string> Name =
        structReference(M.Field->getDeclContext(), M.Field->getLocation());
    return Name &&
           replace(CharSourceRange::getTokenRange(M.WrittenType.getSourceRange()), *Name,
                   M.Field->getLocation());
  }

  const ResultGroup &Group;
  const StructSpec &Spec;
  ASTContext &Ctx;
  const SourceManager &SM;
  const LangOptions &LangOpts;
  FileTokens &Tokens;
  Blocker &Problem;
  std::vector<FixItHint> Hints;
};

/// The outermost class around \p Function.
const CXXRecordDecl *outermostClass(const FunctionDecl *Function) {
  const CXXRecordDecl *Outer = nullptr;
  for (const DeclContext *DC = Function->getDeclContext(); DC; DC = DC->getParent())
    if (const auto *Class = dyn_cast<CXXRecordDecl>(DC))
      Outer = Class;
  return Outer;
}

/// Why the struct cannot go after \p Function's outermost class, as a
/// clause; empty when it can: a template around it, or a definition inside
/// the class, where the struct is not complete yet.
std::string whyNotAfterClass(const FunctionDecl *Function) {
  if (Function->getDescribedFunctionTemplate())
    return "the function is a template";
  for (const DeclContext *DC = Function->getDeclContext(); DC; DC = DC->getParent())
    if (const auto *Class = dyn_cast<CXXRecordDecl>(DC)) {
      if (Class->getDescribedClassTemplate() || Class->isLocalClass() ||
          isa<ClassTemplatePartialSpecializationDecl>(Class))
        return "the class is a template";
    } else if (!DC->isFileContext()) {
      return "the class is local to a function";
    }
  for (const FunctionDecl *Decl : Function->redecls())
    if (Decl->isThisDeclarationADefinition() && isa<CXXRecordDecl>(Decl->getLexicalDeclContext()))
      return "the function is defined inside it, where a struct declared after "
             "the class is incomplete";
  return {};
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
SourceLocation withLeadingQualifiers(SourceLocation Begin, const SourceManager &SM) {
  bool Invalid = false;
  const llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(Begin), &Invalid);
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
  if (Range.isInvalid() || Range.getBegin().isMacroID() || Range.getEnd().isMacroID())
    return std::nullopt;
  Range.setBegin(withLeadingQualifiers(Range.getBegin(), Ctx.getSourceManager()));
  std::string Text = sourceText(CharSourceRange::getTokenRange(Range), Ctx);
  if (Text.empty() || llvm::count(Text, '<') != llvm::count(Text, '>'))
    return std::nullopt;
  return Text;
}

} // namespace

/// The comparisons the pair made, memberwise and in order of the fields.
static std::string operatorDefinitions(const StructSpec &Spec, llvm::StringRef Indent) {
  if (Spec.Name == placeholder::StructName)
    return placeholder::operators(Indent);
  const std::string Params =
      (llvm::Twine("(const ") + Spec.Name + " &lhs, const " + Spec.Name + " &rhs)").str();
  const std::string In = (Indent + "  ").str();
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  if (llvm::is_contained(Spec.Operators, "==")) {
    std::vector<std::string> Equal;
    Equal.reserve(Spec.Fields.size());
    for (const std::string &Field : Spec.Fields)
      Equal.push_back((llvm::Twine("lhs.") + Field + " == rhs." + Field).str());
    OS << "\n" << In << "friend bool operator==" << Params << " {\n"
       << In << "  return " << llvm::join(Equal, " && ") << ";\n"
       << In << "}\n";
    OS << In << "friend bool operator!=" << Params << " { return !(lhs == rhs); }\n";
  }
  if (llvm::is_contained(Spec.Operators, "<")) {
    OS << "\n" << In << "friend bool operator<" << Params << " {\n";
    for (size_t I = 0; I + 1 < Spec.Fields.size(); ++I) {
      const std::string &F = Spec.Fields[I];
      OS << In << "  if (lhs." << F << " < rhs." << F << ")\n" << In << "    return true;\n";
      OS << In << "  if (rhs." << F << " < lhs." << F << ")\n" << In << "    return false;\n";
    }
    OS << In << "  return lhs." << Spec.Fields.back() << " < rhs." << Spec.Fields.back()
       << ";\n" << In << "}\n";
    OS << In << "friend bool operator>" << Params << " { return rhs < lhs; }\n";
    OS << In << "friend bool operator<=" << Params << " { return !(rhs < lhs); }\n";
    OS << In << "friend bool operator>=" << Params << " { return !(lhs < rhs); }\n";
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
    Text += Indent.str() + "  " + Spec.FieldTypes[I] + " " + Spec.Fields[I] + ";\n";
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
  return Text.contains((llvm::Twine(Mark) + "O").str()) || Text.contains(Declaration);
}

std::string instantiate(llvm::StringRef Text, const StructSpec &Spec) {
  std::string Out;
  while (!Text.empty()) {
    const size_t Start = Text.find(Mark);
    const size_t End = Start == llvm::StringRef::npos ? Start : Text.find(Mark, Start + 1);
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
static bool spellFieldTypes(TypeLoc Written, QualType Tuple, const TupleShape &Shape,
                            SourceLocation Where, llvm::StringRef What, ASTContext &Ctx,
                            StructSpec &Spec, Blocker &Problem) {
  Spec.FieldTypes.clear();
  if (auto TST = Written.isNull() ? TemplateSpecializationTypeLoc()
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
        Problem = {Where, "an element's type is local to a function and cannot be "
                          "named in the struct"};
        return false;
      }
    std::optional<std::string> Spelled = spellTypeForCode(Elements[I], Ctx);
    if (!Spelled) {
      Problem = {Where, "element " + std::to_string(I) + "'s type ('" +
                            spellTypeForMessage(Elements[I], Ctx) +
                            "') has no name the code spells; write " + What.str() +
                            " out with the tuple's template"};
      return false;
    }
    Spec.FieldTypes.push_back(std::move(*Spelled));
  }
  return true;
}

bool describeParameterTypes(const DeclaratorDecl *Parameter, const TupleShape &Shape,
                            ASTContext &Ctx, StructSpec &Spec, Blocker &Problem) {
  Spec.ElementTypes.assign(Shape.Elements.begin(), Shape.Elements.end());
  Spec.AfterClass = nullptr;
  TypeLoc Written;
  if (const TypeSourceInfo *TSI = Parameter->getTypeSourceInfo()) {
    Written = TSI->getTypeLoc();
    if (auto Ref = Written.getAs<ReferenceTypeLoc>())
      Written = Ref.getPointeeLoc();
    Written = compat::withoutElaboration(Written.getUnqualifiedLoc());
  }
  return spellFieldTypes(Written, Parameter->getType().getNonReferenceType(), Shape,
                         Parameter->getLocation(), "the parameter's type", Ctx, Spec,
                         Problem);
}

bool describeWrittenTypes(TypeLoc Written, QualType Tuple, SourceLocation Where,
                          const TupleShape &Shape, ASTContext &Ctx, StructSpec &Spec,
                          Blocker &Problem) {
  Spec.ElementTypes.assign(Shape.Elements.begin(), Shape.Elements.end());
  Spec.AfterClass = nullptr;
  if (Written.isNull() || Tuple.isNull()) {
    Problem = {Where, "the key type is not written out"};
    return false;
  }
  Written = compat::withoutElaboration(Written.getUnqualifiedLoc());
  return spellFieldTypes(Written, Tuple, Shape, Where, "the key type", Ctx, Spec, Problem);
}

bool describeStructTypes(const FunctionDecl *Function, const TupleShape &Shape,
                         ASTContext &Ctx, StructSpec &Spec, Blocker &Problem) {
  Spec.ElementTypes.assign(Shape.Elements.begin(), Shape.Elements.end());
  Spec.FieldTypes.clear();
  // A member's struct is nested in its class, where the class and the
  // classes around it are still incomplete.
  Spec.AfterClass = nullptr;
  for (const DeclContext *DC = Function->getDeclContext(); DC; DC = DC->getParent()) {
    const auto *Class = dyn_cast<CXXRecordDecl>(DC);
    if (!Class)
      break;
    for (QualType Element : Shape.Elements)
      if (holdsByValue(Element, Class)) {
        if (std::string Why = whyNotAfterClass(Function); !Why.empty()) {
          Problem = {Function->getLocation(),
                     "an element holds a '" + Class->getNameAsString() +
                         "', which is incomplete inside its own class, and " + Why};
          return false;
        }
        Spec.AfterClass = outermostClass(Function);
      }
  }
  TypeLoc Written;
  if (const TypeSourceInfo *TSI = Function->getTypeSourceInfo())
    if (auto FTL = TSI->getTypeLoc().getAsAdjusted<FunctionTypeLoc>())
      Written = compat::withoutElaboration(FTL.getReturnLoc().getUnqualifiedLoc());
  if (!spellFieldTypes(Spec.AfterClass ? TypeLoc() : Written, Function->getReturnType(),
                       Shape, Function->getLocation(), "the return type", Ctx, Spec,
                       Problem))
    return false;
  // Elements that depend on the function template's own parameters make the
  // struct a template of those parameters.
  Spec.TemplateHeader.clear();
  Spec.TemplateArguments.clear();
  Spec.TemplateParameterIndices.clear();
  const FunctionTemplateDecl *Template = Function->getDescribedFunctionTemplate();
  if (!Template)
    return true;
  ParameterFinder Finder(Template->getTemplateParameters()->getDepth());
  for (QualType Element : Shape.Elements)
    Finder.TraverseType(Element);
  if (Finder.UsesNonTypeParameter) {
    Problem = {Function->getLocation(),
               "an element's type depends on a non-type template parameter"};
    return false;
  }
  if (Finder.Used.empty())
    return true;
  std::vector<std::string> Params, Names;
  for (unsigned Index : Finder.Used) {
    const NamedDecl *Param = Template->getTemplateParameters()->getParam(Index);
    if (!isa<TemplateTypeParmDecl>(Param) || Param->isParameterPack() ||
        Param->getName().empty()) {
      Problem = {Function->getLocation(),
                 "an element's type depends on a template parameter structify "
                 "cannot forward to the struct"};
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
          return Seen.RemoveRange.getAsRange() == Hint.RemoveRange.getAsRange() &&
                 Seen.RemoveRange.isTokenRange() == Hint.RemoveRange.isTokenRange() &&
                 Seen.CodeToInsert == Hint.CodeToInsert;
        }))
      Unique.push_back(std::move(Hint));
  Hints = std::move(Unique);
}

std::optional<std::vector<FixItHint>>
buildEdits(const ResultGroup &Group, const StructSpec &Spec, ASTContext &Ctx,
           FileTokens &Tokens, Blocker &Problem) {
  auto Hints = EditBuilder(Group, Spec, Ctx, Tokens, Problem).build();
  if (Hints)
    removeDuplicateEdits(*Hints);
  return Hints;
}

} // namespace clang::tidy::structify
