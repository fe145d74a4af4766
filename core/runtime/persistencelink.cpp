#include "runtime/persistencelink.h"

#include "journal/journal.h"
#include "runtime/enginecore.h"
#include "runtime/enginepersistence.h"

namespace flowscope::Internal {

PersistenceLink::PersistenceLink(EngineCore *core)
    : m_core(core)
{}

PersistenceLink::~PersistenceLink()
{
    close();
}

Status PersistenceLink::open(const QString &path, int retentionDays)
{
    std::lock_guard lock(m_openMutex);
    if (m_owned)
        return Status::conflict(
            QStringLiteral("a journal is open already: %1").arg(m_owned->journal().path()));
    QString error;
    m_owned = EnginePersistence::open(m_core, path, retentionDays, &error);
    if (!m_owned)
        return Status::invalid(error);
    // Activations resumed from the journal keep their ids: new ones start above them.
    m_core->raiseActivationIds(m_owned->journal().maxActivationId());
    m_owned->journal().attach(&m_core->bus());
    m_current = m_owned.get();
    return Status::success();
}

Checkpointer *PersistenceLink::checkpointer() const
{
    EnginePersistence *persistence = m_current.load();
    return persistence && !persistence->suspended() ? &persistence->checkpointer() : nullptr;
}

void PersistenceLink::recordJob(const JobState &job)
{
    if (EnginePersistence *persistence = m_current.load())
        persistence->recordJob(job);
}

void PersistenceLink::close()
{
    m_current = nullptr;
    m_owned.reset();
}

} // namespace flowscope::Internal
