#pragma once

#include "client/engineclient.h"

#include <QObject>

class QMainWindow;
class QSystemTrayIcon;
class QWidget;

namespace flowscope {

class AgentHealthModel;
class AlertLogModel;

// The console's health side: the agents' health table, the alert log and the notifications
// alerts raise. Everything arrives through the client's signals; nothing here waits.
class HealthController : public QObject
{
    Q_OBJECT
public:
    explicit HealthController(EngineClient *client, QObject *parent = nullptr);

    // The agents' health table, for the Agents dock.
    QWidget *createAgentHealthView(QWidget *parent);
    // Alerts and the other health docks.
    void addDocks(QMainWindow *window);
    void applyUpdate(const ClientUpdate &update);

    AgentHealthModel *healthModel() const { return m_healthModel; }
    AlertLogModel *alertModel() const { return m_alertModel; }

Q_SIGNALS:
    // For the status bar: warning and critical alerts, export results.
    void statusMessage(const QString &message);

private:
    void notify(const QVector<Alert> &alerts);

    EngineClient *m_client;
    AgentHealthModel *m_healthModel;
    AlertLogModel *m_alertModel;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace flowscope
