// render-icon: a build-time tool that renders the application's SVG icon to
// the PNG sizes of the hicolor icon theme, so desktops that do not read SVG
// icons (and menus that want a 16 px bitmap) get sharp images, and the PNGs
// can never drift from the SVG.
//
//   render-icon SVG OUTDIR NAME SIZE...   writes OUTDIR/SIZExSIZE/apps/NAME.png
//
// It reads the SVG through Qt's image plugins (QImageReader; Debian:
// libqt6svg6), so the build needs QtGui only, not the Qt SVG headers. No
// display is needed: everything is painted into QImages.

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QStringList>
#include <cstdio>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "render-icon: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 5)
        return fail(QStringLiteral("usage: render-icon SVG OUTDIR NAME SIZE..."));
    const QString svg = args.at(1);
    const QDir outDir(args.at(2));
    const QString name = args.at(3);

    if (!QImageReader::supportedImageFormats().contains("svg"))
        return fail(QStringLiteral("Qt has no SVG image plugin here; install it (Debian: libqt6svg6)"));

    for (const QString &sizeText : args.mid(4)) {
        bool ok = false;
        const int size = sizeText.toInt(&ok);
        if (!ok || size <= 0 || size > 1024)
            return fail(QStringLiteral("'%1' is not an icon size (1 to 1024 pixels)").arg(sizeText));

        // A new reader per size: the SVG is rendered at that size, not scaled
        // from one bitmap.
        QImageReader reader(svg, "svg");
        reader.setScaledSize(QSize(size, size));
        const QImage image = reader.read();
        if (image.isNull())
            return fail(QStringLiteral("cannot render %1: %2").arg(svg, reader.errorString()));

        const QString subdir = QStringLiteral("%1x%1/apps").arg(size);
        if (!outDir.mkpath(subdir))
            return fail(QStringLiteral("cannot create %1").arg(outDir.filePath(subdir)));
        const QString target = outDir.filePath(subdir + QLatin1Char('/') + name + QStringLiteral(".png"));
        QImageWriter writer(target, "png");
        if (!writer.write(image))
            return fail(QStringLiteral("cannot write %1: %2").arg(target, writer.errorString()));
    }
    return 0;
}
