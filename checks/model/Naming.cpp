//===--- Naming.cpp - struct and field names from the code's own evidence -===//

#include "model/Naming.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/IdentifierTable.h"
#include "clang/Basic/LangOptions.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::structify {

void NamingEvidence::merge(const NamingEvidence &Other) {
  auto Append = [](std::vector<std::vector<std::string>> &To,
                   const std::vector<std::vector<std::string>> &From) {
    if (To.size() < From.size())
      To.resize(From.size());
    for (size_t I = 0; I < From.size(); ++I)
      llvm::append_range(To[I], From[I]);
  };
  Append(FromDefinition, Other.FromDefinition);
  Append(FromCallers, Other.FromCallers);
  Append(FromParameters, Other.FromParameters);
}

/// The keywords of every C++ standard clang knows, and the alternative
/// operator spellings (`and`, `not`).
static const llvm::StringSet<> &cxxKeywords() {
  static const llvm::StringSet<> Keywords = [] {
    LangOptions LangOpts;
    LangOpts.CPlusPlus = LangOpts.CPlusPlus11 = LangOpts.CPlusPlus14 = true;
    LangOpts.CPlusPlus17 = LangOpts.CPlusPlus20 = LangOpts.CPlusPlus23 = true;
    LangOpts.CPlusPlus26 = LangOpts.Coroutines = LangOpts.Char8 = true;
    LangOpts.CXXOperatorNames = true;
    IdentifierTable Table(LangOpts);
    llvm::StringSet<> Set;
    for (const auto &Entry : Table)
      if (Entry.getValue()->isKeyword(LangOpts) ||
          Entry.getValue()->isCPlusPlusOperatorKeyword())
        Set.insert(Entry.getKey());
    return Set;
  }();
  return Keywords;
}

bool isValidNewName(llvm::StringRef Name) {
  if (!isValidAsciiIdentifier(Name) || Name.starts_with("__") ||
      (Name.size() > 1 && Name[0] == '_' && llvm::isUpper(Name[1])))
    return false;
  return !cxxKeywords().contains(Name);
}

bool isUsableName(llvm::StringRef Name, const ASTContext &Ctx) {
  if (!isValidNewName(Name))
    return false;
  const auto It = Ctx.Idents.find(Name);
  return It == Ctx.Idents.end() || !It->getValue()->hasMacroDefinition();
}

std::string referencedName(const Expr *E) {
  const NamedDecl *D = nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    D = DRE->getDecl();
  else if (const auto *ME = dyn_cast<MemberExpr>(E))
    D = ME->getMemberDecl();
  return D && D->getDeclName().isIdentifier() ? D->getName().str()
                                              : std::string();
}

std::vector<std::string>
chooseNames(llvm::ArrayRef<std::vector<std::string>> Candidates,
            llvm::function_ref<bool(llvm::StringRef)> IsFree, unsigned &Missing,
            llvm::function_ref<std::vector<std::string>(llvm::StringRef)>
                Alternatives) {
  std::vector<std::string> Names(Candidates.size());
  auto Take = [&](llvm::StringRef Name) {
    return IsFree(Name) && !llvm::is_contained(Names, Name);
  };
  for (size_t I = 0; I < Candidates.size(); ++I) {
    for (const std::string &Candidate : Candidates[I])
      if (Take(Candidate)) {
        Names[I] = Candidate;
        break;
      }
    for (size_t C = 0;
         Alternatives && Names[I].empty() && C < Candidates[I].size(); ++C)
      for (const std::string &Alternative : Alternatives(Candidates[I][C]))
        if (Take(Alternative)) {
          Names[I] = Alternative;
          break;
        }
    if (Names[I].empty()) {
      Missing = I;
      return {};
    }
  }
  return Names;
}

std::string numberedName(llvm::StringRef Base,
                         llvm::function_ref<bool(llvm::StringRef)> IsFree) {
  for (unsigned N = 1; N <= 9; ++N) {
    std::string Name = Base.str();
    if (N > 1)
      Name += std::to_string(N);
    if (IsFree(Name))
      return Name;
  }
  return {};
}

std::string normalizeName(llvm::StringRef Name) {
  if (Name.starts_with("m_") && Name.size() > 2)
    Name = Name.drop_front(2);
  Name = Name.trim('_');
  return Name.str();
}

