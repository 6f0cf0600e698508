# Included after project() in the Windows cross build (CMAKE_PROJECT_INCLUDE, set by
# cmake/mingw-w64.cmake), once CMake's Windows-GNU platform file has set its defaults.
# Only static archives (the platform's suffixes are ".dll.a;.a;.lib"): every .exe is
# self-contained.
set(CMAKE_FIND_LIBRARY_SUFFIXES .a)
# exp, log and pow are not MinGW-w64's: every build compiles third_party/musl-libm, whose
# standard_names.c comes before -lmingwex on the link line (sim/portable_math.hpp).
