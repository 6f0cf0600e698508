# Replaces Catch2's Catch.cmake in the Windows build (see README.md): one test per program.
function(catch_discover_tests target)
  add_test(NAME ${target} COMMAND ${target})
endfunction()
