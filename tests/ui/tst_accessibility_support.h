#pragma once

// Keyboard walks for tst_accessibility: press Tab (Ctrl+Tab in an editor) on
// whatever has the focus until it comes back, and check what was reached.

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTabBar>
#include <QTextEdit>
#include <QToolBar>
#include <QtTest>
#include <algorithm>

namespace a11y {

// Controls a keyboard user must be able to reach.
inline bool isControl(const QWidget *w)
{
    if (auto *group = qobject_cast<const QGroupBox *>(w))
        return group->isCheckable();
    return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QLineEdit *>(w)
        || qobject_cast<const QAbstractSpinBox *>(w) || qobject_cast<const QComboBox *>(w)
        || qobject_cast<const QAbstractItemView *>(w) || qobject_cast<const QPlainTextEdit *>(w)
        || qobject_cast<const QTextEdit *>(w) || qobject_cast<const QAbstractSlider *>(w)
        || qobject_cast<const QTabBar *>(w);
}

// A part of another control (a line edit's clear button, a view's header or
// corner button, an editable combo box's line edit): the control is the stop.
inline bool isPartOfControl(const QWidget *w, const QWidget *window)
{
    if (qobject_cast<const QScrollBar *>(w))
        return true; // scroll bars scroll with the keys of what they scroll
    for (const QWidget *p = w->parentWidget(); p && p != window; p = p->parentWidget()) {
        if (isControl(p) && !qobject_cast<const QGroupBox *>(p))
            return true;
    }
    return false;
}

inline QString describe(const QWidget *w)
{
    QString text;
    if (auto *button = qobject_cast<const QAbstractButton *>(w))
        text = button->text();
    return QStringLiteral("%1 \"%2\" '%3'")
        .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(), text);
}

inline QList<QWidget *> expectedStops(QWidget *window)
{
    QList<QWidget *> stops;
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (w->window() != window || !w->isVisible() || !w->isEnabled() || !isControl(w))
            continue;
        if (isPartOfControl(w, window) || w->objectName() == QLatin1String("qt_toolbar_ext_button"))
            continue;
        stops.append(w);
    }
    return stops;
}

inline QString accessibleName(QWidget *w)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
    return iface ? iface->text(QAccessible::Name).trimmed() : QString();
}

inline QString rectText(const QRect &r)
{
    return QStringLiteral("at %1,%2 %3x%4").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
}

inline QRect windowRect(const QWidget *w)
{
    return QRect(w->mapTo(w->window(), QPoint(0, 0)), w->size());
}

// An editor where Tab inserts text: Ctrl+Tab leaves it.
inline bool tabTypes(const QWidget *w)
{
    if (auto *edit = qobject_cast<const QPlainTextEdit *>(w))
        return !edit->tabChangesFocus() && !edit->isReadOnly();
    if (auto *edit = qobject_cast<const QTextEdit *>(w))
        return !edit->tabChangesFocus() && !edit->isReadOnly();
    return false;
}

struct Walk
{
    QList<QWidget *> order; // from where focus was, up to just before it came back
    QString error;
};

// Presses Tab (Ctrl+Tab in an editor) on whatever has the focus until the
// focus comes back to where it started.
inline Walk walkTabs(int maxSteps = 250)
{
    Walk walk;
    QWidget *start = QApplication::focusWidget();
    if (!start) {
        walk.error = QStringLiteral("nothing has the keyboard focus");
        return walk;
    }
    walk.order.append(start);
    QWidget *current = start;
    int stay = 0;
    for (int step = 0; step < maxSteps; ++step) {
        QTest::keyClick(current, Qt::Key_Tab, tabTypes(current) ? Qt::ControlModifier : Qt::NoModifier);
        QWidget *next = QApplication::focusWidget();
        // Tab may first visit the links inside a text browser; it must leave after them.
        if (next == current && ++stay < 10)
            continue;
        if (!next || next == current) {
            walk.error = QStringLiteral("Tab does not leave %1 (a focus trap)").arg(describe(current));
            return walk;
        }
        stay = 0;
        if (next == start)
            return walk;
        if (walk.order.contains(next)) {
            QStringList seen;
            for (QWidget *w : std::as_const(walk.order))
                seen << describe(w);
            walk.error = QStringLiteral("Tab goes round without coming back to %1: %2 again after %3")
                             .arg(describe(start), describe(next), seen.join(QStringLiteral(", ")));
            return walk;
        }
        walk.order.append(next);
        current = next;
    }
    walk.error = QStringLiteral("no way round after %1 Tab presses").arg(maxSteps);
    return walk;
}

