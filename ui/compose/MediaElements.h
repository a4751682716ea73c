#pragma once

#include "CardTheme.h"

#include <QImage>
#include <QWidget>

namespace herald::ui {

class ElementRenderer;

// Image and ImageSet.
void registerMediaElements(ElementRenderer &renderer);

// One card image: scaled the way Adaptive Cards size images (auto: natural
// size but never wider than its column; stretch: column width; small/medium/
// large or pixels: that width), aligned inside its column, cropped to a
// circle for style "person". Shows a placeholder while it loads and says why
// when it cannot be shown.
class CardImageWidget : public QWidget
{
    Q_OBJECT

public:
    enum class Sizing { Auto, Stretch, Fixed };
    enum class State { Loading, Ready, Failed };

    CardImageWidget(const CardTheme &theme, QWidget *parent = nullptr);

    void setSizing(Sizing sizing, int width = 0, int height = 0);
    void setPerson(bool person);
    void setImageAlignment(Qt::Alignment alignment);
    void setBackground(const QColor &color) { m_background = color; }

    void setImage(const QImage &image);
    void setLoading();
    void setFailed(const QString &reason);

    State state() const { return m_state; }
    QString message() const { return m_message; }
    Sizing sizing() const { return m_sizing; }
    bool isPerson() const { return m_person; }
    // The size the image is drawn at when its column is `availableWidth` wide.
    QSize displaySize(int availableWidth) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QSize naturalSize() const;

    QColor m_noteBackground;
    QColor m_noteBorder;
    QColor m_noteText;
    QColor m_errorText;
    QColor m_background;
    int m_fontPixelSize = 12;
    QImage m_image;
    State m_state = State::Loading;
    QString m_message;
    Sizing m_sizing = Sizing::Auto;
    int m_width = 0;
    int m_height = 0;
    bool m_person = false;
    Qt::Alignment m_alignment = Qt::AlignLeft;
};

} // namespace herald::ui
