#pragma once

#include <QObject>

class QSocketNotifier;

namespace flowscope {

// Turns SIGINT and SIGTERM into QCoreApplication::quit(), through a self-pipe: the signal handler
// only writes one byte, and the event loop does the rest.
class QuitOnSignal : public QObject
{
    Q_OBJECT
public:
    explicit QuitOnSignal(QObject *parent = nullptr);
    ~QuitOnSignal() override;

private:
    static void handleSignal(int signal);
    void drain();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace flowscope
