#include "openapidocument.h"

#include "openapitable.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QStringList>

namespace flowscope::OpenApiDocument {

namespace {

const QString errorResponse = QStringLiteral("#/components/responses/Error");

bool isSchemaName(const QString &type)
{
    return !type.isEmpty() && type.at(0).isUpper();
}

QJsonObject reference(const QString &name)
{
    return {{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/") + name}};
}

// One type of the short form: string, integer, ..., any, Name, [type]; "?" allows null.
QJsonObject typeSchema(QString type)
{
    const bool nullable = type.endsWith(QLatin1Char('?'));
    if (nullable)
        type.chop(1);
    QJsonObject schema;
    if (type.startsWith(QLatin1Char('[')) && type.endsWith(QLatin1Char(']'))) {
        schema = {{QStringLiteral("type"), QStringLiteral("array")},
                  {QStringLiteral("items"), typeSchema(type.mid(1, type.size() - 2))}};
    } else if (isSchemaName(type)) {
        if (!nullable)
            return reference(type);
        // 3.0 ignores siblings of $ref: wrap it to allow null.
        return {{QStringLiteral("allOf"), QJsonArray{reference(type)}},
                {QStringLiteral("nullable"), true}};
    } else if (type != QLatin1String("any")) {
        schema.insert(QStringLiteral("type"), type);
    }
    if (nullable)
        schema.insert(QStringLiteral("nullable"), true);
    return schema;
}

// "a:string b:[Job]" as an object schema; a bare type ("Flow", "string") as that type.
QJsonObject shortSchema(const QString &text)
{
    if (!text.contains(QLatin1Char(':'))) {
        const QStringList choices = text.split(QLatin1Char('|'));
        if (choices.size() == 1)
            return typeSchema(text);
        QJsonArray oneOf;
        for (const QString &choice : choices)
            oneOf.append(typeSchema(choice));
        return {{QStringLiteral("oneOf"), oneOf}};
    }
    QJsonObject properties;
    const QStringList fields = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &field : fields) {
        const qsizetype colon = field.indexOf(QLatin1Char(':'));
        properties.insert(field.left(colon), typeSchema(field.mid(colon + 1)));
    }
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"), properties}};
}

QJsonArray parameters(const OpenApiTable::Operation &op)
{
    QJsonArray list;
    static const QRegularExpression pathParameter(QStringLiteral("\\{([^}]+)\\}"));
    auto it = pathParameter.globalMatch(QLatin1String(op.path));
    while (it.hasNext()) {
        list.append(QJsonObject{{QStringLiteral("name"), it.next().captured(1)},
                                {QStringLiteral("in"), QStringLiteral("path")},
                                {QStringLiteral("required"), true},
                                {QStringLiteral("schema"), typeSchema(QStringLiteral("string"))}});
    }
    const QStringList query
        = QString::fromLatin1(op.query ? op.query : "").split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &item : query) {
        const qsizetype colon = item.indexOf(QLatin1Char(':'));
        list.append(QJsonObject{{QStringLiteral("name"), item.left(colon)},
                                {QStringLiteral("in"), QStringLiteral("query")},
                                {QStringLiteral("required"), false},
                                {QStringLiteral("schema"), typeSchema(item.mid(colon + 1))}});
    }
    return list;
}

QJsonObject content(const char *types, const char *schema)
{
    const QStringList list
        = QString::fromLatin1(types ? types : "application/json").split(QLatin1Char('|'));
    QJsonObject result;
    for (const QString &type : list) {
        result.insert(type, QJsonObject{{QStringLiteral("schema"),
                                         shortSchema(QString::fromLatin1(schema))}});
    }
    return result;
}

QJsonObject operation(const OpenApiTable::Operation &op)
{
    QJsonObject success{{QStringLiteral("description"),
                         op.status == 101 ? QStringLiteral("Switching Protocols (WebSocket)")
                                          : QString::fromLatin1(op.summary)}};
    if (op.response)
        success.insert(QStringLiteral("content"), content(op.contentType, op.response));
    QJsonObject responses{
        {QString::number(op.status), success},
        {QStringLiteral("default"), QJsonObject{{QStringLiteral("$ref"), errorResponse}}}};
    QString id = QString::fromLatin1(op.method).toLower() + QLatin1Char('_')
                 + QString::fromLatin1(op.path);
    // '-' kept: step-over and step_over are two operations.
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9\\-]+"));
    id.replace(unsafe, QStringLiteral("_"));
    if (id.endsWith(QLatin1Char('_')))
        id.chop(1);
    QJsonObject json{{QStringLiteral("operationId"), id},
                     {QStringLiteral("summary"), QString::fromLatin1(op.summary)},
                     {QStringLiteral("tags"), QJsonArray{QString::fromLatin1(op.tag)}},
                     {QStringLiteral("responses"), responses}};
    const QJsonArray params = parameters(op);
    if (!params.isEmpty())
        json.insert(QStringLiteral("parameters"), params);
    if (op.request) {
        json.insert(QStringLiteral("requestBody"),
                    QJsonObject{{QStringLiteral("required"), true},
                                {QStringLiteral("content"), content(op.requestType, op.request)}});
        responses.insert(QStringLiteral("413"),
                         QJsonObject{{QStringLiteral("$ref"), errorResponse}});
        json.insert(QStringLiteral("responses"), responses);
    }
    return json;
}

QJsonObject components()
{
    QJsonObject schemas;
    for (const OpenApiTable::Schema &schema : OpenApiTable::schemas()) {
        QJsonObject json = shortSchema(QString::fromLatin1(schema.properties));
        if (*schema.description)
            json.insert(QStringLiteral("description"), QString::fromLatin1(schema.description));
        schemas.insert(QString::fromLatin1(schema.name), json);
    }
    const QJsonObject error{
        {QStringLiteral("description"),
         QStringLiteral("400 malformed request, 401/403 credentials, 404 unknown resource, 405 "
                        "method not allowed (with Allow), 409 state conflict, 413 body over "
                        "1 MiB")},
        {QStringLiteral("content"),
         QJsonObject{
             {QStringLiteral("application/json"),
              QJsonObject{{QStringLiteral("schema"), reference(QStringLiteral("Error"))}}}}}};
    return {{QStringLiteral("schemas"), schemas},
            {QStringLiteral("responses"), QJsonObject{{QStringLiteral("Error"), error}}}};
}

} // namespace

