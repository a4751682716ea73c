// The native Adaptive Card preview: the widget tree each element type builds,
// what the user sees (text, fonts, alignment, widths, colours), images from
// data: URIs and over real HTTP, actions, placeholders and themes.
#include "tst_cardview_support.h"
#include "ui/compose/AdaptiveCardView.h"
#include "ui/compose/CardImageCache.h"
#include "ui/compose/MarkdownMessageView.h"
#include "ui/compose/MediaElements.h"
#include "ui/compose/TextElements.h"

#include <QDesktopServices>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLayout>
#include <QPainter>
#include <QPushButton>
#include <QTextBlock>
#include <QTextBrowser>
#include <QtTest>

using herald::ui::AdaptiveCardView;
using herald::ui::CardImageWidget;
using herald::ui::CardTextLabel;
using herald::ui::CardTheme;
using namespace cardtest;

// Records what QDesktopServices would open, instead of starting a browser.
class UrlRecorder : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public slots:
    void open(const QUrl &url) { opened << url; }
};

class TestCardView : public QObject
{
    Q_OBJECT

private slots:
    void textBlock_data();
    void textBlock();
    void textBlockMarkdown();
    void textBlockMaxLinesAndNoWrap();
    void textColors_data();
    void textColors();
    void richTextBlock();
    void factSet();
    void containerStyleAndSeparator();
    void columnWidths_data();
    void columnWidths();
    void table();
    void openUrlButtonOpensLink();
    void otherActionsDisabledWithTooltip_data();
    void otherActionsDisabledWithTooltip();
    void onlySixActions();
    void unknownElementPlaceholder_data();
    void unknownElementPlaceholder();
    void hiddenElementsNotShown();
    void notACardAndNewerVersion();
    void themeSwitchChangesPalette();
    void cardWidthAndSender();
    void markdownMessageBubble();
};

void TestCardView::textBlock_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("pixelSize");
    QTest::addColumn<bool>("bold");
    QTest::addColumn<int>("alignment");
    QTest::addColumn<bool>("wraps");

    const CardTheme theme = CardTheme::light();
    QTest::newRow("defaults") << QByteArray(R"({"type":"TextBlock","text":"Hello"})") << "Hello"
                              << theme.fontSizeDefault << false << int(Qt::AlignLeft) << false;
    QTest::newRow("large bolder wrap")
        << QByteArray(R"({"type":"TextBlock","text":"Title","size":"Large","weight":"Bolder","wrap":true})")
        << "Title" << theme.fontSizeLarge << true << int(Qt::AlignLeft) << true;
    QTest::newRow("enum case-insensitive") << QByteArray(
        R"({"type":"TextBlock","text":"x","size":"extraLarge","weight":"bolder","horizontalAlignment":"CENTER"})")
                                           << "x" << theme.fontSizeExtraLarge << true << int(Qt::AlignHCenter)
                                           << false;
    QTest::newRow("small right") << QByteArray(
        R"({"type":"TextBlock","text":"fine print","size":"small","horizontalAlignment":"right","wrap":true})")
                                 << "fine print" << theme.fontSizeSmall << false << int(Qt::AlignRight)
                                 << true;
    QTest::newRow("heading style") << QByteArray(R"({"type":"TextBlock","text":"Head","style":"heading"})")
                                   << "Head" << theme.fontSizeLarge << true << int(Qt::AlignLeft) << false;
    QTest::newRow("lighter") << QByteArray(R"({"type":"TextBlock","text":"light","weight":"Lighter"})")
                             << "light" << theme.fontSizeDefault << false << int(Qt::AlignLeft) << false;
}

void TestCardView::textBlock()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, text);
    QFETCH(int, pixelSize);
    QFETCH(bool, bold);
    QFETCH(int, alignment);
    QFETCH(bool, wraps);

    AdaptiveCardView view;
    view.setCard(cardWith("[" + json + "]"));
    const QList<QWidget *> blocks = elements(&view, QStringLiteral("TextBlock"));
    QCOMPARE(blocks.size(), 1);
    auto *label = qobject_cast<CardTextLabel *>(blocks.first());
    QVERIFY(label);
    QCOMPARE(label->sourceText(), text);
    QCOMPARE(label->font().pixelSize(), pixelSize);
    QCOMPARE(label->font().weight() >= QFont::DemiBold, bold);
    QCOMPARE(int(label->alignment() & Qt::AlignHorizontal_Mask), alignment);
    QCOMPARE(label->wraps(), wraps);
    QCOMPARE(label->wordWrap(), wraps);
}

