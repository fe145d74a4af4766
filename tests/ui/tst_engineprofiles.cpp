#include "client/inprocessclient.h"
#include "connectenginedialog.h"
#include "enginelist.h"
#include "engineprofilecontroller.h"
#include "engineprofilestore.h"
#include "enginesession.h"
#include "enginesview.h"
#include "mainwindow.h"
#include "runtime/engine.h"
#include "tokenstore.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

#include <memory>

using namespace flowscope;

namespace {
constexpr int timeoutMs = 10000;
} // namespace

// Engine profiles: the connect dialog, what is saved, and what a later start restores.
class TestEngineProfiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void dialogRefusesBadUrls_data();
    void dialogRefusesBadUrls();
    void dialogTakesHostAndPortAsHttp();
    void dialogWarnsWhenTheTokenWouldBePlainText();
    void connectDialogAddsConnectsAndSavesTheEngine();
    void profilesAreRestoredAtStartup();
    void editingTheProfileReconnectsWithTheNewToken();
    void removingForgetsProfileAndToken();

private:
    std::unique_ptr<MainWindow> makeWindow();
    static void clickOk(ConnectEngineDialog *dialog);

    std::unique_ptr<Engine> m_localEngine;
    std::unique_ptr<Engine> m_otherEngine;
    std::unique_ptr<InProcessClient> m_localClient;
    QVector<EngineProfile> m_made; // the profiles the factory was asked to connect
};

void TestEngineProfiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QSettings().fileName().contains(QLatin1String("qttest")));
    QSettings().remove(QStringLiteral("engines"));
    EngineConfig config;
    config.workers = 1;
    m_localEngine = std::make_unique<Engine>(config);
    m_otherEngine = std::make_unique<Engine>(config);
    m_otherEngine->addDemoFlows();
    m_localClient = std::make_unique<InProcessClient>(m_localEngine.get());
}

void TestEngineProfiles::cleanupTestCase()
{
    QSettings().remove(QStringLiteral("engines"));
    m_localClient.reset();
    m_localEngine.reset();
    m_otherEngine.reset();
}

std::unique_ptr<MainWindow> TestEngineProfiles::makeWindow()
{
    auto window = std::make_unique<MainWindow>(m_localClient.get());
    window->engines()->setClientFactory([this](const EngineProfile &profile, QObject *parent) {
        m_made.append(profile);
        return new InProcessClient(m_otherEngine.get(), parent);
    });
    // The keychain needs a desktop session; these tests check the settings fallback.
    window->engineProfiles()->tokens()->setBackend(TokenStore::Backend::Settings);
    return window;
}

void TestEngineProfiles::clickOk(ConnectEngineDialog *dialog)
{
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

void TestEngineProfiles::dialogRefusesBadUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QString() << QStringLiteral("Enter the engine's address");
    QTest::newRow("ftp") << QStringLiteral("ftp://lab:21")
                         << QStringLiteral("must start with http://, https://, ws:// or wss://, "
                                           "not ftp://");
    QTest::newRow("no host") << QStringLiteral("http://:8765") << QStringLiteral("has no host");
    QTest::newRow("bad port") << QStringLiteral("http://lab:99999")
                              << QStringLiteral("is not a valid URL");
    QTest::newRow("user") << QStringLiteral("http://admin@lab:8765")
                          << QStringLiteral("give the token in its own field");
}

void TestEngineProfiles::dialogRefusesBadUrls()
{
    QFETCH(QString, url);
    QFETCH(QString, message);
    ConnectEngineDialog dialog{EngineProfile()};
    dialog.show();
    dialog.urlEdit()->setText(url);
    clickOk(&dialog);
    QVERIFY(dialog.isVisible()); // stays open for the user to fix it
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.urlErrorLabel()->isVisible());
    QVERIFY2(dialog.urlErrorLabel()->text().contains(message),
             qPrintable(dialog.urlErrorLabel()->text()));
    // Fixed: the message goes, and OK is taken.
    dialog.urlEdit()->setText(QStringLiteral("https://lab.example:8443"));
    QVERIFY(!dialog.urlErrorLabel()->isVisible());
    clickOk(&dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.profile().url, QUrl(QStringLiteral("https://lab.example:8443")));
}

void TestEngineProfiles::dialogTakesHostAndPortAsHttp()
{
    ConnectEngineDialog dialog{EngineProfile()};
    dialog.urlEdit()->setText(QStringLiteral(" 127.0.0.1:8765 "));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const EngineProfile profile = dialog.profile();
    QCOMPARE(profile.url, QUrl(QStringLiteral("http://127.0.0.1:8765")));
    QCOMPARE(profile.displayName(), QStringLiteral("127.0.0.1:8765"));
}

void TestEngineProfiles::dialogWarnsWhenTheTokenWouldBePlainText()
{
    ConnectEngineDialog dialog{EngineProfile()};
    dialog.show();
    dialog.tokenEdit()->setText(QStringLiteral("s3cret"));
    QCOMPARE(dialog.tokenEdit()->echoMode(), QLineEdit::Password);
    dialog.saveTokenBox()->setChecked(true);
    // Only a console without a keychain writes tokens in plain text, and it says where.
    QCOMPARE(dialog.tokenWarningLabel()->isVisible(), !TokenStore::keychainAvailable());
    QVERIFY(dialog.tokenWarningLabel()->text().contains(TokenStore::settingsLocation()));
    dialog.saveTokenBox()->setChecked(false);
    QVERIFY(!dialog.tokenWarningLabel()->isVisible());
}

