#include "texttone.h"

#include <QEvent>
#include <QWidget>

namespace flowscope {

TextTone::TextTone(QWidget *widget, ThemeColors::Tone tone)
    : QObject(widget)
    , m_widget(widget)
    , m_tone(tone)
{
    widget->installEventFilter(this);
}

void TextTone::apply(QWidget *widget, ThemeColors::Tone tone)
{
    auto *existing = widget->findChild<TextTone *>(QString(), Qt::FindDirectChildrenOnly);
    if (tone == ThemeColors::Tone::Normal) {
        if (existing) {
            delete existing;
            widget->setPalette(QPalette()); // every role follows the parent again
        }
        return;
    }
    if (existing)
        existing->m_tone = tone;
    else
        existing = new TextTone(widget, tone);
    existing->update();
}

ThemeColors::Tone TextTone::toneOf(const QWidget *widget)
{
    const auto *tone = widget->findChild<TextTone *>(QString(), Qt::FindDirectChildrenOnly);
    return tone ? tone->m_tone : ThemeColors::Tone::Normal;
}

void TextTone::update()
{
    // Only the text roles are set: the background keeps following the application, so a
    // palette change arrives here as a PaletteChange with the new window colour.
    QPalette palette = m_widget->palette();
    const QColor color = ThemeColors::toneOnWindow(m_tone, palette);
    if (palette.color(QPalette::WindowText) == color && palette.color(QPalette::Text) == color)
        return;
    palette.setColor(QPalette::WindowText, color);
    palette.setColor(QPalette::Text, color);
    m_widget->setPalette(palette);
}

bool TextTone::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_widget && event->type() == QEvent::PaletteChange)
        update();
    return QObject::eventFilter(watched, event);
}

} // namespace flowscope
