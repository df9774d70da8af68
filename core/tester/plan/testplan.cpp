#include "testplan.h"

int TestPlan::testableCount() const
{
    int count = 0;
    for (const CheckTarget &target : targets) {
        if (!target.isSkipped())
            ++count;
    }
    return count;
}
