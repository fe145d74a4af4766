#include "yamlreader.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <yaml.h>

#include <cmath>

namespace flowscope::YamlReader {

namespace {

QString at(const yaml_mark_t &mark, const QString &what)
{
    return QStringLiteral("line %1, column %2: %3")
        .arg(mark.line + 1)
        .arg(mark.column + 1)
        .arg(what);
}

QString text(const yaml_char_t *chars, size_t length)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(chars), qsizetype(length));
}

// A plain scalar's value as PyYAML's resolver types it (plus JSON's number spelling).
bool resolve(const QString &s, const yaml_mark_t &mark, QJsonValue *value, QString *error)
{
    const auto exact = [](const char *pattern) {
        return QRegularExpression(QRegularExpression::anchoredPattern(QLatin1String(pattern)));
    };
    static const QRegularExpression null = exact("~|null|Null|NULL|");
    static const QRegularExpression yes = exact("true|True|TRUE|yes|Yes|YES|on|On|ON");
    static const QRegularExpression no = exact("false|False|FALSE|no|No|NO|off|Off|OFF");
    static const QRegularExpression integer
        = exact("([-+]?)(0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|0|[1-9][0-9_]*)");
    // A dot or an exponent: 08 stays text, as in PyYAML.
    static const QRegularExpression real = exact(
        "[-+]?([0-9][0-9_]*\\.[0-9_]*|\\.[0-9][0-9_]*|[0-9][0-9_]*(?=[eE]))([eE][-+]?[0-9]+)?");
    static const QRegularExpression special = exact("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    if (null.match(s).hasMatch()) {
        *value = QJsonValue::Null;
        return true;
    }
    if (yes.match(s).hasMatch() || no.match(s).hasMatch()) {
        *value = yes.match(s).hasMatch();
        return true;
    }
    if (const QRegularExpressionMatch m = integer.match(s); m.hasMatch()) {
        QString digits = m.captured(2);
        digits.remove(QLatin1Char('_'));
        int base = 10;
        if (digits.startsWith(QLatin1String("0b"))) {
            base = 2;
            digits = digits.mid(2);
        } else if (digits.startsWith(QLatin1String("0x"))) {
            base = 16;
            digits = digits.mid(2);
        } else if (digits.size() > 1 && digits.startsWith(QLatin1Char('0'))) {
            base = 8;
        }
        bool exact = false;
        const qulonglong magnitude = digits.toULongLong(&exact, base);
        bool ok = exact;
        // Past 64 bits only decimal digits are read, as near as a double gets.
        const double number = exact ? double(magnitude) : base == 10 ? digits.toDouble(&ok) : 0;
        if (!ok)
            return *error = at(mark, QStringLiteral("'%1' is beyond 64 bits").arg(s)), false;
        const bool negative = m.captured(1) == QLatin1String("-");
        // An integer while a double holds it exactly; -0 stays a double, so it reads back as -0.
        if (exact && magnitude <= (qulonglong(1) << 53) && !(negative && magnitude == 0))
            *value = negative ? -qint64(magnitude) : qint64(magnitude);
        else
            *value = negative ? -number : number;
        return true;
    }
    if (real.match(s).hasMatch()) {
        QString digits = s;
        digits.remove(QLatin1Char('_'));
        bool ok = false;
        const double number = digits.toDouble(&ok);
        if (!ok || !std::isfinite(number))
            return *error = at(mark, QStringLiteral("'%1' is beyond a double").arg(s)), false;
        *value = number;
        return true;
    }
    if (special.match(s).hasMatch())
        return *error = at(mark, QStringLiteral("'%1' has no JSON value").arg(s)), false;
    *value = s;
    return true;
}

class Reader
{
public:
    explicit Reader(const QByteArray &bytes)
    {
        yaml_parser_initialize(&m_parser);
        yaml_parser_set_input_string(
            &m_parser, reinterpret_cast<const unsigned char *>(bytes.data()), size_t(bytes.size()));
    }
    ~Reader()
    {
        release();
        yaml_parser_delete(&m_parser);
    }
    Reader(const Reader &) = delete;
    Reader &operator=(const Reader &) = delete;

    bool document(QJsonValue *value, QString *error)
    {
        if (!next(error) || !next(error)) // the stream's start, then the document's
            return false;
        if (m_event.type == YAML_STREAM_END_EVENT)
            return *error = QStringLiteral("empty: no YAML document"), false;
        if (!next(error) || !node(value, 1, error) || !next(error)) // the node, the document's end
            return false;
        if (!next(error))
            return false;
        if (m_event.type != YAML_STREAM_END_EVENT)
            return *error = at(m_event.start_mark, QStringLiteral("more than one document")), false;
        return true;
    }

private:
    bool next(QString *error)
    {
        release();
        if (!yaml_parser_parse(&m_parser, &m_event)) {
            const QString problem = m_parser.problem ? QString::fromUtf8(m_parser.problem)
                                                     : QStringLiteral("not YAML");
            *error = at(m_parser.problem_mark, problem);
            if (m_parser.context)
                *error += QStringLiteral(" (%1)").arg(QString::fromUtf8(m_parser.context));
            return false;
        }
        m_live = true;
        return true;
    }

