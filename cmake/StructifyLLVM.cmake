# Finds the LLVM and Clang that structify builds against.
#
# STRUCTIFY_LLVM_MAJOR selects the major (one of STRUCTIFY_SUPPORTED_LLVM_MAJORS);
# unset, it is the newest supported major whose CMake packages are installed
# under /usr/lib/llvm-N (Debian's and apt.llvm.org's layout). LLVM_DIR, when
# given, is used as it is and must hold that major.
set(STRUCTIFY_LLVM_MAJOR "" CACHE STRING
  "LLVM major to build against (${STRUCTIFY_SUPPORTED_LLVM_MAJORS}); empty: the newest installed")
if(STRUCTIFY_LLVM_MAJOR STREQUAL "")
  foreach(major IN LISTS STRUCTIFY_SUPPORTED_LLVM_MAJORS)
    if(EXISTS /usr/lib/llvm-${major}/lib/cmake/clang/ClangConfig.cmake)
      set(STRUCTIFY_LLVM_MAJOR ${major} CACHE STRING "" FORCE)
      break()
    endif()
  endforeach()
  if(STRUCTIFY_LLVM_MAJOR STREQUAL "")
    message(FATAL_ERROR "structify: no supported LLVM found under /usr/lib/llvm-N "
      "(supported: ${STRUCTIFY_SUPPORTED_LLVM_MAJORS}); install llvm-22-dev "
      "libclang-22-dev (scripts/install-deps.sh), or pass -DLLVM_DIR=...")
  endif()
endif()
if(NOT STRUCTIFY_LLVM_MAJOR IN_LIST STRUCTIFY_SUPPORTED_LLVM_MAJORS)
  message(FATAL_ERROR "structify: STRUCTIFY_LLVM_MAJOR=${STRUCTIFY_LLVM_MAJOR} "
    "is not supported; supported: ${STRUCTIFY_SUPPORTED_LLVM_MAJORS} "
    "(docs/install.md: moving to a new major)")
endif()

# Debian's LLVM config file asks for N.1, so `find_package(LLVM N)` fails:
# find it unversioned and check the major version ourselves.
find_package(LLVM REQUIRED CONFIG
  HINTS /usr/lib/llvm-${STRUCTIFY_LLVM_MAJOR}/lib/cmake/llvm)
if(NOT LLVM_VERSION_MAJOR EQUAL STRUCTIFY_LLVM_MAJOR)
  message(FATAL_ERROR "structify: STRUCTIFY_LLVM_MAJOR=${STRUCTIFY_LLVM_MAJOR}, "
    "but found LLVM ${LLVM_PACKAGE_VERSION} at ${LLVM_DIR}")
endif()
# Debian's ClangTargets.cmake references clangd's remote-index targets, which need gRPC.
find_package(gRPC CONFIG REQUIRED)
find_package(Clang REQUIRED CONFIG HINTS ${LLVM_INSTALL_PREFIX}/lib/cmake/clang)
message(STATUS "structify: LLVM ${LLVM_PACKAGE_VERSION} from ${LLVM_DIR}")

# The host's tools: clang-tidy, clangd, FileCheck, run-clang-tidy of this major.
set(STRUCTIFY_LLVM_BIN ${LLVM_TOOLS_BINARY_DIR})
