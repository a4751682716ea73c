#include "ComposerPage.h"

#include "AdaptiveCardView.h"
#include "CardFormWidget.h"
#include "ComposerPanels.h"
#include "MarkdownMessageView.h"
#include "MessageEditor.h"
#include "MessageFiles.h"
#include "message/ActivityBuilder.h"
#include "message/Validator.h"
#include "ui/UiLogging.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace herald::ui {

using namespace herald::message;

namespace {

// What the card editor starts with, so the preview shows something at once.
const char kStarterCard[] = R"({
  "type": "AdaptiveCard",
  "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
  "version": "1.5",
  "body": [
    {
      "type": "TextBlock",
      "text": "Hello ${givenName}",
      "size": "Large",
      "weight": "Bolder",
      "wrap": true
    }
  ]
}
)";

// The preview-as list stays usable with a whole tenant loaded.
constexpr int kPreviewAsChoices = 1000;
// Initial split of the page (only the ratio matters) and the narrowest the
// preview may get: about the width of a card in a Teams chat on a laptop.
constexpr int kEditorSideWidth = 560;
constexpr int kPreviewSideWidth = 440;
constexpr int kMinimumPreviewWidth = 320;

QScrollArea *scrollFor(QWidget *widget, QWidget *parent)
{
    auto *scroll = new QScrollArea(parent);
    scroll->setWidget(widget);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    return scroll;
}

} // namespace

ComposerPage::ComposerPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("composerPage"));
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kPreviewDelayMs);
    connect(m_debounce, &QTimer::timeout, this, &ComposerPage::refresh);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("composerSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(createEditorSide());
    splitter->addWidget(createPreviewSide());
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    // Left alone, the splitter sizes each side by its size hint: the editor and
    // field list then take everything and the preview shrinks to a narrow
    // column that wraps every line. Start near an even split (the preview is
    // what the admin checks before sending) and never narrower than a Teams
    // chat bubble on a small laptop.
    splitter->widget(1)->setMinimumWidth(kMinimumPreviewWidth);
    splitter->setSizes({kEditorSideWidth, kPreviewSideWidth});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(createToolBar());
    layout->addWidget(splitter, 1);

    connect(m_editor, &QPlainTextEdit::textChanged, this, &ComposerPage::scheduleRefresh);
    connect(m_issueList, &IssueList::issueActivated, m_editor, &MessageEditor::goTo);
    connect(m_fields, &TemplateFieldList::insertRequested, m_editor, &MessageEditor::insertAtCursor);
    connect(m_form, &CardFormWidget::cardRequested, this, [this](const QJsonObject &card) {
        setMode(Mode::Card);
        m_editor->replaceAll(CardFormWidget::toJsonText(card));
        refreshNow();
    });

    updateFields();
    updatePreviewAs();
    setMode(Mode::Markdown);
    refreshNow();
}

ComposerPage::~ComposerPage() = default;

