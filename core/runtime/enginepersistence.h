#pragma once

#include "journal/jobcheckpoint.h"
#include "runtime/result.h"

#include <QVariantMap>
#include <QVector>

#include <memory>

namespace flowscope {
class Journal;
}

namespace flowscope::Internal {

class Checkpointer;
class EngineCore;
class JobState;

// The engine's journal and what it keeps: job records, checkpoints, and jobs brought back from
// them (resume after a restart, resume from a chosen checkpoint, fork). docs/persistence.md.
class EnginePersistence
{
public:
    EnginePersistence(EngineCore *core, std::unique_ptr<Journal> journal, int checkpointIntervalMs);
    // Opens (or creates, or migrates) the journal file; null with *error when it cannot be used.
    static std::unique_ptr<EnginePersistence> open(EngineCore *core, const QString &path,
                                                   int retentionDays, QString *error);
    ~EnginePersistence(); // stops checkpointing; the journal is flushed and closed

    Journal &journal() { return *m_journal; }
    Checkpointer &checkpointer() { return *m_checkpointer; }

    void recordJob(const JobState &job);
    // At shutdown: running jobs get a last checkpoint and stay "interrupted" in the journal, so
    // the next start can resume them; nothing after this is recorded.
    void suspendAll();
    bool suspended() const { return m_suspended; }

    QVector<JobRecord> interruptedJobs() const;
    // Brings a job back from a checkpoint: the same job id (resume) or a new one (fork), with
    // variables overridden by `variables`.
    Status restore(const JobCheckpoint &checkpoint, bool fork, const QVariantMap &variables,
                   JobId *id);

private:
    Status ensureFlow(const QString &flowId, JobId job);

    EngineCore *m_core;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<Checkpointer> m_checkpointer;
    bool m_suspended = false;
};

} // namespace flowscope::Internal
