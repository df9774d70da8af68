#include "catalogtableview.h"

#include "models/catalogmodel.h"
#include "models/tableformatter.h"

#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QStyle>

#include <algorithm>

CatalogTableView::CatalogTableView(QWidget *parent)
    : QTableView(parent)
{
    setObjectName(QStringLiteral("catalogTable"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setSortingEnabled(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(horizontalHeader(), &QWidget::customContextMenuRequested, this,
            &CatalogTableView::showHeaderMenu);
    retranslateUi();
}

void CatalogTableView::retranslateUi()
{
    setAccessibleName(tr("Network requirements"));
    setAccessibleDescription(tr("One row per address, host name or URL. Ctrl+C copies the selected rows."));
    horizontalHeader()->setAccessibleName(tr("Columns"));
}

void CatalogTableView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QTableView::changeEvent(event);
}

QList<int> CatalogTableView::visibleColumns() const
{
    QList<int> columns;
    const QHeaderView *header = horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.append(logical);
    }
    return columns;
}

QList<int> CatalogTableView::selectedRows() const
{
    QList<int> rows;
    if (!selectionModel())
        return rows;
    const QModelIndexList selected = selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

QString CatalogTableView::selectionAsText() const
{
    return TableFormatter::format(model(), selectedRows(), visibleColumns(), TableFormatter::Format::Tsv,
                                  false);
}

void CatalogTableView::copySelection()
{
    const QString text = selectionAsText();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void CatalogTableView::keyPressEvent(QKeyEvent *event)
{
    if (event == QKeySequence::Copy) {
        copySelection();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void CatalogTableView::applyDefaultLayout()
{
    // Widths from typical cells of the built-in catalog, in the current font; what a firewall
    // rule needs (endpoint, port, direction, requirement) comes first.
    const QList<QPair<int, QString>> samples{
            {CatalogModel::EndpointColumn, QStringLiteral("deepsecurity1000-en.fbs20.trendmicro.com")},
            {CatalogModel::PortsColumn, QStringLiteral("80/TCP (HTTP), 443/TCP (HTTPS)")},
            {CatalogModel::DirectionColumn, directionSample(true)},
            {CatalogModel::RequirementColumn, QStringLiteral("Conditional")},
            {CatalogModel::ServiceColumn, QStringLiteral("Workload Security heartbeat")},
            {CatalogModel::FeaturesColumn, QStringLiteral("Web Reputation")},
            {CatalogModel::PageColumn, QStringLiteral("Deep Security Agent outbound ports")},
            {CatalogModel::ValidityColumn, QStringLiteral("expired 2022-12-31")},
            {CatalogModel::InitiatorsColumn, QStringLiteral("Deep Security Agent")},
            {CatalogModel::ListenerColumn, QStringLiteral("Deep Security Agent")},
            {CatalogModel::IdColumn, QStringLiteral("agent-out-web-sps")}};
    QHeaderView *header = horizontalHeader();
    for (int visual = 0; visual < samples.size(); ++visual)
        header->moveSection(header->visualIndex(samples.at(visual).first), visual);
    for (const auto &[column, sample] : samples)
        setColumnWidth(column, widthFor(column, sample));
    // The Direction column names initiators and listener for all roles, the details pane
    // always; these columns are in the header menu.
    setColumnHidden(CatalogModel::InitiatorsColumn, true);
    setColumnHidden(CatalogModel::ListenerColumn, true);
    setColumnHidden(CatalogModel::IdColumn, true);
    // Shown once a connectivity test has run.
    setColumnHidden(CatalogModel::CheckColumn, true);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
}

QString CatalogTableView::directionSample(bool allRoles)
{
    return allRoles ? QStringLiteral("Deep Security Agent → Workload Security") : tr("Both directions");
}

int CatalogTableView::widthFor(int column, const QString &sample) const
{
    // Wide enough for the sample and for the column's title in the current language.
    const int padding = 2 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 12;
    int width = fontMetrics().horizontalAdvance(sample) + padding;
    if (model()) {
        const QString title = model()->headerData(column, Qt::Horizontal).toString();
        const int sortIndicator = style()->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, this) + 8;
        width = std::max(
                width, horizontalHeader()->fontMetrics().horizontalAdvance(title) + padding + sortIndicator);
    }
    return width;
}

void CatalogTableView::fitDirectionColumn(bool allRoles)
{
    setColumnWidth(CatalogModel::DirectionColumn,
                   widthFor(CatalogModel::DirectionColumn, directionSample(allRoles)));
}

void CatalogTableView::showHeaderMenu(const QPoint &pos)
{
    if (!model())
        return;
    QMenu menu(this);
    menu.setAccessibleName(tr("Columns shown"));
    QHeaderView *header = horizontalHeader();
    for (int column = 0; column < model()->columnCount(); ++column) {
        QAction *action = menu.addAction(model()->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        // Keep at least one column.
        action->setEnabled(header->isSectionHidden(column) || visibleColumns().size() > 1);
        connect(action, &QAction::toggled, header,
                [header, column](bool on) { header->setSectionHidden(column, !on); });
    }
    menu.exec(header->mapToGlobal(pos));
}