void TestCardView::textBlockMarkdown()
{
    AdaptiveCardView view;
    view.setCard(cardWith(
        R"([{"type":"TextBlock","wrap":true,"text":"Read **the policy** at [intranet](https://intranet.contoso.com) <b>now</b>"}])"));
    auto *label = qobject_cast<QLabel *>(elements(&view, QStringLiteral("TextBlock")).value(0));
    QVERIFY(label);
    QCOMPARE(label->textFormat(), Qt::RichText);
    const QString html = label->text();
    // Qt's markdown parser made bold text and a link...
    QVERIFY2(html.contains(QLatin1String("font-weight")), qPrintable(html));
    QVERIFY2(html.contains(QLatin1String("href=\"https://intranet.contoso.com\"")), qPrintable(html));
    // ...and raw HTML stays visible text, as in Teams.
    QVERIFY2(html.contains(QLatin1String("&lt;b&gt;now&lt;/b&gt;")), qPrintable(html));
    QVERIFY(label->openExternalLinks());
    // Links are drawn in the theme's link colour, not the parser's default blue.
    QVERIFY2(html.contains(CardTheme::light().link.name()), qPrintable(html));
}

void TestCardView::textBlockMaxLinesAndNoWrap()
{
    AdaptiveCardView view;
    const QString longText = QStringLiteral("word ").repeated(200);
    QJsonObject limited{{"type", "TextBlock"}, {"text", longText}, {"wrap", true}, {"maxLines", 2}};
    QJsonObject unlimited{{"type", "TextBlock"}, {"text", longText}, {"wrap", true}};
    QJsonObject noWrap{{"type", "TextBlock"}, {"text", longText}};
    QJsonObject card{
        {"type", "AdaptiveCard"}, {"version", "1.5"}, {"body", QJsonArray{limited, unlimited, noWrap}}};
    view.setCard(card);
    view.resize(520, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QList<QWidget *> blocks = elements(&view, QStringLiteral("TextBlock"));
    QCOMPARE(blocks.size(), 3);
    auto *two = qobject_cast<CardTextLabel *>(blocks.at(0));
    auto *all = qobject_cast<CardTextLabel *>(blocks.at(1));
    auto *one = qobject_cast<CardTextLabel *>(blocks.at(2));
    const int line = two->fontMetrics().lineSpacing();
    QCOMPARE(two->maxLines(), 2);
    QVERIFY2(two->height() <= 2 * line + 1, qPrintable(QString::number(two->height())));
    QVERIFY2(all->height() > 5 * line, qPrintable(QString::number(all->height())));
    // No wrap: one line, cut with an ellipsis, full text in the tooltip.
    QVERIFY(one->height() < 2 * line);
    QVERIFY2(one->text().endsWith(QChar(0x2026)), qPrintable(one->text()));
    QVERIFY(one->text().size() < longText.size());
    QCOMPARE(one->toolTip(), longText.trimmed());
}

void TestCardView::textColors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QColor>("expected");
    const CardTheme theme = CardTheme::light();
    QTest::newRow("default") << QByteArray(R"({"type":"TextBlock","text":"a"})")
                             << theme.foreground("default", "default", false);
    QTest::newRow("attention") << QByteArray(R"({"type":"TextBlock","text":"a","color":"Attention"})")
                               << QColor(0xc4, 0x31, 0x4b);
    QTest::newRow("good subtle") << QByteArray(
        R"({"type":"TextBlock","text":"a","color":"good","isSubtle":true})")
                                 << theme.foreground("default", "good", true);
    QTest::newRow("subtle default") << QByteArray(R"({"type":"TextBlock","text":"a","isSubtle":true})")
                                    << QColor::fromRgba(0xbf252424);
    QTest::newRow("unknown colour falls back")
        << QByteArray(R"({"type":"TextBlock","text":"a","color":"pink"})")
        << theme.foreground("default", "default", false);
}

void TestCardView::textColors()
{
    QFETCH(QByteArray, json);
    QFETCH(QColor, expected);
    AdaptiveCardView view;
    view.setCard(cardWith("[" + json + "]"));
    QWidget *label = elements(&view, QStringLiteral("TextBlock")).value(0);
    QVERIFY(label);
    QCOMPARE(label->palette().color(QPalette::WindowText), expected);
}

void TestCardView::richTextBlock()
{
    AdaptiveCardView view;
    view.setCard(cardWith(R"([{"type":"RichTextBlock","inlines":[
        "Plain ",
        {"type":"TextRun","text":"bold <x>","weight":"Bolder"},
        {"type":"TextRun","text":"red","color":"Attention","italic":true},
        {"type":"TextRun","text":"link","selectAction":{"type":"Action.OpenUrl","url":"https://contoso.com/a"}}]}])"));
    auto *label = qobject_cast<QLabel *>(elements(&view, QStringLiteral("RichTextBlock")).value(0));
    QVERIFY(label);
    const QString html = label->text();
    QVERIFY(html.contains(QLatin1String("Plain ")));
    QVERIFY2(html.contains(QLatin1String("font-weight:600;color:#ff252424\">bold &lt;x&gt;")),
             qPrintable(html));
    QVERIFY2(html.contains(QLatin1String("font-style:italic")), qPrintable(html));
    QVERIFY2(html.contains(QColor(0xc4, 0x31, 0x4b).name(QColor::HexArgb)), qPrintable(html));
    QVERIFY2(html.contains(QLatin1String("href=\"https://contoso.com/a\"")), qPrintable(html));
}

void TestCardView::factSet()
{
    AdaptiveCardView view;
    view.setCard(cardWith(R"([{"type":"FactSet","facts":[{"title":"When","value":"Monday 9:00"},
                                                         {"title":"Where","value":"Building 4"}]}])"));
    QWidget *set = elements(&view, QStringLiteral("FactSet")).value(0);
    QVERIFY(set);
    const auto titles = set->findChildren<CardTextLabel *>(QStringLiteral("ac-FactTitle"));
    const auto values = set->findChildren<CardTextLabel *>(QStringLiteral("ac-FactValue"));
    QCOMPARE(titles.size(), 2);
    QCOMPARE(values.size(), 2);
    QCOMPARE(titles.at(0)->sourceText(), QStringLiteral("When"));
    QCOMPARE(values.at(1)->sourceText(), QStringLiteral("Building 4"));
    QVERIFY(titles.at(0)->font().weight() >= QFont::DemiBold);
    QVERIFY(values.at(0)->font().weight() < QFont::DemiBold);
}

