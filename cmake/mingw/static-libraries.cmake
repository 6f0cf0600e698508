# Included after project() in the Windows cross build (CMAKE_PROJECT_INCLUDE, set by
# cmake/mingw-w64.cmake), once CMake's Windows-GNU platform file has set its defaults.
# 1. Only static archives (the platform's suffixes are ".dll.a;.a;.lib"): every .exe is
#    self-contained.
set(CMAKE_FIND_LIBRARY_SUFFIXES .a)
# 2. exp, log and pow as glibc's generic code computes them (musl's copy of Arm's
#    optimized-routines, built by scripts/build-windows.sh; docs/windows.md, "Floating point").
#    The standard libraries come after every target's own libraries and before the compiler's
#    -lmingwex, so these definitions are the ones linked.
if(ZORGSIM_WINDOWS_DEPS AND EXISTS ${ZORGSIM_WINDOWS_DEPS}/lib/libzorgsim_m.a)
  foreach(_lang C CXX)
    set(CMAKE_${_lang}_STANDARD_LIBRARIES
        "${ZORGSIM_WINDOWS_DEPS}/lib/libzorgsim_m.a ${CMAKE_${_lang}_STANDARD_LIBRARIES}")
  endforeach()
endif()
