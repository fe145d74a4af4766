#include "yamltext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace flowscope::YamlText {

namespace {

// JSON's own spelling of a scalar: a valid YAML flow scalar too.
QByteArray scalar(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray key(const QString &name)
{
    // Plain keys only where YAML cannot read them as anything but that string.
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.\\-]*$"));
    static const QRegularExpression reserved(
        QStringLiteral("^(?i:y|n|yes|no|on|off|true|false|null)$"));
    if (plain.match(name).hasMatch() && !reserved.match(name).hasMatch())
        return name.toUtf8();
    return scalar(name);
}

bool isNonEmptyContainer(const QJsonValue &value)
{
    return (value.isObject() && !value.toObject().isEmpty())
           || (value.isArray() && !value.toArray().isEmpty());
}

// Empty containers have no block form.
QByteArray inlineValue(const QJsonValue &value)
{
    if (value.isObject())
        return QByteArrayLiteral("{}");
    if (value.isArray())
        return QByteArrayLiteral("[]");
    return scalar(value);
}

void writeBlock(const QJsonValue &value, int indent, QByteArray *out);

void writeEntry(const QByteArray &prefix, const QJsonValue &value, int indent, QByteArray *out)
{
    if (!isNonEmptyContainer(value)) {
        out->append(prefix + ' ' + inlineValue(value) + '\n');
        return;
    }
    out->append(prefix + '\n');
    writeBlock(value, indent + 2, out);
}

void writeBlock(const QJsonValue &value, int indent, QByteArray *out)
{
    const QByteArray pad(indent, ' ');
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            writeEntry(pad + key(it.key()) + ':', it.value(), indent, out);
        return;
    }
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        if (!isNonEmptyContainer(item)) {
            out->append(pad + "- " + inlineValue(item) + '\n');
            continue;
        }
        // The item's block one level in, its first line's indentation replaced by the dash.
        QByteArray nested;
        writeBlock(item, indent + 2, &nested);
        out->append(pad + "- " + nested.mid(indent + 2));
    }
}

} // namespace

QByteArray fromJson(const QJsonValue &value)
{
    if (!isNonEmptyContainer(value))
        return inlineValue(value) + '\n';
    QByteArray out;
    writeBlock(value, 0, &out);
    return out;
}

} // namespace flowscope::YamlText
