#pragma once

#include <QTableView>

// The explorer's table: whole-row selection, Ctrl+C copies the selected rows as tab-separated
// text (visible columns, in the order shown), a header menu hides and shows columns.
class CatalogTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogTableView)

public:
    explicit CatalogTableView(QWidget *parent = nullptr);

    // Model columns as shown, left to right, without hidden ones.
    QList<int> visibleColumns() const;
    // Selected rows of the view's model, top to bottom.
    QList<int> selectedRows() const;
    QString selectionAsText() const;
    void copySelection();
    // Sets the default column order and widths suited to the catalog's columns.
    void applyDefaultLayout();
    // Sizes the Direction column for its content: "initiators → listener" for all roles, a
    // direction word for one role.
    void fitDirectionColumn(bool allRoles);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void showHeaderMenu(const QPoint &pos);
    void retranslateUi();
    int widthFor(int column, const QString &sample) const;
    static QString directionSample(bool allRoles);
};
