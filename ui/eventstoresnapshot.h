#pragma once

#include "events/event.h"
#include "runtime/jobid.h"

#include <memory>
#include <vector>

namespace flowscope {

class EventChunk;

// A job and its flow, as one entry of a store's job table (events keep the entry's index).
struct StoredJob
{
    JobId job;
    Symbol flow;

    friend bool operator==(const StoredJob &a, const StoredJob &b)
    {
        return a.job == b.job && a.flow == b.flow;
    }
};

inline size_t qHash(const StoredJob &job, size_t seed = 0)
{
    return qHashMulti(seed, job.job.value(), job.flow.id());
}

// The rows of an EventStore at one moment, for a reader in another thread: the chunks stay alive
// while it holds them, and it reads only the rows and payloads counted here.
struct EventStoreSnapshot
{
    struct Part
    {
        std::shared_ptr<const EventChunk> chunk;
        int rows = 0;
        int payloads = 0;
        bool sealed = false; // no more rows will come to the chunk
    };
    std::vector<Part> parts; // oldest first
    // The whole event of a row of a part.
    Event event(const Part &part, int row) const;
    std::shared_ptr<const std::vector<StoredJob>> jobs;
    quint64 firstIndex = 0;
    quint64 endIndex = 0;
};

} // namespace flowscope
