#include "checkprogress.h"

#include "core/tester/report/resultsreport.h"
#include "core/tester/session/testsession.h"

#include <QTextStream>

namespace {
constexpr int RedrawIntervalMs = 100;
const QLatin1String ClearLine("\r\x1b[K");
} // namespace

CheckProgress::CheckProgress(TestSession *session, QTextStream &stream, QObject *parent)
    : QObject(parent)
    , m_stream(stream)
{
    m_timer.setInterval(RedrawIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_dirty)
            draw(true);
    });
    connect(session, &TestSession::started, this, [this](const QList<int> &indices) {
        m_total = int(indices.size());
        m_timer.start();
        draw(true);
    });
    connect(session, &TestSession::targetsStarted, this, [this](const QList<int> &indices) {
        for (int index : indices)
            m_running.insert(index);
        draw(false);
    });
    connect(session, &TestSession::resultReady, this, [this](int index, const CheckResult &result) {
        ++m_done;
        m_running.remove(index);
        if (result.isFailure()) {
            ++m_failed;
            m_stream << ClearLine << ResultsReport::resultLine(result) << '\n';
            m_shown.clear();
            draw(true);
        } else {
            draw(false);
        }
    });
}

void CheckProgress::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    draw(true);
    m_stream << '\n';
    m_stream.flush();
}

void CheckProgress::draw(bool force)
{
    if (!force && m_sinceDraw.isValid() && m_sinceDraw.elapsed() < RedrawIntervalMs) {
        m_dirty = true;
        return;
    }
    m_dirty = false;
    const QString text = statusText();
    if (text == m_shown)
        return;
    m_shown = text;
    m_sinceDraw.start();
    m_stream << ClearLine << text;
    m_stream.flush();
}

QString CheckProgress::statusText() const
{
    return tr("checked %1 of %2 · %3 failed · %4 running")
            .arg(m_done)
            .arg(m_total)
            .arg(m_failed)
            .arg(m_running.size());
}
