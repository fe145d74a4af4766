#pragma once

#include "eventlogfilter.h"
#include "eventring.h"
#include "eventtext.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

#include <array>
#include <deque>

namespace flowscope {

// The event log: the newest events in a bounded ring, and the rows that pass the filter as a list
// of ring indices. Each batch appends only its own matches (one beginInsertRows) and drops the
// oldest events when the ring is full (one beginRemoveRows), so inserting costs O(batch) however
// many events are held. Only changing the filter walks the whole ring.
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int defaultCapacity = 200000;

    explicit EventLogModel(int capacity = defaultCapacity, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void appendEvents(const QVector<Event> &events);
    void clear();

    void setFilter(const EventLogFilter &filter);
    const EventLogFilter &filter() const { return m_filter; }

    int storedCount() const { return m_ring.size(); }
    const EventRing &ring() const { return m_ring; } // every event held, filtered or not
    int capacity() const { return m_ring.capacity(); }
    const Event &eventAt(int row) const;
    // The row showing the event with this sequence number; -1 when none does.
    int rowForSeq(quint64 seq) const;
    quint64 seqAt(int row) const;

    // Names seen in events so far, for the filter choices.
    QStringList agentNames() const;
    QStringList routineNames() const;

Q_SIGNALS:
    // A batch brought agent or routine names not seen before.
    void namesChanged();

private:
    bool matches(const Event &event);
    bool textMatches(const Event &event);
    bool symbolMatches(Symbol symbol);
    void rememberNames(const Event &event, bool *changed);

    EventRing m_ring;
    std::deque<quint64> m_rows; // ring indices of the rows shown, ascending
    EventLogFilter m_filter;
    mutable EventText m_text;
    // Per filter text: which names and types contain it (computed once per name, not per event).
    QHash<quint32, bool> m_symbolMatches;
    QHash<quint64, bool> m_jobMatches;
    std::array<bool, eventTypeCount> m_typeMatches{};
    QSet<Symbol> m_agents;
    QSet<Symbol> m_routines;
};

} // namespace flowscope
