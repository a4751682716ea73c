# Desktop integration on freedesktop systems (included by resources/CMakeLists.txt
# on Linux): what the Debian package puts under /usr/share next to the
# programs. installer/check-package.sh validates the installed files.
include(GNUInstallDirs)

# bash completion for herald-cli (loaded on demand by bash-completion by the
# command's name, hence the rename).
install(FILES completion/herald-cli.bash
    DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
    RENAME herald-cli)

# Man pages, generated from each program's --help by help2man at build time
# (so they list exactly the options the binary has) plus the hand-written
# sections in man/PROGRAM.h2m. Without help2man the build goes on without them.
find_program(HERALD_HELP2MAN help2man)
find_program(HERALD_GZIP gzip)
if(HERALD_HELP2MAN AND HERALD_GZIP)
    set(_herald_man_pages "")
    foreach(_program herald-cli herald-sim herald)
        if(NOT TARGET ${_program})
            continue()
        endif()
        set(_page ${CMAKE_CURRENT_BINARY_DIR}/man/${_program}.1)
        # help2man runs "help-for-man.sh BINARY --help" (one shell word list);
        # gzip -n leaves the time stamp out, so the page is reproducible.
        add_custom_command(OUTPUT ${_page}.gz
            COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/man
            COMMAND ${HERALD_HELP2MAN} --no-info --no-discard-stderr
                    --include=${CMAKE_CURRENT_SOURCE_DIR}/man/${_program}.h2m
                    --output=${_page}
                    "${CMAKE_CURRENT_SOURCE_DIR}/man/help-for-man.sh $<TARGET_FILE:${_program}>"
            COMMAND ${HERALD_GZIP} -9nf ${_page}
            DEPENDS ${_program} man/${_program}.h2m man/help-for-man.sh
            COMMENT "Writing the man page of ${_program}"
            VERBATIM)
        list(APPEND _herald_man_pages ${_page}.gz)
    endforeach()
    add_custom_target(herald-man-pages ALL DEPENDS ${_herald_man_pages})
    install(FILES ${_herald_man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
    message(STATUS "help2man or gzip not found: no man pages (Debian: apt-get install help2man)")
endif()

if(NOT HERALD_BUILD_GUI)
    return()
endif()

# The launcher entry and the AppStream metadata (software centres). The
# metadata id is reverse-DNS; its <launchable> names herald.desktop, which is
# also the GUI's QGuiApplication::desktopFileName.
install(FILES herald.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES io.github.herald_teams.herald.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

# The application icon: the SVG, and PNGs rendered from it at build time in
# the hicolor sizes for menus and docks that want bitmaps.
install(FILES icons/herald.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
add_executable(herald-render-icon tools/render-icon.cpp)
target_link_libraries(herald-render-icon PRIVATE Qt6::Gui)
set_target_properties(herald-render-icon PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
herald_set_warnings(herald-render-icon)

set(_herald_icon_sizes 16 22 24 32 48 64 128 256 512)
set(_herald_icon_dir ${CMAKE_CURRENT_BINARY_DIR}/hicolor)
set(_herald_icon_pngs "")
foreach(_size IN LISTS _herald_icon_sizes)
    list(APPEND _herald_icon_pngs ${_herald_icon_dir}/${_size}x${_size}/apps/herald.png)
endforeach()
add_custom_command(OUTPUT ${_herald_icon_pngs}
    COMMAND herald-render-icon ${CMAKE_CURRENT_SOURCE_DIR}/icons/herald.svg ${_herald_icon_dir} herald
            ${_herald_icon_sizes}
    DEPENDS herald-render-icon icons/herald.svg
    COMMENT "Rendering the application icon to PNG"
    VERBATIM)
add_custom_target(herald-icons ALL DEPENDS ${_herald_icon_pngs})
foreach(_size IN LISTS _herald_icon_sizes)
    install(FILES ${_herald_icon_dir}/${_size}x${_size}/apps/herald.png
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${_size}x${_size}/apps)
endforeach()
