#include "forkjobdialog.h"

#include "texttone.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace flowscope {

ForkJobDialog::ForkJobDialog(const QVariantMap &variables, QWidget *parent)
    : QDialog(parent)
    , m_editor(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
    , m_variables(variables)
{
    setObjectName(QStringLiteral("forkJobDialog"));
    setWindowTitle(tr("Fork Job"));
    m_editor->setObjectName(QStringLiteral("forkVariables"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setPlainText(QString::fromUtf8(
        QJsonDocument(QJsonObject::fromVariantMap(variables)).toJson(QJsonDocument::Indented)));
    m_error->setObjectName(QStringLiteral("forkError"));
    m_error->setWordWrap(true);
    TextTone::apply(m_error, ThemeColors::Tone::Error);
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Fork"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ForkJobDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ForkJobDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Job variables of the new job (a JSON object):"), this));
    layout->addWidget(m_editor);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(480, 400);
}

bool ForkJobDialog::parseVariables(const QString &text, QVariantMap *variables, QString *error)
{
    if (text.trimmed().isEmpty()) {
        variables->clear();
        return true;
    }
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // The offset counts UTF-8 bytes; lines and columns count characters, as editors do.
        const QString before = QString::fromUtf8(utf8.left(parseError.offset));
        const int line = int(before.count(QLatin1Char('\n'))) + 1;
        const int column = int(before.size() - before.lastIndexOf(QLatin1Char('\n')));
        *error = tr("Not valid JSON: %1 at line %2, column %3.")
                     .arg(parseError.errorString())
                     .arg(line)
                     .arg(column);
        return false;
    }
    if (!doc.isObject()) {
        *error = tr("The variables must be a JSON object, like {\"name\": 1}.");
        return false;
    }
    *variables = doc.object().toVariantMap();
    return true;
}

void ForkJobDialog::accept()
{
    QString error;
    if (!parseVariables(m_editor->toPlainText(), &m_variables, &error)) {
        m_error->setText(error);
        m_error->show();
        m_editor->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace flowscope