QJsonObject build(const QString &version)
{
    QJsonObject paths;
    for (const OpenApiTable::Operation &op : OpenApiTable::operations()) {
        const QString path = QString::fromLatin1(op.path);
        QJsonObject item = paths.value(path).toObject();
        item.insert(QString::fromLatin1(op.method).toLower(), operation(op));
        paths.insert(path, item);
    }
    return {
        {QStringLiteral("openapi"), QStringLiteral("3.0.3")},
        {QStringLiteral("info"),
         QJsonObject{{QStringLiteral("title"), QStringLiteral("Flowscope engine API")},
                     {QStringLiteral("version"), version},
                     {QStringLiteral("description"),
                      QStringLiteral("Routilux-compatible monitoring and debugging API of a "
                                     "Flowscope engine; see docs/api.md.")}}},
        {QStringLiteral("paths"), paths},
        {QStringLiteral("components"), components()},
    };
}

QList<QPair<QString, QString>> routes()
{
    static const QRegularExpression pathParameter(QStringLiteral("\\{[^}]+\\}"));
    QList<QPair<QString, QString>> list;
    for (const OpenApiTable::Operation &op : OpenApiTable::operations()) {
        QString path = QString::fromLatin1(op.path);
        path.replace(pathParameter, QStringLiteral("<arg>"));
        list.append({QString::fromLatin1(op.method), path});
    }
    return list;
}

} // namespace flowscope::OpenApiDocument
