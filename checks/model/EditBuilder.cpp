//===--- EditBuilder.cpp - every edit of one result group -----------------===//
//
// buildEdits: the struct's definition where Placement.h puts it, each
// declaration's return type, every construction, access, std::tie and
// variable of the group respelled, or the first reason one cannot be.
//
//===----------------------------------------------------------------------===//

#include "compat/Compat.h"
#include "model/Edits.h"
#include "model/Naming.h"
#include "model/ScopeNames.h"
#include "model/TypeSpelling.h"
#include "model/tuplereturn/Placement.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/Transformer/SourceCode.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::structify {
namespace {

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
  if (To->isReferenceType() || To->isDependentType() || E->isTypeDependent() ||
      E->isValueDependent())
    return false;
  const Expr *Written = E->IgnoreImplicit();
  QualType From = Written->getType();
  if (From.isNull() || Ctx.hasSameUnqualifiedType(From, To))
    return false;
  if (To->isBooleanType() &&
      (From->isPointerType() || From->isMemberPointerType() ||
       From->isNullPtrType()))
    return true;
  const bool FromArithmetic =
      From->isArithmeticType() || From->isEnumeralType();
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
  const auto *Construct =
      dyn_cast_or_null<CXXConstructExpr>(Built->IgnoreImplicit());
  if (const auto *Cast =
          dyn_cast_or_null<CXXFunctionalCastExpr>(Built->IgnoreImplicit()))
    Construct =
        dyn_cast<CXXConstructExpr>(Cast->getSubExpr()->IgnoreImplicit());
  return Construct && Construct->getConstructor() &&
         Construct->getConstructor()->isExplicit();
}

