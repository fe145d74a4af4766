#include "enginestatusbar.h"

#include "texttone.h"

#include <QLabel>

namespace flowscope {

EngineStatusBar::EngineStatusBar(QWidget *parent)
    : QStatusBar(parent)
    , m_connection(new QLabel(this))
    , m_rate(new QLabel(this))
    , m_dropped(new QLabel(this))
    , m_serving(new QLabel(this))
    , m_engine(new QLabel(this))
{
    m_connection->setObjectName(QStringLiteral("connectionLabel"));
    m_rate->setObjectName(QStringLiteral("rateLabel"));
    m_dropped->setObjectName(QStringLiteral("droppedLabel"));
    m_rate->setToolTip(tr("Events per second published by the engine"));
    m_dropped->setToolTip(tr("Events this console lost because it could not keep up"));
    m_serving->hide();
    addPermanentWidget(m_connection);
    addPermanentWidget(m_rate);
    addPermanentWidget(m_dropped);
    addPermanentWidget(m_serving);
    addPermanentWidget(m_engine);
    m_rate->setText(tr("%L1 events/s").arg(0));
    m_dropped->setText(tr("%L1 dropped").arg(0));
}

void EngineStatusBar::setConnectionState(EngineClient::ConnectionState state)
{
    switch (state) {
    case EngineClient::ConnectionState::Connected:
        m_connection->setText(tr("Connected"));
        break;
    case EngineClient::ConnectionState::Connecting:
        m_connection->setText(tr("Connecting…"));
        break;
    case EngineClient::ConnectionState::Disconnected:
        m_connection->setText(tr("Disconnected"));
        break;
    }
}

void EngineStatusBar::setLastError(const QString &error)
{
    m_connection->setToolTip(error);
}

void EngineStatusBar::setEngineName(const QString &name)
{
    m_engine->setText(name);
}

void EngineStatusBar::showUpdate(const ClientUpdate &update)
{
    m_rate->setText(tr("%L1 events/s").arg(qRound64(update.eventsPerSecond)));
    m_dropped->setText(tr("%L1 dropped").arg(update.droppedEvents));
    TextTone::apply(m_dropped, update.droppedEvents > 0 ? ThemeColors::Tone::Error
                                                        : ThemeColors::Tone::Normal);
}

void EngineStatusBar::setServing(const QString &url)
{
    m_serving->setText(tr("Serving %1").arg(url));
    m_serving->setVisible(!url.isEmpty());
}

} // namespace flowscope
