# herald-cli commands of the auth area: secret, profile, login, check.
target_sources(herald-cli-lib PRIVATE
    commands/AuthSetup.cpp
    commands/CheckCommand.cpp
    commands/CheckCommand.h
    commands/LoginCommand.cpp
    commands/LoginCommand.h
    commands/AuthSetup.h
    commands/ProfileCommand.cpp
    commands/ProfileCommand.h
    commands/SecretCommand.cpp
    commands/SecretCommand.h
)
