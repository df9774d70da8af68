#pragma once

#include "core/tester/result/runcomparison.h"

#include <QDialog>

class QLabel;
class QTreeWidget;

// Two runs side by side: what got fixed, what broke, what still fails, what is unchanged.
class ComparisonDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparisonDialog)

public:
    ComparisonDialog(const RunComparison &comparison, const QString &beforeName, QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_tree; }
    QString summary() const;

private:
    RunComparison m_comparison;
    QLabel *m_summary;
    QTreeWidget *m_tree;
};
