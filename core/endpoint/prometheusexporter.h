#pragma once

#include <QByteArray>
#include <QString>
#include <QVector>

#include "subscriberstats.h"

namespace flowscope {

class Engine;

// An engine's counters and gauges in the Prometheus text exposition format (version 0.0.4):
// every family with # HELP and # TYPE, names flowscope_*, base units (seconds), counters _total.
class PrometheusExporter
{
public:
    static QByteArray contentType(); // text/plain; version=0.0.4; charset=utf-8
    // subscribers: the endpoint's streams and sockets, each with its sent and dropped counts.
    static QByteArray render(Engine &engine, const SubscriberStatsList &subscribers = {});

    // A label value as it goes between the quotes: backslash, double quote and newline escaped.
    static QString escapeLabelValue(const QString &value);
    // The upper bounds (seconds) of the activation duration buckets, ascending, +Inf excluded.
    static QVector<double> durationBounds();
};

} // namespace flowscope
