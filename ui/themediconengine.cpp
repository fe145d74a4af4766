#include "themediconengine.h"

#include "themecolors.h"

#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QIcon>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QPixmapCache>
#include <QRegularExpression>
#include <QSvgRenderer>

namespace flowscope {

namespace {
// Contrast against the window background below which a colour is lightened: outlines must stand
// out as lines do (3:1); fills only need to separate the shape from the background.
constexpr double strokeContrast = 3.0;
constexpr double fillContrast = 1.8;
constexpr qreal disabledOpacity = 0.35;
} // namespace

ThemedIconEngine::ThemedIconEngine(const QString &svgPath)
    : m_path(svgPath)
{
    QFile file(svgPath);
    if (file.open(QIODevice::ReadOnly))
        m_svg = file.readAll();
    const QSvgRenderer renderer(m_svg);
    m_defaultSize = renderer.isValid() ? renderer.defaultSize() : QSize();
}

QIcon ThemedIconEngine::icon(const QString &name)
{
    return QIcon(new ThemedIconEngine(QStringLiteral(":/icons/%1.svg").arg(name)));
}

QByteArray ThemedIconEngine::svgFor(const QByteArray &svg, const QColor &background)
{
    if (ThemeColors::contrast(background, Qt::black)
        >= ThemeColors::contrast(background, Qt::white))
        return svg; // a light background: the icons were drawn for it
    static const QRegularExpression paint(
        QStringLiteral("\\b(fill|stroke)=\"(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\""));
    QString text = QString::fromUtf8(svg);
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    for (auto it = paint.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const bool stroke = match.capturedView(1) == QLatin1String("stroke");
        const QColor color = ThemeColors::readableOn(QColor(match.captured(2)), background,
                                                     stroke ? strokeContrast : fillContrast);
        out += QStringView(text).mid(last, match.capturedStart() - last);
        out += match.captured(1) + QLatin1String("=\"") + color.name() + QLatin1Char('"');
        last = match.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out.toUtf8();
}

void ThemedIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode,
                             QIcon::State state)
{
    const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    painter->drawPixmap(rect,
                        scaledPixmap((QSizeF(rect.size()) * scale).toSize(), mode, state, scale));
}

QPixmap ThemedIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    return scaledPixmap(size, mode, state, 1.0);
}

QPixmap ThemedIconEngine::scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                                       qreal scale)
{
    // size is in device pixels already (QIcon::pixmap multiplies by the scale before asking);
    // scale only labels the result.
    const QSize pixels = actualSize(size, mode, state);
    if (pixels.isEmpty() || m_svg.isEmpty())
        return {};
    // Drawn for the window background the icon sits on now: a palette change gives new pixmaps.
    const QColor background = QGuiApplication::palette().color(QPalette::Window);
    const QString cacheKey = QStringLiteral("flowscope-icon:%1:%2x%3:%4:%5")
                                 .arg(m_path)
                                 .arg(pixels.width())
                                 .arg(pixels.height())
                                 .arg(int(mode))
                                 .arg(background.rgba());
    QPixmap cached;
    if (QPixmapCache::find(cacheKey, &cached))
        return cached;

    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QSvgRenderer renderer(svgFor(m_svg, background));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    if (mode == QIcon::Disabled)
        painter.setOpacity(disabledOpacity);
    renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(pixels)));
    painter.end();
    QPixmap result = QPixmap::fromImage(std::move(image));
    result.setDevicePixelRatio(scale);
    QPixmapCache::insert(cacheKey, result);
    return result;
}

QSize ThemedIconEngine::actualSize(const QSize &size, QIcon::Mode, QIcon::State)
{
    if (m_defaultSize.isEmpty())
        return size;
    return m_defaultSize.scaled(size, Qt::KeepAspectRatio);
}

QIconEngine *ThemedIconEngine::clone() const
{
    return new ThemedIconEngine(*this);
}

QString ThemedIconEngine::key() const
{
    return QStringLiteral("FlowscopeThemedSvg");
}

QString ThemedIconEngine::iconName()
{
    return QFileInfo(m_path).baseName();
}

bool ThemedIconEngine::isNull()
{
    return m_defaultSize.isEmpty();
}

} // namespace flowscope
