#pragma once

#include "Pages.h"

#include <QWidget>

class QLabel;

namespace herald::ui {

// What a page shows until its real content exists: what it will do and the
// herald-cli command that does the same work now. No placeholder data.
class EmptyStatePage : public QWidget
{
    Q_OBJECT

public:
    explicit EmptyStatePage(const PageInfo &info, QWidget *parent = nullptr);

    const PageInfo &info() const { return m_info; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void refreshIcon();

    PageInfo m_info;
    QLabel *m_icon = nullptr;
};

} // namespace herald::ui
