#include "campaign/CampaignLogging.h"

Q_LOGGING_CATEGORY(lcCampaign, "herald.campaign", QtInfoMsg)
