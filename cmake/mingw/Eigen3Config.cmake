# Eigen 3 headers from Debian's libeigen3-dev (see README.md).
set(Eigen3_VERSION 3.4.0)
if(NOT TARGET Eigen3::Eigen)
  add_library(Eigen3::Eigen INTERFACE IMPORTED)
  set_target_properties(Eigen3::Eigen PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${ZORGSIM_WINDOWS_DEPS}/include/eigen3")
endif()
