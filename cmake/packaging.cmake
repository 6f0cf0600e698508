# Debian package (cpack -G DEB) and the files a desktop installation needs: man pages made
# from --help by help2man, a desktop entry and an icon. Included from the top CMakeLists.txt.
# Build the package with scripts/build-deb.sh (install prefix /usr, reproducible flags).

if(NOT WIN32)
  install(FILES packaging/linux/zorgsim.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES packaging/zorgsim.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
endif()

# Man pages from the programs' own --help and --version, so they cannot drift from the code.
# help2man honours SOURCE_DATE_EPOCH for the date in the page; gzip -n stores no timestamp.
find_program(ZORGSIM_HELP2MAN help2man)
if(ZORGSIM_HELP2MAN AND NOT CMAKE_CROSSCOMPILING)
  set(_man_dir ${PROJECT_BINARY_DIR}/man)
  set(_man_pages)
  foreach(_prog zorgsim zorgsim-gui)
    if(NOT TARGET ${_prog})
      continue()
    endif()
    if(_prog STREQUAL "zorgsim")
      set(_what "projections of population, care use and the care workforce per Dutch municipality")
    else()
      set(_what "the workshop screen of zorgsim")
    endif()
    add_custom_command(
      OUTPUT ${_man_dir}/${_prog}.1.gz
      COMMAND ${CMAKE_COMMAND} -E make_directory ${_man_dir}
      COMMAND ${ZORGSIM_HELP2MAN} --no-info --no-discard-stderr --section=1 --name=${_what}
              "--version-string=${_prog} ${PROJECT_VERSION} (${ZORGSIM_GIT_COMMIT})"
              --output=${_man_dir}/${_prog}.1 $<TARGET_FILE:${_prog}>
      COMMAND gzip -9 -n -f ${_man_dir}/${_prog}.1
      DEPENDS ${_prog}
      COMMENT "man page ${_prog}.1 from ${_prog} --help"
      VERBATIM)
    list(APPEND _man_pages ${_man_dir}/${_prog}.1.gz)
  endforeach()
  add_custom_target(manpages ALL DEPENDS ${_man_pages})
  install(FILES ${_man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
elseif(NOT CMAKE_CROSSCOMPILING)
  message(STATUS "help2man not found: no man pages (bash scripts/setup.sh --package installs it)")
endif()

set(CPACK_PACKAGE_NAME zorgsim)
set(CPACK_PACKAGE_VENDOR "zorgsim")
set(CPACK_PACKAGE_CONTACT "zorgsim maintainers <zorgsim@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "projections of care demand and the care workforce per Dutch municipality")
set(CPACK_PACKAGE_DESCRIPTION
    "zorgsim projects population, care use (Wmo, Jeugdwet, Wlz, wijkverpleging) and the care\n\
workforce per Dutch municipality and region, offline, with the embedded Gelderland and\n\
national datasets (CBS, CC BY 4.0). zorgsim is the command-line program; zorgsim-gui is the\n\
workshop screen.")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # zorgsim_<version>_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # Depends: from dpkg-shlibdeps (libglfw3, libgl1, ...)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core")  # the GUI loads DejaVu Sans
set(CPACK_PACKAGE_FILE_NAME "zorgsim-${PROJECT_VERSION}")
set(CPACK_SOURCE_GENERATOR "")
include(CPack)