void TestCardView::containerStyleAndSeparator()
{
    AdaptiveCardView view;
    view.setCard(cardWith(R"([{"type":"TextBlock","text":"above"},
        {"type":"Container","style":"emphasis","separator":true,"spacing":"large",
         "items":[{"type":"TextBlock","text":"inside"}]},
        {"type":"Container","style":"attention","items":[{"type":"TextBlock","text":"alert","color":"dark"}]}])"));
    const QList<QWidget *> containers = elements(&view, QStringLiteral("Container"));
    QCOMPARE(containers.size(), 2);
    const CardTheme theme = CardTheme::light();
    QVERIFY(containers.at(0)->autoFillBackground());
    QCOMPARE(containers.at(0)->palette().color(QPalette::Window), theme.style("emphasis").background);
    QCOMPARE(containers.at(1)->palette().color(QPalette::Window), QColor(0xff, 0xc5, 0xb2));
    QCOMPARE(containers.at(0)->layout()->contentsMargins().left(), theme.padding);
    // A separator line in the separator colour precedes the first container.
    const auto lines = view.findChildren<QWidget *>(QStringLiteral("ac-separator"));
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.first()->height(), 1);
    QCOMPARE(lines.first()->palette().color(QPalette::Window), theme.separator);
}

void TestCardView::columnWidths_data()
{
    QTest::addColumn<QByteArray>("columns");
    QTest::addColumn<QList<int>>("expected"); // widths; -1 = not checked exactly
    QTest::addColumn<QList<double>>("ratios"); // relative to column 0 (0 = not checked)

    QTest::newRow("two stretch share equally")
        << QByteArray(R"([{"type":"Column","width":"stretch","items":[]},
                                                                {"type":"Column","items":[]}])")
        << QList<int>{-1, -1} << QList<double>{1.0, 1.0};
    QTest::newRow("weighted 1:3") << QByteArray(R"([{"type":"Column","width":1,"items":[]},
                                                   {"type":"Column","width":"3","items":[]}])")
                                  << QList<int>{-1, -1} << QList<double>{1.0, 3.0};
    QTest::newRow("pixels and stretch") << QByteArray(R"([{"type":"Column","width":"80px","items":[]},
                                                         {"type":"Column","width":"stretch","items":[]}])")
                                        << QList<int>{80, -1} << QList<double>{0, 0};
    QTest::newRow("auto hugs content")
        << QByteArray(R"([{"type":"Column","width":"auto","items":[{"type":"Image","url":"IMAGE40"}]},
                        {"type":"Column","width":"stretch","items":[{"type":"TextBlock","text":"x"}]}])")
        << QList<int>{40, -1} << QList<double>{0, 0};
}

