#pragma once

#include <QObject>

#include <functional>

namespace flowscope {

// Where engine tokens are kept when the user asks for it: the system keychain (qtkeychain, when
// the console was built with it), else QSettings in plain text, which the connect dialog warns
// about. Every call is asynchronous: a keychain may ask the user or wait for a daemon, and the GUI
// thread never waits.
class TokenStore : public QObject
{
    Q_OBJECT
public:
    enum class Backend { Keychain, Settings };

    explicit TokenStore(QObject *parent = nullptr);

    // The keychain when built with it.
    static Backend defaultBackend();
    static bool keychainAvailable();
    Backend backend() const { return m_backend; }
    void setBackend(Backend backend) { m_backend = backend; }
    // Where the plain-text fallback writes, for the warning.
    static QString settingsLocation();

    using ReadDone = std::function<void(const QString &token, const QString &error)>;
    // done runs later, in this thread, unless context is gone by then. No token stored: an
    // empty token and no error.
    void read(const QString &profileId, QObject *context, ReadDone done);
    void write(const QString &profileId, const QString &token);
    void remove(const QString &profileId);

Q_SIGNALS:
    // A write or removal failed: what and why, for the status bar.
    void failed(const QString &message);

private:
    Backend m_backend;
};

} // namespace flowscope
