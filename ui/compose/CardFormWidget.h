#pragma once

#include <QJsonObject>
#include <QWidget>

class QLineEdit;
class QPlainTextEdit;

namespace herald::ui {

// The common case without writing JSON: title, image, summary and one
// button, turned into the Adaptive Card admins know from "fixed card"
// announcement tools. Template fields (${givenName}) may be typed in any box.
class CardFormWidget : public QWidget
{
    Q_OBJECT

signals:
    // "Create card" was pressed; `card` is the generated Adaptive Card.
    void cardRequested(const QJsonObject &card);

public:
    struct Fields
    {
        QString title;
        QString imageUrl;
        QString summary; // markdown
        QString buttonTitle;
        QString buttonUrl;
    };

    explicit CardFormWidget(QWidget *parent = nullptr);

    Fields fields() const;
    void setFields(const Fields &fields);

    // Empty parts are left out; a button needs both its text and its link.
    static QJsonObject buildCard(const Fields &fields);
    // Indented JSON with "type" first and the card's members in the order
    // people write them (QJsonDocument sorts keys alphabetically).
    static QString toJsonText(const QJsonObject &card);

private:
    QLineEdit *m_title = nullptr;
    QLineEdit *m_image = nullptr;
    QPlainTextEdit *m_summary = nullptr;
    QLineEdit *m_buttonTitle = nullptr;
    QLineEdit *m_buttonUrl = nullptr;
};

} // namespace herald::ui
