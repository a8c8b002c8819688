//===--- KnownApis.h - conventional names for standard pair results -------===//

#ifndef STRUCTIFY_MODEL_KNOWNAPIS_H
#define STRUCTIFY_MODEL_KNOWNAPIS_H

#include <string>
#include <vector>

namespace clang {
class Expr;
class FunctionDecl;
class QualType;
} // namespace clang

namespace clang::tidy::structify {

/// For each element, names in order of preference.
using ElementNames = std::vector<std::vector<std::string>>;

/// Conventional names for the elements of what a standard library function
/// returns, or a container-style `insert` of any library returning an
/// iterator and a bool: `insert` -> it, inserted; `minmax` -> min, max;
/// `minmax_element` -> min_it, max_it; `equal_range` -> lower, upper;
/// `mismatch` -> in1, in2 (as std::ranges names them); `partition_copy` ->
/// out_true, out_false. Empty for anything else.
ElementNames knownStandardNames(const FunctionDecl *Callee);

/// `key`, `value`: the elements of a map's entries (`std::pair<const K, V>`).
ElementNames mapEntryNames();

/// Is \p T the value_type of a map: a pair whose first element is const?
bool isMapEntryType(QualType T);

} // namespace clang::tidy::structify

#endif
