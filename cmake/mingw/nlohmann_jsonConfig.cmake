# nlohmann_json headers from Debian's package (see README.md).
if(NOT TARGET nlohmann_json::nlohmann_json)
  add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
  set_target_properties(nlohmann_json::nlohmann_json PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${ZORGSIM_WINDOWS_DEPS}/include")
endif()
