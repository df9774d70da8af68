#pragma once

#include <QMainWindow>

class CatalogFilterProxyModel;
class CatalogModel;
class CatalogStore;
class QTableView;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(CatalogStore *store, QWidget *parent = nullptr);

    CatalogModel *catalogModel() const { return m_model; }
    CatalogFilterProxyModel *filterModel() const { return m_proxy; }
    QTableView *tableView() const { return m_table; }

private:
    void updateStatus();

    CatalogStore *m_store;
    CatalogModel *m_model;
    CatalogFilterProxyModel *m_proxy;
    QTableView *m_table;
};
