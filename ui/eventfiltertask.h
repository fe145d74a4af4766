#pragma once

#include "eventmatcher.h"
#include "eventstoresnapshot.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace flowscope {

class EventChunk;
class PayloadSearchText;

// What a filter over a snapshot found: the matching rows chunk by chunk, and the payload texts it
// made on the way, for the chunks to keep.
struct EventFilterResult
{
    struct Block
    {
        quint64 chunkFirstIndex = 0;
        std::vector<quint16> offsets;
    };
    struct MadeText
    {
        std::weak_ptr<const EventChunk> chunk;
        std::shared_ptr<const PayloadSearchText> text;
    };
    quint64 endIndex = 0; // the rows before it were looked at
    std::vector<Block> blocks;
    std::vector<MadeText> texts;
    bool cancelled = false;
};

// Runs a matcher over a snapshot in the global thread pool, split into one slice per thread, and
// hands the result to done in the GUI thread, unless context is gone by then. Setting *cancel
// makes the slices stop early (done then gets a result marked cancelled).
class EventFilterTask
{
public:
    using Done = std::function<void(EventFilterResult)>;
    static void start(EventStoreSnapshot snapshot, EventMatcher matcher,
                      std::shared_ptr<std::atomic<bool>> cancel, QObject *context, Done done);
    // The same, in the calling thread (for tests and figures).
    static EventFilterResult run(const EventStoreSnapshot &snapshot, const EventMatcher &matcher);
};

} // namespace flowscope
