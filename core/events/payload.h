#pragma once

#include <QVariant>
#include <QVariantMap>

#include <memory>

namespace flowscope {

// An event's data, shared and immutable. Most events carry none, and copying an empty payload
// costs two pointer copies, all inline: an event is copied into the history and into every
// subscriber's queue, and a QVariant member made those copies the largest cost of emitting.
class Payload
{
public:
    Payload() = default;
    Payload(const QVariant &value) // implicit: reads and assigns like the QVariant it holds
        : m_value(value.isValid() ? std::make_shared<const QVariant>(value) : nullptr)
    {}
    Payload(const QVariantMap &map)
        : Payload(QVariant(map))
    {}

    bool isValid() const noexcept { return bool(m_value); }
    const QVariant &value() const { return m_value ? *m_value : empty(); }
    operator const QVariant &() const { return value(); }
    QVariantMap toMap() const { return value().toMap(); }

private:
    static const QVariant &empty()
    {
        static const QVariant none;
        return none;
    }
    std::shared_ptr<const QVariant> m_value;
};

} // namespace flowscope
