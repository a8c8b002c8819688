//===--- PlanYaml.h - the plan's YAML form ----------------------*- C++ -*-===//
//
// How a Plan maps to YAML: read by the checks (readPlan), written by the
// driver (planToYaml).
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_MODEL_PLANYAML_H
#define STRUCTIFY_MODEL_PLANYAML_H

#include "model/tuplereturn/Plan.h"
#include "llvm/Support/YAMLTraits.h"

LLVM_YAML_IS_SEQUENCE_VECTOR(clang::tidy::structify::PlanField)
LLVM_YAML_IS_SEQUENCE_VECTOR(clang::tidy::structify::PlanMember)
LLVM_YAML_IS_SEQUENCE_VECTOR(clang::tidy::structify::PlanEntry)
LLVM_YAML_IS_SEQUENCE_VECTOR(clang::tidy::structify::PlanFile)

namespace llvm::yaml {
using clang::tidy::structify::Plan;
using clang::tidy::structify::PlanAction;
using clang::tidy::structify::PlanEntry;
using clang::tidy::structify::PlanField;
using clang::tidy::structify::PlanFile;
using clang::tidy::structify::PlanMember;

template <> struct ScalarEnumerationTraits<PlanAction> {
  static void enumeration(IO &IO, PlanAction &Action) {
    IO.enumCase(Action, "rewrite", PlanAction::Rewrite);
    IO.enumCase(Action, "skip", PlanAction::Skip);
  }
};
template <> struct MappingTraits<PlanField> {
  static void mapping(IO &IO, PlanField &F) {
    IO.mapRequired("Name", F.Name);
    IO.mapRequired("Type", F.Type);
  }
};
template <> struct MappingTraits<PlanMember> {
  static void mapping(IO &IO, PlanMember &M) {
    IO.mapRequired("Usr", M.Usr);
    IO.mapOptional("Function", M.Function, std::string());
    IO.mapOptional("DeclaredAt", M.DeclaredAt, std::string());
  }
};
template <> struct MappingTraits<PlanEntry> {
  static void mapping(IO &IO, PlanEntry &E) {
    IO.mapRequired("Usr", E.Usr);
    IO.mapOptional("Function", E.Function, std::string());
    IO.mapOptional("DeclaredAt", E.DeclaredAt, std::string());
    IO.mapRequired("Action", E.Action);
    IO.mapOptional("Struct", E.Struct, std::string());
    IO.mapOptional("Fields", E.Fields);
    IO.mapOptional("Reason", E.Reason, std::string());
    IO.mapOptional("Uses", E.Uses, 0U);
    IO.mapOptional("Operators", E.Operators);
    IO.mapOptional("SharedBy", E.SharedBy);
    IO.mapOptional("StructAt", E.StructAt);
  }
};
template <> struct MappingTraits<PlanFile> {
  static void mapping(IO &IO, PlanFile &F) {
    IO.mapRequired("Path", F.Path);
    IO.mapRequired("Hash", F.Hash);
  }
};
template <> struct MappingTraits<Plan> {
  static void mapping(IO &IO, Plan &P) {
    IO.mapRequired("Version", P.Version);
    IO.mapOptional("Functions", P.Functions);
    IO.mapOptional("Files", P.Files);
  }
};
} // namespace llvm::yaml

#endif
