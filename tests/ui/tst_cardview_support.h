#pragma once

// Helpers shared by the card preview suites (tst_cardview, tst_cardview_media).

#include <QBuffer>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QWidget>
#include <QtGlobal>

namespace cardtest {

inline QJsonObject parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s in %s", qPrintable(error.errorString()), json.constData());
    return document.object();
}

inline QJsonObject cardWith(const QByteArray &bodyJson, const QByteArray &actionsJson = "[]")
{
    return parse(R"({"type":"AdaptiveCard","version":"1.5","body":)" + bodyJson + R"(,"actions":)"
                 + actionsJson + "}");
}

inline QList<QWidget *> elements(const QWidget *root, const QString &type)
{
    QList<QWidget *> found;
    for (QWidget *widget : root->findChildren<QWidget *>())
        if (widget->property("acType").toString() == type)
            found << widget;
    return found;
}

inline QByteArray pngBytes(const QSize &size, const QColor &color)
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

inline QString dataUri(const QSize &size, const QColor &color)
{
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(pngBytes(size, color).toBase64());
}

} // namespace cardtest
