#include "timelinecolors.h"

#include <cmath>

namespace flowscope {

TimelineColors::TimelineColors(const QPalette &palette)
    : m_palette(palette)
    , m_dark(palette.color(QPalette::Base).lightnessF() < 0.5)
{}

QColor TimelineColors::routine(quint16 routine) const
{
    // Hues from orange to violet: red means failed.
    const double hue = 0.08 + 0.77 * std::fmod(routine * 0.618033988749895, 1.0);
    return QColor::fromHsvF(float(hue), m_dark ? 0.55f : 0.45f, m_dark ? 0.72f : 0.93f);
}

QColor TimelineColors::fill(quint32 key) const
{
    if (key == foldedKey)
        return m_dark ? QColor(0x8a, 0x93, 0xa6) : QColor(0x9a, 0xa3, 0xb5);
    if ((key & 0xffffff00u) == 0xffffff00u)
        return mark(TimelineMark(key & 0xffu));
    const auto status = TimelineStatus((key >> 1) & 3);
    QColor color;
    switch (status) {
    case TimelineStatus::Error:
        color = m_dark ? QColor(0xe0, 0x5a, 0x5a) : QColor(0xd6, 0x3a, 0x3a);
        break;
    case TimelineStatus::Cancelled:
        color = m_dark ? QColor(0x6e, 0x6e, 0x6e) : QColor(0xb4, 0xb4, 0xb4);
        break;
    case TimelineStatus::Running:
        color = routine(quint16(key >> 3));
        color = m_dark ? color.darker(130) : color.lighter(112);
        break;
    case TimelineStatus::Ok:
        color = routine(quint16(key >> 3));
        break;
    }
    if (key & 1) { // the highlighted routine: towards the palette's selection colour
        const QColor h = selection();
        color = QColor::fromRgbF((color.redF() + h.redF()) / 2, (color.greenF() + h.greenF()) / 2,
                                 (color.blueF() + h.blueF()) / 2);
    }
    return color;
}

QColor TimelineColors::mark(TimelineMark mark) const
{
    switch (mark) {
    case TimelineMark::Error:
        return m_dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
    case TimelineMark::Breakpoint:
        return m_dark ? QColor(0xff, 0x9e, 0x40) : QColor(0xe0, 0x6c, 0x00);
    case TimelineMark::Pause:
        return m_dark ? QColor(0x7a, 0xb8, 0xff) : QColor(0x1f, 0x6f, 0xd1);
    case TimelineMark::Alert:
        return m_dark ? QColor(0xf2, 0xd0, 0x4b) : QColor(0xb8, 0x8a, 0x00);
    }
    return text();
}

QColor TimelineColors::laneBackground(int lane) const
{
    return m_palette.color(lane % 2 ? QPalette::AlternateBase : QPalette::Base);
}

QColor TimelineColors::grid() const
{
    // Opaque, so that it is filled rather than blended.
    const QColor base = m_palette.color(QPalette::Base);
    const QColor ink = text();
    const float a = m_dark ? 0.12f : 0.10f;
    return QColor::fromRgbF(base.redF() + (ink.redF() - base.redF()) * a,
                            base.greenF() + (ink.greenF() - base.greenF()) * a,
                            base.blueF() + (ink.blueF() - base.blueF()) * a);
}

QColor TimelineColors::dimText() const
{
    QColor c = text();
    c.setAlphaF(0.65f);
    return c;
}

QColor TimelineColors::rangeFill() const
{
    QColor c = selection();
    c.setAlphaF(0.22f);
    return c;
}

QColor TimelineColors::dropped() const
{
    QColor c = text();
    c.setAlphaF(0.18f);
    return c;
}

QColor TimelineColors::now() const
{
    return m_dark ? QColor(0x5c, 0xd6, 0x8a) : QColor(0x1e, 0x9e, 0x50);
}

} // namespace flowscope
