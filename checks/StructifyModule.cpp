//===--- StructifyModule.cpp - the structify clang-tidy module ------------===//

#include "IndexAccessCheck.h"
#include "TupleReturnCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "compat/Compat.h"

namespace clang::tidy::structify {
namespace {

class StructifyModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<IndexAccessCheck>("structify-index-access");
    Factories.registerCheck<TupleReturnCheck>("structify-tuple-return");
  }
};

} // namespace
} // namespace clang::tidy::structify

namespace clang::tidy {

// Register the module with clang-tidy's module registry. Every front end
// (plugin, structify-tidy, structify-clangd, the structify driver) links these
// objects directly, so the registration runs when the binary or plugin loads.
static ClangTidyModuleRegistry::Add<structify::StructifyModule>
    X("structify-module", "Checks that give pairs and tuples named fields.");

} // namespace clang::tidy
