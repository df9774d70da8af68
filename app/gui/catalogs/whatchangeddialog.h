#pragma once

#include "core/catalog/catalog.h"
#include "core/catalog/catalogdiff.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;

// "What changed": shown when another catalog replaces the one in use. One row per flow that was
// added, removed or changed, its changed fields and endpoints below it; Copy gives the same text
// as `portolan-cli catalog diff`.
class WhatChangedDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit WhatChangedDialog(QWidget *parent = nullptr);

    void setCatalogs(const Catalog &oldCatalog, const Catalog &newCatalog);
    QList<CatalogDiff::FlowChange> changes() const { return m_changes; }
    QTreeWidget *tree() const { return m_tree; }
    QString summaryText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fill();

    Catalog m_old;
    Catalog m_new;
    QList<CatalogDiff::FlowChange> m_changes;
    QLabel *m_summary;
    QTreeWidget *m_tree;
    QPushButton *m_copyButton;
    QPushButton *m_closeButton;
};
