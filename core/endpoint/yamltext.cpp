#include "yamltext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace flowscope::YamlText {

namespace {

// Characters JSON writes as they are but YAML does not take raw in a double-quoted scalar:
// controls, the line separators (folded there), the byte-order mark and the non-characters.
bool needsEscape(char32_t c)
{
    return (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c == 0xFFFE
           || c == 0xFFFF;
}

// JSON's own spelling of a scalar: a valid YAML flow scalar too, once the characters above are
// escaped as four hex digits after a backslash and u (read the same in both).
QByteArray scalar(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    const QByteArray json = array.mid(1, array.size() - 2);
    if (!value.isString())
        return json;
    const QString text = QString::fromUtf8(json);
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (needsEscape(c.unicode()))
            out += QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out.toUtf8();
}

QByteArray key(const QString &name)
{
    // Plain keys only where YAML cannot read them as anything but that string.
    // Anchored at the very end: '$' alone would let a key end in a line break.
    static const QRegularExpression plain(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z_][A-Za-z0-9_.\\-]*")));
    static const QRegularExpression reserved(QRegularExpression::anchoredPattern(
        QStringLiteral("(?i:y|n|yes|no|on|off|true|false|null)")));
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
