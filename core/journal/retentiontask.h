#pragma once

#include <QSqlDatabase>
#include <QString>

namespace flowscope::Internal {

// Deletes what is older than a cutoff, a chunk at a time, so that the writer can commit new rows
// between chunks instead of holding one long transaction (docs/persistence.md, Retention).
class RetentionTask
{
public:
    static constexpr int chunkRows = 5000;

    RetentionTask(qint64 cutoffMs);

    // Deletes one chunk in the caller's open transaction. Returns false on an SQL error.
    bool step(QSqlDatabase &db, QString *error);
    bool isDone() const { return m_stage >= stageCount; }
    qint64 removed() const { return m_removed; }

private:
    static constexpr int stageCount = 5;
    bool stepEvents(QSqlDatabase &db, QString *error);

    qint64 m_cutoffMs;
    int m_stage = 0;
    qint64 m_removed = 0;
};

} // namespace flowscope::Internal
