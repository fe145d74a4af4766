#include "commandline.h"

#include "uilanguage.h"

#include <QCommandLineParser>

namespace flowscope {

bool CommandLine::parse(const QStringList &arguments)
{
    m_options = {};
    m_error.clear();

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Run, watch and debug workflows and agent swarms."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption headlessOption(
        QStringLiteral("headless"), tr("Run the engine and its HTTP endpoint without a window."));
    const QCommandLineOption listenOption(QStringLiteral("listen"),
                                          tr("Serve the HTTP endpoint on HOST:PORT."),
                                          QStringLiteral("HOST:PORT"));
    const QCommandLineOption flowOption(QStringLiteral("flow"),
                                        tr("Load a flow file (may be given more than once)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption demoOption(QStringLiteral("demo"), tr("Register the demo flows."));
    const QCommandLineOption workersOption(
        QStringLiteral("workers"), tr("Number of agents in the shared pool."), QStringLiteral("N"));
    const QCommandLineOption noMonitoringOption(QStringLiteral("no-monitoring"),
                                                tr("Start with event monitoring off."));
    const QCommandLineOption keepJobsOption(
        QStringLiteral("keep-jobs"),
        tr("Finished jobs kept queryable (default %1).").arg(EngineConfig().maxFinishedJobs),
        QStringLiteral("N"));
    const QCommandLineOption keepJobsForOption(
        QStringLiteral("keep-jobs-for"),
        tr("Seconds a finished job stays queryable (default %1).")
            .arg(EngineConfig().finishedJobTtlSeconds),
        QStringLiteral("SECONDS"));
    const QCommandLineOption historyOption(
        QStringLiteral("event-history"),
        tr("Events the engine keeps for traces (default %1).").arg(EngineConfig().eventHistory),
        QStringLiteral("N"));
    const QCommandLineOption maxEventsOption(
        QStringLiteral("max-events"),
        tr("Events the console keeps per engine (default %L1); beyond it the oldest go.")
            .arg(quint64(5000000)),
        QStringLiteral("N"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        tr("User interface language, e.g. de or en."),
                                        QStringLiteral("LANG"));
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        tr("Journal file (SQLite) for events, metrics, alerts and checkpoints. The console "
           "uses one in the user's data folder by default."),
        QStringLiteral("FILE"));
    const QCommandLineOption noDbOption(QStringLiteral("no-db"), tr("Keep no journal."));
    const QCommandLineOption heartbeatOption(
        QStringLiteral("heartbeat-interval"),
        tr("Milliseconds between agent heartbeats (default %1).")
            .arg(EngineConfig().heartbeatIntervalMs),
        QStringLiteral("MS"));
    const QCommandLineOption failedAfterOption(
        QStringLiteral("failed-after"),
        tr("Heartbeat intervals of silence after which an agent is failed (default %1).")
            .arg(EngineConfig().failedAfterHeartbeats),
        QStringLiteral("N"));
    const QCommandLineOption checkpointOption(
        QStringLiteral("checkpoint-interval"),
        tr("Milliseconds between checkpoints of running jobs (default %1).")
            .arg(EngineConfig().checkpointIntervalMs),
        QStringLiteral("MS"));
    const QCommandLineOption retentionOption(
        QStringLiteral("retention-days"),
        tr("Days the journal keeps events, metrics and alerts (default %1).")
            .arg(EngineConfig().journalRetentionDays),
        QStringLiteral("DAYS"));
    const QCommandLineOption tokenOption(
        QStringLiteral("token"),
        tr("Token that may watch and drive the endpoint (better: the FLOWSCOPE_TOKEN environment "
           "variable, which other users cannot see). Required to listen beyond loopback."),
        QStringLiteral("TOKEN"));
    const QCommandLineOption readTokenOption(
        QStringLiteral("read-token"),
        tr("Token that may only watch the endpoint (or FLOWSCOPE_READ_TOKEN)."),
        QStringLiteral("TOKEN"));
    const QCommandLineOption tlsCertOption(QStringLiteral("tls-cert"),
                                           tr("Serve HTTPS with this PEM certificate (chain)."),
                                           QStringLiteral("FILE"));
    const QCommandLineOption tlsKeyOption(QStringLiteral("tls-key"),
                                          tr("The PEM private key of --tls-cert."),
                                          QStringLiteral("FILE"));
    parser.addOptions({headlessOption,    listenOption,       tokenOption,     readTokenOption,
                       tlsCertOption,     tlsKeyOption,       flowOption,      demoOption,
                       workersOption,     noMonitoringOption, keepJobsOption,  keepJobsForOption,
                       historyOption,     dbOption,           noDbOption,      heartbeatOption,
                       failedAfterOption, checkpointOption,   retentionOption, maxEventsOption,
                       langOption});
    m_helpText = parser.helpText();

    if (!parser.parse(arguments)) {
        m_error = parser.errorText();
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        m_error = tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst());
        return false;
    }

    m_options.showHelp = parser.isSet(helpOption) || parser.isSet(QStringLiteral("help-all"));
    m_options.showVersion = parser.isSet(versionOption);
    m_options.headless = parser.isSet(headlessOption);
    m_options.flowFiles = parser.values(flowOption);
    m_options.demo = parser.isSet(demoOption);
    m_options.engine.monitoring = !parser.isSet(noMonitoringOption);
    m_options.language = parser.value(langOption);
    if (!m_options.language.isEmpty() && !UiLanguage::isAvailable(m_options.language)) {
        m_error = tr("Invalid --lang value \"%1\": the interface speaks %2.")
                      .arg(m_options.language, UiLanguage::available().join(QStringLiteral(", ")));
        return false;
    }
    m_options.journalPath = parser.value(dbOption);
    m_options.noJournal = parser.isSet(noDbOption);
    if (m_options.noJournal && parser.isSet(dbOption)) {
        m_error = tr("--db and --no-db exclude each other.");
        return false;
    }

    if (parser.isSet(listenOption)) {
        QString error;
        if (!parseHostPort(parser.value(listenOption), &m_options.listenAddress,
                           &m_options.listenPort, &error)) {
            m_error = tr("Invalid --listen value: %1").arg(error);
            return false;
        }
        m_options.listenGiven = true;
    }
    EndpointSecurity &security = m_options.security;
    const auto token = [&](const QCommandLineOption &option, const char *variable) {
        return parser.isSet(option) ? parser.value(option).toUtf8() : qgetenv(variable);
    };
    security.controlToken = token(tokenOption, "FLOWSCOPE_TOKEN");
    security.readToken = token(readTokenOption, "FLOWSCOPE_READ_TOKEN");
    security.tlsCertificate = parser.value(tlsCertOption);
    security.tlsKey = parser.value(tlsKeyOption);
    if (security.tlsCertificate.isEmpty() != security.tlsKey.isEmpty()) {
        m_error = tr("--tls-cert and --tls-key go together.");
        return false;
    }
    if (!security.readToken.isEmpty() && security.readToken == security.controlToken) {
        m_error = tr("The read-only token must differ from the control token.");
        return false;
    }
    // Whole-number options: the value must lie in [minimum, maximum].
    const auto number
        = [&](const QCommandLineOption &option, int minimum, int maximum, int *target) {
              if (!parser.isSet(option))
                  return true;
              bool ok = false;
              const int value = parser.value(option).toInt(&ok);
              if (!ok || value < minimum || value > maximum) {
                  m_error = tr("Invalid --%1 value \"%2\": expected a number from %3 to %4.")
                                .arg(option.names().constFirst(), parser.value(option))
                                .arg(minimum)
                                .arg(maximum);
                  return false;
              }
              *target = value;
              return true;
          };
    EngineConfig &engine = m_options.engine;
    if (!number(workersOption, 1, 1024, &engine.workers)
        || !number(keepJobsOption, 0, 10'000'000, &engine.maxFinishedJobs)
        || !number(keepJobsForOption, 0, 365 * 24 * 3600, &engine.finishedJobTtlSeconds)
        || !number(historyOption, 0, 100'000'000, &engine.eventHistory)
        || !number(heartbeatOption, 100, 3'600'000, &engine.heartbeatIntervalMs)
        || !number(failedAfterOption, 3, 1000, &engine.failedAfterHeartbeats)
        || !number(checkpointOption, 10, 86'400'000, &engine.checkpointIntervalMs)
        || !number(retentionOption, 1, 36500, &engine.journalRetentionDays))
        return false;
    int maxEvents = 0;
    if (!number(maxEventsOption, 10000, 2'000'000'000, &maxEvents))
        return false;
    m_options.maxEvents = quint64(maxEvents);
    return true;
}

bool CommandLine::parseHostPort(const QString &text, QHostAddress *address, quint16 *port,
                                QString *error)
{
    const QString trimmed = text.trimmed();
    const int colon = trimmed.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0) {
        *error = tr("\"%1\" is not HOST:PORT (for example 127.0.0.1:8765).").arg(text);
        return false;
    }
    QString host = trimmed.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);

    bool ok = false;
    const uint portValue = trimmed.mid(colon + 1).toUInt(&ok);
    if (!ok || portValue > 65535) {
        *error = tr("\"%1\" has no valid port (0 to 65535).").arg(text);
        return false;
    }

    QHostAddress parsed;
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        parsed = QHostAddress(QHostAddress::LocalHost);
    else if (!parsed.setAddress(host)) {
        *error = tr("\"%1\" is not an IP address.").arg(host);
        return false;
    }
    *address = parsed;
    *port = quint16(portValue);
    return true;
}

QString CommandLine::url(const QHostAddress &address, quint16 port, bool tls)
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                             : address.toString();
    return QStringLiteral("%1://%2:%3")
        .arg(tls ? QStringLiteral("https") : QStringLiteral("http"), host)
        .arg(port);
}

} // namespace flowscope
