#pragma once

#include "core/tester/probe/probe.h"

#include <QByteArray>

#include <optional>

// A HEAD request on the check's connection (in the absolute form, with the proxy's credentials,
// when plain HTTP goes through a proxy). Any HTTP status is an answer; a redirect to another
// host (a captive portal, a web filter) and a proxy's own error reply are not.
class HttpProbe final : public Probe
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpProbe)

public:
    explicit HttpProbe(ProbeContext *context, QObject *parent = nullptr);

    void start() override;
    void timeOut() override;

protected:
    void stop() override;

private:
    bool throughProxy() const;
    void onReadyRead();
    void onSocketError();
    void onReply(bool closed);
    // The Location of a redirect to another host than the target's, or nothing.
    std::optional<QString> redirectAway(const QByteArray &header, int status) const;

    QByteArray m_buffer;
};
