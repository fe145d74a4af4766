#pragma once

#include "endpoint/endpointsecurity.h"
#include "runtime/engineconfig.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace flowscope {

struct CommandLineOptions
{
    bool headless = false;
    bool listenGiven = false; // --listen was on the command line
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 listenPort = 8765;
    EndpointSecurity security; // --token, --read-token (or FLOWSCOPE_TOKEN, FLOWSCOPE_READ_TOKEN),
                               // --tls-cert, --tls-key
    QStringList flowFiles;
    bool demo = false;
    EngineConfig
        engine; // --workers, --no-monitoring, --keep-jobs, --keep-jobs-for, --event-history,
                // --heartbeat-interval, --failed-after, --checkpoint-interval, --retention-days
    quint64 maxEvents = 0;  // --max-events: the console's event log capacity; 0: the default
    QString language;       // empty: follow the system locale
    QString journalPath;    // --db; empty: the console's default file, no journal when headless
    bool noJournal = false; // --no-db
    bool showHelp = false;
    bool showVersion = false;
};

// The flowscope command line. Parses without exiting, so that tests can check every error.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
public:
    // arguments include the program name first, like QCoreApplication::arguments().
    bool parse(const QStringList &arguments);

    const CommandLineOptions &options() const { return m_options; }
    QString errorText() const { return m_error; }
    QString helpText() const { return m_helpText; }

    // "HOST:PORT" with an IPv4/IPv6 address or "localhost"; "[::1]:80" for IPv6.
    static bool parseHostPort(const QString &text, QHostAddress *address, quint16 *port,
                              QString *error);
    // "http://HOST:PORT" (https with tls), with IPv6 hosts in brackets.
    static QString url(const QHostAddress &address, quint16 port, bool tls = false);

private:
    CommandLineOptions m_options;
    QString m_error;
    QString m_helpText;
};

} // namespace flowscope
