# Herald's translations (included by resources/CMakeLists.txt).
#
# herald_en.ts is the source-language catalog: it carries only the English
# plural forms of the %n strings; herald_<lang>.ts are the translations.
# lrelease turns each into a .qm that qt_add_translations embeds under :/i18n
# (app/core/Translations.cpp loads it for the user's locale).
#
# lupdate never runs during a normal build: only
#   cmake --build build --target update_translations
# rescans the sources and updates every .ts. tst_translationcatalog fails when
# a tr() string in the sources is missing from the committed catalogs.
find_package(Qt6 6.4 REQUIRED COMPONENTS LinguistTools)

set(HERALD_TS_FILES
    ${CMAKE_CURRENT_LIST_DIR}/herald_en.ts
    ${CMAKE_CURRENT_LIST_DIR}/herald_de.ts
)

# Every source file under app/, models/ and ui/ (tests and tools are not
# translated). No CONFIGURE_DEPENDS: a new source file comes with a
# CMakeLists.txt edit, which reruns CMake and this glob.
file(GLOB_RECURSE HERALD_TR_SOURCES
    ${PROJECT_SOURCE_DIR}/app/*.cpp ${PROJECT_SOURCE_DIR}/app/*.h
    ${PROJECT_SOURCE_DIR}/models/*.cpp ${PROJECT_SOURCE_DIR}/models/*.h
    ${PROJECT_SOURCE_DIR}/ui/*.cpp ${PROJECT_SOURCE_DIR}/ui/*.h)
list(SORT HERALD_TR_SOURCES)

# No line numbers in the .ts files: they would change with every edit of a
# source file and bury the real changes in the diff. Strings gone from the
# sources leave the .ts files (lupdate still offers a similar old translation
# for a changed string, marked unfinished).
set(HERALD_LUPDATE_OPTIONS -locations none -no-obsolete)

add_library(herald-translations STATIC)
target_link_libraries(herald-translations PUBLIC Qt6::Core)
qt_add_translations(herald-translations
    TS_FILES ${HERALD_TS_FILES}
    SOURCES ${HERALD_TR_SOURCES}
    INCLUDE_DIRECTORIES ${PROJECT_SOURCE_DIR}/app ${PROJECT_SOURCE_DIR}
    LUPDATE_OPTIONS ${HERALD_LUPDATE_OPTIONS}
    # Only reviewed ("finished") translations ship; a guess lupdate carried
    # over from a changed string stays English until someone checks it.
    LRELEASE_OPTIONS -nounfinished
    RESOURCE_PREFIX /i18n)

# For tst_translationcatalog, which reruns the same lupdate into a temporary
# file: the project description qt_add_lupdate generated, and the tools.
set(HERALD_LUPDATE_PROJECT ${CMAKE_CURRENT_BINARY_DIR}/.lupdate/herald-translations_project.cmake
    CACHE INTERNAL "lupdate project of herald-translations")
set(HERALD_LUPDATE_OPTIONS "${HERALD_LUPDATE_OPTIONS}" CACHE INTERNAL "lupdate options")
set(HERALD_TS_FILES "${HERALD_TS_FILES}" CACHE INTERNAL "Herald's .ts files")
set(HERALD_LUPDATE_PROJECT_SCRIPT ${_Qt6_LINGUIST_TOOLS_DIR}/GenerateLUpdateProject.cmake
    CACHE INTERNAL "Qt's script that turns the project description into lupdate's JSON")
