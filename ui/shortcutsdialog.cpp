#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace flowscope {

namespace {
void collectMenu(const QMenu *menu, const QString &place, QVector<ShortcutsDialog::Entry> *entries,
                 QSet<const QAction *> *seen)
{
    const QList<QAction *> actions = menu->actions();
    for (QAction *action : actions) {
        if (action->menu()) {
            collectMenu(action->menu(),
                        place + QStringLiteral(" › ") + ShortcutsDialog::plainText(action->text()),
                        entries, seen);
            continue;
        }
        if (action->shortcuts().isEmpty() || seen->contains(action))
            continue;
        seen->insert(action);
        entries->append(
            {place, ShortcutsDialog::plainText(action->text()), action->shortcuts(), action});
    }
}

// Where an action outside the menus works: the title of the dock its widget is in.
QString placeOf(const QAction *action, const QMainWindow *window)
{
    for (const QObject *o = action->parent(); o && o != window; o = o->parent()) {
        if (const auto *dock = qobject_cast<const QDockWidget *>(o))
            return dock->windowTitle();
    }
    return window->windowTitle();
}
} // namespace

QString ShortcutsDialog::plainText(const QString &actionText)
{
    static const QRegularExpression mnemonic(QStringLiteral("&(.)"));
    QString text = actionText;
    text.replace(mnemonic, QStringLiteral("\\1"));
    if (text.endsWith(QChar(0x2026)))
        text.chop(1);
    else if (text.endsWith(QLatin1String("...")))
        text.chop(3);
    return text;
}

QVector<ShortcutsDialog::Entry> ShortcutsDialog::collect(const QMainWindow *window)
{
    QVector<Entry> entries;
    QSet<const QAction *> seen;
    const QList<QAction *> menus = window->menuBar()->actions();
    for (const QAction *menuAction : menus) {
        if (menuAction->menu())
            collectMenu(menuAction->menu(), plainText(menuAction->text()), &entries, &seen);
    }
    // Then those that work in one view only (Delete in a table), each once.
    QList<QAction *> others = window->findChildren<QAction *>();
    std::stable_sort(others.begin(), others.end(), [window](const QAction *a, const QAction *b) {
        return placeOf(a, window) < placeOf(b, window);
    });
    for (QAction *action : std::as_const(others)) {
        if (action->shortcuts().isEmpty() || seen.contains(action))
            continue;
        seen.insert(action);
        entries.append(
            {placeOf(action, window), plainText(action->text()), action->shortcuts(), action});
    }
    return entries;
}

ShortcutsDialog::ShortcutsDialog(const QMainWindow *window, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_table->setObjectName(QStringLiteral("shortcutsTable"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHeaderLabels({tr("Where"), tr("Action"), tr("Shortcut")});
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAlternatingRowColors(true);
    const QVector<Entry> entries = collect(window);
    for (const Entry &entry : entries) {
        QStringList keys;
        for (const QKeySequence &key : entry.shortcuts)
            keys << key.toString(QKeySequence::NativeText);
        auto *item = new QTreeWidgetItem(m_table);
        item->setText(PlaceColumn, entry.place);
        item->setText(ActionColumn, entry.action);
        item->setText(ShortcutColumn, keys.join(QStringLiteral(", ")));
        item->setToolTip(ActionColumn, entry.source->toolTip());
    }
    m_table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(560, 480);
}

} // namespace flowscope
