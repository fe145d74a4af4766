#include "report/htmlreport.h"

#include "report/reporttext.h"

namespace flowscope {

namespace {

using namespace ReportText;

const char style[] = R"(<style>
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; font-size: 10pt; color: #212121; }
h1 { font-size: 16pt; margin-bottom: 4px; }
h2 { font-size: 12pt; margin-top: 18px; border-bottom: 1px solid #bdbdbd; }
table.grid { border-collapse: collapse; margin-top: 6px; }
table.grid th { background-color: #eeeeee; text-align: left; padding: 3px 8px; }
table.grid td { padding: 3px 8px; border-bottom: 1px solid #e0e0e0; }
td.num { text-align: right; }
td.name { white-space: nowrap; }
.state { font-weight: bold; }
.muted { color: #757575; }
table.bar { border-collapse: collapse; }
table.bar td { padding: 0; font-size: 6pt; }
</style>)";

// Names are never broken across lines (a PDF reader would join "stuck-" and "worker").
QString nameCell(const QString &html)
{
    return QLatin1String("<td class=\"name\">") + html + QLatin1String("</td>");
}

QString cell(const QString &text, bool numeric = false)
{
    return numeric ? QLatin1String("<td class=\"num\">") + text + QLatin1String("</td>")
                   : QLatin1String("<td>") + text + QLatin1String("</td>");
}

QString headerRow(const QStringList &names)
{
    QString out = QStringLiteral("<tr>");
    for (const QString &n : names)
        out += QLatin1String("<th>") + HtmlReport::escape(n) + QLatin1String("</th>");
    return out + QLatin1String("</tr>\n");
}

QString stateCell(HealthState state)
{
    return QStringLiteral("<td class=\"state\" style=\"color:%1\">%2</td>")
        .arg(stateColor(state), stateLabel(state));
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("&ndash;") : HtmlReport::escape(text);
}

// A bar of `fraction` in the state's colour, as a two-cell table 120 px wide.
QString barHtml(double fraction, HealthState state)
{
    const int filled = filledCells(fraction, 100);
    QString out = QStringLiteral("<table class=\"bar\" width=\"120\" cellspacing=\"0\" "
                                 "cellpadding=\"0\"><tr>");
    const auto part = [](int width, const QString &color) {
        return QStringLiteral("<td width=\"%1%\" bgcolor=\"%2\" style=\"background-color:%2\">"
                              "&nbsp;</td>")
            .arg(width)
            .arg(color);
    };
    if (filled > 0)
        out += part(filled, stateColor(state));
    if (filled < 100)
        out += part(100 - filled, QStringLiteral("#e0e0e0"));
    return out + QLatin1String("</tr></table>");
}

void agentsSection(const HealthReport &r, QString &out)
{
    out += QLatin1String("<h2>Agents</h2>\n");
    if (r.agents.isEmpty()) {
        out += QLatin1String("<p class=\"muted\">No agents registered.</p>\n");
        return;
    }
    out += QStringLiteral("<p class=\"muted\">Heartbeat age against the FAILED threshold "
                          "(%1).</p>\n")
               .arg(duration(r.failedThresholdMs()));
    out += QLatin1String("<table class=\"grid\">\n")
           + headerRow({QStringLiteral("Agent"), QStringLiteral("State"),
                        QStringLiteral("Heartbeat"), QStringLiteral("Last beat"),
                        QStringLiteral("Beats"), QStringLiteral("Diagnosis")});
    for (const AgentHealth &a : r.agents) {
        QString name = HtmlReport::escape(a.agent);
        if (a.external)
            name += QLatin1String(" <span class=\"muted\">(external)</span>");
        out += QLatin1String("<tr>") + nameCell(name) + stateCell(a.state)
               + cell(barHtml(beatFraction(a, r.failedThresholdMs()), a.state))
               + cell(a.lastBeatMs > 0 ? duration(a.beatAgeMs) + QLatin1String(" ago")
                                       : QStringLiteral("never"))
               + cell(QString::number(a.beats), true) + cell(orDash(a.diagnosis))
               + QLatin1String("</tr>\n");
    }
    out += QLatin1String("</table>\n");
}

void unhealthySection(const HealthReport &r, QString &out)
{
    const QVector<AgentHealth> unhealthy = unhealthyAgents(r.agents);
    if (unhealthy.isEmpty())
        return;
    out += QLatin1String("<h2>Unhealthy agents in detail</h2>\n<table class=\"grid\">\n")
           + headerRow({QStringLiteral("Agent"), QStringLiteral("State"), QStringLiteral("Since"),
                        QStringLiteral("Diagnosis"), QStringLiteral("Stuck routine"),
                        QStringLiteral("Stuck for"), QStringLiteral("Last beat age")});
    for (const AgentHealth &a : unhealthy) {
        out += QLatin1String("<tr>") + nameCell(HtmlReport::escape(a.agent)) + stateCell(a.state)
               + cell(orDash(isoTime(a.stateSinceMs))) + cell(orDash(a.diagnosis))
               + cell(orDash(a.stuckRoutine))
               + cell(a.stuckForMs > 0 ? duration(a.stuckForMs) : QStringLiteral("&ndash;"))
               + cell(a.lastBeatMs > 0 ? duration(a.beatAgeMs) : QStringLiteral("never"))
               + QLatin1String("</tr>\n");
    }
    out += QLatin1String("</table>\n");
}

void alertsSection(const HealthReport &r, QString &out)
{
    out += QLatin1String("<h2>Alerts</h2>\n");
    if (r.alerts.isEmpty()) {
        out += QLatin1String("<p class=\"muted\">No alerts.</p>\n");
        return;
    }
    out += QLatin1String("<table class=\"grid\">\n")
           + headerRow({QStringLiteral("Time"), QStringLiteral("Level"), QStringLiteral("Agent"),
                        QStringLiteral("Transition"), QStringLiteral("Message")});
    for (const Alert &a : r.alerts) {
        out += QLatin1String("<tr>") + cell(isoTime(a.timeMs))
               + QStringLiteral("<td class=\"state\" style=\"color:%1\">%2</td>")
                     .arg(levelColor(a.level), alertLevelName(a.level).toUpper())
               + nameCell(HtmlReport::escape(a.agent))
               + cell(healthStateName(a.from) + QStringLiteral(" &rarr; ") + healthStateName(a.to))
               + cell(orDash(a.message)) + QLatin1String("</tr>\n");
    }
    out += QLatin1String("</table>\n");
}

void metricsSection(const HealthReport &r, QString &out)
{
    const MetricsSummary &m = r.engine;
    const DurationStats &d = m.durations;
    out += QLatin1String("<h2>Metrics</h2>\n<table class=\"grid\">\n")
           + headerRow({QStringLiteral("Activations"), QStringLiteral("Errors"),
                        QStringLiteral("Error rate"), QStringLiteral("Throughput"),
                        QStringLiteral("p50 ms"), QStringLiteral("p95 ms"),
                        QStringLiteral("p99 ms"), QStringLiteral("max ms")})
           + QLatin1String("<tr>") + cell(QString::number(m.activations), true)
           + cell(QString::number(m.errors), true) + cell(percent(m.errorRate()), true)
           + cell(number(m.throughputPerS()) + QLatin1String("/s"), true)
           + cell(milliseconds(d.medianMs), true) + cell(milliseconds(d.p95Ms), true)
           + cell(milliseconds(d.p99Ms), true) + cell(milliseconds(d.maxMs), true)
           + QLatin1String("</tr>\n</table>\n");
    out += QStringLiteral("<p>Jobs: %1 started, %2 completed, %3 failed, %4 cancelled.")
               .arg(m.jobsStarted)
               .arg(m.jobsCompleted)
               .arg(m.jobsFailed)
               .arg(m.jobsCancelled);
    if (!r.jobsByStatus.isEmpty()) {
        QStringList parts;
        for (auto it = r.jobsByStatus.cbegin(); it != r.jobsByStatus.cend(); ++it)
            parts << QStringLiteral("%1 %2").arg(it.value()).arg(HtmlReport::escape(it.key()));
        out += QLatin1String(" Now: ") + parts.join(QLatin1String(", ")) + QLatin1Char('.');
    }
    out += QLatin1String("</p>\n");
    if (m.fields.isEmpty())
        return;
    out += QLatin1String("<table class=\"grid\">\n")
           + headerRow({QStringLiteral("Field"), QStringLiteral("Count"), QStringLiteral("Sum"),
                        QStringLiteral("Mean"), QStringLiteral("Min"), QStringLiteral("Max")});
    for (auto it = m.fields.cbegin(); it != m.fields.cend(); ++it) {
        out += QLatin1String("<tr>") + cell(HtmlReport::escape(it.key()))
               + cell(QString::number(it->count), true) + cell(number(it->sum), true)
               + cell(number(it->mean()), true) + cell(number(it->min), true)
               + cell(number(it->max), true) + QLatin1String("</tr>\n");
    }
    out += QLatin1String("</table>\n");
}

void routinesSection(const HealthReport &r, QString &out)
{
    if (r.routines.isEmpty())
        return;
    out += QLatin1String("<h2>Routines</h2>\n<table class=\"grid\">\n")
           + headerRow({QStringLiteral("Routine"), QStringLiteral("Count"),
                        QStringLiteral("Errors"), QStringLiteral("p50 ms"),
                        QStringLiteral("p95 ms"), QStringLiteral("p99 ms"),
                        QStringLiteral("max ms")});
    for (const MetricsSummary &s : r.routines) {
        const DurationStats &d = s.durations;
        out += QLatin1String("<tr>") + cell(HtmlReport::escape(s.key))
               + cell(QString::number(s.activations), true) + cell(QString::number(s.errors), true)
               + cell(milliseconds(d.medianMs), true) + cell(milliseconds(d.p95Ms), true)
               + cell(milliseconds(d.p99Ms), true) + cell(milliseconds(d.maxMs), true)
               + QLatin1String("</tr>\n");
    }
    out += QLatin1String("</table>\n");
}

} // namespace

QString HtmlReport::escape(const QString &text)
{
    return text.toHtmlEscaped();
}

QString HtmlReport::render(const HealthReport &r)
{
    const QString title = escape(QLatin1String("Health report: ")
                                 + (r.title.isEmpty() ? QStringLiteral("engine") : r.title));
    int counts[4] = {};
    for (const AgentHealth &a : r.agents)
        ++counts[int(a.state) & 3];
    QString out;
    out.reserve(16384);
    out += QLatin1String("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>") + title
           + QLatin1String("</title>\n") + QLatin1String(style)
           + QLatin1String("\n</head><body>\n");
    out += QLatin1String("<h1>") + title + QLatin1String("</h1>\n");
    out += QStringLiteral("<p><span class=\"state\" style=\"color:%1\">Overall: %2</span> "
                          "&middot; %3 agents: %4 healthy, %5 degraded, %6 critical, %7 failed"
                          "</p>\n")
               .arg(stateColor(r.overall), stateLabel(r.overall))
               .arg(r.agents.size())
               .arg(counts[0])
               .arg(counts[1])
               .arg(counts[2])
               .arg(counts[3]);
    out += QStringLiteral("<p class=\"muted\">Generated %1 &middot; uptime %2 &middot; heartbeat "
                          "every %3 ms, failed after %4 ms</p>\n")
               .arg(isoTime(r.generatedMs), duration(r.uptimeMs()))
               .arg(r.heartbeatIntervalMs)
               .arg(r.failedThresholdMs());
    agentsSection(r, out);
    unhealthySection(r, out);
    alertsSection(r, out);
    metricsSection(r, out);
    routinesSection(r, out);
    out += QLatin1String("</body></html>\n");
    return out;
}

} // namespace flowscope
