#pragma once

#include "themecolors.h"

#include <QObject>

class QWidget;

namespace flowscope {

// Keeps a label's text in a tone (an error's red, a success's green) that reads well on the
// label's background, and again after the application's palette changes from light to dark or
// back. Replaces hard-coded style sheet colours.
class TextTone : public QObject
{
    Q_OBJECT
public:
    // Normal gives the widget back its palette's own text colour.
    static void apply(QWidget *widget, ThemeColors::Tone tone);
    static ThemeColors::Tone toneOf(const QWidget *widget);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    TextTone(QWidget *widget, ThemeColors::Tone tone);
    void update();

    QWidget *m_widget;
    ThemeColors::Tone m_tone;
};

} // namespace flowscope
