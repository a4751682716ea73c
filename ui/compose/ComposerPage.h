#pragma once

// ComposerPage: the Compose page of the main window. Public API (for the
// main window and the send/delivery wiring):
//
//   ComposerPage(QWidget *parent = nullptr)
//   void setNetworkAccessManager(QNetworkAccessManager *)  // card images in the preview; not owned
//   void setRecipients(const herald::message::RecipientDataList &)
//       // the "Preview as…" choices and the template fields (directory
//       // fields + CSV columns); validation checks every one for missing
//       // fields and size. May be called again at any time.
//   std::optional<herald::message::MessageDocument> document() const
//       // the message as it is now; empty while it does not parse
//   bool hasErrors() const                  // validation found errors
//   bool openFile(const QString &path)      // .md/.markdown/.txt or .json
//   bool saveFile(const QString &path)
//   void setSenderName(const QString &)     // the bot's name above the preview bubble
//   void setMode(Mode) / Mode mode() const  // Markdown text or Adaptive Card JSON
//   void setText(const QString &) / QString text() const
//
// signals:
//   void sendTestRequested(const herald::message::MessageDocument &document,
//                          const herald::message::RecipientData &previewedAs)
//       // "Send test to me" was pressed on a message without errors; the
//       // owner sends it to the signed-in admin only (never campaign delivery)
//   void documentChanged()                  // after each (debounced) re-validation
//   void fileError(const QString &message)  // open/save failed (also shown on the page)
//
// Typing re-validates and re-renders the preview after a 300 ms pause. While
// the JSON does not parse, the preview keeps the last good render and the
// error (with line and column) is shown above it and in the issue list.

#include "CardTheme.h"
#include "message/MessageDocument.h"
#include "message/RecipientData.h"

#include <QWidget>
#include <optional>

class QButtonGroup;
class QComboBox;
class QLabel;
class QNetworkAccessManager;
class QPushButton;
class QStackedWidget;
class QTimer;
class QToolButton;

namespace herald::ui {

class AdaptiveCardView;
class CardFormWidget;
class IssueList;
class MarkdownMessageView;
class MessageEditor;
class PayloadSizeIndicator;
class TemplateFieldList;

class ComposerPage : public QWidget
{
    Q_OBJECT

signals:
    void sendTestRequested(const herald::message::MessageDocument &document,
                           const herald::message::RecipientData &previewedAs);
    void documentChanged();
    void fileError(const QString &message);

public:
    enum class Mode { Markdown, Card };

    // Debounce between the last keystroke and re-validation/preview.
    static constexpr int kPreviewDelayMs = 300;
    // Validation binds at most this many recipients per pass (missing fields
    // and size); the send pipeline's own validation checks everyone.
    static constexpr int kValidatedRecipients = 2000;

    explicit ComposerPage(QWidget *parent = nullptr);
    ~ComposerPage() override;

    void setNetworkAccessManager(QNetworkAccessManager *network);
    void setRecipients(const herald::message::RecipientDataList &recipients);
    void setSenderName(const QString &name);
    herald::message::RecipientDataList recipients() const { return m_recipients; }

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    QString text() const;
    void setText(const QString &text);

    std::optional<herald::message::MessageDocument> document() const { return m_document; }
    herald::message::ValidationIssues issues() const { return m_issues; }
    bool hasErrors() const;

    bool openFile(const QString &path);
    bool saveFile(const QString &path);

    // Re-validates and re-renders now instead of after the pause.
    void refreshNow();

    // The parts, for the main window's menus and for tests.
    MessageEditor *editor() const { return m_editor; }
    AdaptiveCardView *cardView() const { return m_cardView; }
    MarkdownMessageView *markdownView() const { return m_markdownView; }
    IssueList *issueList() const { return m_issueList; }
    PayloadSizeIndicator *sizeIndicator() const { return m_size; }
    TemplateFieldList *fieldList() const { return m_fields; }
    CardFormWidget *cardForm() const { return m_form; }
    QComboBox *previewAsBox() const { return m_previewAs; }
    QLabel *previewErrorLabel() const { return m_previewError; }

private:
    QWidget *createToolBar();
    QWidget *createEditorSide();
    QWidget *createPreviewSide();
    void scheduleRefresh();
    void refresh();
    void showParseFailure(const herald::message::ValidationIssues &issues);
    void updateFields();
    void updatePreviewAs();
    herald::message::RecipientData previewRecipient() const;
    void setThemeMode(CardTheme::Mode mode);
    void chooseOpenFile();
    void chooseSaveFile();
    void reportFileError(const QString &message);

    Mode m_mode = Mode::Markdown;
    QString m_otherModeText; // what the other mode's editor held
    QString m_path;
    herald::message::RecipientDataList m_recipients;
    std::optional<herald::message::MessageDocument> m_document;
    herald::message::ValidationIssues m_issues;

    QTimer *m_debounce = nullptr;
    QButtonGroup *m_modeGroup = nullptr;
    QToolButton *m_darkToggle = nullptr;
    QComboBox *m_previewAs = nullptr;
    QPushButton *m_sendTest = nullptr;
    MessageEditor *m_editor = nullptr;
    CardFormWidget *m_form = nullptr;
    QWidget *m_formBox = nullptr;
    TemplateFieldList *m_fields = nullptr;
    IssueList *m_issueList = nullptr;
    PayloadSizeIndicator *m_size = nullptr;
    QLabel *m_fileStatus = nullptr;
    QLabel *m_previewError = nullptr;
    QStackedWidget *m_previews = nullptr;
    AdaptiveCardView *m_cardView = nullptr;
    MarkdownMessageView *m_markdownView = nullptr;
};

} // namespace herald::ui
