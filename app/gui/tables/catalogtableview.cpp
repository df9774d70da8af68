#include "catalogtableview.h"

#include "app/gui/tables/catalogitemdelegate.h"

#include "core/models/catalogmodel.h"
#include "core/models/tableformatter.h"

#include <QClipboard>
#include <QContextMenuEvent>
#include <QEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QScrollBar>
#include <QShowEvent>
#include <QStyle>

#include <algorithm>

CatalogTableView::CatalogTableView(QWidget *parent)
    : QTableView(parent)
    , m_delegate(new CatalogItemDelegate(this))
    , m_frozen(new QTableView(this))
{
    setObjectName(QStringLiteral("catalogTable"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setSortingEnabled(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    // Tab leaves the table (arrow keys move between cells).
    setTabKeyNavigation(false);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(horizontalHeader(), &QWidget::customContextMenuRequested, this,
            &CatalogTableView::showHeaderMenu);
    // Fitting to content samples this many rows around the visible ones, not all 200k.
    horizontalHeader()->setResizeContentsPrecision(200);
    setItemDelegate(m_delegate);

    // The frozen endpoint column: a second view over the same model and selection, drawn over
    // the first column while the table is scrolled right (Qt's frozencolumn example).
    m_frozen->setObjectName(QStringLiteral("frozenEndpointColumn"));
    m_frozen->setItemDelegate(m_delegate);
    m_frozen->setFocusPolicy(Qt::NoFocus);
    m_frozen->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_frozen->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_frozen->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_frozen->setAlternatingRowColors(true);
    m_frozen->setWordWrap(false);
    m_frozen->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollMode(verticalScrollMode());
    m_frozen->setFrameShape(QFrame::NoFrame);
    m_frozen->verticalHeader()->hide();
    m_frozen->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_frozen->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_frozen->horizontalHeader()->setHighlightSections(false);
    m_frozen->horizontalHeader()->setSortIndicatorShown(true);
    m_frozen->hide();
    viewport()->stackUnder(m_frozen);
    connect(m_frozen->verticalScrollBar(), &QAbstractSlider::valueChanged, verticalScrollBar(),
            &QAbstractSlider::setValue);
    connect(verticalScrollBar(), &QAbstractSlider::valueChanged, m_frozen->verticalScrollBar(),
            &QAbstractSlider::setValue);
    connect(horizontalScrollBar(), &QAbstractSlider::valueChanged, this,
            &CatalogTableView::updateFrozenGeometry);
    connect(horizontalHeader(), &QHeaderView::sectionResized, this, [this](int logical, int, int size) {
        if (logical == CatalogModel::EndpointColumn)
            m_frozen->setColumnWidth(logical, size);
        updateFrozenGeometry();
    });
    connect(horizontalHeader(), &QHeaderView::sectionMoved, this, &CatalogTableView::updateFrozenGeometry);
    connect(horizontalHeader(), &QHeaderView::sortIndicatorChanged, m_frozen->horizontalHeader(),
            &QHeaderView::setSortIndicator);
    connect(m_frozen->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int logical) {
        const QHeaderView *header = horizontalHeader();
        const Qt::SortOrder order = header->sortIndicatorSection() == logical
                        && header->sortIndicatorOrder() == Qt::AscendingOrder
                ? Qt::DescendingOrder
                : Qt::AscendingOrder;
        sortByColumn(logical, order);
    });
    retranslateUi();
}

void CatalogTableView::setModel(QAbstractItemModel *model)
{
    QTableView::setModel(model);
    m_frozen->setModel(model);
    if (model) {
        QItemSelectionModel *own = m_frozen->selectionModel();
        m_frozen->setSelectionModel(selectionModel());
        if (own != selectionModel())
            delete own;
    }
    syncFrozenColumns();
}

void CatalogTableView::syncFrozenColumns()
{
    if (!model())
        return;
    for (int column = 0; column < model()->columnCount(); ++column)
        m_frozen->setColumnHidden(column, column != CatalogModel::EndpointColumn);
    m_frozen->setColumnWidth(CatalogModel::EndpointColumn, columnWidth(CatalogModel::EndpointColumn));
    m_frozen->verticalHeader()->setDefaultSectionSize(verticalHeader()->defaultSectionSize());
    updateFrozenGeometry();
}

bool CatalogTableView::isEndpointFrozen() const
{
    const QHeaderView *header = horizontalHeader();
    return model() && !header->isSectionHidden(CatalogModel::EndpointColumn)
            && header->visualIndex(CatalogModel::EndpointColumn) == 0 && horizontalScrollBar()->value() > 0;
}

void CatalogTableView::updateFrozenGeometry()
{
    if (!isEndpointFrozen()) {
        m_frozen->hide();
        return;
    }
    m_frozen->setGeometry(frameWidth(), frameWidth(), columnWidth(CatalogModel::EndpointColumn),
                          viewport()->height() + horizontalHeader()->height());
    m_frozen->horizontalHeader()->setFixedHeight(horizontalHeader()->height());
    m_frozen->verticalScrollBar()->setValue(verticalScrollBar()->value());
    m_frozen->show();
}

void CatalogTableView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    updateFrozenGeometry();
}

void CatalogTableView::updateGeometries()
{
    QTableView::updateGeometries();
    updateFrozenGeometry();
}

void CatalogTableView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    // The frozen endpoint is always in sight: scroll only vertically for it.
    if (index.isValid() && index.column() == CatalogModel::EndpointColumn && isEndpointFrozen()) {
        const int column = columnAt(viewport()->width() / 2);
        QTableView::scrollTo(index.siblingAtColumn(column < 0 ? index.column() : column), hint);
        return;
    }
    QTableView::scrollTo(index, hint);
}

