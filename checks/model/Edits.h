//===--- Edits.h - the text of a rewrite: the struct, its type, its uses --===//

#ifndef STRUCTIFY_MODEL_EDITS_H
#define STRUCTIFY_MODEL_EDITS_H

#include "model/tuplereturn/ResultGroup.h"
#include "clang/Basic/Diagnostic.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class CXXRecordDecl;
} // namespace clang

namespace clang::tidy::structify {

class FileTokens;

/// The struct that replaces a function's pair or tuple.
struct StructSpec {
  std::string Name;
  /// The function's declaration gets the struct; false for the other
  /// functions of a migration group, which name the struct it declares.
  bool InsertStruct = true;
  std::vector<std::string> Fields;
  /// How each field's type is spelled in the struct.
  std::vector<std::string> FieldTypes;
  /// The element types, to tell which initialisers would narrow.
  std::vector<QualType> ElementTypes;
  /// For a function template whose elements depend on its parameters:
  /// `template <class T>` and `<T>`.
  std::string TemplateHeader;
  std::string TemplateArguments;
  /// The positions of those parameters in the function template's list, to
  /// spell the arguments with each declaration's own parameter names.
  std::vector<unsigned> TemplateParameterIndices;
  /// The comparisons the struct defines, memberwise as the pair compared:
  /// `==` (with `!=`) and `<` (with `>`, `<=`, `>=`).
  std::vector<std::string> Operators;
  /// A member whose elements hold its own class (or a class around it) by
  /// value: the struct cannot be nested where that class is incomplete, so
  /// it is declared before the outermost class and defined after it, in the
  /// namespace around it. Null for the usual place, next to the function.
  const CXXRecordDecl *AfterClass = nullptr;
  /// For a function or member of a group whose struct another function
  /// declares in a namespace around this one's class: that namespace (the
  /// struct's name is then not the class's). Null for the usual place.
  const DeclContext *Home = nullptr;
};

/// The struct's definition: its fields, and the comparisons \p Spec asks
/// for, indented by \p Indent.
std::string structDefinition(const StructSpec &Spec, llvm::StringRef Indent);

/// A rewrite recorded where the code is parsed and finished where the plan
/// is made, without the AST (`structify fix` parses each unit once): the
/// struct's name, its fields' names and types and its comparisons are
/// placeholders in the edits' text until the plan decides them.
namespace placeholder {
/// The struct's name in the edits' text, until the plan decides it.
inline const std::string StructName = "\x01S\x01";
/// Marks the edit that declares the struct ahead of its definition: the
/// group's leader alone keeps it. Expands to nothing.
// (Spelled in two literals: "\x01D" would be the one character 0x1D.)
inline const std::string Declaration = std::string(1, '\x01') + "D" + '\x01';
/// A spec for \p Elements elements whose every name is a placeholder.
StructSpec spec(size_t Elements);
/// Does \p Text hold a placeholder?
bool holdsAny(llvm::StringRef Text);
/// Does \p Text hold the struct's definition (only the group's leader,
/// whose declaration gets the struct, keeps that edit)?
bool holdsDefinition(llvm::StringRef Text);
/// \p Text with its placeholders replaced by \p Spec's names, types and
/// comparisons.
std::string instantiate(llvm::StringRef Text, const StructSpec &Spec);
} // namespace placeholder

/// How each element type is spelled where the struct goes: from the source
/// of the function's return type when it is written there, printed otherwise.
/// Fills FieldTypes, ElementTypes and, for templates, the template header.
/// Returns false and sets \p Problem when an element type cannot be named.
bool describeStructTypes(const FunctionDecl *Function, const TupleShape &Shape,
                         ASTContext &Ctx, StructSpec &Spec, Blocker &Problem);

/// describeStructTypes for a group whose value is \p Parameter: the field
/// types as the parameter's type spells them.
bool describeParameterTypes(const DeclaratorDecl *Parameter,
                            const TupleShape &Shape, ASTContext &Ctx,
                            StructSpec &Spec, Blocker &Problem);

/// The same for a tuple type written at \p Written (a container's key
/// argument), reported at \p Where.
bool describeWrittenTypes(TypeLoc Written, QualType Tuple, SourceLocation Where,
                          const TupleShape &Shape, ASTContext &Ctx,
                          StructSpec &Spec, Blocker &Problem);

/// Every edit of the rewrite of \p Group into \p Spec, or nothing and the
/// first reason an edit would not be safe (a macro, an unexpected shape).
std::optional<std::vector<FixItHint>>
buildEdits(const ResultGroup &Group, const StructSpec &Spec, ASTContext &Ctx,
           FileTokens &Tokens, Blocker &Problem);

/// Drops repeated edits: a macro that expands its argument twice (Catch2's
/// CHECK does) makes two AST nodes, and two identical edits, of one spelling.
void removeDuplicateEdits(std::vector<FixItHint> &Hints);

} // namespace clang::tidy::structify

#endif
