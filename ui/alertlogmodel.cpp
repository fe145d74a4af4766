#include "alertlogmodel.h"

#include "themecolors.h"

#include <QColor>
#include <QDateTime>
#include <QGuiApplication>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

#include <algorithm>

namespace flowscope {

namespace {
QIcon levelIcon(AlertLevel level)
{
    static QIcon icons[3];
    QIcon &icon = icons[int(level)];
    if (icon.isNull()) {
        QPixmap pixmap(12, 12);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(AlertLogModel::levelColor(level));
        painter.drawEllipse(QRectF(1, 1, 10, 10));
        painter.end();
        icon = QIcon(pixmap);
    }
    return icon;
}
} // namespace

AlertLogModel::AlertLogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(1, capacity))
{}

int AlertLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_alerts.size());
}

int AlertLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const Alert &AlertLogModel::alertAt(int row) const
{
    return m_alerts.at(m_alerts.size() - 1 - row);
}

QVector<Alert> AlertLogModel::alerts() const
{
    QVector<Alert> newestFirst(m_alerts.crbegin(), m_alerts.crend());
    return newestFirst;
}

QString AlertLogModel::levelText(AlertLevel level)
{
    switch (level) {
    case AlertLevel::Info:
        return tr("Info");
    case AlertLevel::Warning:
        return tr("Warning");
    case AlertLevel::Critical:
        return tr("Critical");
    }
    return {};
}

QColor AlertLogModel::levelColor(AlertLevel level)
{
    switch (level) {
    case AlertLevel::Info:
        return QColor(0x3c, 0x8d, 0xd8);
    case AlertLevel::Warning:
        return QColor(0xe8, 0xa6, 0x1a);
    case AlertLevel::Critical:
        return QColor(0xd8, 0x2c, 0x2c);
    }
    return Qt::gray;
}

QVariant AlertLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Alert &alert = alertAt(index.row());
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(alert.timeMs);
    switch (role) {
    case LevelRole:
        return int(alert.level);
    case Qt::DecorationRole:
        return index.column() == LevelColumn ? QVariant(levelIcon(alert.level)) : QVariant();
    case Qt::ForegroundRole:
        // Readable on the views' base colour, light or dark, read when they paint.
        return alert.level == AlertLevel::Critical ? QVariant(ThemeColors::readableOn(
                   levelColor(alert.level), QGuiApplication::palette().color(QPalette::Base)))
                                                   : QVariant();
    case Qt::ToolTipRole:
        return index.column() == TimeColumn
                   ? QVariant(time.toString(QStringLiteral("yyyy-MM-dd hh:mm:ss.zzz")))
                   : QVariant(alert.message);
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return time.toString(QStringLiteral("hh:mm:ss.zzz"));
        case LevelColumn:
            return levelText(alert.level);
        case AgentColumn:
            return alert.agent;
        case MessageColumn:
            return alert.message;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant AlertLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case AgentColumn:
        return tr("Agent");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

void AlertLogModel::appendAlerts(const QVector<Alert> &alerts)
{
    if (alerts.isEmpty())
        return;
    // Only the newest `capacity` can survive this call.
    const int incoming = int(std::min<qsizetype>(alerts.size(), m_capacity));
    const int overflow = int(m_alerts.size()) + incoming - m_capacity;
    if (overflow > 0) {
        // Oldest rows are at the bottom.
        beginRemoveRows({}, int(m_alerts.size()) - overflow, int(m_alerts.size()) - 1);
        m_alerts.remove(0, overflow);
        endRemoveRows();
    }
    beginInsertRows({}, 0, incoming - 1);
    m_alerts.append(alerts.mid(alerts.size() - incoming));
    endInsertRows();
}

void AlertLogModel::clear()
{
    beginResetModel();
    m_alerts.clear();
    endResetModel();
}

} // namespace flowscope
