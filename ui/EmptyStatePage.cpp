#include "EmptyStatePage.h"

#include "Icons.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace herald::ui {

namespace {

constexpr int kTextWidthInChars = 64;

QLabel *wrappedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignHCenter);
    return label;
}

// The commands in a framed, selectable block so they can be copied.
QFrame *createCommandBox(const QStringList &commands, QWidget *parent)
{
    auto *box = new QFrame(parent);
    box->setFrameShape(QFrame::StyledPanel);
    box->setBackgroundRole(QPalette::Base);
    box->setAutoFillBackground(true);
    auto *command = new QLabel(commands.join(QLatin1Char('\n')), box);
    command->setObjectName(QStringLiteral("cliCommand"));
    command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    command->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    command->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(command);
    return box;
}

} // namespace

EmptyStatePage::EmptyStatePage(const PageInfo &info, QWidget *parent)
    : QWidget(parent)
    , m_info(info)
    , m_icon(new QLabel(this))
{
    setObjectName(QStringLiteral("page_%1").arg(info.id));
    m_icon->setAlignment(Qt::AlignHCenter);

    auto *headline = wrappedLabel(info.headline, this);
    QFont headlineFont = headline->font();
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.25);
    headlineFont.setBold(true);
    headline->setFont(headlineFont);

    auto *summary = wrappedLabel(info.summary, this);

    // A centred column of readable width.
    auto *column = new QWidget(this);
    int columnWidth = fontMetrics().averageCharWidth() * kTextWidthInChars;
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(10);
    columnLayout->addWidget(m_icon);
    columnLayout->addSpacing(4);
    columnLayout->addWidget(headline);
    columnLayout->addWidget(summary);
    columnLayout->addSpacing(14);

    if (info.cliCommands.isEmpty()) {
        auto *later
            = wrappedLabel(tr("Not available yet: this arrives in a later version of Herald."), column);
        later->setObjectName(QStringLiteral("comingLater"));
        later->setForegroundRole(QPalette::PlaceholderText);
        columnLayout->addWidget(later);
    } else {
        auto *cliIntro = wrappedLabel(tr("Not in the window yet. From the command line:"), column);
        cliIntro->setForegroundRole(QPalette::PlaceholderText);
        columnLayout->addWidget(cliIntro);
        QFrame *commandBox = createCommandBox(info.cliCommands, column);
        columnLayout->addWidget(commandBox, 0, Qt::AlignHCenter);
        // Wide enough for the command block, which must not be cut off.
        columnWidth = qMax(columnWidth, commandBox->sizeHint().width());
    }
    column->setMaximumWidth(columnWidth);

    // No alignment flag on the column: an aligned widget gets its size hint
    // and word-wrapped labels lose lines. Stretches centre it instead.
    column->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 100);
    row->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);

    refreshIcon();
}

void EmptyStatePage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        refreshIcon();
}

void EmptyStatePage::refreshIcon()
{
    const int size = fontMetrics().height() * 4;
    m_icon->setPixmap(icons::glyph(m_info.id, palette(), QPalette::PlaceholderText).pixmap(size, size));
}

} // namespace herald::ui
