#include "eventfiltertask.h"

#include "eventchunk.h"
#include "payloadsearchtext.h"

#include <QCoreApplication>
#include <QMutex>
#include <QPointer>
#include <QThreadPool>

namespace flowscope {

namespace {

struct Slice
{
    size_t firstPart = 0;
    size_t endPart = 0;
    EventFilterResult result;
};

void scanSlice(const EventStoreSnapshot &snapshot, const EventMatcher &matcher, Slice *slice,
               const std::atomic<bool> *cancel)
{
    const bool searchesPayloads = !matcher.filter().text.isEmpty();
    for (size_t p = slice->firstPart; p < slice->endPart; ++p) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            slice->result.cancelled = true;
            return;
        }
        const EventStoreSnapshot::Part &part = snapshot.parts[p];
        const EventChunk &chunk = *part.chunk;
        std::shared_ptr<const PayloadSearchText> text = chunk.searchText();
        // A sealed chunk without its payload text gets it made here, once, and handed back.
        if (searchesPayloads && !text && part.sealed && part.payloads > 0) {
            text = PayloadSearchText::build(chunk, part.payloads);
            slice->result.texts.push_back({part.chunk, text});
        }
        EventFilterResult::Block block{chunk.firstIndex(), {}};
        matcher.scan(chunk, 0, part.rows, part.payloads, text.get(), &block.offsets);
        if (!block.offsets.empty())
            slice->result.blocks.push_back(std::move(block));
    }
}

// Contiguous runs of parts with about the same number of rows each.
std::vector<Slice> slicesOf(const EventStoreSnapshot &snapshot, int count)
{
    quint64 rows = 0;
    for (const EventStoreSnapshot::Part &part : snapshot.parts)
        rows += quint64(part.rows);
    std::vector<Slice> slices;
    size_t part = 0;
    quint64 taken = 0;
    for (int i = 0; i < count && part < snapshot.parts.size(); ++i) {
        Slice slice;
        slice.firstPart = part;
        const quint64 target = rows * quint64(i + 1) / quint64(count);
        while (part < snapshot.parts.size() && (taken < target || part == slice.firstPart))
            taken += quint64(snapshot.parts[part++].rows);
        slice.endPart = part;
        slices.push_back(std::move(slice));
    }
    return slices;
}

EventFilterResult merged(std::vector<Slice> &slices, quint64 endIndex)
{
    EventFilterResult result;
    result.endIndex = endIndex;
    for (Slice &slice : slices) {
        result.cancelled = result.cancelled || slice.result.cancelled;
        for (EventFilterResult::Block &block : slice.result.blocks)
            result.blocks.push_back(std::move(block));
        for (EventFilterResult::MadeText &text : slice.result.texts)
            result.texts.push_back(std::move(text));
    }
    return result;
}

} // namespace

EventFilterResult EventFilterTask::run(const EventStoreSnapshot &snapshot,
                                       const EventMatcher &matcher)
{
    std::vector<Slice> slices = slicesOf(snapshot, 1);
    for (Slice &slice : slices)
        scanSlice(snapshot, matcher, &slice, nullptr);
    return merged(slices, snapshot.endIndex);
}

void EventFilterTask::start(EventStoreSnapshot snapshot, EventMatcher matcher,
                            std::shared_ptr<std::atomic<bool>> cancel, QObject *context, Done done)
{
    struct Shared
    {
        EventStoreSnapshot snapshot;
        EventMatcher matcher;
        std::shared_ptr<std::atomic<bool>> cancel;
        std::vector<Slice> slices;
        std::atomic<int> running{0};
        QPointer<QObject> context;
        Done done;
    };
    auto shared = std::make_shared<Shared>();
    shared->snapshot = std::move(snapshot);
    shared->matcher = std::move(matcher);
    shared->cancel = std::move(cancel);
    shared->context = context;
    shared->done = std::move(done);
    QThreadPool *pool = QThreadPool::globalInstance();
    // Chunks cost unevenly (payloads, hits, the chunk still filling): four slices a thread let
    // a thread that finishes early take another instead of waiting for the slowest half.
    shared->slices = slicesOf(shared->snapshot, 4 * std::max(1, pool->maxThreadCount()));
    if (shared->slices.empty())
        shared->slices.push_back(Slice());
    shared->running = int(shared->slices.size());

    for (Slice &slice : shared->slices) {
        pool->start([shared, slice = &slice] {
            scanSlice(shared->snapshot, shared->matcher, slice, shared->cancel.get());
            if (shared->running.fetch_sub(1, std::memory_order_acq_rel) != 1)
                return;
            // The last slice to finish hands the whole result to the GUI thread.
            auto result = std::make_shared<EventFilterResult>(
                merged(shared->slices, shared->snapshot.endIndex));
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [shared, result] {
                    if (shared->context)
                        shared->done(std::move(*result));
                },
                Qt::QueuedConnection);
        });
    }
}

} // namespace flowscope
