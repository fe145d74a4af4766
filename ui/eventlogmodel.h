#pragma once

#include "eventlogfilter.h"
#include "eventmatcher.h"
#include "eventrowlist.h"
#include "eventstore.h"
#include "eventtext.h"

#include <QAbstractTableModel>

#include <atomic>
#include <memory>
#include <vector>

namespace flowscope {

struct EventFilterResult;

// The event log: an engine's events in a compact, bounded EventStore, and the rows that pass the
// filter. Unfiltered, a row is a store index (no list at all); filtered, an EventRowList of the
// matches. A batch appends only its own matches (one beginInsertRows) and drops whole chunks of
// the oldest events past the capacity (one beginRemoveRows), so inserting costs O(batch) however
// many events are held. A new filter over many events is matched in pool threads: the rows keep
// showing the previous filter until the answer comes, and a newer filter makes it void.
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr quint64 defaultCapacity = EventStore::defaultCapacity;
    // Up to this many events a filter is matched at once, in the GUI thread (under ~5 ms).
    static constexpr quint64 synchronousFilterLimit = 50000;

    explicit EventLogModel(quint64 capacity = defaultCapacity, QObject *parent = nullptr);
    ~EventLogModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void appendEvents(const QVector<Event> &events);
    void clear();

    // Applies at once when it is cheap, else when the pool threads answer (filteringChanged).
    void setFilter(const EventLogFilter &filter);
    // The filter the rows show now, and the one asked for last.
    const EventLogFilter &filter() const { return m_matcher.filter(); }
    const EventLogFilter &requestedFilter() const { return m_requested; }
    bool isFiltering() const { return m_pending != nullptr; }

    const EventStore &store() const { return m_store; }
    quint64 storedCount() const { return m_store.size(); }
    quint64 capacity() const { return m_store.capacity(); }
    // Capacities above what a row number can count are cut down to it.
    void setCapacity(quint64 capacity);
    // Events dropped to stay within the capacity (the oldest).
    quint64 droppedCount() const { return m_store.droppedCount(); }

    Event eventAt(int row) const;
    quint64 indexAt(int row) const;
    quint64 seqAt(int row) const;
    // The row showing the event with this store index or sequence number; -1 when none does.
    int rowOfIndex(quint64 index) const;
    int rowForSeq(quint64 seq) const;
    // The first row at or after the store index (rowCount() when none): where to look when the
    // event itself is filtered out.
    int rowAtOrAfterIndex(quint64 index) const;

    // Names seen in events so far, for the filter choices.
    QStringList agentNames() const;
    QStringList routineNames() const;

Q_SIGNALS:
    // A batch brought agent or routine names not seen before.
    void namesChanged();
    void filteringChanged(bool filtering);
    // The oldest events were dropped to stay within the capacity; total: dropped so far.
    void oldestDropped(quint64 total);

private:
    struct PendingFilter;

    quint64 shownFirst() const { return m_store.firstIndex(); }
    void appendMatches(quint64 from, quint64 to, std::vector<quint64> *matches) const;
    void rememberNames(const QVector<Event> &events, bool *changed);
    void trimStore();
    void applyFilterResult(const PendingFilter *pending, EventFilterResult result);
    void cancelPending();

    EventStore m_store;
    quint64 m_shownEnd = 0; // store events before it are rows (or were matched)
    EventMatcher m_matcher;
    EventRowList m_rows; // when filtered
    EventLogFilter m_requested;
    std::shared_ptr<PendingFilter> m_pending;
    mutable EventText m_text;
    mutable int m_cachedRow = -1; // data() asks for the columns of a row one after another
    mutable Event m_cachedEvent;
    std::vector<bool> m_agentSeen; // by symbol id
    std::vector<bool> m_routineSeen;
    QList<Symbol> m_agents;
    QList<Symbol> m_routines;
};

} // namespace flowscope
