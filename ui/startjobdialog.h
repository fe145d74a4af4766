#pragma once

#include <QDialog>
#include <QVariantMap>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace flowscope {

// Asks for a job's entry ("routine.slot", empty for the flow's own) and its parameters as a JSON
// object. Refuses bad JSON with the reason and where it is, and stays open.
class StartJobDialog : public QDialog
{
    Q_OBJECT
public:
    explicit StartJobDialog(const QString &flowId, const QString &defaultEntry,
                            QWidget *parent = nullptr);

    QString entry() const;
    QVariantMap params() const { return m_params; }

    QLineEdit *entryEdit() const { return m_entry; }
    QPlainTextEdit *paramsEdit() const { return m_paramsText; }
    QLabel *errorLabel() const { return m_error; }

    // Empty text is an empty object. Returns false and a message for anything but an object.
    static bool parseParams(const QString &text, QVariantMap *params, QString *error);

    void accept() override;

private:
    QLineEdit *m_entry;
    QPlainTextEdit *m_paramsText;
    QLabel *m_error;
    QVariantMap m_params;
};

} // namespace flowscope