// Shift+Tab from where the walk started must visit the same stops backwards.
inline QString checkBackwards(const Walk &walk)
{
    QWidget *current = walk.order.constFirst();
    for (int i = int(walk.order.size()) - 1; i >= 0; --i) {
        for (int stay = 0; stay < 10; ++stay) {
            QWidget *before = current;
            QTest::keyClick(current, Qt::Key_Backtab,
                            tabTypes(current) ? Qt::ControlModifier | Qt::ShiftModifier : Qt::ShiftModifier);
            current = QApplication::focusWidget();
            if (current != before)
                break; // else: a link inside a text browser
        }
        if (current != walk.order.at(i))
            return QStringLiteral("Shift+Tab reached %1 where Tab had %2")
                .arg(current ? describe(current) : QStringLiteral("nothing"), describe(walk.order.at(i)));
    }
    return {};
}

// What a keyboard user would call going back up: the next stop lies wholly
// above this one and not in a column to its right.
inline QString checkReadingOrder(const QList<QWidget *> &order)
{
    for (int i = 1; i < order.size(); ++i) {
        const QRect a = windowRect(order.at(i - 1));
        const QRect b = windowRect(order.at(i));
        const bool above = b.bottom() < a.top();
        const bool rightColumn = b.left() >= a.right() - 1;
        if (above && !rightColumn)
            return QStringLiteral("Tab jumps back up from %1 %2 to %3 %4")
                .arg(describe(order.at(i - 1)), rectText(a), describe(order.at(i)), rectText(b));
    }
    return {};
}

inline QChar mnemonicOf(const QString &text)
{
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toUpper();
    }
    return {};
}

// Alt+letter must pick one thing: the menu titles and every visible button,
// labelled field and group box of the window.
inline QString checkMnemonics(QWidget *window)
{
    QHash<QChar, QString> owners;
    QStringList clashes;
    auto add = [&](const QString &text, const QString &who) {
        const QChar key = mnemonicOf(text);
        if (key.isNull())
            return;
        if (owners.contains(key))
            clashes << QStringLiteral("Alt+%1: %2 and %3").arg(key, owners.value(key), who);
        else
            owners.insert(key, who);
    };
    if (auto *main = qobject_cast<QMainWindow *>(window)) {
        for (QAction *menu : main->menuBar()->actions())
            add(menu->text(), QStringLiteral("menu ") + menu->text());
    }
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (w->window() != window || !w->isVisible())
            continue;
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            add(button->text(), describe(w));
        else if (auto *label = qobject_cast<QLabel *>(w); label && label->buddy())
            add(label->text(), QStringLiteral("label ") + label->text());
        else if (auto *group = qobject_cast<QGroupBox *>(w))
            add(group->title(), QStringLiteral("group ") + group->title());
    }
    return clashes.join(QStringLiteral("; "));
}

