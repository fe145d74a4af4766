#include "protocol/fieldreader.h"

#include <cmath>

namespace flowscope {

FieldReader::FieldReader(const QCborValue &value, const QString &path)
    : FieldReader(value, path, std::make_shared<QString>())
{}

FieldReader::FieldReader(const QCborValue &value, const QString &path,
                         std::shared_ptr<QString> error)
    : m_map(value.toMap())
    , m_path(path)
    , m_error(std::move(error))
{
    if (!value.isMap())
        failHere(QStringLiteral("expected a map"));
}

bool FieldReader::has(const char *key) const
{
    const QCborValue value = m_map.value(QLatin1String(key));
    return !value.isUndefined() && !value.isNull();
}

QString FieldReader::pathOf(const char *key) const
{
    return m_path.isEmpty() ? QString::fromLatin1(key)
                            : m_path + QLatin1Char('.') + QLatin1String(key);
}

void FieldReader::fail(const char *key, const QString &what) const
{
    if (m_error->isEmpty())
        *m_error = pathOf(key) + QStringLiteral(": ") + what;
}

void FieldReader::failHere(const QString &what) const
{
    if (m_error->isEmpty())
        *m_error
            = (m_path.isEmpty() ? QStringLiteral("message") : m_path) + QStringLiteral(": ") + what;
}

QCborValue FieldReader::field(const char *key, bool required) const
{
    const QCborValue value = m_map.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull()) {
        if (required)
            fail(key, QStringLiteral("missing"));
        return QCborValue();
    }
    return value;
}

QString FieldReader::string(const char *key, bool required) const
{
    const QCborValue value = field(key, required);
    if (value.isUndefined())
        return {};
    if (!value.isString()) {
        fail(key, QStringLiteral("expected a string"));
        return {};
    }
    return value.toString();
}

quint64 FieldReader::unsignedInt(const char *key, bool required, quint64 fallback) const
{
    const QCborValue value = field(key, required);
    if (value.isUndefined())
        return fallback;
    // JSON frames may carry whole numbers as doubles.
    if (value.isInteger() && value.toInteger() >= 0)
        return quint64(value.toInteger());
    const double d = value.toDouble(-1);
    if (value.isDouble() && d >= 0 && d <= 9007199254740992.0 && std::floor(d) == d)
        return quint64(d);
    fail(key, QStringLiteral("expected an unsigned integer"));
    return fallback;
}

qint64 FieldReader::integer(const char *key, bool required, qint64 fallback) const
{
    const QCborValue value = field(key, required);
    if (value.isUndefined())
        return fallback;
    if (value.isInteger())
        return value.toInteger();
    const double d = value.toDouble(0.5);
    if (value.isDouble() && std::fabs(d) <= 9007199254740992.0 && std::floor(d) == d)
        return qint64(d);
    fail(key, QStringLiteral("expected an integer"));
    return fallback;
}

double FieldReader::number(const char *key, bool required, double fallback) const
{
    const QCborValue value = field(key, required);
    if (value.isUndefined())
        return fallback;
    if (value.isInteger())
        return double(value.toInteger());
    if (value.isDouble() && std::isfinite(value.toDouble()))
        return value.toDouble();
    fail(key, QStringLiteral("expected a number"));
    return fallback;
}

bool FieldReader::boolean(const char *key, bool required, bool fallback) const
{
    const QCborValue value = field(key, required);
    if (value.isUndefined())
        return fallback;
    if (!value.isBool()) {
        fail(key, QStringLiteral("expected true or false"));
        return fallback;
    }
    return value.toBool();
}

JobId FieldReader::jobId(const char *key, bool required) const
{
    const QString text = string(key, required);
    if (text.isEmpty())
        return {};
    bool good = false;
    const JobId id = JobId::fromString(text, &good);
    if (!good)
        fail(key, QStringLiteral("'%1' is not a job id (iiiiiiii-nnnnnnnn)").arg(text.left(40)));
    return id;
}

QStringList FieldReader::stringList(const char *key, bool required) const
{
    QStringList out;
    const QCborArray items = array(key, required);
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isString()) {
            fail(key, QStringLiteral("element %1: expected a string").arg(i));
            return {};
        }
        out.append(items.at(i).toString());
    }
    return out;
}

QVariant FieldReader::variant(const char *key) const
{
    const QCborValue value = field(key, false);
    return value.isUndefined() ? QVariant() : value.toVariant();
}

QVariantMap FieldReader::variantMap(const char *key, bool required) const
{
    const QCborValue value = field(key, required);
    if (value.isUndefined())
        return {};
    if (!value.isMap()) {
        fail(key, QStringLiteral("expected a map"));
        return {};
    }
    return value.toMap().toVariantMap();
}

QCborArray FieldReader::array(const char *key, bool required) const
{
    const QCborValue value = field(key, required);
    if (value.isUndefined())
        return {};
    if (!value.isArray()) {
        fail(key, QStringLiteral("expected an array"));
        return {};
    }
    return value.toArray();
}

FieldReader FieldReader::child(const char *key, bool required) const
{
    const QCborValue value = field(key, required);
    return FieldReader(value.isUndefined() ? QCborValue(QCborMap()) : value, pathOf(key), m_error);
}

FieldReader FieldReader::element(const char *key, const QCborArray &array, qsizetype index) const
{
    return FieldReader(array.at(index), pathOf(key) + QStringLiteral("[%1]").arg(index), m_error);
}

} // namespace flowscope
