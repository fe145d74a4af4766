#pragma once

#include "events/payload.h"

#include <QByteArray>
#include <QByteArrayView>

#include <memory>
#include <vector>

namespace flowscope {

class EventChunk;

// The payload column's text of a chunk's payloads, lower-cased UTF-8 in one buffer: made once
// per sealed chunk, so that searching payloads again costs a memory scan, not a JSON rendering
// per event.
class PayloadSearchText
{
public:
    // The text the filter matches for one payload (EventText::payloadSummary, lower case).
    static QByteArray keyOf(const Payload &payload);
    // The first payloads payloads of the chunk.
    static std::shared_ptr<const PayloadSearchText> build(const EventChunk &chunk, int payloads);

    int count() const { return int(m_ends.size()); }
    QByteArrayView text(int ordinal) const;
    // For every payload, whether its text contains needle (lower-case): one pass over the whole
    // buffer rather than one search per payload.
    std::vector<bool> findAll(QByteArrayView needle) const;
    size_t memoryUsage() const;

private:
    QByteArray m_text;
    std::vector<quint32> m_ends;
};

} // namespace flowscope
