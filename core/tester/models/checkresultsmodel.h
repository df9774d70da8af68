#pragma once

#include "core/tester/plan/testplan.h"
#include "core/tester/result/checkresult.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

// One row per plan target: waiting, running, then its result as it arrives. Display text
// follows the installed translation; retranslate() emits dataChanged and headerDataChanged.
class CheckResultsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckResultsModel)

public:
    enum Column {
        StatusColumn,
        EndpointColumn,
        FlowColumn, // the flows the check serves, with their service names
        KindColumn,
        TimeColumn,
        HintColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        VerdictNameRole = Qt::UserRole + 1, // QString: "ok", "refused", ...; empty while not done
        IsFailureRole, // bool
        FlowIdsRole, // QStringList: the flows the check serves
        LatencyRole, // qint64 ms, -1 while not done
        StateRole, // int, State
        TargetIndexRole, // int, index into the plan
        SortRole,
    };
    Q_ENUM(Role)

    enum class State { Waiting, Running, Done };

    struct Counts
    {
        int passed = 0; // ok and not-verifiable
        int failed = 0;
        int failedRequired = 0; // of failed: serving a required flow
        int skipped = 0;
        int cancelled = 0;
        int running = 0;
        int left = 0; // waiting
        int total() const { return passed + failed + skipped + cancelled + running + left; }
    };

    explicit CheckResultsModel(QObject *parent = nullptr);

    // Every target waiting.
    void setPlan(const TestPlan &plan);
    // Every target done (a finished or a loaded run).
    void setResults(const QList<CheckResult> &results);
    void setWaiting(int index); // to run it again
    void setRunning(int index);
    void setResult(int index, const CheckResult &result);
    // Service names shown beside the flow ids (flow id -> text).
    void setServiceNames(const QHash<QString, QString> &names);
    void retranslate();

    State state(int row) const { return m_rows.value(row).state; }
    CheckResult result(int row) const { return m_rows.value(row).result; }
    QList<CheckResult> results() const; // of the rows that are done
    Counts counts() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString countsText(const Counts &counts);

private:
    struct Row
    {
        State state = State::Waiting;
        CheckResult result;
    };

    QString displayText(const Row &row, int column) const;

    QList<Row> m_rows;
    QHash<QString, QString> m_serviceNames;
};
