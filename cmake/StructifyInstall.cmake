# Where `cmake --install` and the Debian package put structify: one tree per
# LLVM major, as Debian installs LLVM itself (/usr/lib/llvm-22), so that the
# builds for two majors install side by side (docs/install.md):
#
#   PREFIX/lib/structify-llvmN/bin/   structify, structify-tidy, structify-clangd
#   PREFIX/lib/structify-llvmN/lib/   structify-tidy-plugin.so, clang/N (the
#                                     host clang's resource directory)
#   PREFIX/bin/structify-N, structify-tidy-N, structify-clangd-N   links into it
#   PREFIX/share/doc/structify-llvmN/ README.md and docs/
#
# The unversioned names (PREFIX/bin/structify, structify-tidy,
# structify-clangd and PREFIX/lib/structify-tidy-plugin.so) are links in the
# `unversioned` install component: `cmake --install` makes them; the package
# leaves them out and registers the programs with update-alternatives instead,
# so that the newest installed major answers to the plain names.
set(STRUCTIFY_INSTALL_ROOT lib/structify-llvm${LLVM_VERSION_MAJOR})
set(STRUCTIFY_INSTALL_BINDIR ${STRUCTIFY_INSTALL_ROOT}/bin)
set(STRUCTIFY_INSTALL_LIBDIR ${STRUCTIFY_INSTALL_ROOT}/lib)
set(STRUCTIFY_INSTALL_DOCDIR
    ${CMAKE_INSTALL_DATAROOTDIR}/doc/structify-llvm${LLVM_VERSION_MAJOR})
set(STRUCTIFY_PROGRAMS structify structify-tidy structify-clangd)

# install(CODE) that makes PREFIX/LINK a relative symbolic link to PREFIX/TARGET.
function(structify_install_link target link component)
  get_filename_component(link_dir ${link} DIRECTORY)
  file(RELATIVE_PATH relative /prefix/${link_dir} /prefix/${target})
  install(CODE "
    set(link \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${link}\")
    get_filename_component(dir \"\${link}\" DIRECTORY)
    file(MAKE_DIRECTORY \"\${dir}\")
    file(REMOVE \"\${link}\")
    message(STATUS \"Installing: \${link} -> ${relative}\")
    file(CREATE_LINK \"${relative}\" \"\${link}\" SYMBOLIC)"
    COMPONENT ${component})
endfunction()

# Called at the end of the top-level CMakeLists.txt, once the targets exist.
macro(structify_install_links)
  foreach(program IN LISTS STRUCTIFY_PROGRAMS)
    structify_install_link(${STRUCTIFY_INSTALL_BINDIR}/${program}
      ${CMAKE_INSTALL_BINDIR}/${program}-${LLVM_VERSION_MAJOR} Unspecified)
    structify_install_link(${STRUCTIFY_INSTALL_BINDIR}/${program}
      ${CMAKE_INSTALL_BINDIR}/${program} unversioned)
  endforeach()
  structify_install_link(${STRUCTIFY_INSTALL_LIBDIR}/structify-tidy-plugin.so
    lib/structify-tidy-plugin.so unversioned)
endmacro()
