#include "themecolors.h"

#include <algorithm>
#include <cmath>

namespace flowscope {

namespace {
double channel(double c)
{
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &color)
{
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
           + 0.0722 * channel(color.blueF());
}
} // namespace

bool ThemeColors::isDark(const QPalette &palette)
{
    return luminance(palette.color(QPalette::Window))
           < luminance(palette.color(QPalette::WindowText));
}

double ThemeColors::contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor ThemeColors::readableOn(const QColor &color, const QColor &background, double minContrast)
{
    if (contrast(color, background) >= minContrast)
        return color;
    // Away from the background's lightness, in small HSL steps, so the hue stays recognisable.
    const bool lighten = luminance(background) < 0.18;
    float hue, saturation, lightness, alpha;
    color.getHslF(&hue, &saturation, &lightness, &alpha);
    QColor adjusted = color;
    for (int step = 0; step < 40 && contrast(adjusted, background) < minContrast; ++step) {
        lightness = std::clamp(lightness + (lighten ? 0.025f : -0.025f), 0.0f, 1.0f);
        adjusted = QColor::fromHslF(hue, saturation, lightness, alpha);
    }
    return adjusted;
}

QColor ThemeColors::tint(const QColor &lightTint, const QPalette &palette)
{
    if (!isDark(palette))
        return lightTint;
    // Mirror the lightness: the palest tints become the darkest, a stronger tint stays distinct.
    float hue, saturation, lightness, alpha;
    lightTint.getHslF(&hue, &saturation, &lightness, &alpha);
    const float mirrored = std::clamp(1.12f - lightness, 0.10f, 0.45f);
    return QColor::fromHslF(hue, saturation * 0.55f, mirrored, alpha);
}

QColor ThemeColors::toneColor(Tone tone, const QPalette &palette)
{
    switch (tone) {
    case Tone::Normal:
        return palette.color(QPalette::Text);
    case Tone::Error:
        return QColor(0xc0, 0x20, 0x20);
    case Tone::Success:
        return QColor(0x20, 0x80, 0x30);
    case Tone::Warning:
        return QColor(0xa0, 0x60, 0x00);
    case Tone::Muted:
        return palette.color(QPalette::PlaceholderText);
    }
    return palette.color(QPalette::Text);
}

QColor ThemeColors::toneOnBase(Tone tone, const QPalette &palette)
{
    return readableOn(toneColor(tone, palette), palette.color(QPalette::Base),
                      tone == Tone::Muted ? 3.0 : 4.5);
}

QColor ThemeColors::toneOnWindow(Tone tone, const QPalette &palette)
{
    const QColor color
        = tone == Tone::Normal ? palette.color(QPalette::WindowText) : toneColor(tone, palette);
    return readableOn(color, palette.color(QPalette::Window), tone == Tone::Muted ? 3.0 : 4.5);
}

} // namespace flowscope