    void release()
    {
        if (m_live)
            yaml_event_delete(&m_event);
        m_live = false;
    }

    // The tag, if any, must be one of YAML's own that JSON can hold; *isString: a !!str tag.
    bool checkTag(const yaml_char_t *tag, bool *isString, QString *error) const
    {
        *isString = false;
        if (!tag)
            return true;
        const QString name = QString::fromUtf8(reinterpret_cast<const char *>(tag));
        static const QStringList standard{
            QStringLiteral("tag:yaml.org,2002:str"),   QStringLiteral("tag:yaml.org,2002:int"),
            QStringLiteral("tag:yaml.org,2002:float"), QStringLiteral("tag:yaml.org,2002:bool"),
            QStringLiteral("tag:yaml.org,2002:null"),  QStringLiteral("tag:yaml.org,2002:map"),
            QStringLiteral("tag:yaml.org,2002:seq"),   QStringLiteral("!")};
        if (!standard.contains(name))
            return *error = at(m_event.start_mark, QStringLiteral("tag '%1' is not accepted (only "
                                                                  "YAML's standard tags)")
                                                       .arg(name.left(100))),
                   false;
        *isString = name == standard.first() || name == QLatin1String("!");
        return true;
    }

    // The current event starts a node: reads it whole.
    bool node(QJsonValue *value, int depth, QString *error)
    {
        bool isString = false;
        switch (m_event.type) {
        case YAML_ALIAS_EVENT:
            return *error = at(m_event.start_mark,
                               QStringLiteral("aliases (*%1) are not accepted: write the value out")
                                   .arg(QString::fromUtf8(reinterpret_cast<const char *>(
                                                              m_event.data.alias.anchor))
                                            .left(100))),
                   false;
        case YAML_SCALAR_EVENT: {
            if (!checkTag(m_event.data.scalar.tag, &isString, error))
                return false;
            const QString s = text(m_event.data.scalar.value, m_event.data.scalar.length);
            if (isString || m_event.data.scalar.style != YAML_PLAIN_SCALAR_STYLE) {
                *value = s;
                return true;
            }
            return resolve(s, m_event.start_mark, value, error);
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            break;
        default:
            return *error = at(m_event.start_mark, QStringLiteral("expected a value")), false;
        }
        const bool mapping = m_event.type == YAML_MAPPING_START_EVENT;
        if (!checkTag(mapping ? m_event.data.mapping_start.tag : m_event.data.sequence_start.tag,
                      &isString, error))
            return false;
        if (depth > maxDepth)
            return *error = at(m_event.start_mark,
                               QStringLiteral("nested more than %1 levels deep").arg(maxDepth)),
                   false;
        return mapping ? readMapping(value, depth, error) : readSequence(value, depth, error);
    }

    bool readSequence(QJsonValue *value, int depth, QString *error)
    {
        QJsonArray array;
        while (next(error)) {
            if (m_event.type == YAML_SEQUENCE_END_EVENT) {
                *value = array;
                return true;
            }
            QJsonValue item;
            if (!node(&item, depth + 1, error))
                return false;
            array.append(item);
        }
        return false;
    }

    bool readMapping(QJsonValue *value, int depth, QString *error)
    {
        QJsonObject object;
        while (next(error)) {
            if (m_event.type == YAML_MAPPING_END_EVENT) {
                *value = object;
                return true;
            }
            if (m_event.type != YAML_SCALAR_EVENT)
                return *error = at(m_event.start_mark,
                                   QStringLiteral("keys must be text, not lists or mappings")),
                       false;
            const yaml_mark_t where = m_event.start_mark;
            const QString key = text(m_event.data.scalar.value, m_event.data.scalar.length);
            if (object.contains(key))
                return *error = at(where, QStringLiteral("key '%1' repeated").arg(key.left(100))),
                       false;
            QJsonValue item;
            if (!next(error) || !node(&item, depth + 1, error))
                return false;
            object.insert(key, item);
        }
        return false;
    }

    yaml_parser_t m_parser;
    yaml_event_t m_event;
    bool m_live = false;
};

} // namespace

bool read(const QByteArray &text, QJsonValue *value, QString *error)
{
    Reader reader(text);
    return reader.document(value, error);
}

} // namespace flowscope::YamlReader
