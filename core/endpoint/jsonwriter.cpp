#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <cstring>

namespace flowscope {

JsonWriter::JsonWriter()
{
    m_out.reserve(512);
}

char *JsonWriter::room(qsizetype bytes)
{
    const qsizetype at = m_out.size();
    m_out.resize(at + bytes);
    return m_out.data() + at;
}

void JsonWriter::beginObject()
{
    m_out.append('{');
    m_hasFields.push_back(false);
}

void JsonWriter::endObject()
{
    m_out.append('}');
    m_hasFields.pop_back();
}

void JsonWriter::key(QLatin1String name)
{
    char *p = room(name.size() + 4);
    if (m_hasFields.back())
        *p++ = ',';
    m_hasFields.back() = true;
    *p++ = '"';
    std::memcpy(p, name.data(), size_t(name.size()));
    p += name.size();
    *p++ = '"';
    *p++ = ':';
    finish(p);
}

void JsonWriter::string(QStringView text)
{
    static const char hex[] = "0123456789abcdef";
    const qsizetype start = m_out.size();
    char *p = room(2 + 6 * text.size()); // every character escaped as \u00XX at most
    *p++ = '"';
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x80) { // QJsonDocument's UTF-8, surrogates and all
            m_out.truncate(start);
            value(QJsonValue(text.toString()));
            return;
        }
        if (u >= 0x20 && u != '"' && u != '\\') {
            *p++ = char(u);
            continue;
        }
        *p++ = '\\';
        switch (u) {
        case '"':
        case '\\':
            *p++ = char(u);
            break;
        case '\b':
            *p++ = 'b';
            break;
        case '\f':
            *p++ = 'f';
            break;
        case '\n':
            *p++ = 'n';
            break;
        case '\r':
            *p++ = 'r';
            break;
        case '\t':
            *p++ = 't';
            break;
        default:
            *p++ = 'u';
            *p++ = '0';
            *p++ = '0';
            *p++ = hex[u >> 4];
            *p++ = hex[u & 0xf];
        }
    }
    *p++ = '"';
    finish(p);
}

void JsonWriter::number(double value)
{
    // Whole numbers below 10^15 are written as integers by QJsonDocument (tested), counts and
    // times among them; the rest (fractions, larger numbers, NaN) by QJsonDocument itself.
    if (std::abs(value) < 1e15 && value == std::trunc(value)) {
        m_out += QByteArray::number(qint64(value));
        return;
    }
    this->value(QJsonValue(value));
}

void JsonWriter::null()
{
    std::memcpy(room(4), "null", 4);
}

void JsonWriter::value(const QJsonValue &value)
{
    // A one-element array, without its brackets.
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    m_out.append(text.constData() + 1, text.size() - 2);
}

} // namespace flowscope
