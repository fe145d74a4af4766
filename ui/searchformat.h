#pragma once

#include <QtGlobal>

namespace flowscope {

// The event log's numeric columns as ASCII, byte for byte what EventText shows, but written into
// a caller's buffer with integer arithmetic: a filter over ten million events cannot afford a
// QString per cell.
namespace SearchFormat {

constexpr int decimalCapacity = 20;
// Writes v in decimal; returns the length.
int decimal(quint64 v, char *out);

constexpr int clockLength = 12; // "HH:mm:ss.zzz"
void clock(qint64 timeNs, qint64 utcOffsetMs, char *out);

enum class DurationUnit { Micros, Millis, Seconds };
DurationUnit durationUnit(qint64 durationNs);
constexpr int durationCapacity = 24;
// The number of EventText::duration (durationNs > 0), without its unit; returns the length.
int durationNumber(qint64 durationNs, char *out);

} // namespace SearchFormat
} // namespace flowscope
