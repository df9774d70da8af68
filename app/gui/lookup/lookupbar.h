#pragma once

#include "core/catalog/catalog.h"

#include <QWidget>

class CatalogModel;
class QLabel;
class QLineEdit;
class QPushButton;

// Look up: an address, host name or URL pasted from a firewall or proxy log. Emits the
// matching catalog rows and shows why they match, or that the value is not in the catalog.
class LookupBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LookupBar)

public:
    explicit LookupBar(CatalogModel *model, QWidget *parent = nullptr);

    QLineEdit *field() const { return m_field; }
    QLabel *resultLabel() const { return m_result; }
    QString resultText() const;

    // Looks the value up and emits matched() with the CatalogModel rows (possibly none).
    void lookup(const QString &value);
    void focusField();
    void clear();

signals:
    void matched(const QList<int> &sourceRows);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    // Recomputes the result text for the last value, in the current language.
    QList<int> evaluate();

    CatalogModel *m_model;
    QLabel *m_label;
    QLineEdit *m_field;
    QPushButton *m_button;
    QLabel *m_result;
    QString m_value;
};
