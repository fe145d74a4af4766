#pragma once

#include "timelinespan.h"

#include <QColor>
#include <QPalette>

namespace flowscope {

// The timeline's colours, derived from the widget's palette so that they suit light and dark
// themes: each routine a hue of its own (spread by the golden ratio), errors red, cancelled
// activations grey, running ones paler, and a colour key per fill for TimelineFillBatch.
class TimelineColors
{
public:
    static constexpr quint32 foldedKey = 0xffffffffu;

    explicit TimelineColors(const QPalette &palette = QPalette());

    bool isDark() const { return m_dark; }
    const QPalette &palette() const { return m_palette; }

    static quint32 markKey(TimelineMark mark) { return 0xffffff00u | quint32(mark); }
    static quint32 spanKey(quint16 routine, TimelineStatus status, bool highlighted)
    {
        return (quint32(routine) << 3) | (quint32(status) << 1) | (highlighted ? 1 : 0);
    }
    // The fill of a key from spanKey or markKey, or of foldedKey.
    QColor fill(quint32 key) const;
    QColor routine(quint16 routine) const;
    QColor mark(TimelineMark mark) const;

    QColor laneBackground(int lane) const;
    QColor grid() const;
    QColor text() const { return m_palette.color(QPalette::Text); }
    QColor dimText() const;
    QColor selection() const { return m_palette.color(QPalette::Highlight); }
    QColor rangeFill() const;
    QColor dropped() const;
    QColor now() const;

private:
    QPalette m_palette;
    bool m_dark;
};

} // namespace flowscope
