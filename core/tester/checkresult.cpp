#include "checkresult.h"

QString CheckStage::statusName(Status status)
{
    switch (status) {
    case Status::NotRun:
        return QStringLiteral("not-run");
    case Status::Passed:
        return QStringLiteral("passed");
    case Status::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

const CheckStage *CheckResult::stage(const QString &name) const
{
    for (const CheckStage &s : stages) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}
