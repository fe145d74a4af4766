#pragma once

#include "client/engineclient.h"

#include <QStatusBar>

class QLabel;

namespace flowscope {

// Status bar with permanent fields: connection, event rate, dropped events and the engine name.
// Transient messages (request failures, endpoint news) use showMessage.
class EngineStatusBar : public QStatusBar
{
    Q_OBJECT
public:
    explicit EngineStatusBar(QWidget *parent = nullptr);

    void setConnectionState(EngineClient::ConnectionState state);
    void setEngineName(const QString &name);
    // Why the connection was lost, as the connection field's tool tip.
    void setLastError(const QString &error);
    void showUpdate(const ClientUpdate &update);
    void setServing(const QString &url);

    static constexpr int messageTimeoutMs = 15000;

private:
    QLabel *m_connection;
    QLabel *m_rate;
    QLabel *m_dropped;
    QLabel *m_serving;
    QLabel *m_engine;
};

} // namespace flowscope
