#pragma once

#include <QByteArray>
#include <QLatin1String>
#include <QStringView>

namespace flowscope {

// Appends CBOR items to a QByteArray: integers, array and map heads, text and ready-made items,
// each in the shortest form (as QCborStreamWriter writes them). For the events frame, whose rows
// are thousands of small integers: QCborStreamWriter sends every item through a QIODevice write,
// which cost more than the rest of the stream together. A row is built in a small stack buffer
// (Row) and appended with one copy.
class CborWriter
{
public:
    // The longest head: one byte and a 64-bit argument.
    static constexpr int maxHeadBytes = 9;

    explicit CborWriter(QByteArray *out)
        : m_out(out)
    {}

    void unsignedInt(quint64 value) { head(0, value); }
    void integer(qint64 value);
    void startArray(quint64 length) { head(4, length); }
    void startMap(quint64 pairs) { head(5, pairs); }
    void text(QStringView text);
    void text(QLatin1String ascii); // keys: no conversion
    void boolean(bool value) { m_out->append(char(value ? 0xf5 : 0xf4)); }
    // An item already encoded (a whole row, a payload).
    void raw(const char *data, qsizetype size) { m_out->append(data, size); }

    // Writes one head into buffer (at least maxHeadBytes long); returns the bytes written.
    static int writeHead(char *buffer, quint8 major, quint64 argument);

    // A fixed-size buffer for one row of integers, appended with raw() when complete.
    template<int capacity>
    class Row
    {
    public:
        void startArray(quint64 length) { put(4, length); }
        void unsignedInt(quint64 value) { put(0, value); }
        void integer(qint64 value) { value < 0 ? put(1, ~quint64(value)) : put(0, quint64(value)); }
        const char *data() const { return m_bytes; }
        int size() const { return m_size; }

    private:
        void put(quint8 major, quint64 argument)
        {
            Q_ASSERT(m_size + maxHeadBytes <= capacity);
            m_size += writeHead(m_bytes + m_size, major, argument);
        }
        char m_bytes[capacity];
        int m_size = 0;
    };

private:
    void head(quint8 major, quint64 argument);

    QByteArray *m_out;
};

} // namespace flowscope
