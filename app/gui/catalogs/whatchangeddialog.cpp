#include "whatchangeddialog.h"

#include "core/catalog/cataloginfo.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

WhatChangedDialog::WhatChangedDialog(QWidget *parent)
    : QDialog(parent)
    , m_summary(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_copyButton(new QPushButton(this))
    , m_closeButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("whatChangedDialog"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tree->setObjectName(QStringLiteral("whatChangedTree"));
    m_tree->setColumnCount(3);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_tree->header()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_copyButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_closeButton, QDialogButtonBox::RejectRole);
    m_copyButton->setObjectName(QStringLiteral("copyChangesButton"));
    connect(m_copyButton, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(summaryText() + QLatin1Char('\n') + CatalogDiff::text(m_changes));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    resize(820, 520);
    retranslateUi();
}

void WhatChangedDialog::setCatalogs(const Catalog &oldCatalog, const Catalog &newCatalog)
{
    m_old = oldCatalog;
    m_new = newCatalog;
    m_changes = CatalogDiff::compare(oldCatalog, newCatalog);
    fill();
}

QString WhatChangedDialog::summaryText() const
{
    const int added = CatalogDiff::count(m_changes, CatalogDiff::Change::Added);
    const int removed = CatalogDiff::count(m_changes, CatalogDiff::Change::Removed);
    const int changed = CatalogDiff::count(m_changes, CatalogDiff::Change::Changed);
    const QString from = tr("From: %1").arg(CatalogInfo::identity(m_old));
    const QString to = tr("To: %1").arg(CatalogInfo::identity(m_new));
    const QString counts = m_changes.isEmpty()
            ? tr("No flow changed.")
            : tr("Flows added: %1, removed: %2, changed: %3").arg(added).arg(removed).arg(changed);
    return from + QLatin1Char('\n') + to + QLatin1Char('\n') + counts;
}

void WhatChangedDialog::fill()
{
    m_summary->setText(summaryText());
    m_tree->clear();
    for (const CatalogDiff::FlowChange &change : m_changes) {
        auto *flow = new QTreeWidgetItem(m_tree);
        flow->setText(0, change.id);
        flow->setData(0, Qt::UserRole, CatalogDiff::changeName(change.change));
        switch (change.change) {
        case CatalogDiff::Change::Added:
            flow->setText(1, tr("added"));
            break;
        case CatalogDiff::Change::Removed:
            flow->setText(1, tr("removed"));
            break;
        case CatalogDiff::Change::Changed:
            flow->setText(1, tr("changed"));
            break;
        }
        for (const CatalogDiff::Field &field : change.fields) {
            auto *item = new QTreeWidgetItem(flow);
            item->setText(0, field.name);
            item->setText(1, field.oldValue);
            item->setText(2, field.newValue);
            item->setToolTip(1, field.oldValue);
            item->setToolTip(2, field.newValue);
        }
        const auto addEndpoints = [flow](const QStringList &endpoints, const QString &label, int column) {
            for (const QString &endpoint : endpoints) {
                auto *item = new QTreeWidgetItem(flow);
                item->setText(0, label);
                item->setText(column, endpoint);
            }
        };
        addEndpoints(change.endpointsRemoved, tr("endpoint removed"), 1);
        addEndpoints(change.endpointsAdded, tr("endpoint added"), 2);
    }
    m_tree->expandAll();
    m_tree->resizeColumnToContents(0);
    m_tree->resizeColumnToContents(1);
    // The summary's height follows the language: lay out now, not at the next event loop turn.
    layout()->activate();
}

void WhatChangedDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        fill();
    }
    QDialog::changeEvent(event);
}

void WhatChangedDialog::retranslateUi()
{
    setWindowTitle(tr("What changed"));
    m_tree->setHeaderLabels({tr("Flow / field"), tr("Before"), tr("After")});
    m_tree->setAccessibleName(tr("What changed"));
    m_summary->setAccessibleName(tr("Catalogs compared"));
    m_copyButton->setText(tr("&Copy"));
    m_closeButton->setText(tr("Close"));
}
