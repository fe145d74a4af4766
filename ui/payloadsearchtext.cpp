#include "payloadsearchtext.h"

#include "eventchunk.h"
#include "eventtext.h"

#include <cstring>

namespace flowscope {

QByteArray PayloadSearchText::keyOf(const Payload &payload)
{
    return EventText::payloadSummary(payload).toLower().toUtf8();
}

std::shared_ptr<const PayloadSearchText> PayloadSearchText::build(const EventChunk &chunk,
                                                                  int payloads)
{
    auto text = std::make_shared<PayloadSearchText>();
    text->m_ends.reserve(size_t(payloads));
    for (int i = 0; i < payloads; ++i) {
        text->m_text += keyOf(chunk.payloadAt(i));
        text->m_ends.push_back(quint32(text->m_text.size()));
    }
    text->m_text.squeeze();
    return text;
}

QByteArrayView PayloadSearchText::text(int ordinal) const
{
    const quint32 begin = ordinal == 0 ? 0 : m_ends[size_t(ordinal - 1)];
    return QByteArrayView(m_text.constData() + begin, qsizetype(m_ends[size_t(ordinal)] - begin));
}

std::vector<bool> PayloadSearchText::findAll(QByteArrayView needle) const
{
    std::vector<bool> found(m_ends.size());
    const char *text = m_text.constData();
    const qsizetype length = m_text.size();
    qsizetype from = 0;
    size_t ordinal = 0;
    while (from < length) {
        const auto *hit = static_cast<const char *>(
            memmem(text + from, size_t(length - from), needle.data(), size_t(needle.size())));
        if (!hit)
            break;
        const qsizetype at = hit - text;
        while (m_ends[ordinal] <= quint32(at))
            ++ordinal;
        if (at + needle.size() <= qsizetype(m_ends[ordinal])) {
            found[ordinal] = true;
            from = qsizetype(m_ends[ordinal]); // the next payload's text
        } else {
            from = at + 1; // it ran into the next payload's text: not a match of either
        }
    }
    return found;
}

size_t PayloadSearchText::memoryUsage() const
{
    return size_t(m_text.capacity()) + m_ends.capacity() * sizeof(quint32);
}

} // namespace flowscope
