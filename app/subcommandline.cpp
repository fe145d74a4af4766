#include "subcommandline.h"

#include "journal/journal.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <cstdio>

namespace flowscope {

SubcommandLine::SubcommandLine(const QString &command, const QString &description)
    : m_command(command)
    , m_db(QStringLiteral("db"), QCoreApplication::translate("flowscope", "Journal file."),
           QStringLiteral("FILE"))
    , m_out(QStringLiteral("out"),
            QCoreApplication::translate("flowscope", "Output file (default: standard output)."),
            QStringLiteral("FILE"))
{
    m_parser.setApplicationDescription(description);
    m_parser.addHelpOption();
    m_parser.addOptions({m_db, m_out});
}

int SubcommandLine::parse(const QStringList &arguments)
{
    QStringList args = arguments;
    if (args.size() > 1)
        args.removeAt(1); // the command word
    if (!m_parser.parse(args))
        return fail(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qUtf8Printable(m_parser.helpText()));
        return 0;
    }
    if (!m_parser.positionalArguments().isEmpty())
        return fail(
            QStringLiteral("unexpected argument: %1").arg(m_parser.positionalArguments().first()));
    return -1;
}

int SubcommandLine::openJournal(Journal *journal) const
{
    if (!m_parser.isSet(m_db))
        return fail(QStringLiteral("--db FILE is required"));
    const QString db = m_parser.value(m_db);
    if (!QFileInfo::exists(db))
        return fail(QStringLiteral("%1: no such file").arg(db));
    QString error;
    if (!journal->open(db, &error))
        return fail(error);
    return -1;
}

int SubcommandLine::fail(const QString &message) const
{
    std::fprintf(stderr, "flowscope %s: %s\n", qUtf8Printable(m_command), qUtf8Printable(message));
    return 2;
}

} // namespace flowscope