bool isMeaningfulName(llvm::StringRef Name) {
  static const char *const Meaningless[] = {
      "tmp", "temp", "ret", "res", "result", "results", "rv", "retval", "first",
      "second", "pair", "tup", "tuple", "value_", "val_", "dummy", "unused",
      "ignored", "foo", "bar", "baz", "elem", "element", "item",
      // What generic functions call their parameters says nothing.
      "str", "arg", "args", "lhs", "rhs", "obj", "other", "param", "ptr", "ref",
      "src", "dst", "in", "out"};
  if (Name.empty() || llvm::is_contained(Meaningless, Name))
    return false;
  if (Name.size() == 1)
    return llvm::is_contained(llvm::StringRef("xyzw"), Name[0]);
  // `a1`, `x2`: a letter and a counter say nothing.
  if (Name.size() == 2 && llvm::isDigit(Name[1]))
    return false;
  return true;
}

std::vector<std::string> splitWords(llvm::StringRef Identifier) {
  std::vector<std::string> Words;
  std::string Current;
  for (size_t I = 0; I < Identifier.size(); ++I) {
    const char C = Identifier[I];
    if (C == '_') {
      if (!Current.empty())
        Words.push_back(std::move(Current));
      Current.clear();
      continue;
    }
    const bool StartsWord =
        llvm::isUpper(C) && !Current.empty() &&
        (!llvm::isUpper(Identifier[I - 1]) ||
         (I + 1 < Identifier.size() && llvm::isLower(Identifier[I + 1])));
    if (StartsWord) {
      Words.push_back(std::move(Current));
      Current.clear();
    }
    Current.push_back(llvm::toLower(C));
  }
  if (!Current.empty())
    Words.push_back(std::move(Current));
  return Words;
}

std::vector<std::string>
knownApiNames(llvm::StringRef FunctionName,
              llvm::ArrayRef<std::string> ElementKinds) {
  const std::vector<std::string> Words = splitWords(FunctionName);
  auto Has = [&](llvm::StringRef W) { return llvm::is_contained(Words, W); };
  const size_t N = ElementKinds.size();
  auto All = [&](llvm::StringRef Kind) {
    return llvm::all_of(ElementKinds,
                        [&](const std::string &K) { return K == Kind; });
  };
  if (N == 2 && (Has("minmax") || (Has("min") && Has("max"))))
    return {"min", "max"};
  if (N == 2 && (Has("divmod") || Has("divrem") || (Has("div") && Has("mod"))))
    return {"quotient", "remainder"};
  if (Has("dimensions") || Has("dims") || Has("extent") ||
      (Has("size") && All("arithmetic"))) {
    if (N == 2)
      return {"width", "height"};
    if (N == 3)
      return {"width", "height", "depth"};
  }
  if (Has("position") || Has("pos") || Has("point") || Has("coords") ||
      Has("coord") || Has("coordinates") || Has("location")) {
    if (N == 2 && All("arithmetic"))
      return {"x", "y"};
    if (N == 3 && All("arithmetic"))
      return {"x", "y", "z"};
  }
  if (N == 2 &&
      (Has("bounds") || Has("limits") || Has("interval") || Has("range")))
    return All("arithmetic") ? std::vector<std::string>{"lo", "hi"}
                             : std::vector<std::string>{"begin", "end"};
  if (N == 2 && ElementKinds[0] == "bool" &&
      (Has("find") || Has("lookup") || Has("search") || Has("get")))
    return {"found", "value"};
  if (N == 2 && ElementKinds[0] == "bool" && (Has("try") || Has("parse")))
    return {"ok", "value"};
  if (N == 2 && ElementKinds[1] == "bool" && (Has("try") || Has("parse")))
    return {"value", "ok"};
  if (N == 2 && (Has("split") || Has("partition")))
    return {"head", "tail"};
  return {};
}

