# Included after project() in the Windows cross build (CMAKE_PROJECT_INCLUDE, set by
# cmake/mingw-w64.cmake), after CMake's Windows-GNU platform file has set the library suffixes
# to ".dll.a;.a;.lib": only static archives, so every .exe is self-contained.
set(CMAKE_FIND_LIBRARY_SUFFIXES .a)
