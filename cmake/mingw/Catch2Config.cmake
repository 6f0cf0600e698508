# Catch2 headers from Debian's package (see README.md).
if(NOT TARGET Catch2::Catch2)
  add_library(Catch2::Catch2 INTERFACE IMPORTED)
  set_target_properties(Catch2::Catch2 PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${ZORGSIM_WINDOWS_DEPS}/include")
endif()
# Catch2 2 is header-only; its main() is compiled here once (Debian's libCatch2WithMain.a is a
# Linux library).
if(NOT TARGET Catch2::Catch2WithMain)
  file(WRITE ${CMAKE_BINARY_DIR}/catch2_main.cpp "#define CATCH_CONFIG_MAIN\n#include <catch2/catch.hpp>\n")
  add_library(zorgsim_catch2_main STATIC ${CMAKE_BINARY_DIR}/catch2_main.cpp)
  target_link_libraries(zorgsim_catch2_main PUBLIC Catch2::Catch2)
  add_library(Catch2::Catch2WithMain ALIAS zorgsim_catch2_main)
endif()
