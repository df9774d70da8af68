#include "mainwindow.h"

#include "catalog/catalogstore.h"
#include "models/catalogfilterproxymodel.h"
#include "models/catalogmodel.h"

#include <QHeaderView>
#include <QStatusBar>
#include <QTableView>

MainWindow::MainWindow(CatalogStore *store, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_model(new CatalogModel(this))
    , m_proxy(new CatalogFilterProxyModel(this))
    , m_table(new QTableView(this))
{
    setWindowTitle(tr("Portolan"));
    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CatalogModel::IdColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("Catalog"));
    setCentralWidget(m_table);

    connect(m_store, &CatalogStore::catalogChanged, this,
            [this] { m_model->setCatalog(m_store->catalog()); });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateStatus);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateStatus);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);
    m_model->setCatalog(m_store->catalog());
    m_table->resizeColumnsToContents();
    resize(1200, 720);
    updateStatus();
}

void MainWindow::updateStatus()
{
    statusBar()->showMessage(tr("showing %1 of %2").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
}
