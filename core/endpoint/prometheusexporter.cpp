#include "prometheusexporter.h"

#include "events/eventbus.h"
#include "journal/journal.h"
#include "metrics/histogram.h"
#include "metrics/metricscollector.h"
#include "runtime/engine.h"

#include <QMap>

#include <algorithm>
#include <cmath>
#include <utility>

namespace flowscope {

namespace {

using Labels = std::initializer_list<std::pair<const char *, QString>>;

QByteArray number(double value)
{
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    return QByteArray::number(value, 'g', 15);
}

QByteArray number(quint64 value)
{
    return QByteArray::number(value);
}

// Appends families to the text: a header once per family, then its samples.
class Writer
{
public:
    void family(const char *name, const char *type, const char *help)
    {
        m_out += "# HELP ";
        m_out += name;
        m_out += ' ';
        m_out += help;
        m_out += "\n# TYPE ";
        m_out += name;
        m_out += ' ';
        m_out += type;
        m_out += '\n';
    }

    void sample(const QByteArray &name, Labels labels, const QByteArray &value)
    {
        m_out += name;
        if (labels.size() > 0) {
            m_out += '{';
            bool first = true;
            for (const auto &[label, labelValue] : labels) {
                if (!first)
                    m_out += ',';
                first = false;
                m_out += label;
                m_out += "=\"";
                m_out += PrometheusExporter::escapeLabelValue(labelValue).toUtf8();
                m_out += '"';
            }
            m_out += '}';
        }
        m_out += ' ';
        m_out += value;
        m_out += '\n';
    }

    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_out;
};

// Routine keys are "flow_id/routine_id".
std::pair<QString, QString> splitRoutineKey(const QString &key)
{
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return {QString(), key};
    return {key.left(slash), key.mid(slash + 1)};
}

void writeBus(Writer &w, EventBus &bus)
{
    w.family("flowscope_events_published_total", "counter", "Events published on the bus.");
    w.sample("flowscope_events_published_total", {}, number(bus.publishedCount()));
    w.family("flowscope_events_dropped_total", "counter",
             "Events dropped from full subscriber queues, all subscribers.");
    w.sample("flowscope_events_dropped_total", {}, number(bus.droppedCount()));
    w.family("flowscope_event_subscribers", "gauge", "Subscribers of the event bus.");
    w.sample("flowscope_event_subscribers", {}, number(quint64(bus.subscriberCount())));
}

void writeJobs(Writer &w, const Engine &engine)
{
    const JobStatus all[] = {JobStatus::Pending,   JobStatus::Running, JobStatus::Paused,
                             JobStatus::Completed, JobStatus::Failed,  JobStatus::Cancelled};
    QMap<JobStatus, quint64> counts;
    for (JobStatus status : all)
        counts.insert(status, 0);
    for (const JobInfo &info : engine.jobs())
        counts[info.status] += 1;
    w.family("flowscope_jobs", "gauge", "Jobs the engine holds, by status.");
    for (JobStatus status : all)
        w.sample("flowscope_jobs", {{"status", jobStatusName(status)}},
                 number(counts.value(status)));
}

void writeRoutines(Writer &w, const MetricsCollector &metrics)
{
    const QStringList keys = metrics.keys(MetricScope::Routine);
    QVector<MetricsSummary> summaries;
    summaries.reserve(keys.size());
    for (const QString &key : keys)
        summaries.append(metrics.summary(MetricScope::Routine, key));

    w.family("flowscope_activations_total", "counter", "Routine activations that returned.");
    for (const MetricsSummary &s : std::as_const(summaries)) {
        const auto [flow, routine] = splitRoutineKey(s.key);
        w.sample("flowscope_activations_total", {{"flow", flow}, {"routine", routine}},
                 number(s.activations));
    }
    w.family("flowscope_activation_errors_total", "counter",
             "Routine activations that ended in an error.");
    for (const MetricsSummary &s : std::as_const(summaries)) {
        const auto [flow, routine] = splitRoutineKey(s.key);
        w.sample("flowscope_activation_errors_total", {{"flow", flow}, {"routine", routine}},
                 number(s.errors));
    }

    // The collector's histogram is log-linear in ns; fixed bounds let series be aggregated.
    const QVector<double> bounds = PrometheusExporter::durationBounds();
    w.family("flowscope_activation_duration_seconds", "histogram", "Routine handler durations.");
    for (const QString &key : keys) {
        const Histogram h = metrics.durations(MetricScope::Routine, key);
        const auto [flow, routine] = splitRoutineKey(key);
        for (double bound : bounds) {
            const qint64 ns = std::llround(bound * 1e9);
            w.sample(
                "flowscope_activation_duration_seconds_bucket",
                {{"flow", flow}, {"routine", routine}, {"le", QString::fromLatin1(number(bound))}},
                number(h.countAtOrBelow(ns)));
        }
        w.sample("flowscope_activation_duration_seconds_bucket",
                 {{"flow", flow}, {"routine", routine}, {"le", QStringLiteral("+Inf")}},
                 number(h.count()));
        w.sample("flowscope_activation_duration_seconds_sum",
                 {{"flow", flow}, {"routine", routine}},
                 number(h.mean() * double(h.count()) / 1e9));
        w.sample("flowscope_activation_duration_seconds_count",
                 {{"flow", flow}, {"routine", routine}}, number(h.count()));
    }
}

void writeAgents(Writer &w, Engine &engine)
{
    QVector<AgentHealth> agents = engine.agentHealth();
    std::sort(agents.begin(), agents.end(),
              [](const AgentHealth &a, const AgentHealth &b) { return a.agent < b.agent; });
    const HealthState states[]
        = {HealthState::Healthy, HealthState::Degraded, HealthState::Critical, HealthState::Failed};

    w.family("flowscope_agent_up", "gauge", "1 unless the agent's health is failed.");
    for (const AgentHealth &a : std::as_const(agents)) {
        w.sample("flowscope_agent_up", {{"agent", a.agent}},
                 a.state == HealthState::Failed ? "0" : "1");
    }
    w.family("flowscope_agent_health_state", "gauge",
             "1 for the agent's current health state, 0 for the others.");
    for (const AgentHealth &a : std::as_const(agents)) {
        for (HealthState state : states) {
            w.sample("flowscope_agent_health_state",
                     {{"agent", a.agent}, {"state", healthStateName(state)}},
                     a.state == state ? "1" : "0");
        }
    }
    w.family("flowscope_agent_heartbeat_age_seconds", "gauge",
             "Time since the agent's last heartbeat.");
    for (const AgentHealth &a : std::as_const(agents)) {
        w.sample("flowscope_agent_heartbeat_age_seconds", {{"agent", a.agent}},
                 number(double(a.beatAgeMs) / 1000.0));
    }
    w.family("flowscope_agent_activations_total", "counter", "Activations the agent ran.");
    const MetricsCollector &metrics = engine.metrics();
    for (const AgentHealth &a : std::as_const(agents)) {
        w.sample("flowscope_agent_activations_total", {{"agent", a.agent}},
                 number(metrics.summary(MetricScope::Agent, a.agent).activations));
    }
}

void writeJournal(Writer &w, const Journal &journal)
{
    w.family("flowscope_journal_events_written_total", "counter", "Events written to the journal.");
    w.sample("flowscope_journal_events_written_total", {}, number(journal.writtenEvents()));
    w.family("flowscope_journal_events_dropped_total", "counter",
             "Events the journal dropped because its writer fell behind.");
    w.sample("flowscope_journal_events_dropped_total", {}, number(journal.droppedEvents()));
}

void writeSubscribers(Writer &w, const SubscriberStatsList &subscribers)
{
    w.family("flowscope_subscriber_events_sent_total", "counter",
             "Events sent to one open network subscriber (event stream, monitor, console).");
    for (const SubscriberStats &s : subscribers) {
        w.sample("flowscope_subscriber_events_sent_total", {{"kind", s.kind}, {"subscriber", s.id}},
                 number(s.sent));
    }
    w.family("flowscope_subscriber_events_dropped_total", "counter",
             "Events one open network subscriber missed because it read too slowly.");
    for (const SubscriberStats &s : subscribers) {
        w.sample("flowscope_subscriber_events_dropped_total",
                 {{"kind", s.kind}, {"subscriber", s.id}}, number(s.dropped));
    }
}

} // namespace

QByteArray PrometheusExporter::contentType()
{
    return QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8");
}

QString PrometheusExporter::escapeLabelValue(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (QChar c : value) {
        if (c == QLatin1Char('\\'))
            out += QLatin1String("\\\\");
        else if (c == QLatin1Char('"'))
            out += QLatin1String("\\\"");
        else if (c == QLatin1Char('\n'))
            out += QLatin1String("\\n");
        else
            out += c;
    }
    return out;
}

QVector<double> PrometheusExporter::durationBounds()
{
    return {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
            0.1,    0.25,    0.5,    1,     2.5,    5,     10,   30,    60};
}

QByteArray PrometheusExporter::render(Engine &engine, const SubscriberStatsList &subscribers)
{
    Writer w;
    writeBus(w, engine.bus());
    writeSubscribers(w, subscribers);
    writeJobs(w, engine);
    writeRoutines(w, engine.metrics());
    writeAgents(w, engine);
    if (const Journal *journal = engine.journal())
        writeJournal(w, *journal);
    return w.take();
}

} // namespace flowscope
