#pragma once

#include "apihandlers.h"

#include <QByteArray>
#include <QString>

class QUrlQuery;

namespace flowscope {

class Engine;

// The routes of agent health, alerts, metrics and health reports, free of any HTTP server type.
// Every method calls the thread-safe Engine API.
class HealthHandlers
{
public:
    explicit HealthHandlers(Engine *engine);

    ApiReply agents() const;
    ApiReply agent(const QString &name) const;
    ApiReply alerts(const QUrlQuery &query) const;

    // Routilux metrics shapes, durations in seconds, percentiles in ms; ?from=&to=&step= adds a
    // series (per-second memory for flows and the engine, journal rollups beyond it).
    ApiReply jobMetrics(const QString &jobId, const QUrlQuery &query) const;
    ApiReply flowMetrics(const QString &flowId, const QUrlQuery &query) const;
    ApiReply metricsSummary(const QUrlQuery &query) const;

    // ?format=md|json|html|pdf (default json). PDF needs a QGuiApplication: 501 without one.
    RawReply report(const QUrlQuery &query) const;

private:
    Engine *m_engine;
};

} // namespace flowscope
