#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace flowscope {

// YAML text read into JSON values, for flows sent as YAML (Routilux's DSL is YAML, written for
// PyYAML). libyaml does the parsing; this gives the scalars their types as PyYAML's safe_load
// does (null ~, booleans true/false/yes/no/on/off, integers with 0x / 0 / 0b prefixes and _,
// floats) and also takes numbers in JSON's spelling (1e-05), so every YamlText export reads
// back unchanged. What JSON cannot hold is refused with its line and column: aliases, tags other
// than the standard ones, keys that are not scalars, repeated keys, .inf and .nan, more than one
// document, nesting deeper than maxDepth.
namespace YamlReader {

constexpr int maxDepth = 64;

// *error: "line 3, column 7: <what is wrong>" (lines and columns from 1).
bool read(const QByteArray &text, QJsonValue *value, QString *error);

} // namespace YamlReader
} // namespace flowscope
