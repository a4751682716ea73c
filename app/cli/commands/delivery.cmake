# herald-cli commands of the delivery area: send, campaigns, report.
target_sources(herald-cli-lib PRIVATE
    commands/BotSession.cpp
    commands/BotSession.h
    commands/CampaignsCommand.cpp
    commands/CampaignsCommand.h
    commands/ReportCommand.cpp
    commands/ReportCommand.h
    commands/SendCommand.cpp
    commands/SendCommand.h
    commands/SendPreflight.cpp
    commands/SendPreflight.h
    commands/SendSupport.cpp
    commands/SendSupport.h
)