void TestCardView::columnWidths()
{
    QFETCH(QByteArray, columns);
    QFETCH(QList<int>, expected);
    QFETCH(QList<double>, ratios);
    columns.replace("IMAGE40", dataUri(QSize(40, 40), Qt::red).toLatin1());

    AdaptiveCardView view;
    view.setCard(cardWith(R"([{"type":"ColumnSet","spacing":"none","columns":)" + columns + "}]"));
    view.resize(600, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QWidget *set = elements(&view, QStringLiteral("ColumnSet")).value(0);
    QVERIFY(set);
    const QList<QWidget *> cols = elements(set, QStringLiteral("Column"));
    QCOMPARE(cols.size(), expected.size());
    int total = 0;
    for (QWidget *col : cols)
        total += col->width();
    const int spacing = CardTheme::light().spacingDefault;
    QVERIFY2(qAbs(total + spacing * (cols.size() - 1) - set->width()) <= 2,
             qPrintable(QStringLiteral("%1 of %2").arg(total).arg(set->width())));
    for (int i = 0; i < cols.size(); ++i) {
        if (expected.at(i) >= 0)
            QCOMPARE(cols.at(i)->width(), expected.at(i));
        if (ratios.at(i) > 0) {
            const double ratio = double(cols.at(i)->width()) / cols.at(0)->width();
            QVERIFY2(qAbs(ratio - ratios.at(i)) < 0.05, qPrintable(QString::number(ratio)));
        }
    }
}

void TestCardView::table()
{
    AdaptiveCardView view;
    view.setCard(cardWith(R"([{"type":"Table","columns":[{"width":3},{"width":1}],"rows":[
        {"type":"TableRow","cells":[{"type":"TableCell","items":[{"type":"TextBlock","text":"Name"}]},
                                    {"type":"TableCell","items":[{"type":"TextBlock","text":"Seats"}]}]},
        {"type":"TableRow","cells":[{"type":"TableCell","items":[{"type":"TextBlock","text":"E3"}]},
                                    {"type":"TableCell","items":[{"type":"TextBlock","text":"12"}]}]}]}])"));
    view.resize(600, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(elements(&view, QStringLiteral("Unsupported")).isEmpty());
    const QList<QWidget *> cells = elements(&view, QStringLiteral("TableCell"));
    QCOMPARE(cells.size(), 4);
    const double ratio = double(cells.at(0)->width()) / cells.at(1)->width();
    QVERIFY2(qAbs(ratio - 3.0) < 0.1, qPrintable(QString::number(ratio)));
    // The first row is the header: bolder text; the others keep their weight.
    const QList<QWidget *> texts = elements(&view, QStringLiteral("TextBlock"));
    QCOMPARE(texts.size(), 4);
    QVERIFY(texts.at(0)->font().weight() >= QFont::DemiBold);
    QVERIFY(texts.at(2)->font().weight() < QFont::DemiBold);
}

