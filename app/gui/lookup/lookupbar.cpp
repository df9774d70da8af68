#include "lookupbar.h"

#include "core/catalog/cataloglookup.h"
#include "core/models/catalogmodel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>

LookupBar::LookupBar(CatalogModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_label(new QLabel(this))
    , m_field(new QLineEdit(this))
    , m_button(new QPushButton(this))
    , m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("lookupBar"));
    m_label->setObjectName(QStringLiteral("lookupLabel"));
    m_field->setObjectName(QStringLiteral("lookupField"));
    m_button->setObjectName(QStringLiteral("lookupButton"));
    m_result->setObjectName(QStringLiteral("lookupResult"));
    m_label->setBuddy(m_field);
    m_field->setClearButtonEnabled(true);
    m_field->setMinimumWidth(fontMetrics().averageCharWidth() * 36);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_button);
    layout->addWidget(m_result, 2);

    connect(m_field, &QLineEdit::returnPressed, this, [this] { lookup(m_field->text()); });
    connect(m_button, &QPushButton::clicked, this, [this] { lookup(m_field->text()); });
    connect(m_field, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.trimmed().isEmpty())
            clear();
    });
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_field, nullptr, nullptr, Qt::WidgetShortcut);
    connect(escape, &QShortcut::activated, m_field, &QLineEdit::clear);
    connect(m_model, &CatalogModel::languageChanged, this, [this] { evaluate(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { evaluate(); });
    retranslateUi();
}

void LookupBar::retranslateUi()
{
    m_label->setText(tr("&Look up:"));
    m_field->setPlaceholderText(
            tr("Paste an IP address, host name or URL from a firewall or proxy log (Ctrl+L)"));
    m_field->setAccessibleName(tr("Look up"));
    m_button->setText(tr("Find"));
    m_button->setAccessibleName(tr("Find in catalog"));
    m_result->setAccessibleName(tr("Lookup result"));
    m_label->setAccessibleName(tr("Look up"));
    setAccessibleName(tr("Look up"));
    evaluate();
}

void LookupBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

QString LookupBar::resultText() const
{
    return m_result->text();
}

void LookupBar::focusField()
{
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void LookupBar::clear()
{
    m_value.clear();
    m_result->clear();
    m_result->setToolTip(QString());
}

void LookupBar::lookup(const QString &value)
{
    m_value = value.trimmed();
    if (m_field->text().trimmed() != m_value)
        m_field->setText(m_value);
    emit matched(evaluate());
}

QList<int> LookupBar::evaluate()
{
    QList<int> rows;
    if (m_value.isEmpty()) {
        m_result->clear();
        return rows;
    }
    const Catalog &catalog = m_model->catalog();
    const CatalogLookup lookup(catalog, m_model->referenceDate());
    const CatalogLookup::Query query = CatalogLookup::parse(m_value);
    if (query.kind == CatalogLookup::Query::Kind::Invalid) {
        m_result->setText(tr("\"%1\" is not an IP address, host name or URL.").arg(m_value));
        m_result->setToolTip(m_result->text());
        return rows;
    }
    const QList<CatalogLookup::Match> matches = lookup.lookup(query);
    QStringList reasons;
    for (const CatalogLookup::Match &match : matches) {
        const QString reason = match.explanation();
        if (!reasons.contains(reason))
            reasons.append(reason);
        if (match.flow < 0 || match.flow >= catalog.flows.size())
            continue;
        const int row = m_model->rowOf(match.flow, match.endpoint);
        if (row >= 0 && !rows.contains(row))
            rows.append(row);
    }
    if (matches.isEmpty()) {
        m_result->setText(tr("%1 is not in the catalog.").arg(m_value));
    } else {
        m_result->setText(
                tr("%1: %2 (selected rows: %3)")
                        .arg(m_value, reasons.join(QStringLiteral("; ")), QString::number(rows.size())));
    }
    m_result->setToolTip(m_result->text());
    return rows;
}
