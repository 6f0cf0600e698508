# {fmt} from Debian's libfmt-dev, header-only (FMT_HEADER_ONLY, set by the toolchain file).
if(NOT TARGET fmt::fmt)
  add_library(fmt::fmt INTERFACE IMPORTED)
  set_target_properties(fmt::fmt PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${ZORGSIM_WINDOWS_DEPS}/include"
                                            INTERFACE_COMPILE_DEFINITIONS FMT_HEADER_ONLY=1)
endif()
