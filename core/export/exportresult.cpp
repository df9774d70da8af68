#include "exportresult.h"

QString ExportResult::summary() const
{
    // Singular and plural spelled out: the summary reads right without a loaded translation.
    const QString rules = ruleCount == 1 ? tr("1 rule") : tr("%1 rules").arg(ruleCount);
    const QString comments = commentCount == 1 ? tr("1 comment") : tr("%1 comments").arg(commentCount);
    return tr("%1, %2").arg(rules, comments);
}