void TestCardView::openUrlButtonOpensLink()
{
    UrlRecorder recorder;
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &recorder, "open");
    AdaptiveCardView view;
    view.setCard(
        cardWith(R"([{"type":"TextBlock","text":"x"}])",
                 R"([{"type":"Action.OpenUrl","title":"Read more","url":"https://contoso.com/news"}])"));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *button = qobject_cast<QPushButton *>(elements(&view, QStringLiteral("Action.OpenUrl")).value(0));
    QVERIFY(button);
    QCOMPARE(button->text(), QStringLiteral("Read more"));
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
    QCOMPARE(recorder.opened, QList<QUrl>{QUrl(QStringLiteral("https://contoso.com/news"))});
}

void TestCardView::otherActionsDisabledWithTooltip_data()
{
    QTest::addColumn<QByteArray>("action");
    QTest::addColumn<QString>("tooltipPart");
    QTest::newRow("submit") << QByteArray(R"({"type":"Action.Submit","title":"Send"})")
                            << "sends data to the bot";
    QTest::newRow("execute") << QByteArray(R"({"type":"Action.Execute","title":"Go"})")
                             << "sends data to the bot";
    QTest::newRow("show card") << QByteArray(R"({"type":"Action.ShowCard","title":"More","card":{}})")
                               << "does not expand";
    QTest::newRow("open url without url")
        << QByteArray(R"({"type":"Action.OpenUrl","title":"Broken"})") << "no \"url\"";
    QTest::newRow("open url javascript")
        << QByteArray(R"J({"type":"Action.OpenUrl","title":"Evil","url":"javascript:alert(1)"})J")
        << "cannot open";
    QTest::newRow("outlook-only") << QByteArray(R"({"type":"Action.Http","title":"Call"})")
                                  << "Teams will not show it";
}

void TestCardView::otherActionsDisabledWithTooltip()
{
    QFETCH(QByteArray, action);
    QFETCH(QString, tooltipPart);
    AdaptiveCardView view;
    // The same action inside an ActionSet element.
    view.setCard(cardWith(R"([{"type":"ActionSet","actions":[)" + action + "]}]"));
    QWidget *set = elements(&view, QStringLiteral("ActionSet")).value(0);
    QVERIFY(set);
    const auto buttons = set->findChildren<QPushButton *>();
    QCOMPARE(buttons.size(), 1);
    QVERIFY(!buttons.first()->isEnabled());
    QVERIFY2(buttons.first()->toolTip().contains(tooltipPart), qPrintable(buttons.first()->toolTip()));
}

void TestCardView::onlySixActions()
{
    QJsonArray actions;
    for (int i = 0; i < 8; ++i)
        actions << QJsonObject{
            {"type", "Action.OpenUrl"}, {"title", QString::number(i)}, {"url", "https://x.y/"}};
    AdaptiveCardView view;
    view.setCard(QJsonObject{{"type", "AdaptiveCard"}, {"version", "1.5"}, {"actions", actions}});
    QWidget *row = view.findChild<QWidget *>(QStringLiteral("cardActions"));
    QVERIFY(row);
    QCOMPARE(row->findChildren<QPushButton *>().size(), 6);
    QVERIFY(view.notes().join(' ').contains(QLatin1String("first 6 actions")));
}

void TestCardView::unknownElementPlaceholder_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("shown"); // text of the placeholder, or the type drawn instead
    QTest::newRow("unknown type") << QByteArray(R"({"type":"Carousel"})")
                                  << "Unsupported element: Carousel — Teams will not show it";
    QTest::newRow("misspelt") << QByteArray(R"({"type":"Textblock","text":"x"})")
                              << "Unsupported element: Textblock — Teams will not show it";
    QTest::newRow("no type") << QByteArray(R"({"text":"x"})") << "Element without a \"type\"";
    QTest::newRow("input is honest") << QByteArray(R"({"type":"Input.Text","id":"a"})")
                                     << "Not previewed: Input.Text — Teams shows it";
    QTest::newRow("fallback element")
        << QByteArray(R"({"type":"Carousel","fallback":{"type":"TextBlock","text":"fallback text"}})")
        << "TextBlock";
    QTest::newRow("fallback drop") << QByteArray(R"({"type":"Carousel","fallback":"drop"})") << "";
}

void TestCardView::unknownElementPlaceholder()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, shown);
    AdaptiveCardView view;
    view.setCard(cardWith(R"([{"type":"TextBlock","text":"before"},)" + json + "]"));
    const QList<QWidget *> placeholders = elements(&view, QStringLiteral("Unsupported"));
    if (shown.isEmpty()) {
        QCOMPARE(placeholders.size(), 0);
        QCOMPARE(elements(&view, QStringLiteral("TextBlock")).size(), 1);
    } else if (shown == QLatin1String("TextBlock")) {
        QCOMPARE(placeholders.size(), 0);
        const QList<QWidget *> blocks = elements(&view, QStringLiteral("TextBlock"));
        QCOMPARE(blocks.size(), 2);
        QCOMPARE(qobject_cast<CardTextLabel *>(blocks.at(1))->sourceText(), QStringLiteral("fallback text"));
    } else {
        QCOMPARE(placeholders.size(), 1);
        auto *label = qobject_cast<QLabel *>(placeholders.first());
        QVERIFY2(label->text().startsWith(shown), qPrintable(label->text()));
        QCOMPARE(view.notes().size(), 1);
    }
}

