# Read by cpack for every generator, at packaging time (CPACK_PROJECT_CONFIG_FILE).
#
# Package version = project version, plus where the sources are in git:
#   tag v0.1.0 is HEAD                      -> 0.1.0
#   5 commits after tag v0.1.0              -> 0.1.0+git5.gabc1234   (after the release)
#   no tag v0.1.0 yet, 42 commits in total  -> 0.1.0~git42.gabc1234  (on the way to it)
# Debian sorts ~ before and + after the plain version, so upgrades go the right
# way. Without git (or outside a work tree, e.g. a tarball) it is the plain
# project version: building a package never needs git.

if(NOT DEFINED HERALD_CPACK_VERSION_DONE)
    set(HERALD_CPACK_VERSION_DONE TRUE)
    set(_herald_suffix "")
    find_program(_herald_git git)
    if(_herald_git AND EXISTS "${CPACK_HERALD_SOURCE_DIR}/.git")
        execute_process(
            COMMAND "${_herald_git}" -C "${CPACK_HERALD_SOURCE_DIR}" describe --tags --long
                    --match "v${CPACK_PACKAGE_VERSION}"
            RESULT_VARIABLE _herald_rc OUTPUT_VARIABLE _herald_describe
            OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
        if(_herald_rc EQUAL 0 AND _herald_describe MATCHES "-([0-9]+)-g([0-9a-f]+)$")
            if(NOT CMAKE_MATCH_1 EQUAL 0)
                set(_herald_suffix "+git${CMAKE_MATCH_1}.g${CMAKE_MATCH_2}")
            endif()
        else()
            execute_process(
                COMMAND "${_herald_git}" -C "${CPACK_HERALD_SOURCE_DIR}" rev-list --count HEAD
                RESULT_VARIABLE _herald_rc1 OUTPUT_VARIABLE _herald_count
                OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
            execute_process(
                COMMAND "${_herald_git}" -C "${CPACK_HERALD_SOURCE_DIR}" rev-parse --short=8 HEAD
                RESULT_VARIABLE _herald_rc2 OUTPUT_VARIABLE _herald_hash
                OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
            # Fails e.g. for a repository owned by another user (git's
            # safe.directory): then the plain version, no guess.
            if(_herald_rc1 EQUAL 0 AND _herald_rc2 EQUAL 0 AND _herald_count MATCHES "^[0-9]+$")
                set(_herald_suffix "~git${_herald_count}.g${_herald_hash}")
            endif()
        endif()
    endif()
    if(_herald_suffix)
        set(CPACK_PACKAGE_VERSION "${CPACK_PACKAGE_VERSION}${_herald_suffix}")
        set(CPACK_PACKAGE_FILE_NAME "${CPACK_PACKAGE_NAME}-${CPACK_PACKAGE_VERSION}-${CPACK_SYSTEM_NAME}")
    endif()
    message(STATUS "Herald package version ${CPACK_PACKAGE_VERSION}")
endif()
