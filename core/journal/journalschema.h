#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace flowscope::Internal {

// The journal's tables, how a file is recognised, and the migrations from older layouts
// (docs/persistence.md). Version 0 was the first layout: no rollups table, and checkpoints
// without their reason column.
class JournalSchema
{
public:
    enum class State { Missing, Empty, Current, Older, Refused };

    struct Inspection
    {
        State state = State::Refused;
        int version = -1;
        QString error; // when refused: names the file and the reason
    };

    static constexpr const char *application = "flowscope-journal";
    // Events are grouped by row id into blocks of 2^12 rows; event_blocks keeps each block's
    // time span, which serves time-range queries over every job (docs/persistence.md).
    static constexpr int eventBlockShift = 12;

    // Looks at a file without writing to it: through a read-only connection, and only after its
    // first bytes say it is SQLite.
    static Inspection inspect(const QString &path);

    // Creates the current layout, or migrates an older one, inside one transaction.
    static bool prepare(QSqlDatabase &db, const Inspection &inspection, QString *error);

    // The statements that create the current layout (tables, then indexes).
    static QStringList currentTables();

private:
    static bool create(QSqlDatabase &db, QString *error);
    static bool migrate(QSqlDatabase &db, int from, QString *error);
    static bool migrateFrom0(QSqlDatabase &db, QString *error);
    static bool exec(QSqlDatabase &db, const QString &sql, QString *error);
    static bool setVersion(QSqlDatabase &db, int version, QString *error);
};

} // namespace flowscope::Internal