void TestCardView::hiddenElementsNotShown()
{
    AdaptiveCardView view;
    view.setCard(
        cardWith(R"([{"type":"TextBlock","text":"a"},{"type":"TextBlock","text":"b","isVisible":false}])"));
    QCOMPARE(elements(&view, QStringLiteral("TextBlock")).size(), 1);
}

void TestCardView::notACardAndNewerVersion()
{
    AdaptiveCardView view;
    view.setCard(parse(R"({"type":"message","text":"hi"})"));
    QCOMPARE(view.notes().size(), 1);
    QVERIFY(view.notes().first().contains(QLatin1String("\"message\"")));

    view.setCard(
        parse(R"({"type":"AdaptiveCard","version":"1.6","body":[{"type":"TextBlock","text":"x"}]})"));
    QCOMPARE(view.notes().size(), 1);
    QVERIFY(view.notes().first().contains(QLatin1String("1.6 is newer than Teams renders (1.5)")));
    QCOMPARE(elements(&view, QStringLiteral("TextBlock")).size(), 1);
}

void TestCardView::themeSwitchChangesPalette()
{
    AdaptiveCardView view;
    view.setCard(cardWith(R"([{"type":"TextBlock","text":"hello"}])",
                          R"([{"type":"Action.OpenUrl","title":"Open","url":"https://a.b/"}])"));
    const CardTheme light = CardTheme::light();
    const CardTheme dark = CardTheme::dark();
    QCOMPARE(view.findChild<QWidget *>(QStringLiteral("chatBubble"))->palette().color(QPalette::Window),
             light.style("default").background);
    QCOMPARE(elements(&view, QStringLiteral("TextBlock")).value(0)->palette().color(QPalette::WindowText),
             light.foreground("default", "default", false));

    view.setThemeMode(CardTheme::Mode::Dark);
    QCOMPARE(view.themeMode(), CardTheme::Mode::Dark);
    QCOMPARE(view.findChild<QWidget *>(QStringLiteral("chatBubble"))->palette().color(QPalette::Window),
             dark.style("default").background);
    QCOMPARE(elements(&view, QStringLiteral("TextBlock")).value(0)->palette().color(QPalette::WindowText),
             QColor(Qt::white));
    auto *button = qobject_cast<QPushButton *>(elements(&view, QStringLiteral("Action.OpenUrl")).value(0));
    QVERIFY(button->styleSheet().contains(dark.buttonBorder.name()));
    QVERIFY(dark.canvas != light.canvas);
}

void TestCardView::cardWidthAndSender()
{
    AdaptiveCardView view;
    view.setSenderName(QStringLiteral("Contoso News"));
    view.setCard(cardWith(R"([{"type":"TextBlock","text":"x"}])"));
    view.resize(900, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *bubble = view.findChild<QWidget *>(QStringLiteral("chatBubble"));
    QCOMPARE(bubble->width(), CardTheme::light().cardMaxWidth);
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("chatSender"))
                ->text()
                .startsWith(QLatin1String("Contoso News")));
    // "msteams": {"width": "Full"} lets the card use the whole column.
    QJsonObject card = cardWith(R"([{"type":"TextBlock","text":"x"}])");
    card.insert(QStringLiteral("msteams"), QJsonObject{{"width", "Full"}});
    view.setCard(card);
    QTRY_VERIFY(bubble->width() > CardTheme::light().cardMaxWidth);
}

void TestCardView::markdownMessageBubble()
{
    herald::ui::MarkdownMessageView view;
    view.setMarkdown(QStringLiteral("Hello **Ann**,\n\n- one\n- two\n\n<i>raw</i>"));
    view.resize(500, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTextDocument *document = view.textBrowser()->document();
    QCOMPARE(document->blockCount(), 4);
    QVERIFY(document->toPlainText().contains(QLatin1String("<i>raw</i>")));
    QVERIFY(document->firstBlock().next().textList());
    QCOMPARE(view.textBrowser()->palette().color(QPalette::Text),
             CardTheme::light().foreground({}, {}, false));
    view.setThemeMode(CardTheme::Mode::Dark);
    QCOMPARE(view.textBrowser()->palette().color(QPalette::Text), QColor(Qt::white));
    // The bubble grows with its text.
    QTRY_VERIFY(view.textBrowser()->height() >= qCeil(document->size().height()));
}

QTEST_MAIN(TestCardView)
#include "tst_cardview.moc"