QWidget *ComposerPage::createToolBar()
{
    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);

    m_modeGroup = new QButtonGroup(this);
    m_modeGroup->setExclusive(true);
    const auto addMode = [&](const QString &text, const QString &name, Mode mode) {
        auto *button = new QToolButton(bar);
        button->setText(text);
        button->setObjectName(name);
        button->setCheckable(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_modeGroup->addButton(button, int(mode));
        layout->addWidget(button);
    };
    addMode(tr("Text (&markdown)"), QStringLiteral("modeMarkdown"), Mode::Markdown);
    addMode(tr("Adaptive Card (&JSON)"), QStringLiteral("modeCard"), Mode::Card);
    connect(m_modeGroup, &QButtonGroup::idClicked, this, [this](int id) { setMode(Mode(id)); });

    layout->addSpacing(12);
    auto *open = new QToolButton(bar);
    open->setText(tr("&Open…"));
    open->setObjectName(QStringLiteral("openMessage"));
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Open a message file (.md or .json) (%1)")
                         .arg(open->shortcut().toString(QKeySequence::NativeText)));
    connect(open, &QToolButton::clicked, this, &ComposerPage::chooseOpenFile);
    auto *save = new QToolButton(bar);
    save->setText(tr("&Save…"));
    save->setObjectName(QStringLiteral("saveMessage"));
    save->setShortcut(QKeySequence::Save);
    save->setToolTip(
        tr("Save the message to a file (%1)").arg(save->shortcut().toString(QKeySequence::NativeText)));
    connect(save, &QToolButton::clicked, this, &ComposerPage::chooseSaveFile);
    layout->addWidget(open);
    layout->addWidget(save);
    layout->addStretch(1);

    auto *previewAsLabel = new QLabel(tr("Preview &as:"), bar);
    m_previewAs = new QComboBox(bar);
    m_previewAs->setObjectName(QStringLiteral("previewAs"));
    m_previewAs->setMinimumContentsLength(24);
    m_previewAs->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    previewAsLabel->setBuddy(m_previewAs);
    connect(m_previewAs, &QComboBox::currentIndexChanged, this, [this] { refreshNow(); });
    layout->addWidget(previewAsLabel);
    layout->addWidget(m_previewAs);

    m_darkToggle = new QToolButton(bar);
    m_darkToggle->setObjectName(QStringLiteral("darkPreview"));
    m_darkToggle->setText(tr("&Dark"));
    m_darkToggle->setCheckable(true);
    m_darkToggle->setToolTip(tr("Preview in Teams' dark theme"));
    m_darkToggle->setAccessibleName(tr("Dark preview"));
    connect(m_darkToggle, &QToolButton::toggled, this,
            [this](bool dark) { setThemeMode(dark ? CardTheme::Mode::Dark : CardTheme::Mode::Light); });
    layout->addWidget(m_darkToggle);

    m_sendTest = new QPushButton(tr("Se&nd test to me"), bar);
    m_sendTest->setObjectName(QStringLiteral("sendTest"));
    m_sendTest->setToolTip(tr("Sends this message, bound for the recipient previewed, to you only. "
                              "It is not recorded as campaign delivery."));
    connect(m_sendTest, &QPushButton::clicked, this, [this] {
        if (m_document && !hasErrors())
            emit sendTestRequested(*m_document, previewRecipient());
    });
    layout->addWidget(m_sendTest);
    return bar;
}

QWidget *ComposerPage::createEditorSide()
{
    auto *side = new QWidget(this);

    m_formBox = new QGroupBox(tr("Card from title, image, summary and button"), side);
    m_form = new CardFormWidget(m_formBox);
    auto *formLayout = new QVBoxLayout(m_formBox);
    formLayout->addWidget(m_form);

    m_editor = new MessageEditor(side);
    m_editor->setAccessibleName(tr("Message"));
    m_editor->setAccessibleDescription(
        tr("Markdown text or Adaptive Card JSON. Tab indents; Ctrl+Tab moves to the next control."));
    m_size = new PayloadSizeIndicator(side);
    m_issueList = new IssueList(side);
    m_issueList->setMaximumHeight(m_issueList->fontMetrics().height() * 7);
    m_fileStatus = new QLabel(side);
    m_fileStatus->setObjectName(QStringLiteral("fileStatus"));
    m_fileStatus->setWordWrap(true);
    m_fileStatus->hide();

    auto *fieldsBox = new QWidget(side);
    auto *fieldsLayout = new QVBoxLayout(fieldsBox);
    fieldsLayout->setContentsMargins(0, 0, 0, 0);
    auto *fieldsLabel = new QLabel(tr("Fie&lds"), fieldsBox);
    m_fields = new TemplateFieldList(fieldsBox);
    fieldsLabel->setBuddy(m_fields->list());
    fieldsLayout->addWidget(fieldsLabel);
    fieldsLayout->addWidget(m_fields, 1);
    fieldsBox->setFixedWidth(fieldsBox->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 24);

    auto *main = new QVBoxLayout;
    main->setContentsMargins(0, 0, 0, 0);
    main->addWidget(m_formBox);
    main->addWidget(m_editor, 1);
    main->addWidget(m_size);
    main->addWidget(m_fileStatus);
    main->addWidget(m_issueList);

    auto *layout = new QHBoxLayout(side);
    layout->setContentsMargins(0, 0, 8, 0);
    layout->addWidget(fieldsBox);
    layout->addLayout(main, 1);
    return side;
}

