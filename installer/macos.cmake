# macOS: herald.app (herald-cli and herald-sim inside it, next to the GUI, so
# they share the bundle's Qt frameworks) on a disk image (cpack -G DragNDrop).
# Included from installer/CMakeLists.txt on APPLE only. Not built in CI (no
# Mac): installer/README.md lists the steps and what to check.

if(NOT TARGET herald)
    message(WARNING "macOS packages need the GUI (herald.app carries herald-cli): "
                    "configure with -DHERALD_BUILD_GUI=ON to package")
    return()
endif()

set_target_properties(herald PROPERTIES
    MACOSX_BUNDLE ON
    MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_SOURCE_DIR}/macos/Info.plist.in
    MACOSX_BUNDLE_BUNDLE_NAME Herald
    MACOSX_BUNDLE_GUI_IDENTIFIER io.github.herald-teams.herald
    MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
    MACOSX_BUNDLE_COPYRIGHT "The Herald developers")
# ui/Icons.cpp draws SVG icons through Qt's SVG plugins; macdeployqt deploys
# them only for a bundle that links Qt Svg.
find_package(Qt6 6.4 REQUIRED COMPONENTS Svg)
target_link_libraries(herald PRIVATE Qt6::Svg)

# After app/ and ui/ have installed bin/herald-cli, bin/herald-sim and
# herald.app (this directory's install rules run last): move the two tools into
# the bundle, then macdeployqt copies the Qt frameworks and plugins into it and
# rewrites all three binaries to use them.
install(CODE "
    include(\"${QT_DEPLOY_SUPPORT}\")
    set(_app \"\${QT_DEPLOY_PREFIX}/$<TARGET_BUNDLE_DIR_NAME:herald>\")
    foreach(_tool herald-cli herald-sim)
        file(RENAME \"\${QT_DEPLOY_PREFIX}/bin/\${_tool}\" \"\${_app}/Contents/MacOS/\${_tool}\")
    endforeach()
    file(GLOB _left \"\${QT_DEPLOY_PREFIX}/bin/*\")
    if(NOT _left)
        file(REMOVE_RECURSE \"\${QT_DEPLOY_PREFIX}/bin\")
    endif()
    qt_deploy_runtime_dependencies(
        EXECUTABLE \"\${_app}\"
        ADDITIONAL_EXECUTABLES \"\${_app}/Contents/MacOS/herald-cli\" \"\${_app}/Contents/MacOS/herald-sim\")
")

set(CPACK_GENERATOR DragNDrop)
set(CPACK_DMG_VOLUME_NAME Herald)
