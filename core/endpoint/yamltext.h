#pragma once

#include <QByteArray>
#include <QJsonValue>

namespace flowscope {

// JSON values as YAML block text (for flow exports: Routilux's DSL is YAML). Strings and odd
// keys are written as double-quoted JSON strings, which YAML reads back unchanged, so every
// value round-trips.
namespace YamlText {

QByteArray fromJson(const QJsonValue &value);

} // namespace YamlText
} // namespace flowscope
