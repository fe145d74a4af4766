#pragma once

#include <QColor>
#include <QPalette>

namespace flowscope {

// Colours for what the console paints itself, chosen from the palette in use so that they read
// well on a light and on a dark one. The light palette keeps the colours as designed; on a dark
// palette each keeps its hue and gets the lightness that gives it enough contrast.
class ThemeColors
{
public:
    // What a colour says, for text and marks outside the palette's own roles.
    enum class Tone { Normal, Error, Success, Warning, Muted };

    // A palette whose windows are darker than their text.
    static bool isDark(const QPalette &palette);

    // WCAG 2 contrast ratio of two opaque colours: 1 (same) to 21 (black on white).
    static double contrast(const QColor &a, const QColor &b);
    // color, made lighter or darker (hue kept) until it has at least minContrast against
    // background. Text needs 4.5, lines and marks 3.
    static QColor readableOn(const QColor &color, const QColor &background,
                             double minContrast = 4.5);

    // A fill designed for a light palette (a pale tint), as a tint of the same hue that suits
    // this palette: unchanged on light ones, a dark tint on dark ones.
    static QColor tint(const QColor &lightTint, const QPalette &palette);

    // Text of a tone on the palette's base (views) or window (dialogs, status bar).
    static QColor toneOnBase(Tone tone, const QPalette &palette);
    static QColor toneOnWindow(Tone tone, const QPalette &palette);

private:
    static QColor toneColor(Tone tone, const QPalette &palette);
};

} // namespace flowscope
