#include "checkresultsmodel.h"

#include "core/tester/result/resulttext.h"

#include "core/models/statuspalette.h"

#include <QColor>

CheckResultsModel::CheckResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void CheckResultsModel::setPlan(const TestPlan &plan)
{
    beginResetModel();
    m_rows.clear();
    for (int i = 0; i < plan.targets.size(); ++i) {
        const CheckTarget &target = plan.targets.at(i);
        Row row;
        row.result = CheckResult::forTarget(target);
        row.result.targetIndex = i;
        m_rows.append(row);
    }
    endResetModel();
}

void CheckResultsModel::setResults(const QList<CheckResult> &results)
{
    beginResetModel();
    m_rows.clear();
    for (const CheckResult &result : results)
        m_rows.append({State::Done, result});
    endResetModel();
}

void CheckResultsModel::setWaiting(int index)
{
    if (index < 0 || index >= m_rows.size() || m_rows.at(index).state == State::Waiting)
        return;
    m_rows[index].state = State::Waiting;
    emit dataChanged(this->index(index, 0), this->index(index, ColumnCount - 1));
}

void CheckResultsModel::setRunning(int index)
{
    if (index < 0 || index >= m_rows.size() || m_rows.at(index).state != State::Waiting)
        return;
    m_rows[index].state = State::Running;
    emit dataChanged(this->index(index, 0), this->index(index, ColumnCount - 1));
}

void CheckResultsModel::setResult(int index, const CheckResult &result)
{
    if (index < 0 || index >= m_rows.size())
        return;
    m_rows[index] = {State::Done, result};
    emit dataChanged(this->index(index, 0), this->index(index, ColumnCount - 1));
}

void CheckResultsModel::setServiceNames(const QHash<QString, QString> &names)
{
    m_serviceNames = names;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, FlowColumn), index(rowCount() - 1, FlowColumn));
}

void CheckResultsModel::retranslate()
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

QList<CheckResult> CheckResultsModel::results() const
{
    QList<CheckResult> results;
    for (const Row &row : m_rows) {
        if (row.state == State::Done)
            results.append(row.result);
    }
    return results;
}

CheckResultsModel::Counts CheckResultsModel::counts() const
{
    Counts counts;
    for (const Row &row : m_rows) {
        if (row.state == State::Waiting)
            ++counts.left;
        else if (row.state == State::Running)
            ++counts.running;
        else if (row.result.isFailure()) {
            ++counts.failed;
            counts.failedRequired += row.result.required;
        } else if (row.result.verdict == Verdict::Skipped)
            ++counts.skipped;
        else if (row.result.verdict == Verdict::Cancelled)
            ++counts.cancelled;
        else
            ++counts.passed;
    }
    return counts;
}

QString CheckResultsModel::countsText(const Counts &counts)
{
    // Required failures first: they are what blocks the product.
    QString text = tr("%1 required failed · %2 other failed · %3 passed · %4 skipped")
                           .arg(counts.failedRequired)
                           .arg(counts.failed - counts.failedRequired)
                           .arg(counts.passed)
                           .arg(counts.skipped);
    if (counts.cancelled > 0)
        text += QStringLiteral(" · ") + tr("%1 cancelled").arg(counts.cancelled);
    if (counts.running > 0 || counts.left > 0)
        text += QStringLiteral(" · ") + tr("%1 running · %2 left").arg(counts.running).arg(counts.left);
    return text;
}

int CheckResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CheckResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CheckResultsModel::displayText(const Row &row, int column) const
{
    const CheckResult &result = row.result;
    switch (column) {
    case StatusColumn:
        if (row.state == State::Waiting)
            return tr("Waiting");
        if (row.state == State::Running)
            return tr("Running…");
        return Verdict::text(result.verdict);
    case EndpointColumn:
        return result.endpoint;
    case FlowColumn: {
        QStringList parts;
        for (const QString &id : result.flowIds()) {
            const QString service = m_serviceNames.value(id);
            parts.append(service.isEmpty() ? id : tr("%1 (%2)").arg(service, id));
        }
        return parts.join(QStringLiteral("; "));
    }
    case KindColumn:
        return ResultText::kindText(result);
    case TimeColumn:
        if (row.state != State::Done || !Verdict::isTested(result.verdict))
            return {};
        return QString::number(result.durationMs);
    case HintColumn:
        if (row.state != State::Done)
            return {};
        if (!Verdict::isTested(result.verdict))
            return result.reason;
        return ResultText::hint(result);
    }
    return {};
}

QVariant CheckResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const bool done = row.state == State::Done;
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == HintColumn || index.column() == EndpointColumn)
            return displayText(row, index.column());
        if (index.column() == StatusColumn && done && !row.result.reason.isEmpty())
            return row.result.reason;
        return {};
    case Qt::DecorationRole:
        if (index.column() != StatusColumn)
            return {};
        if (!done)
            return StatusPalette::line(row.state == State::Running ? StatusPalette::Role::Active
                                                                   : StatusPalette::Role::Neutral);
        return StatusPalette::line(Verdict::colorRole(row.result.verdict));
    case Qt::TextAlignmentRole:
        if (index.column() == TimeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case VerdictNameRole:
        return done ? Verdict::name(row.result.verdict) : QString();
    case IsFailureRole:
        return done && row.result.isFailure();
    case FlowIdsRole:
        return row.result.flowIds();
    case LatencyRole:
        return done && Verdict::isTested(row.result.verdict) ? row.result.durationMs : qint64(-1);
    case StateRole:
        return int(row.state);
    case TargetIndexRole:
        return row.result.targetIndex;
    case SortRole:
        switch (index.column()) {
        case StatusColumn:
            return done ? Verdict::severity(row.result.verdict) * 100 + int(row.result.verdict)
                        : -1 - int(row.state);
        case TimeColumn:
            return done ? row.result.durationMs : qint64(-1);
        default:
            return displayText(row, index.column());
        }
    }
    return {};
}

QVariant CheckResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case EndpointColumn:
        return tr("Endpoint");
    case FlowColumn:
        return tr("Flow / service");
    case KindColumn:
        return tr("Check");
    case TimeColumn:
        return tr("Time (ms)");
    case HintColumn:
        return tr("Hint");
    }
    return {};
}