void CatalogTableView::showEvent(QShowEvent *event)
{
    QTableView::showEvent(event);
    if (!m_fitted) {
        m_fitted = true;
        if (!m_layoutRestored)
            fitColumnsToContent();
    }
}

void CatalogTableView::fitColumnsToContent()
{
    if (!model())
        return;
    const QList<int> columns = visibleColumns();
    const int available = std::max(viewport()->width(), 400);
    const int charWidth = fontMetrics().averageCharWidth();
    for (int i = 0; i + 1 < columns.size(); ++i) { // the last one stretches
        const int column = columns.at(i);
        const int content = std::max(sizeHintForColumn(column), horizontalHeader()->sectionSizeHint(column));
        const int cap = column == CatalogModel::EndpointColumn ? available * 2 / 5 : charWidth * 40;
        setColumnWidth(column, std::min(content, cap));
    }
}

void CatalogTableView::retranslateUi()
{
    setAccessibleName(tr("Network requirements"));
    setAccessibleDescription(tr("One row per address, host name or URL. Ctrl+C copies the selected rows."));
    horizontalHeader()->setAccessibleName(tr("Columns"));
    m_frozen->setAccessibleName(tr("Endpoint column, kept in view"));
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

QString CatalogTableView::selectionAsText(int format) const
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return {};
    return TableFormatter::format(model(), rows, visibleColumns(), TableFormatter::Format(format), true);
}

namespace {
void putOnClipboard(const QString &text)
{
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}
} // namespace

void CatalogTableView::copySelection()
{
    putOnClipboard(selectionAsText(int(TableFormatter::Format::Tsv)));
}

void CatalogTableView::copySelectionAsCsv()
{
    putOnClipboard(selectionAsText(int(TableFormatter::Format::Csv)));
}

void CatalogTableView::copySelectionAsMarkdown()
{
    putOnClipboard(selectionAsText(int(TableFormatter::Format::Markdown)));
}

QString CatalogTableView::currentCellText() const
{
    return currentIndex().isValid() ? currentIndex().data().toString() : QString();
}

void CatalogTableView::copyCurrentCell()
{
    putOnClipboard(currentCellText());
}

QMenu *CatalogTableView::createContextMenu()
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("rowMenu"));
    menu->setAccessibleName(tr("Row actions"));
    const bool rows = !selectedRows().isEmpty();
    const auto add = [menu](const QString &name, const QString &text, bool enabled) {
        QAction *action = menu->addAction(text);
        action->setObjectName(name);
        action->setEnabled(enabled);
        return action;
    };
    QAction *copy = add(QStringLiteral("copyRows"), tr("&Copy rows"), rows);
    copy->setShortcut(QKeySequence::Copy);
    connect(copy, &QAction::triggered, this, &CatalogTableView::copySelection);
    QAction *cell = add(QStringLiteral("copyCell"), tr("Copy c&ell"), currentIndex().isValid());
    cell->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(cell, &QAction::triggered, this, &CatalogTableView::copyCurrentCell);
    connect(add(QStringLiteral("copyCsv"), tr("Copy as C&SV"), rows), &QAction::triggered, this,
            &CatalogTableView::copySelectionAsCsv);
    connect(add(QStringLiteral("copyMarkdown"), tr("Copy as &Markdown"), rows), &QAction::triggered, this,
            &CatalogTableView::copySelectionAsMarkdown);
    menu->addSeparator();
    const QString endpoint =
            currentIndex().isValid() ? currentIndex().data(CatalogModel::EndpointRole).toString() : QString();
    QAction *lookup =
            add(QStringLiteral("lookUpEndpoint"),
                endpoint.isEmpty() ? tr("&Look up") : tr("&Look up %1").arg(endpoint), !endpoint.isEmpty());
    connect(lookup, &QAction::triggered, this, [this, endpoint] { emit lookupRequested(endpoint); });
    connect(add(QStringLiteral("showInDiagram"), tr("Show in &diagram"), rows), &QAction::triggered, this,
            &CatalogTableView::showInDiagramRequested);
    connect(add(QStringLiteral("exportSelectedRules"), tr("&Export rules for the selection…"), rows),
            &QAction::triggered, this, &CatalogTableView::exportRulesRequested);
    return menu;
}

void CatalogTableView::contextMenuEvent(QContextMenuEvent *event)
{
    // A right click on an unselected row selects it first, as file managers do.
    const QModelIndex index = indexAt(event->pos());
    if (index.isValid() && !selectionModel()->isRowSelected(index.row(), index.parent()))
        selectionModel()->setCurrentIndex(index,
                                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    else if (index.isValid())
        selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    QMenu *menu = createContextMenu();
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

void CatalogTableView::keyPressEvent(QKeyEvent *event)
{
    if (event == QKeySequence::Copy) {
        copySelection();
        event->accept();
        return;
    }
    if (event->keyCombination() == QKeyCombination(Qt::CTRL | Qt::SHIFT, Qt::Key_C)) {
        copyCurrentCell();
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
    syncFrozenColumns();
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
