#pragma once

#include "engineprofile.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace flowscope {

// Engine → Connect to Engine…, and Edit Profile in the Engines dock: the engine's URL, its
// access token, whether to keep the token, a name, and whether to connect at start-up. A bad URL
// is refused with what is wrong, and the dialog stays open.
class ConnectEngineDialog : public QDialog
{
    Q_OBJECT
public:
    // An empty profile.id: a new engine; otherwise that profile is being edited.
    explicit ConnectEngineDialog(const EngineProfile &profile, QWidget *parent = nullptr);

    // What the user entered; the URL is valid once the dialog was accepted.
    EngineProfile profile() const;

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *tokenEdit() const { return m_token; }
    QCheckBox *saveTokenBox() const { return m_saveToken; }
    QCheckBox *connectAtStartupBox() const { return m_connectAtStartup; }
    QLabel *urlErrorLabel() const { return m_urlError; }
    QLabel *tokenWarningLabel() const { return m_tokenWarning; }

    void accept() override;

private:
    void updateTokenWarning();

    EngineProfile m_profile;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QLineEdit *m_token;
    QCheckBox *m_saveToken;
    QCheckBox *m_connectAtStartup;
    QLabel *m_urlError;
    QLabel *m_tokenWarning;
};

} // namespace flowscope
