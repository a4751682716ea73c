# Windows: an NSIS installer (cpack -G NSIS) of bin\herald.exe, herald-cli.exe
# and herald-sim.exe with the Qt DLLs and plugins windeployqt puts next to
# them. Included from installer/CMakeLists.txt on WIN32 only. Not built in CI
# (no Windows machine): installer/README.md lists the steps and what to check.

# The GUI is a Windows application (no console window); the CLI and the
# simulator stay console programs.
if(TARGET herald)
    set_target_properties(herald PROPERTIES WIN32_EXECUTABLE ON)
    # ui/Icons.cpp draws SVG icons through Qt's SVG plugins. windeployqt picks
    # plugins by the Qt modules a binary links, so link Qt Svg to have them
    # (qsvg, qsvgicon and Qt6Svg.dll) deployed.
    find_package(Qt6 6.4 REQUIRED COMPONENTS Svg)
    target_link_libraries(herald PRIVATE Qt6::Svg)
endif()

# The MSVC (or MinGW) runtime DLLs, into bin\ next to the programs.
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION bin)
include(InstallRequiredSystemLibraries)

# Libraries that are not Qt (e.g. QtKeychain's qt6keychain.dll when it is
# linked) are not copied by windeployqt: list their DLL paths here.
set(HERALD_EXTRA_RUNTIME_DLLS "" CACHE FILEPATH "Non-Qt DLLs to install next to the programs (;-list)")
if(HERALD_EXTRA_RUNTIME_DLLS)
    install(FILES ${HERALD_EXTRA_RUNTIME_DLLS} DESTINATION bin)
endif()

# windeployqt, through Qt's deployment helper (Qt 6.3+), after the programs are
# installed (this directory's install rules run after app/ and ui/). It runs
# in the install prefix, i.e. in CPack's staging directory when packaging:
# Qt DLLs into bin\, plugins into plugins\, and a bin\qt.conf that points there.
# herald.exe links every Qt module the other two use (the demo mode embeds the
# simulator), so deploying for it covers herald-cli.exe and herald-sim.exe.
set(_herald_deploy_main herald-cli)
set(_herald_deploy_more herald-sim)
if(TARGET herald)
    set(_herald_deploy_main herald)
    set(_herald_deploy_more herald-cli herald-sim)
endif()
set(_herald_deploy_more_files "")
foreach(_target IN LISTS _herald_deploy_more)
    string(APPEND _herald_deploy_more_files " \"\${QT_DEPLOY_PREFIX}/bin/$<TARGET_FILE_NAME:${_target}>\"")
endforeach()
install(CODE "
    include(\"${QT_DEPLOY_SUPPORT}\")
    qt_deploy_runtime_dependencies(
        EXECUTABLE \"\${QT_DEPLOY_PREFIX}/bin/$<TARGET_FILE_NAME:${_herald_deploy_main}>\"
        ADDITIONAL_EXECUTABLES ${_herald_deploy_more_files}
        GENERATE_QT_CONF)
")

set(CPACK_GENERATOR NSIS)
set(CPACK_NSIS_PACKAGE_NAME "Herald")
set(CPACK_NSIS_DISPLAY_NAME "Herald ${PROJECT_VERSION}")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
# Start menu entry for the GUI; herald-cli is used from a terminal, so the
# installer offers to put bin\ on the PATH.
if(TARGET herald)
    set(CPACK_PACKAGE_EXECUTABLES herald "Herald")
    set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\herald.exe")
endif()
set(CPACK_NSIS_MODIFY_PATH ON)
# An upgrade first runs the old uninstaller: files of the old version do not
# linger. Profiles and campaign data are under %LOCALAPPDATA%, not here.
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
