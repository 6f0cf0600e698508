# tomlplusplus headers from Debian's package (see README.md).
if(NOT TARGET tomlplusplus::tomlplusplus)
  add_library(tomlplusplus::tomlplusplus INTERFACE IMPORTED)
  set_target_properties(tomlplusplus::tomlplusplus PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${ZORGSIM_WINDOWS_DEPS}/include"
                                                     INTERFACE_COMPILE_DEFINITIONS TOML_HEADER_ONLY=1)
endif()
