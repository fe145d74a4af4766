#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QLatin1String>
#include <QStringView>

#include <vector>

namespace flowscope {

// Writes compact JSON text field by field, byte for byte what QJsonDocument::toJson(Compact)
// writes for the same object, so that a hot route (POST /api/jobs) answers without building a
// QJsonObject and serializing it, which together cost more than starting the job. Keys must come
// in the order QJsonObject keeps them (sorted).
class JsonWriter
{
public:
    JsonWriter();

    void beginObject();
    void endObject();
    void key(QLatin1String name); // ASCII, needs no escaping
    void string(QStringView text);
    void number(double value);
    void null();
    // Anything else (maps, lists, booleans), through QJsonDocument.
    void value(const QJsonValue &value);

    QByteArray take() { return std::move(m_out); }

private:
    // Room for `bytes` more at the end; finish() cuts the text back to where writing stopped.
    char *room(qsizetype bytes);
    void finish(const char *end) { m_out.resize(end - m_out.constData()); }

    QByteArray m_out;
    std::vector<bool> m_hasFields; // per open object: a field was written, the next needs a comma
};

} // namespace flowscope
