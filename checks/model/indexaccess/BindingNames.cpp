//===--- BindingNames.cpp - names for the elements a binding unpacks ------===//

#include "model/indexaccess/BindingNames.h"
#include "model/Naming.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include <optional>

namespace clang::tidy::structify {
namespace {

/// How a function spells its local variables.
enum class LocalStyle { Snake, LowerCamel, UpperCamel };

class LocalNames : public RecursiveASTVisitor<LocalNames> {
public:
  int Snake = 0, LowerCamel = 0, UpperCamel = 0;
  bool VisitVarDecl(VarDecl *VD) {
    if (!VD->getDeclName().isIdentifier())
      return true;
    llvm::StringRef Name = VD->getName();
    Name.consume_front("m_");
    Name = Name.trim('_');
    if (Name.empty())
      return true;
    if (isUppercase(Name.front()))
      ++UpperCamel;
    else if (Name.contains('_'))
      ++Snake;
    else if (llvm::any_of(Name, [](char C) { return isUppercase(C); }))
      ++LowerCamel;
    return true;
  }
};

LocalStyle localStyle(const Decl *Function) {
  if (!Function)
    return LocalStyle::Snake;
  LocalNames Names;
  Names.TraverseDecl(const_cast<Decl *>(Function));
  if (Names.UpperCamel > Names.Snake && Names.UpperCamel > Names.LowerCamel)
    return LocalStyle::UpperCamel;
  if (Names.LowerCamel > Names.Snake)
    return LocalStyle::LowerCamel;
  return LocalStyle::Snake;
}

std::string inStyle(llvm::StringRef TypeName, LocalStyle Style) {
  std::vector<std::string> Words = splitWords(TypeName);
  // `basic_endpoint` -> `endpoint`, as `basic_string` is a string; `handle_t`,
  // `handler_type`, `HandlerType` -> `handle`, `handler`.
  if (Words.size() > 1 && Words.front() == "basic")
    Words.erase(Words.begin());
  if (Words.size() > 1 && (Words.back() == "t" || Words.back() == "type"))
    Words.pop_back();
  std::string Name;
  for (size_t I = 0; I < Words.size(); ++I) {
    const std::string &W = Words[I];
    if (Style == LocalStyle::Snake) {
      if (I)
        Name += '_';
      Name += W;
      continue;
    }
    const bool Capital = Style == LocalStyle::UpperCamel || I > 0;
    Name += Capital ? toUppercase(W[0]) : W[0];
    Name += W.substr(1);
  }
  return Name;
}

/// The standard library's smart pointers and wrappers: the name of what they
/// hold.
bool isStdWrapper(const CXXRecordDecl *Record) {
  if (!Record || !Record->isInStdNamespace() ||
      !Record->getDeclName().isIdentifier())
    return false;
  return llvm::is_contained(
      {llvm::StringRef("unique_ptr"), llvm::StringRef("shared_ptr"),
       llvm::StringRef("weak_ptr"), llvm::StringRef("optional"),
       llvm::StringRef("reference_wrapper")},
      Record->getName());
}

/// The name the type itself carries, or empty.
std::string typeName(QualType T, const ASTContext &Ctx) {
  for (int Depth = 0; Depth < 4 && !T.isNull(); ++Depth) {
    T = T.getNonReferenceType();
    if (const auto *Pointer = T->getAs<PointerType>()) {
      T = Pointer->getPointeeType();
      continue;
    }
    // The outermost typedef the code wrote: `udp::endpoint`, `filename_t`,
    // unless it is the standard library's or an integer's (`size_t`).
    if (const auto *Typedef = T->getAs<TypedefType>()) {
      const TypedefNameDecl *D = Typedef->getDecl();
      const bool Builtin = T.getCanonicalType()->isBuiltinType();
      const bool System =
          Ctx.getSourceManager().isInSystemHeader(D->getLocation());
      if (!D->isInStdNamespace() && !(Builtin && System) &&
          D->getDeclName().isIdentifier())
        return D->getName().str();
    }
    const auto *Record = T->getAsCXXRecordDecl();
    if (isStdWrapper(Record)) {
      const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record);
      if (!Spec || Spec->getTemplateArgs().size() == 0 ||
          Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
        return {};
      T = Spec->getTemplateArgs()[0].getAsType();
      continue;
    }
    const TagDecl *Tag =
        Record ? static_cast<const TagDecl *>(Record) : T->getAsTagDecl();
    if (!Tag || Tag->isInStdNamespace() || !Tag->getDeclName().isIdentifier() ||
        Tag->getName().starts_with("__"))
      return {};
    return Tag->getName().str();
  }
  return {};
}

/// The type arguments of a template specialization as written.
llvm::SmallVector<QualType, 4> writtenArguments(QualType T) {
  llvm::SmallVector<QualType, 4> Written;
  if (T.isNull())
    return Written;
  if (const auto *TST =
          T.getNonReferenceType()->getAs<TemplateSpecializationType>())
    for (const TemplateArgument &Arg : TST->template_arguments())
      if (Arg.getKind() == TemplateArgument::Type)
        Written.push_back(Arg.getAsType());
  return Written;
}

/// The element types as the code wrote them, when it did (the sugar of
/// `std::pair<udp::endpoint, entry>`, of `std::map<udp::endpoint, entry>`),
/// else the canonical ones.
llvm::SmallVector<QualType, 4> writtenElements(const BindingSubject &S) {
  const size_t N = S.Shape.Elements.size();
  auto Written = writtenArguments(S.Type);
  if (Written.size() == N)
    return Written;
  const auto InContainer = writtenArguments(S.Container);
  if (isMapEntryType(S.Type) && InContainer.size() >= 2 && N == 2)
    return {InContainer[0], InContainer[1]};
  if (!InContainer.empty()) {
    Written = writtenArguments(InContainer.front());
    if (Written.size() == N)
      return Written;
  }
  return S.Shape.Elements;
}

/// Names proposed by a list of raw names, most often proposed first.
void addRanked(std::vector<std::string> &To,
               const std::vector<std::string> &Raw) {
  std::vector<std::string> Order;
  llvm::StringMap<unsigned> Votes;
  for (const std::string &Name : Raw) {
    std::string Normal = normalizeName(Name);
    if (!isMeaningfulName(Normal))
      continue;
    if (Votes[Normal]++ == 0)
      Order.push_back(std::move(Normal));
  }
  llvm::stable_sort(Order, [&](const std::string &A, const std::string &B) {
    return Votes[A] > Votes[B];
  });
  for (std::string &Name : Order)
    if (!llvm::is_contained(To, Name))
      To.push_back(std::move(Name));
}

void addAll(ElementNames &To, const ElementNames &From) {
  for (size_t I = 0; I < To.size() && I < From.size(); ++I)
    for (const std::string &Name : From[I])
      if (!llvm::is_contained(To[I], Name))
        To[I].push_back(Name);
}

/// `name_to_id` -> {name, id}, `fileToLine` -> {file, line}: what a
/// container named `A_to_B` maps, in the style of \p Style.
struct MappedSides {
  std::string From, Onto;
};
std::optional<MappedSides> mappedSides(llvm::StringRef Name, LocalStyle Style) {
  const std::vector<std::string> Words = splitWords(normalizeName(Name));
  const auto To = llvm::find(Words, "to");
  if (To == Words.begin() || To == Words.end() || To + 1 == Words.end())
    return std::nullopt;
  const std::string From = llvm::join(Words.begin(), To, "_");
  const std::string Onto = llvm::join(To + 1, Words.end(), "_");
  MappedSides Sides{inStyle(From, Style), inStyle(Onto, Style)};
  if (!isMeaningfulName(Sides.From) || !isMeaningfulName(Sides.Onto) ||
      Sides.From == Sides.Onto)
    return std::nullopt;
  return Sides;
}

/// `PutVarint32(dst, p.first);  // level`: what a comment after the only
/// positional read of its line calls the element, in the function's style.
std::string commentName(SourceLocation Loc, const SourceManager &SM,
                        LocalStyle Style) {
  if (Loc.isInvalid())
    return {};
  const auto [File, Offset] = SM.getDecomposedLoc(SM.getExpansionLoc(Loc));
  bool Invalid = false;
  const llvm::StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid || Offset > Buffer.size())
    return {};
  const size_t LineStart = Buffer.rfind('\n', Offset) + 1; // npos + 1 == 0
  const size_t LineEnd = std::min(Buffer.find('\n', Offset), Buffer.size());
  const llvm::StringRef Line = Buffer.slice(LineStart, LineEnd);
  const size_t Slashes = Line.find("//");
  if (Slashes == llvm::StringRef::npos || LineStart + Slashes < Offset)
    return {};
  const llvm::StringRef Code = Line.take_front(Slashes);
  size_t Reads =
      Code.count("first") + Code.count("second") + Code.count("get<");
  if (Reads != 1)
    return {};
  const llvm::StringRef Comment =
      Line.drop_front(Slashes + 2).trim().rtrim(".:;");
  llvm::SmallVector<llvm::StringRef, 4> Words;
  Comment.split(Words, ' ', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  if (Words.empty() || Words.size() > 3 || Comment.size() > 32)
    return {};
  for (llvm::StringRef W : Words) {
    if (!llvm::all_of(W,
                      [](char C) { return isAlphanumeric(C) || C == '_'; }) ||
        !isLetter(W.front()))
      return {};
    if (llvm::is_contained(
            {"todo", "fixme", "nolint", "xxx", "hack", "see", "note"},
            W.lower()))
      return {};
  }
  std::string Joined;
  for (llvm::StringRef W : Words)
    Joined += (Joined.empty() ? "" : "_") + W.lower();
  return inStyle(Joined, Style);
}

/// The word every one of several different names ends in, or empty.
std::string commonLastWord(const std::vector<std::string> &Raw) {
  std::string Common;
  bool Different = false;
  for (const std::string &Name : Raw) {
    if (Name.empty())
      return {};
    const std::vector<std::string> Words = splitWords(normalizeName(Name));
    if (Words.empty())
      return {};
    if (Common.empty())
      Common = Words.back();
    else if (Words.back() != Common)
      return {};
    Different |= Name != Raw.front();
  }
  return Different ? Common : std::string();
}

} // namespace

bool soundsLikeMap(llvm::StringRef Name) {
  const std::vector<std::string> Words = splitWords(Name);
  auto Has = [&](llvm::StringRef W) { return llvm::is_contained(Words, W); };
  return Has("map") || Has("kv") || Has("kvp") || Has("dict") ||
         (Has("key") && (Has("value") || Has("val")));
}

/// The name of the alias the pair type is spelled with (`kv_pair`), looking
/// through the container's element type too.
static std::string aliasName(const BindingSubject &S) {
  for (QualType T : {S.Type, writtenArguments(S.Container).empty()
                                 ? QualType()
                                 : writtenArguments(S.Container).front()}) {
    if (T.isNull())
      continue;
    if (const auto *Typedef = T.getNonReferenceType()->getAs<TypedefType>())
      if (!Typedef->getDecl()->isInStdNamespace())
        return Typedef->getDecl()->getName().str();
  }
  return {};
}

/// nameFromType, in a style the caller worked out once.
static std::string nameFromType(QualType T, const Decl *Function,
                                LocalStyle Style) {
  if (!Function)
    return {};
  const std::string Name = typeName(T, Function->getASTContext());
  if (Name.empty())
    return {};
  return inStyle(Name, Style);
}

std::string nameFromType(QualType T, const Decl *Function) {
  return nameFromType(T, Function, localStyle(Function));
}

/// What the code around the reads calls each element: what receives it or
/// is compared with it, a comment after the read, what the producer's
/// definition calls it, what the code stores in the container. Returns the
/// names of the parameters the elements are passed to, which rank last.
static std::vector<std::vector<std::string>>
addNamesFromCode(const BindingSubject &S, LocalStyle Style,
                 ElementNames &Names) {
  const size_t N = Names.size();
  std::vector<std::vector<std::string>> Strong(N), Weak(N);
  for (const Use *Read : S.Reads) {
    if (Read->Index >= N || Read->ReceiverName.empty())
      continue;
    (Read->Receiver == ReceiverKind::Parameter ? Weak : Strong)[Read->Index]
        .push_back(Read->ReceiverName);
  }
  for (size_t I = 0; I < N; ++I)
    addRanked(Names[I], Strong[I]);
  //    A comment after the read: `p.first;  // level`.
  if (S.Function) {
    const SourceManager &SM = S.Function->getASTContext().getSourceManager();
    std::vector<std::vector<std::string>> Commented(N);
    for (const Use *Read : S.Reads)
      if (Read->Index < N)
        Commented[Read->Index].push_back(commentName(Read->Loc, SM, Style));
    for (size_t I = 0; I < N; ++I)
      addRanked(Names[I], Commented[I]);
  }
  //    What the producer's definition calls them.
  for (size_t I = 0; I < N && I < S.FromProducer.size(); ++I)
    addRanked(Names[I], S.FromProducer[I]);
  //    What the code stores in the container:
  //    `new_files_.push_back(std::make_pair(level, f))`.
  //    Different names that end in the same word (`logger_name`,
  //    `default_logger_name`, `name`) agree on that word.
  std::vector<std::vector<std::string>> Stored(N);
  for (const Fill *F : S.Fills)
    if (F->Names.size() == N)
      for (size_t I = 0; I < N; ++I)
        Stored[I].push_back(F->Names[I]);
  for (size_t I = 0; I < N; ++I) {
    addRanked(Names[I], {inStyle(commonLastWord(Stored[I]), Style)});
    addRanked(Names[I], Stored[I]);
  }
  return Weak;
}

/// A container named for what it maps (`name_to_id`, `idToName`): its two
/// sides. Then a map's entries: key and value; and pairs the code calls
/// entries of a map (`for (const auto &e : m_map)`, `kv_pair`).
static void addNamesFromMap(const BindingSubject &S, LocalStyle Style,
                            llvm::ArrayRef<QualType> Elements,
                            ElementNames &Names) {
  if (Names.size() != 2)
    return;
  for (llvm::StringRef Named :
       {llvm::StringRef(S.ContainerName), llvm::StringRef(S.HolderName)})
    if (auto Sides = mappedSides(Named, Style))
      addAll(Names, {{Sides->From}, {Sides->Onto}});
  if (!isMapEntryType(S.Type) && !soundsLikeMap(S.ContainerName) &&
      !soundsLikeMap(aliasName(S)))
    return;
  //    A side whose type has a name of its own takes it first (`loggers_`,
  //    a map to `std::shared_ptr<logger>`: `[key, logger]`), unless both
  //    sides have the same one (`std::pair<node *, node *>`): then it tells
  //    neither apart.
  const std::string KeyType = nameFromType(Elements[0], S.Function, Style);
  const std::string ValueType = nameFromType(Elements[1], S.Function, Style);
  if (KeyType != ValueType) {
    addRanked(Names[0], {KeyType});
    addRanked(Names[1], {ValueType});
  }
  addAll(Names, mapEntryNames());
}

ElementNames bindingCandidates(const BindingSubject &S) {
  const size_t N = S.Shape.Elements.size();
  ElementNames Names(N);
  // The function's naming style, walked once (every name below uses it).
  const LocalStyle Style = localStyle(S.Function);
  // 1. What the standard API calls them: insert -> it, inserted.
  addAll(Names, knownStandardNames(S.Producer));
  // 2. What the code around the reads calls them.
  const std::vector<std::vector<std::string>> Parameters =
      addNamesFromCode(S, Style, Names);
  // 3. The sides of a map.
  const llvm::SmallVector<QualType, 4> Elements = writtenElements(S);
  addNamesFromMap(S, Style, Elements, Names);
  // 4. Well-known names for what the producer or the holder is called:
  //    `bounds` -> lo, hi; `parse` -> value, ok.
  const std::vector<std::string> Kinds = elementKinds(S.Shape);
  auto AddKnown = [&](llvm::StringRef Name) {
    const std::vector<std::string> Known = knownApiNames(Name, Kinds);
    for (size_t I = 0; I < N && I < Known.size(); ++I)
      addRanked(Names[I], {Known[I]});
  };
  if (S.Producer && S.Producer->getDeclName().isIdentifier())
    AddKnown(S.Producer->getName());
  if (!S.HolderName.empty())
    AddKnown(normalizeName(S.HolderName));
  // 5. The element types' own names.
  for (size_t I = 0; I < N; ++I)
    addRanked(Names[I], {nameFromType(Elements[I], S.Function, Style)});
  // 6. The parameters the elements are passed to.
  for (size_t I = 0; I < N; ++I)
    addRanked(Names[I], Parameters[I]);
  // 7. A row of a test table, `{input, expected}`: the element an assertion
  //    checks a computed value against is what is expected, the other one
  //    what goes in.
  if (N == 2)
    for (size_t I = 0; I < N; ++I)
      if (Names[1 - I].empty() && llvm::is_contained(Names[I], "expected"))
        Names[1 - I] = {"input"};
  return Names;
}

} // namespace clang::tidy::structify
