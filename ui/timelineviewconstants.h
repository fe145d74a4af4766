#pragma once

#include <QtGlobal>

// The timeline view's geometry and behaviour, shared by its files (layout, painting, input).
namespace flowscope::TimelineViewConstants {

inline constexpr int laneGap = 1;
inline constexpr int maxRowsTall = 4;     // more rows than this share the lane's height
inline constexpr double markPx = 7;       // a marker's head
inline constexpr double clickSlopPx = 3;  // a press that moves less is a click
inline constexpr double nowMarginPx = 12; // "now" stays this far from the right edge when following
inline constexpr double spanLabelMinPx = 60;
inline constexpr qint64 initialWindowNs = 10'000'000'000; // ten seconds
inline constexpr double wheelStep = 0.8; // one notch of the wheel zooms in by this factor
inline constexpr int maxCachedTexts = 4096;
inline constexpr double tickSpacingPx = 110;

} // namespace flowscope::TimelineViewConstants
