// The card preview's images: sizes, data: URIs, loading over real HTTP with a
// placeholder first, refusals, and the sample cards rendered to PNG.
#include "tst_cardview_support.h"
#include "ui/compose/AdaptiveCardView.h"
#include "ui/compose/MediaElements.h"

#include <QDir>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QPainter>
#include <QtTest>

using herald::ui::AdaptiveCardView;
using herald::ui::CardImageWidget;
using herald::ui::CardTheme;
using namespace cardtest;

class TestCardViewMedia : public QObject
{
    Q_OBJECT

private slots:
    void imageFromDataUri_data();
    void imageFromDataUri();
    void imageOverHttpShowsPlaceholderThenImage();
    void imageFailures_data();
    void imageFailures();
    void renderSamplesToPng();
};

void TestCardViewMedia::imageFromDataUri_data()
{
    QTest::addColumn<QString>("extra");
    QTest::addColumn<QSize>("shown"); // at a column 400 px wide
    QTest::addColumn<bool>("person");
    QTest::newRow("auto keeps natural size") << QString() << QSize(120, 60) << false;
    QTest::newRow("stretch fills column")
        << QStringLiteral(R"("size":"stretch")") << QSize(400, 200) << false;
    QTest::newRow("small is host config width")
        << QStringLiteral(R"("size":"Small")") << QSize(32, 16) << false;
    QTest::newRow("large") << QStringLiteral(R"("size":"large")") << QSize(100, 50) << false;
    QTest::newRow("pixel width") << QStringLiteral(R"("width":"60px")") << QSize(60, 30) << false;
    QTest::newRow("pixel width and height")
        << QStringLiteral(R"("width":"60px","height":"20px")") << QSize(60, 20) << false;
    QTest::newRow("person is a circle")
        << QStringLiteral(R"("size":"medium","style":"person")") << QSize(52, 52) << true;
}

void TestCardViewMedia::imageFromDataUri()
{
    QFETCH(QString, extra);
    QFETCH(QSize, shown);
    QFETCH(bool, person);
    QString element = QStringLiteral(R"({"type":"Image","url":"%1")").arg(dataUri(QSize(120, 60), Qt::blue));
    if (!extra.isEmpty())
        element += QLatin1Char(',') + extra;
    element += QLatin1Char('}');
    AdaptiveCardView view; // no network manager: data: URIs need none
    view.setCard(cardWith("[" + element.toLatin1() + "]"));
    auto *image = qobject_cast<CardImageWidget *>(elements(&view, QStringLiteral("Image")).value(0));
    QVERIFY(image);
    QCOMPARE(image->state(), CardImageWidget::State::Ready);
    QCOMPARE(image->displaySize(400), shown);
    QCOMPARE(image->isPerson(), person);
}

void TestCardViewMedia::imageOverHttpShowsPlaceholderThenImage()
{
    QHttpServer server;
    const QByteArray png = pngBytes(QSize(64, 32), Qt::green);
    int requests = 0;
    server.route(QStringLiteral("/logo.png"), [&png, &requests] {
        ++requests;
        return QHttpServerResponse(QByteArrayLiteral("image/png"), png);
    });
    const quint16 port = server.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    const QString url = QStringLiteral("http://127.0.0.1:%1/logo.png").arg(port);

    QNetworkAccessManager network;
    AdaptiveCardView view;
    view.setNetworkAccessManager(&network);
    const QJsonObject card = cardWith(
        QStringLiteral(R"([{"type":"Image","url":"%1","altText":"Contoso logo"}])").arg(url).toLatin1());
    view.setCard(card);
    auto *image = qobject_cast<CardImageWidget *>(elements(&view, QStringLiteral("Image")).value(0));
    QVERIFY(image);
    // The request is asynchronous: a placeholder first, the image after.
    QCOMPARE(image->state(), CardImageWidget::State::Loading);
    QTRY_COMPARE(image->state(), CardImageWidget::State::Ready);
    QCOMPARE(image->displaySize(400), QSize(64, 32));
    QCOMPARE(image->accessibleName(), QStringLiteral("Contoso logo"));

    // Re-rendering (every pause in typing) uses the cache: no second request.
    view.setCard(card);
    image = qobject_cast<CardImageWidget *>(elements(&view, QStringLiteral("Image")).value(0));
    QCOMPARE(image->state(), CardImageWidget::State::Ready);
    QCOMPARE(requests, 1);
}

