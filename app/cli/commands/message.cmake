# herald-cli commands of this area: target_sources(herald-cli-lib PRIVATE commands/...)
target_sources(herald-cli-lib PRIVATE
    commands/PreviewCommand.cpp
    commands/PreviewCommand.h
)
