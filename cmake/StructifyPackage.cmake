# `cpack -G DEB` in a build directory makes the Debian package of that
# build's LLVM major: structify-llvmN_<version>_<arch>.deb, installing under
# /usr the layout of cmake/StructifyInstall.cmake (the versioned names only),
# so the packages of two majors install side by side. Its Depends are what
# dpkg-shlibdeps finds the programs linked against (libllvmN, libclang-cppN,
# ...), plus what they use without linking it: clang-tidy-N, which loads the
# plugin, and libclang-common-N-dev, the builtin headers (stddef.h, ...) of the
# resource directory the programs point at.
set(STRUCTIFY_PACKAGE structify-llvm${LLVM_VERSION_MAJOR})
set(CPACK_PACKAGE_NAME ${STRUCTIFY_PACKAGE})
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "structify developers <structify@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "C++ linter for API ergonomics: named structs instead of pairs and tuples (LLVM ${LLVM_VERSION_MAJOR})")
set(CPACK_PACKAGE_DESCRIPTION
  "structify finds functions in public APIs that return std::pair or std::tuple,
and code that reads such values by position, and rewrites them into named
structs. This package is built for LLVM ${LLVM_VERSION_MAJOR}: structify-tidy-${LLVM_VERSION_MAJOR}
(clang-tidy with the structify checks), structify-clangd-${LLVM_VERSION_MAJOR}, the
structify-${LLVM_VERSION_MAJOR} driver (check, plan, fix), and a plugin for
clang-tidy-${LLVM_VERSION_MAJOR} in /usr/lib/${STRUCTIFY_PACKAGE}/lib.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "clang-tidy-${LLVM_VERSION_MAJOR}, libclang-common-${LLVM_VERSION_MAJOR}-dev")
# gzip: quick to make, and every dpkg reads it.
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
# The unversioned links belong to update-alternatives, not to the package.
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_COMPONENTS_ALL Unspecified)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(STRUCTIFY_PACKAGE_ROOT ${CPACK_PACKAGING_INSTALL_PREFIX}/${STRUCTIFY_INSTALL_ROOT})
set(STRUCTIFY_PACKAGE_SCRIPTS ${CMAKE_BINARY_DIR}/package-scripts)
file(CONFIGURE OUTPUT ${STRUCTIFY_PACKAGE_SCRIPTS}/postinst @ONLY CONTENT [[
#!/bin/sh
# The newest installed structify answers to the unversioned names.
set -e
if [ "$1" = configure ]; then
  update-alternatives --install /usr/bin/structify structify @STRUCTIFY_PACKAGE_ROOT@/bin/structify @LLVM_VERSION_MAJOR@ \
    --slave /usr/bin/structify-tidy structify-tidy @STRUCTIFY_PACKAGE_ROOT@/bin/structify-tidy \
    --slave /usr/bin/structify-clangd structify-clangd @STRUCTIFY_PACKAGE_ROOT@/bin/structify-clangd
fi
]])
file(CONFIGURE OUTPUT ${STRUCTIFY_PACKAGE_SCRIPTS}/prerm @ONLY CONTENT [[
#!/bin/sh
set -e
if [ "$1" = remove ] || [ "$1" = deconfigure ]; then
  update-alternatives --remove structify @STRUCTIFY_PACKAGE_ROOT@/bin/structify
fi
]])
file(CHMOD ${STRUCTIFY_PACKAGE_SCRIPTS}/postinst ${STRUCTIFY_PACKAGE_SCRIPTS}/prerm
  FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                   WORLD_READ WORLD_EXECUTE)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${STRUCTIFY_PACKAGE_SCRIPTS}/postinst ${STRUCTIFY_PACKAGE_SCRIPTS}/prerm)

include(CPack)