// Our own labelled buttons and labels of fields carry a mnemonic. Standard
// dialog buttons (Qt's own texts) and card buttons (the card's titles) do not.
inline QString checkMnemonicsPresent(QWidget *window)
{
    QStringList missing;
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (w->window() != window || !w->isVisible())
            continue;
        bool exempt = false;
        for (QWidget *p = w->parentWidget(); p && p != window; p = p->parentWidget())
            exempt = exempt || qobject_cast<QDialogButtonBox *>(p) || p->objectName() == "cardSurface"
                || p->objectName() == "chipBar" || qobject_cast<QToolBar *>(p);
        if (exempt || qobject_cast<QMessageBox *>(window))
            continue;
        auto *button = qobject_cast<QAbstractButton *>(w);
        if (button && (qobject_cast<QPushButton *>(w) || qobject_cast<QCheckBox *>(w))
            && !button->text().isEmpty() && mnemonicOf(button->text()).isNull())
            missing << describe(w);
    }
    return missing.join(QStringLiteral("; "));
}

// Walks the window's focus chain from where the focus is and checks all of the above.
inline void checkWindow(QWidget *window, QList<QWidget *> *order = nullptr)
{
    // Positions are compared below: lay out what changed (a button's new text) first.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    // A look at each window as checked (e.g. at QT_SCALE_FACTOR=2): A11Y_GRAB=dir.
    if (const QString dir = qEnvironmentVariable("A11Y_GRAB"); !dir.isEmpty()) {
        const char *tag = QTest::currentDataTag();
        const QString name
            = tag ? QString::fromLatin1(tag) : QString::fromLatin1(QTest::currentTestFunction());
        window->grab().save(QStringLiteral("%1/%2.png").arg(dir, QString(name).replace(' ', '-')));
    }
    const Walk walk = walkTabs();
    if (qEnvironmentVariableIsSet("A11Y_DUMP"))
        for (QWidget *w : walk.order)
            qInfo() << describe(w) << windowRect(w);
    QVERIFY2(walk.error.isEmpty(), qPrintable(walk.error));

    QStringList unreached;
    for (QWidget *w : expectedStops(window)) {
        if (walk.order.contains(w) || walk.order.contains(w->focusProxy()))
            continue;
        // Buttons of an exclusive group are one stop, like radio buttons:
        // Tab reaches the group, the arrow keys choose within it.
        auto *button = qobject_cast<QAbstractButton *>(w);
        QButtonGroup *group = button ? button->group() : nullptr;
        if (group && group->exclusive()
            && std::any_of(group->buttons().cbegin(), group->buttons().cend(),
                           [&walk](QAbstractButton *b) { return walk.order.contains(b); }))
            continue;
        unreached << describe(w);
    }
    QVERIFY2(unreached.isEmpty(),
             qPrintable(QStringLiteral("not reachable with Tab: ") + unreached.join("; ")));

    QStringList nameless;
    for (QWidget *w : walk.order) {
        if (accessibleName(w).isEmpty())
            nameless << describe(w);
    }
    QVERIFY2(nameless.isEmpty(), qPrintable(QStringLiteral("no accessible name: ") + nameless.join("; ")));

    // From the first stop of the chain (the start may be anywhere in it).
    QList<QWidget *> fromFirst = walk.order;
    const auto first = std::min_element(fromFirst.begin(), fromFirst.end(), [](QWidget *a, QWidget *b) {
        const QRect ra = windowRect(a), rb = windowRect(b);
        return ra.left() + ra.top() * 10000 < rb.left() + rb.top() * 10000;
    });
    std::rotate(fromFirst.begin(), first, fromFirst.end());
    const QString orderError = checkReadingOrder(fromFirst);
    QVERIFY2(orderError.isEmpty(), qPrintable(orderError));

    const QString backwards = checkBackwards(walk);
    QVERIFY2(backwards.isEmpty(), qPrintable(backwards));

    const QString clashes = checkMnemonics(window);
    QVERIFY2(clashes.isEmpty(), qPrintable(QStringLiteral("mnemonic clash: ") + clashes));
    const QString missing = checkMnemonicsPresent(window);
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("no mnemonic: ") + missing));
    if (order)
        *order = walk.order;
}

} // namespace a11y
