#pragma once

#include "message/ValidationIssue.h"

#include <QPlainTextEdit>

namespace herald::ui {

// The composer's text box (markdown or card JSON): monospace, marks the
// places validation complains about with a wavy underline, and jumps to a
// line and column.
class MessageEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit MessageEditor(QWidget *parent = nullptr);

    // 1-based line and column (characters), as ValidationIssue has them.
    void goTo(int line, int column);
    int cursorLine() const;
    int cursorColumn() const;

    void insertAtCursor(const QString &text);
    // Replaces everything as one undoable edit.
    void replaceAll(const QString &text);

    void setIssueMarks(const herald::message::ValidationIssues &issues);
    int issueMarkCount() const { return extraSelections().size(); }

protected:
    // Tab indents JSON; Ctrl+Tab and Ctrl+Shift+Tab leave the editor, so the
    // keyboard is never trapped in it.
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace herald::ui
