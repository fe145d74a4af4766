#pragma once

#include <QList>

namespace flowscope::OpenApiTable {

// One documented operation. Schemas are written in a short form (see openapidocument.cpp):
// "name:type name:type?" with types string, integer, number, boolean, object, array, any,
// a schema name (a reference) or [type] (an array of it); "?" allows null.
struct Operation
{
    const char *method;                // "GET", "POST", ...
    const char *path;                  // OpenAPI form: /api/jobs/{job_id}
    const char *tag;                   // the group it is listed under
    const char *summary;               // one line
    int status;                        // the success status
    const char *response;              // schema name or short form; nullptr: none described
    const char *request;               // body schema name or short form; nullptr: no body
    const char *query;                 // "name:type ..." query parameters; nullptr: none
    const char *contentType = nullptr; // the success body's type; nullptr: application/json
    const char *requestType = nullptr; // the request body's types ("a|b"); nullptr: JSON
};

struct Schema
{
    const char *name;
    const char *properties; // short form
    const char *description;
};

const QList<Operation> &operations();
const QList<Schema> &schemas();

} // namespace flowscope::OpenApiTable
