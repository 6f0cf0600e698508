# cmake -DSOURCE_DIR=<repo> -DOUTPUT=<file.cpp> -P git-commit.cmake
# Writes the commit the program reports (--version, manifest, about box) into OUTPUT at build
# time, so an incremental build after a new commit reports the new one (a configure-time
# value went stale). configure_file rewrites OUTPUT only when the commit changed, so an
# unchanged commit recompiles nothing. No date or time goes in: builds stay reproducible
# (SOURCE_DATE_EPOCH is not needed here). Without git (a source tarball): "unknown".
execute_process(COMMAND git rev-parse --short=12 HEAD WORKING_DIRECTORY ${SOURCE_DIR}
                OUTPUT_VARIABLE ZORGSIM_GIT_COMMIT OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET
                RESULT_VARIABLE _rc)
if(_rc OR NOT ZORGSIM_GIT_COMMIT)
  set(ZORGSIM_GIT_COMMIT "unknown")
endif()
configure_file(${CMAKE_CURRENT_LIST_DIR}/../sim/commit.cpp.in ${OUTPUT} @ONLY)