/// Would `{E}` initialising a field of class type \p To need the explicit
/// conversion the tuple's explicit constructor made?
bool needsExplicitConversion(const Expr *E, QualType To,
                             const ASTContext &Ctx) {
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
  bool fail(SourceLocation Loc, NoFixReason Reason) {
    Problem.Loc = Loc;
    Problem.Reason = std::move(Reason);
    return false;
  }

  /// The file text of \p Range: a range spelled in a macro's arguments, or
  /// covering a whole macro invocation, maps to the file; a range inside a
  /// macro's body does not.
  CharSourceRange fileRange(CharSourceRange Range) {
    return tooling::getFileRangeForEdit(Range, SM, LangOpts)
        .value_or(CharSourceRange());
  }

  bool inFile(CharSourceRange &Range, SourceLocation Where) {
    Range = fileRange(Range);
    if (Range.isInvalid())
      return fail(Where, NoFix::MacroExpansion);
    return true;
  }

  bool replace(CharSourceRange Range, const std::string &Text,
               SourceLocation Where) {
    if (!inFile(Range, Where))
      return false;
    if (tooling::getText(Range, Ctx) != Text)
      Hints.push_back(FixItHint::CreateReplacement(Range, Text));
    return true;
  }

  std::string text(const Expr *E) {
    return tooling::getText(
               fileRange(CharSourceRange::getTokenRange(E->getSourceRange())),
               Ctx)
        .str();
  }

  bool insertStruct() {
    if (!Spec.InsertStruct)
      return true;
    if (!Group.Function && Group.Member)
      return insertStructBeforeMember(Group.Member);
    const FunctionDecl *First = Group.Function;
    if (First->getFriendObjectKind() != Decl::FOK_None)
      return fail(First->getLocation(), NoFix::FirstDeclaredAsFriend);
    // Before the declaration as written, so that every unit that reads the
    // file inserts the struct at the same place
    // (model/tuplereturn/Placement.h).
    const SourceLocation Where = writtenDeclarationStart(First, Tokens);
    if (Where.isInvalid() || Where.isMacroID())
      return fail(First->getLocation(), NoFix::DeclarationInMacro);
    if (Spec.AfterClass)
      return insertStructAfterClass();
    const std::string Indent = Lexer::getIndentationForLine(Where, SM).str();
    Hints.push_back(FixItHint::CreateInsertion(
        Where, structDefinition(Spec, Indent) + "\n" + Indent));
    return true;
  }

  /// A data member declared before its group's functions: the struct goes
  /// before it, public whatever the member's access (the functions that
  /// return it may be), and the member keeps its own.
  bool insertStructBeforeMember(const FieldDecl *Member) {
    const SourceLocation Where = writtenDeclarationStart(Member, Tokens);
    if (Where.isInvalid() || Where.isMacroID())
      return fail(Member->getLocation(), NoFix::MemberInMacro);
    const std::string Indent = Lexer::getIndentationForLine(Where, SM).str();
    const SourceLocation LineStart =
        Where.getLocWithOffset(-static_cast<int>(Indent.size()));
    if (Member->getAccess() == AS_public ||
        SM.getSpellingColumnNumber(Where) != Indent.size() + 1) {
      Hints.push_back(FixItHint::CreateInsertion(
          Where, structDefinition(Spec, Indent) + "\n" + Indent));
      return true;
    }
    // `public:` and the member's own access around the struct, at the
    // indentation of the class's own lines.
    const auto *Class = cast<CXXRecordDecl>(Member->getParent());
    const std::string Outer =
        Lexer::getIndentationForLine(Class->getBeginLoc(), SM).str();
    Hints.push_back(FixItHint::CreateInsertion(
        LineStart, Outer + "public:\n" + Indent +
                       structDefinition(Spec, Indent) + "\n" + Outer +
                       getAccessSpelling(Member->getAccess()).str() + ":\n"));
    return true;
  }

  /// `struct S;` before the outermost class, `struct S {...};` after it.
  bool insertStructAfterClass() {
    const CXXRecordDecl *Class = Spec.AfterClass;
    const SourceLocation Before = writtenDeclarationStart(Class, Tokens);
    const SourceLocation Close = Class->getBraceRange().getEnd();
    if (Before.isInvalid() || Before.isMacroID() || Close.isInvalid() ||
        Close.isMacroID())
      return fail(Class->getLocation(), NoFix::ClassInMacro);
    std::optional<Token> Semi = Lexer::findNextToken(Close, SM, LangOpts);
    if (!Semi || Semi->isNot(tok::semi))
      return fail(Class->getLocation(), NoFix::ClassWithoutSemicolon);
    const std::string Indent = Lexer::getIndentationForLine(Before, SM).str();
    // Recorded for the plan, the declaration is marked as the struct's.
    const std::string Marker = Spec.Name == placeholder::StructName
                                   ? placeholder::Declaration
                                   : std::string();
    Hints.push_back(FixItHint::CreateInsertion(
        Before, Marker + "struct " + Spec.Name + ";\n\n" + Indent));
    // The definition ends with a line break; the class's own follows it.
    const std::string Definition = structDefinition(Spec, Indent);
    Hints.push_back(FixItHint::CreateInsertion(
        Semi->getEndLoc(), "\n\n" + Indent +
                               llvm::StringRef(Definition).drop_back().str() +
                               Marker));
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
      Names.push_back(Template->getTemplateParameters()
                          ->getParam(Index)
                          ->getNameAsString());
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
        return fail(Decl->getLocation(), NoFix::ReturnTypeNotWritten);
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
        const std::string Qualifier =
            tooling::getText(CharSourceRange::getTokenRange(
                                 Decl->getQualifierLoc().getSourceRange()),
                             Ctx)
                .str();
        const bool Dependent =
            compat::isDependentQualifier(Decl->getQualifier());
        Reference =
            (llvm::Twine(Dependent ? "typename " : "") + Qualifier +
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
  bool rewriteNamedConstruction(const Construction &Built,
                                const FunctionDecl *Where) {
    if (!Spec.TemplateHeader.empty())
      return fail(Built.E->getExprLoc(), NoFix::BuiltInTemplate);
    std::optional<std::string> Name =
        structReference(Where          ? static_cast<const DeclContext *>(Where)
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
        return fail(Var->getLocation(), NoFix::MacroExpansion);
      Hints.push_back(FixItHint::CreateInsertion(End, "{}"));
      return true;
    }
    if (!Built.Elements.empty() && Built.Elements.size() != Spec.Fields.size())
      return fail(Built.E->getExprLoc(), {NoFix::BuiltFromOtherCount,
                                          std::to_string(Built.Elements.size()),
                                          std::to_string(Spec.Fields.size())});
    std::vector<std::string> Elements;
    const bool Explicit = constructsExplicitly(Built.E);
    for (size_t I = 0; I < Built.Elements.size(); ++I) {
      const Expr *Element = Built.Elements[I];
      CharSourceRange Range =
          CharSourceRange::getTokenRange(Element->getSourceRange());
      if (!inFile(Range, Element->getExprLoc()))
        return false;
      std::string Text = tooling::getText(Range, Ctx).str();
      if (needsCast(Element, Spec.ElementTypes[I], Ctx) ||
          (Explicit &&
           needsExplicitConversion(Element, Spec.ElementTypes[I], Ctx)))
        Text = (llvm::Twine("static_cast<") + Spec.FieldTypes[I] + ">(" + Text +
                ")")
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
          return fail(Built.E->getExprLoc(), NoFix::BuiltInMacroArgument);
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
    std::string ObjectText = tooling::getText(ObjectRange, Ctx).str();
    if (!isPostfixOperand(Object))
      ObjectText = "(" + ObjectText + ")";
    return replace(CharSourceRange::getTokenRange(Call->getSourceRange()),
                   ObjectText + "." + Field, Call->getExprLoc());
  }

  /// `std::tie(a, b) = f();` -> `{ auto result = f(); a = result.lo; ... }`.
  bool rewriteTie(const Use &Tie) {
    const Stmt *Statement = Tie.Statement;
    CharSourceRange Range =
        CharSourceRange::getTokenRange(Statement->getSourceRange());
    if (!inFile(Range, Tie.Loc))
      return false;
    std::optional<Token> Next =
        Lexer::findNextToken(Statement->getEndLoc(), SM, LangOpts);
    if (!Next || Next->isNot(tok::semi))
      return fail(Tie.Loc, NoFix::TieNotStatement);
    Range.setEnd(Next->getEndLoc()); // a character range once in the file
    if (Tie.Tie->getNumArgs() != Spec.Fields.size())
      return fail(Tie.Loc, NoFix::TieOtherCount);

    const Expr *Value = ignoreTransparent(Tie.Value);
    std::string Object = text(Tie.Value);
    std::string Text = "{ ";
    const bool Temporary = !isa<DeclRefExpr>(Value);
    if (Temporary) {
      const std::string Name = freshName(Tie);
      if (Name.empty())
        return fail(Tie.Loc, NoFix::NoFreshName);
      Text += "auto " + Name + " = " + Object + "; ";
      Object = Name;
    }
    for (unsigned I = 0; I < Tie.Tie->getNumArgs(); ++I) {
      const Expr *Target = Tie.Tie->getArg(I)->IgnoreParenImpCasts();
      if (const auto *DRE = dyn_cast<DeclRefExpr>(Target))
        if (DRE->getDecl()->isInStdNamespace() &&
            DRE->getDecl()->getName() == "ignore")
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

  /// A name for the temporary of \p Tie's statement that nothing the
  /// statement can see already means (model/ScopeNames.h), nor a macro.
  std::string freshName(const Use &Tie) {
    const llvm::StringSet<> Taken =
        Tie.Function ? namesUsedIn(Tie.Function, Tie.Statement)
                     : llvm::StringSet<>();
    for (llvm::StringRef Candidate :
         {"result", "values", "returned", "structify_result"})
      if (Tie.Function && !Taken.contains(Candidate) &&
          !llvm::is_contained(Spec.Fields, Candidate) &&
          isUsableName(Candidate, Ctx))
        return Candidate.str();
    return "";
  }

  /// `std::pair<int, int> v = f();` -> `MinMaxResult v = f();`, qualified
  /// when the variable lives outside the struct's scope.
  /// The struct's name as code in \p From spells it: qualified by the
  /// namespaces and classes of the function's scope that \p From is not in.
  std::optional<std::string> structReference(const DeclContext *From,
                                             SourceLocation Where) {
    const DeclContext *Home = structHome();
    std::string Qualifier;
    if (!From->Encloses(Home) && !Home->Encloses(From) &&
        !Home->isTranslationUnit()) {
      for (const DeclContext *DC = Home; DC && !DC->isTranslationUnit();
           DC = DC->getParent()) {
        if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
          if (NS->isAnonymousNamespace() || NS->isInline())
            continue;
          Qualifier = (NS->getName() + "::" + Qualifier).str();
        } else if (const auto *RD = dyn_cast<CXXRecordDecl>(DC)) {
          if (RD->getDescribedClassTemplate()) {
            fail(Where, NoFix::ClassTemplateStruct);
            return std::nullopt;
          }
          Qualifier = (RD->getName() + "::" + Qualifier).str();
        } else if (!isa<LinkageSpecDecl>(DC)) {
          fail(Where, NoFix::StructNotNameable);
          return std::nullopt;
        }
      }
    }
    return Qualifier + Spec.Name;
  }

  bool respellVariable(const VariableFacts &V) {
    if (!Spec.TemplateHeader.empty())
      return fail(V.Var->getLocation(),
                  {NoFix::SpellsTemplatedResult, V.Var->getNameAsString()});
    std::optional<std::string> Name =
        structReference(V.Var->getDeclContext(), V.Var->getLocation());
    return Name && replace(CharSourceRange::getTokenRange(
                               V.WrittenType.getSourceRange()),
                           *Name, V.Var->getLocation());
  }

  /// `std::pair<int, int> last_;` -> `BucketResult last_;`.
  bool respellMember(const MemberFacts &M) {
    std::optional<std::string> Name =
        structReference(M.Field->getDeclContext(), M.Field->getLocation());
    return Name && replace(CharSourceRange::getTokenRange(
                               M.WrittenType.getSourceRange()),
                           *Name, M.Field->getLocation());
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

} // namespace

std::optional<std::vector<FixItHint>>
buildEdits(const ResultGroup &Group, const StructSpec &Spec, ASTContext &Ctx,
           FileTokens &Tokens, Blocker &Problem) {
  auto Hints = EditBuilder(Group, Spec, Ctx, Tokens, Problem).build();
  if (Hints)
    removeDuplicateEdits(*Hints);
  return Hints;
}

} // namespace clang::tidy::structify
