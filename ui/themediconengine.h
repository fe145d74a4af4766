#pragma once

#include <QByteArray>
#include <QColor>
#include <QIconEngine>

namespace flowscope {

// An icon drawn from an SVG file at exactly the pixel size asked for (device pixel ratio
// included), so it is sharp at any scale without relying on Qt's SVG icon plug-in. On a dark
// palette its colours are lightened where they would vanish against the window background:
// dark outlines become visible, mid-tone fills keep their hue.
class ThemedIconEngine : public QIconEngine
{
public:
    explicit ThemedIconEngine(const QString &svgPath);

    // An icon of resources/icons/<name>.svg.
    static QIcon icon(const QString &name);
    // The SVG with its colours made visible on background (unchanged on light backgrounds).
    static QByteArray svgFor(const QByteArray &svg, const QColor &background);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override;
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override;
    QString iconName() override;
    bool isNull() override;

private:
    QString m_path;
    QByteArray m_svg;
    QSize m_defaultSize;
};

} // namespace flowscope
