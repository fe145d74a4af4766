#pragma once

#include "runtime/jobid.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <memory>

namespace flowscope {

// Reads the fields of one decoded protocol map without trusting it. Every accessor checks the
// field's type; the first failure is kept with its path ("subscribe.since: expected an unsigned
// integer") and later reads return defaults, so a decoder reads everything and checks ok() once.
// Readers of nested maps and array elements share their parent's error.
class FieldReader
{
public:
    // value must be a map; anything else is the first error.
    FieldReader(const QCborValue &value, const QString &path);

    bool ok() const { return m_error->isEmpty(); }
    QString error() const { return *m_error; }
    const QString &path() const { return m_path; }
    const QCborMap &map() const { return m_map; }
    bool has(const char *key) const;
    // Records "path.key: what" unless an error is already there.
    void fail(const char *key, const QString &what) const;
    void failHere(const QString &what) const;

    QString string(const char *key, bool required = false) const;
    quint64 unsignedInt(const char *key, bool required = false, quint64 fallback = 0) const;
    qint64 integer(const char *key, bool required = false, qint64 fallback = 0) const;
    double number(const char *key, bool required = false, double fallback = 0) const;
    bool boolean(const char *key, bool required = false, bool fallback = false) const;
    JobId jobId(const char *key, bool required = false) const;
    QStringList stringList(const char *key, bool required = false) const;
    // Any value, as a QVariant (maps become QVariantMap).
    QVariant variant(const char *key) const;
    QVariantMap variantMap(const char *key, bool required = false) const;
    QCborArray array(const char *key, bool required = false) const;
    // A nested map; a missing optional one reads as an empty map.
    FieldReader child(const char *key, bool required = false) const;
    // Element i of an array that must hold maps, e.g. "jobs[3]".
    FieldReader element(const char *key, const QCborArray &array, qsizetype index) const;

    // A list of maps under key, each decoded by decode(FieldReader) into a T.
    template<class T, class Decode>
    QVector<T> list(const char *key, Decode decode, bool required = false) const
    {
        QVector<T> out;
        const QCborArray items = array(key, required);
        out.reserve(items.size());
        for (qsizetype i = 0; i < items.size() && ok(); ++i)
            out.push_back(decode(element(key, items, i)));
        return out;
    }

private:
    FieldReader(const QCborValue &value, const QString &path, std::shared_ptr<QString> error);
    QString pathOf(const char *key) const;
    // The field, or an undefined value after recording "missing" when required.
    QCborValue field(const char *key, bool required) const;

    QCborMap m_map;
    QString m_path;
    std::shared_ptr<QString> m_error;
};

} // namespace flowscope
