#pragma once

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QToolButton;

// The filters in effect as a row of removable chips ("Role: Relay ✕"), so that a filter set by a
// lookup, a related-flow link or the diagram is never invisible. Hidden while no filter is set.
class FilterChips final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterChips)

public:
    struct Chip
    {
        QString key; // stable: "role", "flows", "showExpired", …
        QString text; // current language
    };

    explicit FilterChips(QWidget *parent = nullptr);

    void setChips(const QList<Chip> &chips);
    QList<Chip> chips() const { return m_chips; }
    // The chip's button (objectName "chip-<key>"), or nullptr.
    QToolButton *chipButton(const QString &key) const;

signals:
    void removeRequested(const QString &key);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QHBoxLayout *m_layout;
    QLabel *m_label;
    QList<Chip> m_chips;
    QList<QToolButton *> m_buttons;
};
