#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

namespace flowscope {

class Journal;

// What the `flowscope <command> --db FILE ...` commands share: the parser with --help, --db and
// --out, the command word left out of parsing, stray arguments refused, and mistakes printed as
// "flowscope <command>: <what was wrong>" with exit code 2.
class SubcommandLine
{
public:
    SubcommandLine(const QString &command, const QString &description);

    QCommandLineParser &parser() { return m_parser; }
    const QCommandLineOption &outOption() const { return m_out; }

    // Parses arguments (program name first, then the command word). Returns -1 to go on, else the
    // exit code: 0 after printing the help, 2 after a mistake.
    int parse(const QStringList &arguments);
    // Opens the journal --db names (required, must exist). -1 to go on, else 2.
    int openJournal(Journal *journal) const;
    // Prints the message and returns 2.
    int fail(const QString &message) const;

private:
    QString m_command;
    QCommandLineParser m_parser;
    QCommandLineOption m_db;
    QCommandLineOption m_out;
};

} // namespace flowscope
