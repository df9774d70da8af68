#pragma once

#include <QTableView>

class CatalogItemDelegate;
class QMenu;

// The explorer's table: whole-row selection, Ctrl+C copies the selected rows as tab-separated
// text (visible columns, in the order shown), a header menu hides and shows columns. Endpoints
// are elided in the middle; on first show the columns fit their content; when the table scrolls
// right, the endpoint column stays in place (a frozen column drawn over the table's first one).
class CatalogTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogTableView)

public:
    explicit CatalogTableView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    CatalogItemDelegate *catalogDelegate() const { return m_delegate; }
    // The view that keeps the endpoint column visible while scrolling right; shown only then.
    QTableView *frozenView() const { return m_frozen; }
    // Sizes the visible columns to their content (the endpoint at most 40% of the width).
    void fitColumnsToContent();
    // A saved column layout was restored: the first show keeps it instead of fitting.
    void setLayoutRestored(bool restored) { m_layoutRestored = restored; }

    // Model columns as shown, left to right, without hidden ones.
    QList<int> visibleColumns() const;
    // Selected rows of the view's model, top to bottom.
    QList<int> selectedRows() const;
    // The selected rows with a header line, as TSV (the clipboard), CSV or Markdown.
    QString selectionAsText(int format = 0) const;
    void copySelection();
    void copySelectionAsCsv();
    void copySelectionAsMarkdown();
    // The current cell's text alone (Ctrl+Shift+C).
    QString currentCellText() const;
    void copyCurrentCell();
    // The row menu: copy, copy as CSV or Markdown, look up, show in diagram, export rules.
    // The caller owns the menu.
    QMenu *createContextMenu();
    // Sets the default column order and widths suited to the catalog's columns.
    void applyDefaultLayout();
    // Sizes the Direction column for its content: "initiators → listener" for all roles, a
    // direction word for one role.
    void fitDirectionColumn(bool allRoles);

    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;

signals:
    void lookupRequested(const QString &value);
    void showInDiagramRequested();
    void exportRulesRequested();

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void updateGeometries() override;

private:
    void showHeaderMenu(const QPoint &pos);
    void retranslateUi();
    int widthFor(int column, const QString &sample) const;
    static QString directionSample(bool allRoles);
    bool isEndpointFrozen() const;
    void updateFrozenGeometry();
    void syncFrozenColumns();

    CatalogItemDelegate *m_delegate;
    QTableView *m_frozen;
    bool m_fitted = false;
    bool m_layoutRestored = false;
};
