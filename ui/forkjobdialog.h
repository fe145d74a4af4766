#pragma once

#include <QDialog>
#include <QVariantMap>

class QLabel;
class QPlainTextEdit;

namespace flowscope {

// Edits the job variables a fork starts with, as a JSON object. Bad JSON is refused inline with
// the reason and its line and column; the dialog stays open.
class ForkJobDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ForkJobDialog(const QVariantMap &variables, QWidget *parent = nullptr);

    QVariantMap variables() const { return m_variables; }
    QPlainTextEdit *editor() const { return m_editor; }
    QLabel *errorLabel() const { return m_error; }

    static bool parseVariables(const QString &text, QVariantMap *variables, QString *error);

    void accept() override;

private:
    QPlainTextEdit *m_editor;
    QLabel *m_error;
    QVariantMap m_variables;
};

} // namespace flowscope