void TestCardViewMedia::imageFailures_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("ftp") << QStringLiteral("ftp://x/y.png") << QStringLiteral("https://");
    QTest::newRow("relative") << QStringLiteral("logo.png") << QStringLiteral("https://");
    QTest::newRow("empty") << QString() << QStringLiteral("no \"url\"");
    QTest::newRow("bad base64") << QStringLiteral("data:image/png;base64,@@@") << QStringLiteral("base64");
    QTest::newRow("not an image") << QStringLiteral("data:text/plain;base64,aGVsbG8=")
                                  << QStringLiteral("no image");
    QTest::newRow("no network") << QStringLiteral("https://contoso.com/a.png")
                                << QStringLiteral("not downloaded");
    QTest::newRow("plain http to the internet")
        << QStringLiteral("http://contoso.com/a.png") << QStringLiteral("plain http://");
}

void TestCardViewMedia::imageFailures()
{
    QFETCH(QString, url);
    QFETCH(QString, messagePart);
    AdaptiveCardView view;
    QJsonObject element{{"type", "Image"}, {"url", url}};
    view.setCard(QJsonObject{{"type", "AdaptiveCard"}, {"version", "1.5"}, {"body", QJsonArray{element}}});
    auto *image = qobject_cast<CardImageWidget *>(elements(&view, QStringLiteral("Image")).value(0));
    QVERIFY(image);
    QCOMPARE(image->state(), CardImageWidget::State::Failed);
    QVERIFY2(image->message().contains(messagePart), qPrintable(image->message()));
    QCOMPARE(image->toolTip(), image->message());
}

// Writes the sample cards as PNG when HERALD_CARD_PNG_DIR is set, so they can
// be looked at and compared with Teams. Always renders them (a crash, an
// image that never loads or an empty grab fails the test). Sample images come
// over real HTTP from a local server: "{{BASE}}" in the JSON is its address.
void TestCardViewMedia::renderSamplesToPng()
{
    QHttpServer server;
    const auto gradient = [](QSize size, QColor from, QColor to, bool circle) {
        QImage image(size, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        QLinearGradient fill(0, 0, size.width(), size.height());
        fill.setColorAt(0, from);
        fill.setColorAt(1, to);
        painter.setBrush(fill);
        painter.setPen(Qt::NoPen);
        if (circle)
            painter.drawEllipse(image.rect());
        else
            painter.drawRect(image.rect());
        painter.end();
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        return bytes;
    };
    const QByteArray banner
        = gradient(QSize(960, 320), QColor(0x46, 0x47, 0x75), QColor(0x9e, 0xa2, 0xff), false);
    const QByteArray avatar
        = gradient(QSize(96, 96), QColor(0xe3, 0x7d, 0x2b), QColor(0xc4, 0x31, 0x4b), false);
    const QByteArray icon = gradient(QSize(48, 48), QColor(0x13, 0xa1, 0x0e), QColor(0x0b, 0x6a, 0x0b), true);
    server.route(QStringLiteral("/banner.png"),
                 [banner] { return QHttpServerResponse("image/png", banner); });
    server.route(QStringLiteral("/avatar.png"),
                 [avatar] { return QHttpServerResponse("image/png", avatar); });
    server.route(QStringLiteral("/icon.png"), [icon] { return QHttpServerResponse("image/png", icon); });
    const quint16 port = server.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    QNetworkAccessManager network;

    const QString dir = qEnvironmentVariable("HERALD_CARD_PNG_DIR");
    const QString samples = QFINDTESTDATA("tst_cardview_cards");
    QVERIFY(!samples.isEmpty());
    const QStringList files = QDir(samples).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 3);
    for (const QString &name : files) {
        QFile file(samples + QLatin1Char('/') + name);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray json = file.readAll();
        json.replace("{{BASE}}", QStringLiteral("http://127.0.0.1:%1").arg(port).toLatin1());
        const QJsonObject card = parse(json);
        for (const CardTheme::Mode mode : {CardTheme::Mode::Light, CardTheme::Mode::Dark}) {
            AdaptiveCardView view;
            view.setNetworkAccessManager(&network);
            view.setThemeMode(mode);
            view.setCard(card);
            view.resize(560, 300);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            for (CardImageWidget *image : view.findChildren<CardImageWidget *>())
                QTRY_VERIFY2(image->state() != CardImageWidget::State::Loading, qPrintable(name));
            QCoreApplication::processEvents();
            view.resize(560, qMax(120, view.heightForWidth(560)));
            QCoreApplication::processEvents();
            const QPixmap pixmap = view.grab();
            QVERIFY(!pixmap.isNull());
            if (!dir.isEmpty()) {
                const QString suffix
                    = mode == CardTheme::Mode::Dark ? QStringLiteral("-dark") : QStringLiteral("-light");
                QVERIFY(pixmap.save(dir + QLatin1Char('/') + QFileInfo(name).completeBaseName() + suffix
                                    + QStringLiteral(".png")));
            }
        }
    }
}

QTEST_MAIN(TestCardViewMedia)
#include "tst_cardview_media.moc"
