#pragma once

#include "core/catalog/catalog.h"

#include <QWidget>

class CatalogModel;
class QLabel;
class QPushButton;
class QTextBrowser;

// Everything about the selected row: full text, condition, notes, the setting that changes a
// configurable port, features, agent versions, validity, where the page states it, and links to
// the related flows (the same listener).
class DetailsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailsPane)

public:
    explicit DetailsPane(CatalogModel *model, QWidget *parent = nullptr);

    // A row of the CatalogModel, or an invalid ref (flow -1) for none.
    void setRow(const CatalogRowRef &ref);
    CatalogRowRef row() const { return m_ref; }
    QString plainText() const;
    QTextBrowser *browser() const { return m_browser; }
    QPushButton *copyButton() const { return m_copy; }
    // Puts plainText() on the clipboard.
    void copy();

signals:
    // A related flow's link was clicked.
    void flowActivated(const QString &flowId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void refresh();
    bool isValid() const;

    CatalogModel *m_model;
    CatalogRowRef m_ref;
    QLabel *m_title;
    QTextBrowser *m_browser;
    QPushButton *m_copy;
};
