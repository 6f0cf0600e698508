# CMake toolchain: 64-bit Windows programs cross-compiled on Debian with MinGW-w64 (Debian
# package g++-mingw-w64-x86-64-posix: the POSIX thread model, which std::thread needs).
# Used by scripts/build-windows.sh; by hand:
#   cmake -S . -B build-windows -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64.cmake \
#         -DZORGSIM_WINDOWS_DEPS=<prefix with GLFW, Dear ImGui, libxlsxwriter for Windows>
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(_triple x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${_triple}-gcc-posix)
set(CMAKE_CXX_COMPILER ${_triple}-g++-posix)
set(CMAKE_RC_COMPILER ${_triple}-windres)
set(CMAKE_AR ${_triple}-gcc-ar-posix CACHE FILEPATH "")
set(CMAKE_RANLIB ${_triple}-gcc-ranlib-posix CACHE FILEPATH "")
# Tests and tools run under Wine (Debian wine64) when there is one.
find_program(ZORGSIM_WINE NAMES wine64 wine PATHS /usr/lib/wine NO_CMAKE_FIND_ROOT_PATH)
if(ZORGSIM_WINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${ZORGSIM_WINE})
endif()

# Libraries built for Windows by scripts/build-windows.sh go to ZORGSIM_WINDOWS_DEPS; the
# header-only ones come from Debian's packages through the package shims in cmake/mingw/
# (never all of /usr/include: glibc's headers would shadow MinGW's).
set(ZORGSIM_WINDOWS_DEPS "" CACHE PATH "Prefix with GLFW, Dear ImGui and libxlsxwriter for Windows")
# try_compile projects read this file again: they get the prefix too (else the environment
# below would be reset to an empty prefix in the middle of the configure run).
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES ZORGSIM_WINDOWS_DEPS)
set(CMAKE_FIND_ROOT_PATH /usr/${_triple} ${ZORGSIM_WINDOWS_DEPS})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
list(PREPEND CMAKE_MODULE_PATH ${CMAKE_CURRENT_LIST_DIR}/mingw)
foreach(_pkg Eigen3 tomlplusplus CLI11 nlohmann_json fmt Catch2)
  set(${_pkg}_DIR ${CMAKE_CURRENT_LIST_DIR}/mingw CACHE PATH "")
endforeach()
set(glfw3_DIR ${ZORGSIM_WINDOWS_DEPS}/lib/cmake/glfw3 CACHE PATH "")
set(Boost_NO_BOOST_CMAKE ON)
set(Boost_INCLUDE_DIR ${ZORGSIM_WINDOWS_DEPS}/include CACHE PATH "")
# pkg-config (Dear ImGui's imgui.pc) looks only in the Windows prefix.
if(ZORGSIM_WINDOWS_DEPS)
  set(ENV{PKG_CONFIG_LIBDIR} ${ZORGSIM_WINDOWS_DEPS}/lib/pkgconfig)
  set(ENV{PKG_CONFIG_SYSROOT_DIR} "")
endif()

# One self-contained .exe each: the GCC, C++ and winpthread runtimes linked in, so the zip needs
# no MinGW DLLs. _WIN32_WINNT 0x0A00: Windows 10 and later.
# Like /usr/include on Linux: the header-only libraries are seen by every target.
if(ZORGSIM_WINDOWS_DEPS)
  set(CMAKE_CXX_FLAGS_INIT "-isystem ${ZORGSIM_WINDOWS_DEPS}/include")
endif()
# find_library (and pkg-config's -l flags) take static libraries only: MinGW's platform file
# prefers import libraries (libz.dll.a), which would make the programs need zlib1.dll
# (static-libraries.cmake, run after project()).
set(CMAKE_PROJECT_INCLUDE ${CMAKE_CURRENT_LIST_DIR}/mingw/static-libraries.cmake)
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")

add_compile_definitions(_WIN32_WINNT=0x0A00 NOMINMAX WIN32_LEAN_AND_MEAN FMT_HEADER_ONLY=1)
