#include "protocol/cborwriter.h"

namespace flowscope {

int CborWriter::writeHead(char *buffer, quint8 major, quint64 argument)
{
    const auto type = char(major << 5);
    if (argument < 24) {
        buffer[0] = char(type | char(argument));
        return 1;
    }
    // Additional information 24..27: a 1, 2, 4 or 8 byte argument, big-endian.
    int bytes = 8;
    char info = 27;
    if (argument <= 0xff) {
        bytes = 1;
        info = 24;
    } else if (argument <= 0xffff) {
        bytes = 2;
        info = 25;
    } else if (argument <= 0xffffffffu) {
        bytes = 4;
        info = 26;
    }
    buffer[0] = char(type | info);
    for (int i = 0; i < bytes; ++i)
        buffer[1 + i] = char(argument >> (8 * (bytes - 1 - i)));
    return 1 + bytes;
}

void CborWriter::head(quint8 major, quint64 argument)
{
    char buffer[maxHeadBytes];
    m_out->append(buffer, writeHead(buffer, major, argument));
}

void CborWriter::integer(qint64 value)
{
    // A negative integer n is major type 1 with argument -1 - n (= ~n).
    value < 0 ? head(1, ~quint64(value)) : head(0, quint64(value));
}

void CborWriter::text(QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    head(3, quint64(utf8.size()));
    m_out->append(utf8);
}

void CborWriter::text(QLatin1String ascii)
{
    head(3, quint64(ascii.size()));
    m_out->append(ascii.data(), ascii.size());
}

} // namespace flowscope
