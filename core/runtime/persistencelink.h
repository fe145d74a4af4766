#pragma once

#include "runtime/result.h"

#include <QString>

#include <atomic>
#include <memory>
#include <mutex>

namespace flowscope::Internal {

class Checkpointer;
class EngineCore;
class EnginePersistence;
class JobState;

// The engine's hold on its journal: opened once, then read lock-free from any thread. Jobs are
// recorded and checkpointed only while it is open and not suspended (after shutdown began).
class PersistenceLink
{
public:
    explicit PersistenceLink(EngineCore *core);
    ~PersistenceLink();

    Status open(const QString &path, int retentionDays);
    EnginePersistence *get() const { return m_current.load(); }
    // Null without a journal and once it is suspended.
    Checkpointer *checkpointer() const;
    void recordJob(const JobState &job);
    void close();

private:
    EngineCore *m_core;
    std::mutex m_openMutex;
    std::unique_ptr<EnginePersistence> m_owned;
    std::atomic<EnginePersistence *> m_current{nullptr};
};

} // namespace flowscope::Internal
