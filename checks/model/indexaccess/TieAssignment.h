//===--- TieAssignment.h - variables declared only for std::tie -*- C++ -*-===//
//
// `int lo, hi; std::tie(lo, hi) = bounds();` declares variables only to
// assign them the elements of a pair or tuple right after: a structured
// binding declares and fills them at once, `auto [lo, hi] = bounds();` (the
// shape clang-tidy's modernize-use-structured-binding rewrites too).
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_MODEL_TIEASSIGNMENT_H
#define STRUCTIFY_MODEL_TIEASSIGNMENT_H

#include "model/Blocker.h"
#include "model/TupleLike.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include <optional>
#include <vector>

namespace clang::tidy::structify {

struct TieAssignment {
  /// `std::tie(lo, hi) = value`, and the statement it is (with cleanups).
  const CXXOperatorCallExpr *Assignment = nullptr;
  const Stmt *Statement = nullptr;
  const Expr *Value = nullptr;
  /// The variables, in the tie's order.
  std::vector<const VarDecl *> Vars;
  /// The statements right before the assignment that declare them, and
  /// nothing else.
  std::vector<const DeclStmt *> Declarations;
  /// Why a structured binding cannot take their place as the code is, or
  /// nothing when it can.
  std::optional<Blocker> WhyNot;
};

/// The first variable \p Assign ties, when it assigns a tie of variables:
/// the function to look in (cheap, no parent map).
const VarDecl *firstTiedVariable(const CXXOperatorCallExpr &Assign);

/// \p Assign as a tie assignment: `std::tie(v...) = value;` as a statement
/// of a block, each v a local variable declared, with no initialiser that
/// does anything, in the statements right before it and nowhere used
/// before. Nothing when it is not one.
std::optional<TieAssignment> tieAssignment(const CXXOperatorCallExpr &Assign,
                                           ASTContext &Ctx,
                                           const TupleLikeTypes &Types);

} // namespace clang::tidy::structify

#endif
