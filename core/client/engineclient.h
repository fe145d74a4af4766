#pragma once

#include "client/clientupdate.h"
#include "flow/flowdefinition.h"

#include <QObject>
#include <QVariantMap>

namespace flowscope {

// The console's only way to an engine. Every request is asynchronous: it returns at once, and
// the answer arrives as a signal in the caller's thread. Everything crossing is a value (no
// pointers into engine memory), so the same widgets work on the in-process engine and on a
// remote one.
class EngineClient : public QObject
{
    Q_OBJECT
public:
    enum class ConnectionState { Disconnected, Connecting, Connected };
    Q_ENUM(ConnectionState)

    using QObject::QObject;

    virtual QString displayName() const = 0;
    virtual ConnectionState connectionState() const = 0;

    virtual void refreshFlows() = 0;
    // Reads a flow file on the client side and registers it with the engine.
    virtual void addFlowFile(const QString &path) = 0;
    virtual void addFlowJson(const QByteArray &json, const QString &source) = 0;
    // entry: "routine.slot", or empty for the flow's entry.
    virtual void startJob(const QString &flowId, const QString &entry, const QVariantMap &params)
        = 0;
    virtual void pauseJob(JobId id) = 0;
    virtual void resumeJob(JobId id) = 0;
    virtual void cancelJob(JobId id) = 0;
    virtual void setMonitoring(bool enabled) = 0;

Q_SIGNALS:
    void connectionStateChanged(flowscope::EngineClient::ConnectionState state);
    void flowsChanged(const QVector<flowscope::FlowDefinition> &flows);
    void flowAdded(const QString &flowId);
    void jobStarted(flowscope::JobId id, const QString &flowId);
    void updateReceived(const flowscope::ClientUpdate &update);
    // A request failed: what was asked (e.g. "Start job"), and why.
    void requestFailed(const QString &request, const QString &message);
};

} // namespace flowscope