void TestEngineProfiles::connectDialogAddsConnectsAndSavesTheEngine()
{
    m_made.clear();
    auto window = makeWindow();
    window->show();
    window->connectEngineAction()->trigger();
    ConnectEngineDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<ConnectEngineDialog *>()) && dialog->isVisible());
    dialog->urlEdit()->setText(QStringLiteral("http://127.0.0.1:18765"));
    dialog->tokenEdit()->setText(QStringLiteral("token-1"));
    dialog->saveTokenBox()->setChecked(true);
    dialog->nameEdit()->setText(QStringLiteral("Staging"));
    clickOk(dialog);

    // Listed, shown and connected at once, with what was typed.
    QCOMPARE(window->enginesView()->topLevelItemCount(), 2);
    EngineSession *session = window->currentEngine();
    QCOMPARE(session->name(), QStringLiteral("Staging"));
    QCOMPARE(m_made.size(), 1);
    QCOMPARE(m_made.constFirst().token, QStringLiteral("token-1"));
    QCOMPARE(m_made.constFirst().url, QUrl(QStringLiteral("http://127.0.0.1:18765")));
    QTRY_COMPARE_WITH_TIMEOUT(session->connectionState(), EngineClient::ConnectionState::Connected,
                              timeoutMs);

    // Saved: the profile without its token, the token where the store keeps it.
    const QVector<EngineProfile> saved = EngineProfileStore::load();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.constFirst().name, QStringLiteral("Staging"));
    QVERIFY(saved.constFirst().token.isEmpty());
    QVERIFY(saved.constFirst().saveToken);
    QString token;
    window->engineProfiles()->tokens()->read(
        saved.constFirst().id, this,
        [&token](const QString &read, const QString &) { token = read; });
    QTRY_COMPARE(token, QStringLiteral("token-1"));

    // A second engine that should wait for the user at the next start.
    EngineProfile manual;
    manual.id = EngineProfile::newId();
    manual.name = QStringLiteral("Manual");
    manual.url = QUrl(QStringLiteral("ws://127.0.0.1:18766/api/ws/console"));
    manual.connectAtStartup = false;
    EngineProfileStore::save({saved.constFirst(), manual});
}

void TestEngineProfiles::profilesAreRestoredAtStartup()
{
    m_made.clear();
    auto window = makeWindow();
    window->engineProfiles()->restore();
    const QVector<EngineSession *> sessions = window->engines()->sessions();
    QCOMPARE(sessions.size(), 3);
    QCOMPARE(sessions.at(1)->name(), QStringLiteral("Staging"));
    QCOMPARE(sessions.at(2)->name(), QStringLiteral("Manual"));
    QCOMPARE(sessions.at(2)->profile().url,
             QUrl(QStringLiteral("ws://127.0.0.1:18766/api/ws/console")));
    // Staging reconnects with its kept token; Manual waits.
    QTRY_COMPARE_WITH_TIMEOUT(m_made.size(), 1, timeoutMs);
    QCOMPARE(m_made.constFirst().name, QStringLiteral("Staging"));
    QCOMPARE(m_made.constFirst().token, QStringLiteral("token-1"));
    QTRY_COMPARE_WITH_TIMEOUT(sessions.at(1)->connectionState(),
                              EngineClient::ConnectionState::Connected, timeoutMs);
    QCOMPARE(sessions.at(2)->connectionState(), EngineClient::ConnectionState::Disconnected);
    QCOMPARE(EnginesView::stateText(sessions.at(2)), QStringLiteral("Disconnected"));
    // Restoring twice adds nothing.
    window->engineProfiles()->restore();
    QCOMPARE(window->engines()->sessions().size(), 3);
}

void TestEngineProfiles::editingTheProfileReconnectsWithTheNewToken()
{
    m_made.clear();
    auto window = makeWindow();
    window->engineProfiles()->restore();
    QTRY_COMPARE_WITH_TIMEOUT(m_made.size(), 1, timeoutMs);
    EngineSession *staging = window->engines()->sessions().at(1);
    ConnectEngineDialog *dialog = window->engineProfiles()->showEditDialog(staging);
    QVERIFY(dialog);
    QCOMPARE(dialog->urlEdit()->text(), QStringLiteral("http://127.0.0.1:18765"));
    QCOMPARE(dialog->tokenEdit()->text(), QStringLiteral("token-1"));
    dialog->tokenEdit()->setText(QStringLiteral("token-2"));
    dialog->nameEdit()->setText(QStringLiteral("Staging 2"));
    clickOk(dialog);
    QCOMPARE(m_made.size(), 2);
    QCOMPARE(m_made.constLast().token, QStringLiteral("token-2"));
    QCOMPARE(window->enginesView()->itemOf(staging)->text(EnginesView::NameColumn),
             QStringLiteral("Staging 2"));
    QCOMPARE(EngineProfileStore::load().constFirst().name, QStringLiteral("Staging 2"));
    QCOMPARE(QSettings()
                 .value(QStringLiteral("engines/tokens/%1").arg(staging->profile().id))
                 .toString(),
             QStringLiteral("token-2"));
}

void TestEngineProfiles::removingForgetsProfileAndToken()
{
    auto window = makeWindow();
    window->engineProfiles()->restore();
    EngineSession *staging = window->engines()->sessions().at(1);
    const QString id = staging->profile().id;
    window->engineProfiles()->remove(staging);
    QCOMPARE(window->enginesView()->topLevelItemCount(), 2);
    const QVector<EngineProfile> saved = EngineProfileStore::load();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.constFirst().name, QStringLiteral("Manual"));
    QVERIFY(!QSettings().contains(QStringLiteral("engines/tokens/%1").arg(id)));
}

QTEST_MAIN(TestEngineProfiles)
#include "tst_engineprofiles.moc"
