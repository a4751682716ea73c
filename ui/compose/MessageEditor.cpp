#include "MessageEditor.h"

#include <QFontDatabase>
#include <QKeyEvent>
#include <QTextBlock>

namespace herald::ui {

MessageEditor::MessageEditor(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("messageEditor"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setTabChangesFocus(false);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
}

void MessageEditor::keyPressEvent(QKeyEvent *event)
{
    const bool tab = event->key() == Qt::Key_Tab || event->key() == Qt::Key_Backtab;
    if (tab && (event->modifiers() & Qt::ControlModifier)) {
        const bool back = event->key() == Qt::Key_Backtab || (event->modifiers() & Qt::ShiftModifier);
        // QPlainTextEdit's own focusNextPrevChild() refuses while editable.
        QWidget::focusNextPrevChild(!back);
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void MessageEditor::goTo(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(qMax(0, line - 1));
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + qBound(0, column - 1, qMax(0, block.length() - 1)));
    setTextCursor(cursor);
    centerCursor();
    setFocus(Qt::OtherFocusReason);
}

int MessageEditor::cursorLine() const
{
    return textCursor().blockNumber() + 1;
}

int MessageEditor::cursorColumn() const
{
    return textCursor().positionInBlock() + 1;
}

void MessageEditor::insertAtCursor(const QString &text)
{
    textCursor().insertText(text);
    setFocus(Qt::OtherFocusReason);
}

void MessageEditor::replaceAll(const QString &text)
{
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    cursor.endEditBlock();
}

void MessageEditor::setIssueMarks(const herald::message::ValidationIssues &issues)
{
    QList<QTextEdit::ExtraSelection> marks;
    for (const herald::message::ValidationIssue &issue : issues) {
        if (issue.line <= 0)
            continue;
        const QTextBlock block = document()->findBlockByNumber(issue.line - 1);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection mark;
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(issue.isError() ? QColor(0xc4, 0x31, 0x4b) : QColor(0xc1, 0x9c, 0x00));
        mark.format.setToolTip(issue.message);
        QTextCursor cursor(block);
        const int column = qBound(0, issue.column - 1, qMax(0, block.length() - 1));
        cursor.setPosition(block.position() + column);
        // Underline the word (or character) the issue points at.
        cursor.movePosition(QTextCursor::EndOfWord, QTextCursor::KeepAnchor);
        if (!cursor.hasSelection())
            cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
        if (!cursor.hasSelection()) {
            cursor.setPosition(block.position());
            cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        }
        mark.cursor = cursor;
        marks << mark;
    }
    setExtraSelections(marks);
}

} // namespace herald::ui
