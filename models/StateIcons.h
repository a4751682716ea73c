#pragma once

// Small state icons painted with QPainter on first use and then cached, so
// they look the same on every platform and theme. Each state has its own
// shape, not just its own colour: the text beside it says the rest.
// Needs a QGuiApplication (QPixmap).

#include "directory/Recipient.h"

#include <QIcon>
#include <array>

namespace herald {

class StateIcons
{
public:
    QIcon icon(InstallState state) const;
    QIcon icon(DeliveryState state) const;

private:
    mutable std::array<QIcon, installStateCount> m_install;
    mutable std::array<QIcon, deliveryStateCount> m_delivery;
};

} // namespace herald
