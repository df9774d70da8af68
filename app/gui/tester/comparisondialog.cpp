#include "comparisondialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

ComparisonDialog::ComparisonDialog(const RunComparison &comparison, const QString &beforeName,
                                   QWidget *parent)
    : QDialog(parent)
    , m_comparison(comparison)
    , m_summary(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("comparisonDialog"));
    setWindowTitle(tr("Compare runs"));
    m_summary->setObjectName(QStringLiteral("comparisonSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setText(tr("Before: %1\nAfter: the current run\n%2")
                               .arg(beforeName, comparison.summaryText().section(QLatin1Char('\n'), 0, 0)));

    setAccessibleName(windowTitle());
    m_summary->setAccessibleName(tr("Comparison summary"));
    m_tree->setAccessibleName(tr("Changes"));
    m_tree->setObjectName(QStringLiteral("comparisonTree"));
    m_tree->setHeaderLabels({tr("Check"), tr("Flows"), tr("Before"), tr("After"), tr("Hint")});
    m_tree->setRootIsDecorated(true);
    m_tree->setAlternatingRowColors(true);
    using Change = RunComparison::Change;
    for (const Change change : {Change::Broke, Change::Fixed, Change::StillFailing, Change::Added,
                                Change::Removed, Change::StillPassing}) {
        const QList<RunComparison::Item> items = comparison.items(change);
        if (items.isEmpty())
            continue;
        auto *group = new QTreeWidgetItem(
                m_tree, {tr("%1 (%2)").arg(RunComparison::changeText(change)).arg(items.size())});
        group->setData(0, Qt::UserRole, RunComparison::changeName(change));
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        for (const RunComparison::Item &item : items) {
            auto *child = new QTreeWidgetItem(
                    group,
                    {QStringLiteral("%1 (%2)").arg(item.endpoint, item.kind),
                     item.flowIds.join(QStringLiteral(", ")),
                     item.before ? Verdict::text(*item.before) : QString(),
                     item.after ? Verdict::text(*item.after) : QString(),
                     item.after && Verdict::isFailure(*item.after) ? item.hint : QString()});
            child->setToolTip(4, child->text(4));
        }
        group->setExpanded(change != Change::StillPassing);
    }
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("Copy summary"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(summary()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    resize(900, 500);
}

QString ComparisonDialog::summary() const
{
    return m_comparison.summaryText();
}
