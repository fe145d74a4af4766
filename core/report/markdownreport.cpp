#include "report/markdownreport.h"

#include "report/reporttext.h"

namespace flowscope {

namespace {

using namespace ReportText;

QString row(const QStringList &cells)
{
    return QLatin1String("| ") + cells.join(QLatin1String(" | ")) + QLatin1String(" |\n");
}

QString header(const QStringList &cells)
{
    QStringList rule;
    for (int i = 0; i < cells.size(); ++i)
        rule << QStringLiteral("---");
    return row(cells) + row(rule);
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("–") : MarkdownReport::escape(text);
}

void agentsSection(const HealthReport &r, QString &out)
{
    out += QLatin1String("## Agents\n\n");
    if (r.agents.isEmpty()) {
        out += QLatin1String("No agents registered.\n\n");
        return;
    }
    out += QStringLiteral("Heartbeat age against the FAILED threshold (%1):\n\n")
               .arg(duration(r.failedThresholdMs()));
    out += header({QStringLiteral("Agent"), QStringLiteral("State"), QStringLiteral("Heartbeat"),
                   QStringLiteral("Last beat"), QStringLiteral("Beats"),
                   QStringLiteral("Diagnosis")});
    for (const AgentHealth &a : r.agents) {
        QString name = MarkdownReport::escape(a.agent);
        if (a.external)
            name += QLatin1String(" (external)");
        out += row(
            {name, QLatin1String("**") + stateLabel(a.state) + QLatin1String("**"),
             QLatin1Char('`') + bar(beatFraction(a, r.failedThresholdMs())) + QLatin1Char('`'),
             a.lastBeatMs > 0 ? duration(a.beatAgeMs) + QLatin1String(" ago")
                              : QStringLiteral("never"),
             QString::number(a.beats), orDash(a.diagnosis)});
    }
    out += QLatin1Char('\n');
}

void unhealthySection(const HealthReport &r, QString &out)
{
    const QVector<AgentHealth> unhealthy = unhealthyAgents(r.agents);
    if (unhealthy.isEmpty())
        return;
    out += QLatin1String("## Unhealthy agents in detail\n\n");
    out += header({QStringLiteral("Agent"), QStringLiteral("State"), QStringLiteral("Since"),
                   QStringLiteral("Diagnosis"), QStringLiteral("Stuck routine"),
                   QStringLiteral("Stuck for"), QStringLiteral("Last beat age")});
    for (const AgentHealth &a : unhealthy) {
        out += row({MarkdownReport::escape(a.agent), stateLabel(a.state),
                    orDash(isoTime(a.stateSinceMs)), orDash(a.diagnosis), orDash(a.stuckRoutine),
                    a.stuckForMs > 0 ? duration(a.stuckForMs) : QStringLiteral("–"),
                    a.lastBeatMs > 0 ? duration(a.beatAgeMs) : QStringLiteral("never")});
    }
    out += QLatin1Char('\n');
}

void alertsSection(const HealthReport &r, QString &out)
{
    out += QLatin1String("## Alerts\n\n");
    if (r.alerts.isEmpty()) {
        out += QLatin1String("No alerts.\n\n");
        return;
    }
    out += header({QStringLiteral("Time"), QStringLiteral("Level"), QStringLiteral("Agent"),
                   QStringLiteral("Transition"), QStringLiteral("Message")});
    for (const Alert &a : r.alerts) {
        out += row({isoTime(a.timeMs), alertLevelName(a.level).toUpper(),
                    MarkdownReport::escape(a.agent),
                    healthStateName(a.from) + QStringLiteral(" → ") + healthStateName(a.to),
                    orDash(a.message)});
    }
    out += QLatin1Char('\n');
}

void metricsSection(const HealthReport &r, QString &out)
{
    const MetricsSummary &m = r.engine;
    const DurationStats &d = m.durations;
    out += QLatin1String("## Metrics\n\n");
    out += header({QStringLiteral("Activations"), QStringLiteral("Errors"),
                   QStringLiteral("Error rate"), QStringLiteral("Throughput"),
                   QStringLiteral("p50 ms"), QStringLiteral("p95 ms"), QStringLiteral("p99 ms"),
                   QStringLiteral("max ms")});
    out += row({QString::number(m.activations), QString::number(m.errors), percent(m.errorRate()),
                number(m.throughputPerS()) + QLatin1String("/s"), milliseconds(d.medianMs),
                milliseconds(d.p95Ms), milliseconds(d.p99Ms), milliseconds(d.maxMs)});
    out += QStringLiteral("\nJobs: %1 started, %2 completed, %3 failed, %4 cancelled.")
               .arg(m.jobsStarted)
               .arg(m.jobsCompleted)
               .arg(m.jobsFailed)
               .arg(m.jobsCancelled);
    if (!r.jobsByStatus.isEmpty()) {
        QStringList parts;
        for (auto it = r.jobsByStatus.cbegin(); it != r.jobsByStatus.cend(); ++it)
            parts << QStringLiteral("%1 %2").arg(it.value()).arg(MarkdownReport::escape(it.key()));
        out += QLatin1String(" Now: ") + parts.join(QLatin1String(", ")) + QLatin1Char('.');
    }
    out += QLatin1String("\n\n");
    if (!m.fields.isEmpty()) {
        out += header({QStringLiteral("Field"), QStringLiteral("Count"), QStringLiteral("Sum"),
                       QStringLiteral("Mean"), QStringLiteral("Min"), QStringLiteral("Max")});
        for (auto it = m.fields.cbegin(); it != m.fields.cend(); ++it) {
            out += row({MarkdownReport::escape(it.key()), QString::number(it->count),
                        number(it->sum), number(it->mean()), number(it->min), number(it->max)});
        }
        out += QLatin1Char('\n');
    }
}

void routinesSection(const HealthReport &r, QString &out)
{
    if (r.routines.isEmpty())
        return;
    out += QLatin1String("## Routines\n\n");
    out += header({QStringLiteral("Routine"), QStringLiteral("Count"), QStringLiteral("Errors"),
                   QStringLiteral("p50 ms"), QStringLiteral("p95 ms"), QStringLiteral("p99 ms"),
                   QStringLiteral("max ms")});
    for (const MetricsSummary &s : r.routines) {
        const DurationStats &d = s.durations;
        out += row({MarkdownReport::escape(s.key), QString::number(s.activations),
                    QString::number(s.errors), milliseconds(d.medianMs), milliseconds(d.p95Ms),
                    milliseconds(d.p99Ms), milliseconds(d.maxMs)});
    }
    out += QLatin1Char('\n');
}

} // namespace

QString MarkdownReport::escape(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (QChar c : text) {
        switch (c.unicode()) {
        case '\\':
        case '|':
        case '*':
        case '_':
        case '`':
        case '<':
        case '>':
        case '[':
        case ']':
            out += QLatin1Char('\\');
            out += c;
            break;
        case '\n':
        case '\r':
            out += QLatin1Char(' ');
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString MarkdownReport::render(const HealthReport &r)
{
    QString out;
    out += QLatin1String("# Health report: ")
           + escape(r.title.isEmpty() ? QStringLiteral("engine") : r.title) + QLatin1String("\n\n");
    int counts[4] = {};
    for (const AgentHealth &a : r.agents)
        ++counts[int(a.state) & 3];
    out += QStringLiteral("**Overall: %1** · %2 agents: %3 healthy, %4 degraded, %5 critical, "
                          "%6 failed\n\n")
               .arg(stateLabel(r.overall))
               .arg(r.agents.size())
               .arg(counts[0])
               .arg(counts[1])
               .arg(counts[2])
               .arg(counts[3]);
    out += QStringLiteral(
               "Generated %1 · uptime %2 · heartbeat every %3 ms, failed after %4 ms\n\n")
               .arg(isoTime(r.generatedMs), duration(r.uptimeMs()))
               .arg(r.heartbeatIntervalMs)
               .arg(r.failedThresholdMs());
    agentsSection(r, out);
    unhealthySection(r, out);
    alertsSection(r, out);
    metricsSection(r, out);
    routinesSection(r, out);
    return out;
}

} // namespace flowscope