namespace {

/// Names proposed for one element, most supported first (ties: first seen).
std::vector<std::string>
ranked(const std::vector<std::string> &Proposals,
       llvm::function_ref<bool(llvm::StringRef)> IsUsable) {
  std::vector<std::string> Order;
  llvm::StringMap<unsigned> Votes, FirstSeen;
  for (const std::string &Raw : Proposals) {
    std::string Name = normalizeName(Raw);
    if (!isMeaningfulName(Name) || !IsUsable(Name))
      continue;
    if (Votes[Name]++ == 0) {
      FirstSeen[Name] = Order.size();
      Order.push_back(Name);
    }
  }
  // Most votes first; among equals, the first seen.
  llvm::sort(Order, [&](const std::string &A, const std::string &B) {
    if (Votes[A] != Votes[B])
      return Votes[A] > Votes[B];
    return FirstSeen[A] < FirstSeen[B];
  });
  return Order;
}

/// Words that name the two ends or halves of one thing: when the code names
/// one element of a pair and not the other, the other is its counterpart
/// (`return {low, low + width};` -> {low, high}).
std::string counterpartOf(llvm::StringRef Name, size_t Index) {
  static const std::pair<llvm::StringLiteral, llvm::StringLiteral> Pairs[] = {
      {"lo", "hi"},        {"low", "high"},          {"lower", "upper"},
      {"min", "max"},      {"minimum", "maximum"},   {"first", "last"},
      {"begin", "end"},    {"start", "end"},         {"start", "stop"},
      {"from", "to"},      {"width", "height"},      {"x", "y"},
      {"key", "value"},    {"left", "right"},        {"top", "bottom"},
      {"row", "column"},   {"input", "output"},      {"head", "tail"},
      {"before", "after"}, {"quotient", "remainder"}};
  for (const auto &[Left, Right] : Pairs) {
    if (Index == 0 && Name == Left)
      return Right.str();
    if (Index == 1 && Name == Right)
      return Left.str();
  }
  return {};
}

} // namespace

std::vector<std::string>
chooseFieldNames(const NamingEvidence &Evidence,
                 llvm::ArrayRef<std::string> Known,
                 llvm::function_ref<bool(llvm::StringRef)> IsUsable,
                 unsigned &MissingElement) {
  const size_t N = Evidence.FromDefinition.size();
  // Per element, every acceptable name in order of preference.
  std::vector<std::vector<std::string>> Choices(N);
  for (size_t I = 0; I < N; ++I) {
    llvm::append_range(Choices[I],
                       ranked(Evidence.FromDefinition[I], IsUsable));
    llvm::append_range(Choices[I], ranked(Evidence.FromCallers[I], IsUsable));
    if (I < Known.size() && IsUsable(Known[I]))
      Choices[I].push_back(Known[I]);
    if (I < Evidence.FromParameters.size())
      llvm::append_range(Choices[I],
                         ranked(Evidence.FromParameters[I], IsUsable));
  }
  // One element of a pair named by the code, the other not: its counterpart.
  if (N == 2)
    for (size_t I = 0; I < 2; ++I) {
      const size_t Other = 1 - I;
      const bool Named = !Evidence.FromDefinition[I].empty() ||
                         !Evidence.FromCallers[I].empty();
      const bool OtherNamed = !Evidence.FromDefinition[Other].empty() ||
                              !Evidence.FromCallers[Other].empty();
      if (!Named || OtherNamed || Choices[I].empty())
        continue;
      const std::string Counterpart = counterpartOf(Choices[I].front(), I);
      if (!Counterpart.empty() && IsUsable(Counterpart))
        Choices[Other].insert(Choices[Other].begin(), Counterpart);
    }
  return chooseNames(Choices, IsUsable, MissingElement);
}

std::string structNameFor(llvm::StringRef FunctionName, NameStyle Style,
                          llvm::StringRef Suffix, llvm::StringRef Prefix) {
  std::vector<std::string> Words = splitWords(FunctionName);
  // `get_bounds` -> `BoundsResult`: the verb says nothing about the value.
  if (Words.size() > 1 && Words.front() == "get")
    Words.erase(Words.begin());
  const std::vector<std::string> Front = splitWords(Prefix);
  Words.insert(Words.begin(), Front.begin(), Front.end());
  for (const std::string &W : splitWords(Suffix))
    Words.push_back(W);
  std::string Name;
  for (const std::string &W : Words) {
    if (Style == NameStyle::LowerCase) {
      if (!Name.empty())
        Name += '_';
      Name += W;
    } else {
      Name += llvm::toUpper(W[0]);
      Name += W.substr(1);
    }
  }
  return Name;
}

} // namespace clang::tidy::structify
