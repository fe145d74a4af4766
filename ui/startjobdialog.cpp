#include "startjobdialog.h"

#include "texttone.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace flowscope {

StartJobDialog::StartJobDialog(const QString &flowId, const QString &defaultEntry, QWidget *parent)
    : QDialog(parent)
    , m_entry(new QLineEdit(this))
    , m_paramsText(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Start Job of %1").arg(flowId));
    m_entry->setPlaceholderText(defaultEntry.isEmpty() ? tr("routine.slot") : defaultEntry);
    m_entry->setToolTip(tr("Where the job starts, as routine.slot; empty: the flow's entry"));
    m_entry->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral(R"(^([\w-]+(\.[\w-]+)?)?$)")), m_entry));
    m_paramsText->setPlaceholderText(QStringLiteral("{\"targets\": 10}"));
    m_paramsText->setTabChangesFocus(true);
    m_error->setObjectName(QStringLiteral("paramsError"));
    TextTone::apply(m_error, ThemeColors::Tone::Error);
    m_error->setWordWrap(true);
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Entry:"), m_entry);
    form->addRow(tr("&Parameters (JSON):"), m_paramsText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start"));
    connect(buttons, &QDialogButtonBox::accepted, this, &StartJobDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &StartJobDialog::reject);
    connect(m_paramsText, &QPlainTextEdit::textChanged, m_error, &QLabel::hide);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

QString StartJobDialog::entry() const
{
    return m_entry->text().trimmed();
}

bool StartJobDialog::parseParams(const QString &text, QVariantMap *params, QString *error)
{
    if (text.trimmed().isEmpty()) {
        params->clear();
        return true;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("Parameters are not valid JSON: %1 (at character %2).")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return false;
    }
    if (!doc.isObject()) {
        *error = tr("Parameters must be a JSON object, like {\"name\": 1}.");
        return false;
    }
    *params = doc.object().toVariantMap();
    return true;
}

void StartJobDialog::accept()
{
    QString error;
    if (!parseParams(m_paramsText->toPlainText(), &m_params, &error)) {
        m_error->setText(error);
        m_error->show();
        m_paramsText->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace flowscope
