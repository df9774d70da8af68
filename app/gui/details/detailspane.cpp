#include "detailspane.h"

#include "core/catalog/catalogtext.h"
#include "core/catalog/entrydetails.h"
#include "core/models/catalogmodel.h"

#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace {
QString html(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}
} // namespace

DetailsPane::DetailsPane(CatalogModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_title(new QLabel(this))
    , m_browser(new QTextBrowser(this))
    , m_copy(new QPushButton(this))
{
    setObjectName(QStringLiteral("detailsPane"));
    m_title->setObjectName(QStringLiteral("detailsTitle"));
    m_browser->setObjectName(QStringLiteral("detailsText"));
    m_copy->setObjectName(QStringLiteral("copyDetails"));
    m_browser->setOpenLinks(false);
    m_browser->setOpenExternalLinks(false);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_browser, 1);

    connect(m_copy, &QPushButton::clicked, this, &DetailsPane::copy);
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("flow"))
            emit flowActivated(url.path());
    });
    connect(m_model, &CatalogModel::languageChanged, this, &DetailsPane::refresh);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { setRow({}); });
    retranslateUi();
}

void DetailsPane::retranslateUi()
{
    m_title->setText(tr("Details"));
    m_title->setAccessibleName(tr("Details"));
    m_copy->setText(tr("Copy"));
    m_copy->setAccessibleName(tr("Copy details"));
    m_copy->setToolTip(tr("Copy these details as text"));
    m_browser->setAccessibleName(tr("Details of the selected row"));
    setAccessibleName(tr("Details pane"));
    refresh();
}

void DetailsPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DetailsPane::setRow(const CatalogRowRef &ref)
{
    m_ref = ref;
    refresh();
}

bool DetailsPane::isValid() const
{
    const Catalog &catalog = m_model->catalog();
    if (m_ref.flow < 0 || m_ref.flow >= catalog.flows.size())
        return false;
    return m_ref.endpoint < catalog.flows.at(m_ref.flow).endpoints.size();
}

QString DetailsPane::plainText() const
{
    const Catalog &catalog = m_model->catalog();
    if (!isValid())
        return {};
    return EntryDetails::plainText(
            EntryDetails::fields(catalog, m_ref, m_model->language(), m_model->referenceDate()));
}

void DetailsPane::copy()
{
    const QString text = plainText();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void DetailsPane::refresh()
{
    const Catalog &catalog = m_model->catalog();
    const bool valid = isValid();
    m_copy->setEnabled(valid);
    if (!valid) {
        m_browser->setHtml(
                QStringLiteral("<p><i>%1</i></p>")
                        .arg(html(tr("Select a row to see everything the catalog says about it."))));
        return;
    }
    const Language language = m_model->language();
    const Flow &flow = catalog.flows.at(m_ref.flow);
    const bool expired = m_ref.endpoint >= 0
            && catalog.isExpired(flow.endpoints.at(m_ref.endpoint), m_model->referenceDate());
    const QList<EntryDetails::Field> fields =
            EntryDetails::fields(catalog, m_ref, language, m_model->referenceDate());

    QString text = QStringLiteral("<h3>%1</h3><p>%2</p><table cellspacing=\"0\" cellpadding=\"3\">")
                           .arg(html(CatalogText::service(catalog, flow, m_ref.endpoint, language)),
                                html(CatalogText::flowSummary(catalog, flow, language)));
    for (const EntryDetails::Field &f : fields) {
        if (f.key == QLatin1String("service"))
            continue;
        QString value = html(f.text);
        if ((f.key == QLatin1String("validity") || f.key == QLatin1String("requirement")) && expired)
            value = QStringLiteral("<b>%1</b>").arg(value);
        text += QStringLiteral(
                        "<tr><td valign=\"top\" style=\"white-space:pre\"><b>%1</b></td><td>%2</td></tr>")
                        .arg(html(f.label), value);
    }
    text += QStringLiteral("</table>");

    const QList<int> related = EntryDetails::relatedFlows(catalog, m_ref.flow);
    if (!related.isEmpty()) {
        text += QStringLiteral("<p><b>%1</b></p><ul>")
                        .arg(html(tr("Other connections to the same listener")));
        for (int index : related) {
            const Flow &r = catalog.flows.at(index);
            const QString label =
                    tr("%1 (%2, %3)")
                            .arg(r.service.text(language), CatalogText::flowSummary(catalog, r, language),
                                 CatalogText::ports(r.ports));
            text += QStringLiteral("<li><a href=\"flow:%1\">%2</a></li>")
                            .arg(r.id.toHtmlEscaped(), html(label));
        }
        text += QStringLiteral("</ul>");
    }
    m_browser->setHtml(text);
}