QWidget *ComposerPage::createPreviewSide()
{
    auto *side = new QWidget(this);
    m_previewError = new QLabel(side);
    m_previewError->setObjectName(QStringLiteral("previewError"));
    m_previewError->setWordWrap(true);
    m_previewError->setMargin(6);
    m_previewError->setStyleSheet(QStringLiteral("QLabel { background: #fde7e9; color: #a4262c;"
                                                 " border: 1px solid #f1bbbc; border-radius: 4px; }"));
    m_previewError->hide();

    m_cardView = new AdaptiveCardView(side);
    m_markdownView = new MarkdownMessageView(side);
    m_previews = new QStackedWidget(side);
    m_previews->setObjectName(QStringLiteral("previews"));
    m_previews->addWidget(scrollFor(m_markdownView, m_previews));
    m_previews->addWidget(scrollFor(m_cardView, m_previews));
    // The scroll areas are tab stops (arrow keys scroll a long preview).
    for (int i = 0; i < m_previews->count(); ++i)
        m_previews->widget(i)->setAccessibleName(tr("Preview"));

    auto *layout = new QVBoxLayout(side);
    layout->setContentsMargins(8, 0, 0, 0);
    layout->addWidget(m_previewError);
    layout->addWidget(m_previews, 1);
    return side;
}

void ComposerPage::setNetworkAccessManager(QNetworkAccessManager *network)
{
    m_cardView->setNetworkAccessManager(network);
}

void ComposerPage::setSenderName(const QString &name)
{
    m_cardView->setSenderName(name);
    m_markdownView->setSenderName(name);
}

void ComposerPage::setRecipients(const RecipientDataList &recipients)
{
    m_recipients = recipients;
    updateFields();
    updatePreviewAs();
    refreshNow();
}

void ComposerPage::setMode(Mode mode)
{
    m_modeGroup->button(int(mode))->setChecked(true);
    m_formBox->setVisible(mode == Mode::Card);
    if (mode == m_mode && !m_editor->toPlainText().isEmpty())
        return;
    if (mode != m_mode) {
        // Each mode keeps its own text, so switching back loses nothing.
        const QString current = m_editor->toPlainText();
        m_mode = mode;
        m_editor->setPlainText(m_otherModeText);
        m_otherModeText = current;
    }
    if (m_mode == Mode::Card && m_editor->toPlainText().isEmpty())
        m_editor->setPlainText(QString::fromUtf8(kStarterCard));
    m_editor->setPlaceholderText(m_mode == Mode::Markdown
                                     ? tr("Hi ${givenName},\n\nWrite the announcement in markdown: **bold**, "
                                          "_italic_, lists and [links](https://…).")
                                     : QString());
    m_previews->setCurrentIndex(m_mode == Mode::Markdown ? 0 : 1);
    refreshNow();
}

QString ComposerPage::text() const
{
    return m_editor->toPlainText();
}

void ComposerPage::setText(const QString &text)
{
    m_editor->setPlainText(text);
    refreshNow();
}

bool ComposerPage::hasErrors() const
{
    return !m_document || herald::message::hasErrors(m_issues);
}

void ComposerPage::scheduleRefresh()
{
    m_debounce->start();
}

void ComposerPage::refreshNow()
{
    m_debounce->stop();
    refresh();
}

void ComposerPage::refresh()
{
    const SourceFormat format = m_mode == Mode::Markdown ? SourceFormat::Markdown : SourceFormat::Json;
    const QString source = m_path.isEmpty() ? tr("the editor") : QFileInfo(m_path).fileName();
    const LoadResult loaded = MessageDocument::fromText(format, m_editor->toPlainText(), source);
    if (!loaded.ok()) {
        showParseFailure(loaded.issues);
        return;
    }
    m_document = *loaded.document;
    const Validator::Report report = Validator::check(*m_document, m_recipients.mid(0, kValidatedRecipients));
    m_issues = loaded.issues + report.issues;
    m_issueList->setIssues(m_issues);
    m_editor->setIssueMarks(m_issues);

    const ActivityBuilder builder(*m_document);
    const BoundMessage bound = builder.build(previewRecipient());
    const QJsonObject card = bound.card();
    if (!card.isEmpty()) {
        m_cardView->setCard(card);
        m_previews->setCurrentIndex(1);
    } else {
        m_markdownView->setMarkdown(bound.activity.value(QStringLiteral("text")).toString());
        m_previews->setCurrentIndex(0);
    }
    m_previewError->hide();
    const qsizetype largest = qMax(report.largestPayload, bound.size());
    const QString who = m_recipients.size() > 1 ? report.largestRecipient : QString();
    m_size->setSize(largest, ActivityBuilder::kMaxPayloadBytes, who);
    m_sendTest->setEnabled(!hasErrors());
    emit documentChanged();
}

void ComposerPage::showParseFailure(const ValidationIssues &issues)
{
    // Keep the last good preview: a half-typed brace must not blank it.
    m_document.reset();
    m_issues = issues;
    m_issueList->setIssues(issues);
    m_editor->setIssueMarks(issues);
    const QString first = issues.isEmpty() ? tr("The message cannot be read.") : issues.first().toString();
    m_previewError->setText(tr("Showing the last valid preview. %1").arg(first));
    m_previewError->show();
    m_size->setUnknown(tr("Size: fix the error first"));
    m_sendTest->setEnabled(false);
    emit documentChanged();
}

void ComposerPage::updateFields()
{
    QStringList fields = RecipientData::standardFields();
    for (const RecipientData &recipient : m_recipients.mid(0, kValidatedRecipients))
        for (const QString &key : recipient.fields().keys())
            if (!fields.contains(key))
                fields << key;
    m_fields->setFields(fields);
}

void ComposerPage::updatePreviewAs()
{
    const QSignalBlocker blocker(m_previewAs);
    m_previewAs->clear();
    if (m_recipients.isEmpty()) {
        m_previewAs->addItem(tr("No recipients yet: fields stay unbound"));
        m_previewAs->setEnabled(false);
        return;
    }
    m_previewAs->setEnabled(true);
    const int shown = int(qMin<qsizetype>(m_recipients.size(), kPreviewAsChoices));
    for (int i = 0; i < shown; ++i) {
        const RecipientData &recipient = m_recipients.at(i);
        const QString name = recipient.value(QStringLiteral("displayName")).toString();
        const QString label = recipient.label();
        m_previewAs->addItem(name.isEmpty() || name == label ? label : tr("%1 (%2)").arg(name, label));
    }
    m_previewAs->setToolTip(m_recipients.size() > shown
                                ? tr("The first %1 of %2 recipients").arg(shown).arg(m_recipients.size())
                                : tr("Bind the preview with this recipient's data"));
}

RecipientData ComposerPage::previewRecipient() const
{
    const int index = m_previewAs->currentIndex();
    if (m_recipients.isEmpty() || index < 0 || index >= m_recipients.size())
        return RecipientData();
    return m_recipients.at(index);
}

void ComposerPage::setThemeMode(CardTheme::Mode mode)
{
    m_cardView->setThemeMode(mode);
    m_markdownView->setThemeMode(mode);
    const QSignalBlocker blocker(m_darkToggle);
    m_darkToggle->setChecked(mode == CardTheme::Mode::Dark);
}

bool ComposerPage::openFile(const QString &path)
{
    const MessageFiles::Read file = MessageFiles::read(path);
    if (!file.ok) {
        reportFileError(file.error);
        return false;
    }
    const Mode mode = file.isJson ? Mode::Card : Mode::Markdown;
    m_path = path;
    m_otherModeText.clear();
    if (mode != m_mode) {
        m_mode = mode;
        m_modeGroup->button(int(mode))->setChecked(true);
        m_formBox->setVisible(mode == Mode::Card);
    }
    m_editor->setPlainText(file.text);
    m_fileStatus->setText(tr("Opened %1").arg(QFileInfo(path).fileName()));
    m_fileStatus->show();
    refreshNow();
    return true;
}

bool ComposerPage::saveFile(const QString &path)
{
    const QString error = MessageFiles::write(path, m_editor->toPlainText());
    if (!error.isEmpty()) {
        reportFileError(error);
        return false;
    }
    m_path = path;
    m_fileStatus->setText(tr("Saved %1").arg(QFileInfo(path).fileName()));
    m_fileStatus->show();
    return true;
}

void ComposerPage::chooseOpenFile()
{
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Open message"), QFileInfo(m_path).path(),
                                       tr("Messages (*.md *.markdown *.txt *.json);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void ComposerPage::chooseSaveFile()
{
    const bool card = m_mode == Mode::Card;
    QString path = QFileDialog::getSaveFileName(this, tr("Save message"), m_path,
                                                card ? tr("Adaptive Card (*.json)") : tr("Markdown (*.md)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += card ? QStringLiteral(".json") : QStringLiteral(".md");
    saveFile(path);
}

void ComposerPage::reportFileError(const QString &message)
{
    qCInfo(lcUi) << message;
    m_fileStatus->setText(message);
    m_fileStatus->show();
    emit fileError(message);
}

} // namespace herald::ui
