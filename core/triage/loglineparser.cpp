#include "loglineparser.h"

#include <QString>

#include <cstring>

namespace {
using View = QByteArrayView;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c + 32) : c;
}

bool equalsNoCase(View a, const char *b)
{
    const qsizetype n = qsizetype(std::strlen(b));
    if (a.size() != n)
        return false;
    for (qsizetype i = 0; i < n; ++i) {
        if (lower(a.at(i)) != b[i])
            return false;
    }
    return true;
}

bool startsWith(View a, const char *b)
{
    const qsizetype n = qsizetype(std::strlen(b));
    return a.size() >= n && std::memcmp(a.data(), b, size_t(n)) == 0;
}

View trimmed(View v)
{
    qsizetype b = 0;
    qsizetype e = v.size();
    while (b < e && isSpace(v.at(b)))
        ++b;
    while (e > b && isSpace(v.at(e - 1)))
        --e;
    return v.sliced(b, e - b);
}

// Splits at runs of spaces and tabs into at most N tokens; returns how many were found, or
// N + 1 when there are more.
template<int N>
int tokens(View line, std::array<View, N> &out)
{
    int count = 0;
    qsizetype i = 0;
    const qsizetype n = line.size();
    while (i < n) {
        while (i < n && isSpace(line.at(i)))
            ++i;
        if (i == n)
            break;
        const qsizetype start = i;
        while (i < n && !isSpace(line.at(i)))
            ++i;
        if (count == N)
            return N + 1;
        out[size_t(count++)] = line.sliced(start, i - start);
    }
    return count;
}

// Dotted-quad IPv4 as the catalog writes it: no leading zeros, no shorthand.
bool parseIPv4(View s, quint32 &out)
{
    if (s.size() < 7 || s.size() > 15)
        return false;
    quint32 value = 0;
    int parts = 0;
    qsizetype i = 0;
    while (true) {
        const qsizetype start = i;
        int octet = 0;
        while (i < s.size() && isDigit(s.at(i))) {
            if (i - start < 3) // more digits are refused below; accumulating them overflows
                octet = octet * 10 + (s.at(i) - '0');
            ++i;
        }
        const qsizetype len = i - start;
        if (len == 0 || len > 3 || octet > 255 || (len > 1 && s.at(start) == '0'))
            return false;
        value = (value << 8) | quint32(octet);
        ++parts;
        if (i == s.size())
            break;
        if (s.at(i) != '.' || parts == 4)
            return false;
        ++i;
    }
    if (parts != 4)
        return false;
    out = value;
    return true;
}

bool parseIPv6(View s, Q_IPV6ADDR &out)
{
    if (s.size() < 2 || s.size() > 45)
        return false;
    for (const char c : s) {
        if (!(isDigit(c) || (lower(c) >= 'a' && lower(c) <= 'f') || c == ':' || c == '.'))
            return false;
    }
    QHostAddress address;
    if (!address.setAddress(QString::fromLatin1(s.data(), s.size()))
        || address.protocol() != QAbstractSocket::IPv6Protocol)
        return false;
    out = address.toIPv6Address();
    return true;
}

// Up to maxDigits decimal digits, nothing else (short enough that no int overflows).
bool parseDigits(View s, int maxDigits, int &out)
{
    if (s.isEmpty() || s.size() > maxDigits)
        return false;
    int value = 0;
    for (const char c : s) {
        if (!isDigit(c))
            return false;
        value = value * 10 + (c - '0');
    }
    out = value;
    return true;
}

// 1-65535.
bool parsePort(View s, int &out)
{
    int value = 0;
    if (!parseDigits(s, 5, value) || value < 1 || value > 65535)
        return false;
    out = value;
    return true;
}

bool parseNumber(View s, int &out)
{
    return parseDigits(s, 3, out);
}

// "TCP", "udp", "6", "17", "ICMP" -> IANA number; -1 when unknown.
int protocolNumber(View s)
{
    int number = 0;
    if (parseNumber(s, number))
        return number;
    if (equalsNoCase(s, "tcp"))
        return LogEvent::Tcp;
    if (equalsNoCase(s, "udp"))
        return LogEvent::Udp;
    if (equalsNoCase(s, "icmp"))
        return LogEvent::Icmp;
    if (equalsNoCase(s, "icmpv6"))
        return 58;
    return 255;
}

// RFC 1123 host name, copied in lower case without a trailing dot into buffer (256 bytes).
bool hostName(View s, char *buffer, View &out, bool dotRequired)
{
    if (!s.isEmpty() && s.back() == '.')
        s.chop(1);
    if (s.isEmpty() || s.size() > 253)
        return false;
    qsizetype labelStart = 0;
    bool allDigits = true;
    bool hasDot = false;
    for (qsizetype i = 0; i <= s.size(); ++i) {
        const char c = i < s.size() ? s.at(i) : '.';
        if (c == '.') {
            const qsizetype len = i - labelStart;
            if (len < 1 || len > 63 || s.at(labelStart) == '-' || s.at(i - 1) == '-')
                return false;
            if (i < s.size())
                hasDot = true;
            labelStart = i + 1;
            buffer[i] = '.';
            continue;
        }
        const char l = lower(c);
        if (!((l >= 'a' && l <= 'z') || isDigit(c) || c == '-'))
            return false;
        if (!isDigit(c))
            allDigits = false;
        buffer[i] = l;
    }
    if (allDigits || (dotRequired && !hasDot))
        return false;
    out = View(buffer, s.size());
    return true;
}

// "host:port", "[v6]:port", "v4:port", "[v6]", or the value alone; port 0 when none.
bool splitHostPort(View s, View &host, int &port)
{
    port = 0;
    if (s.startsWith('[')) {
        const qsizetype close = s.indexOf(']');
        if (close < 0)
            return false;
        host = s.sliced(1, close - 1);
        const View rest = s.sliced(close + 1);
        if (rest.isEmpty())
            return true;
        return rest.at(0) == ':' && parsePort(rest.sliced(1), port);
    }
    const qsizetype colon = s.indexOf(':');
    if (colon < 0) {
        host = s;
        return true;
    }
    if (s.lastIndexOf(':') != colon) { // a bare IPv6 address
        host = s;
        return true;
    }
    host = s.first(colon);
    return parsePort(s.sliced(colon + 1), port);
}

// "scheme://[user@]host[:port][/path]": host and port (the scheme's default for http and https).
bool parseUrl(View s, View &host, int &port, bool &isWeb)
{
    const qsizetype sep = s.indexOf("://");
    if (sep <= 0)
        return false;
    const View scheme = s.first(sep);
    View rest = s.sliced(sep + 3);
    qsizetype end = 0;
    while (end < rest.size() && rest.at(end) != '/' && rest.at(end) != '?' && rest.at(end) != '#')
        ++end;
    View authority = rest.first(end);
    const qsizetype at = authority.lastIndexOf('@');
    if (at >= 0)
        authority = authority.sliced(at + 1);
    if (!splitHostPort(authority, host, port) || host.isEmpty())
        return false;
    const bool https = equalsNoCase(scheme, "https");
    const bool http = equalsNoCase(scheme, "http");
    isWeb = https || http;
    if (port == 0)
        port = https ? 443 : http ? 80 : 0;
    return true;
}

bool isMonth(View s)
{
    static const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (const char *m : months) {
        if (s == View(m, 3))
            return true;
    }
    return false;
}

bool isDate(View s) // YYYY-MM-DD
{
    return s.size() == 10 && isDigit(s.at(0)) && isDigit(s.at(3)) && s.at(4) == '-' && s.at(7) == '-'
            && isDigit(s.at(5)) && isDigit(s.at(9));
}

int digits(View s, qsizetype from, qsizetype count)
{
    int value = 0;
    for (qsizetype i = from; i < from + count && i < s.size(); ++i) {
        if (!isDigit(s.at(i)))
            return -1;
        value = value * 10 + (s.at(i) - '0');
    }
    return value;
}

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = int(y - era * 400);
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

qint64 msecs(int y, int mo, int d, int h, int mi, int s)
{
    if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0
        || s > 60)
        return -1;
    return ((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi) * 60000 + qint64(s) * 1000;
}

// "12:34:56"
bool timeOfDay(View s, qsizetype from, int &h, int &mi, int &sec)
{
    if (s.size() < from + 8 || s.at(from + 2) != ':' || s.at(from + 5) != ':')
        return false;
    h = digits(s, from, 2);
    mi = digits(s, from + 3, 2);
    sec = digits(s, from + 6, 2);
    return h >= 0 && mi >= 0 && sec >= 0;
}
} // namespace

LogLineParser::LogLineParser()
{
    m_fields = {0, 1, 2, 3, 4, 5, 6, 7}; // the default field list of pfirewall.log
    m_fieldCount = 17;
}

LogLineParser::Result LogLineParser::parse(QByteArrayView line, LogEvent &event)
{
    event = LogEvent();
    line = trimmed(line);
    if (line.isEmpty())
        return Result::Skipped;
    if (line.at(0) == '#') {
        if (startsWith(line, "#Fields:"))
            parseFieldsHeader(line.sliced(8));
        return Result::Skipped;
    }
    const char c = line.at(0);
    if (c == '2' && line.size() > 2 && line.at(1) == ' ' && parseVpc(line, event))
        return Result::Event;
    if (isDigit(c)) {
        if (parseSquid(line, event) || parseWindowsFirewall(line, event))
            return Result::Event;
    }
    if (parseIptables(line, event))
        return Result::Event;
    if (parsePlain(line, event))
        return Result::Event;
    return Result::Unrecognised;
}

bool LogLineParser::setAddress(LogAddress &address, QByteArrayView text, int buffer, bool dotRequired)
{
    address = LogAddress();
    address.text = text;
    if (parseIPv4(text, address.ipv4)) {
        address.kind = LogAddress::Kind::IPv4;
        return true;
    }
    if (text.contains(':')) {
        if (!parseIPv6(text, address.ipv6))
            return false;
        address.kind = LogAddress::Kind::IPv6;
        return true;
    }
    if (!hostName(text, m_hostBuffer[buffer], address.host, dotRequired))
        return false;
    address.kind = LogAddress::Kind::Host;
    return true;
}

bool LogLineParser::parseIptables(QByteArrayView line, LogEvent &event)
{
    // One pass over the "KEY=value" words; the first of each key counts.
    View src;
    View dst;
    View proto;
    View dpt;
    View spt;
    const char *p = line.data();
    const char *end = p + line.size();
    while (p < end) {
        while (p < end && isSpace(*p))
            ++p;
        const char *word = p;
        while (p < end && !isSpace(*p))
            ++p;
        const qsizetype n = p - word;
        if (n < 4 || (word[0] != 'S' && word[0] != 'D' && word[0] != 'P'))
            continue;
        const auto take = [&](const char *key, qsizetype keyLength, View &value) {
            if (value.isNull() && n >= keyLength && std::memcmp(word, key, size_t(keyLength)) == 0)
                value = View(word + keyLength, n - keyLength);
        };
        take("SRC=", 4, src);
        take("DST=", 4, dst);
        take("SPT=", 4, spt);
        take("DPT=", 4, dpt);
        take("PROTO=", 6, proto);
    }
    if (src.isEmpty() || dst.isEmpty())
        return false;
    if (!setAddress(event.destination, dst, 0) || event.destination.kind == LogAddress::Kind::Host
        || !setAddress(event.source, src, 1) || event.source.kind == LogAddress::Kind::Host)
        return false;
    event.format = LogFormat::Iptables;
    event.protocol = proto.isEmpty() ? LogEvent::AnyProtocol : protocolNumber(proto);
    parsePort(dpt, event.destinationPort);
    parsePort(spt, event.sourcePort);
    // "Jan  5 12:34:56 host kernel: ..." or "2024-01-05T12:34:56.123456+01:00 host kernel: ...".
    if (line.size() >= 15 && isMonth(line.first(3)) && line.at(3) == ' ') {
        event.timeKind = LogEvent::TimeKind::Syslog;
        event.time = line.first(15);
    } else if (line.size() >= 19 && isDate(line.first(10)) && line.at(10) == 'T') {
        event.timeKind = LogEvent::TimeKind::Iso;
        qsizetype end = 10;
        while (end < line.size() && !isSpace(line.at(end)))
            ++end;
        event.time = line.first(end);
    }
    return true;
}

bool LogLineParser::parseSquid(QByteArrayView line, LogEvent &event)
{
    // time elapsed client code/status bytes method URL [user hierarchy/peer type]
    std::array<View, 10> t;
    const int n = tokens<10>(line, t);
    if (n < 7 || n > 10)
        return false;
    const qsizetype dot = t[0].indexOf('.');
    if (dot <= 0 || !isDigit(t[0].at(t[0].size() - 1)) || t[3].indexOf('/') <= 0
        || !(t[3].at(0) >= 'A' && t[3].at(0) <= 'Z'))
        return false;
    for (const char ch : t[0]) {
        if (!isDigit(ch) && ch != '.')
            return false;
    }
    event.format = LogFormat::Squid;
    event.protocol = LogEvent::Tcp;
    event.timeKind = LogEvent::TimeKind::EpochSeconds;
    event.time = t[0];
    setAddress(event.source, t[2], 1);
    View host;
    int port = 0;
    bool isWeb = false;
    if (t[6].contains("://")) {
        if (!parseUrl(t[6], host, port, isWeb))
            return true; // recognised; the URL names nothing we can look up
    } else if (!splitHostPort(t[6], host, port)) {
        return true;
    }
    if (equalsNoCase(t[5], "connect") && port == 0)
        port = 443;
    if (setAddress(event.destination, host, 0))
        event.destinationPort = port;
    return true;
}

bool LogLineParser::parseVpc(QByteArrayView line, LogEvent &event)
{
    // version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start
    // end action log-status
    std::array<View, 14> t;
    if (tokens<14>(line, t) != 14 || t[0] != View("2"))
        return false;
    const View status = t[13];
    if (status != View("OK") && status != View("NODATA") && status != View("SKIPDATA"))
        return false;
    event.format = LogFormat::AwsVpcFlow;
    event.timeKind = LogEvent::TimeKind::EpochSeconds;
    event.time = t[10];
    if (status != View("OK"))
        return true;
    setAddress(event.source, t[3], 1);
    setAddress(event.destination, t[4], 0);
    parsePort(t[5], event.sourcePort);
    parsePort(t[6], event.destinationPort);
    int protocol = 0;
    if (parseNumber(t[7], protocol))
        event.protocol = protocol;
    return true;
}

void LogLineParser::parseFieldsHeader(QByteArrayView fields)
{
    static const char *names[FieldCount] = {"date",   "time",   "action",   "protocol",
                                            "src-ip", "dst-ip", "src-port", "dst-port"};
    std::array<View, 64> t;
    const int n = std::min(tokens<64>(fields, t), 64);
    std::array<int, FieldCount> positions;
    positions.fill(-1);
    for (int i = 0; i < n; ++i) {
        for (int f = 0; f < FieldCount; ++f) {
            if (equalsNoCase(t[size_t(i)], names[f]))
                positions[size_t(f)] = i;
        }
    }
    // A header without the addresses leaves the previous field list in place.
    if (positions[DestinationIp] < 0 || positions[SourceIp] < 0)
        return;
    m_fields = positions;
    m_fieldCount = n;
}

bool LogLineParser::parseWindowsFirewall(QByteArrayView line, LogEvent &event)
{
    std::array<View, 64> t;
    const int n = tokens<64>(line, t);
    if (n < 6 || n > 64)
        return false;
    const auto field = [&](Field f) -> View {
        const int at = m_fields[size_t(f)];
        return at >= 0 && at < n ? t[size_t(at)] : View();
    };
    const View date = field(Date);
    const View time = field(Time);
    const View action = field(Action);
    if (!isDate(date) || time.size() < 8 || time.at(2) != ':' || action.isEmpty())
        return false;
    for (const char ch : action) {
        if (!((ch >= 'A' && ch <= 'Z') || ch == '-'))
            return false;
    }
    event.format = LogFormat::WindowsFirewall;
    event.timeKind = LogEvent::TimeKind::DateAndTime;
    event.time = date;
    event.timeOfDay = time;
    const View protocol = field(Protocol);
    event.protocol =
            protocol.isEmpty() || protocol == View("-") ? LogEvent::AnyProtocol : protocolNumber(protocol);
    setAddress(event.source, field(SourceIp), 1);
    setAddress(event.destination, field(DestinationIp), 0);
    parsePort(field(SourcePort), event.sourcePort);
    parsePort(field(DestinationPort), event.destinationPort);
    return true;
}

bool LogLineParser::parsePlain(QByteArrayView line, LogEvent &event)
{
    // value | transport value | value port[/transport] | transport value port
    std::array<View, 3> t;
    int n = tokens<3>(line, t);
    if (n < 1 || n > 3)
        return false;
    int first = 0;
    int protocol = LogEvent::AnyProtocol;
    const auto setProtocol = [&protocol](int p) {
        if (protocol != LogEvent::AnyProtocol && protocol != p)
            return false;
        protocol = p;
        return true;
    };
    if (n > 1 && (equalsNoCase(t[0], "tcp") || equalsNoCase(t[0], "udp"))) {
        protocol = equalsNoCase(t[0], "tcp") ? LogEvent::Tcp : LogEvent::Udp;
        first = 1;
    }
    int trailingPort = 0;
    if (n - first == 2) {
        View word = t[size_t(n - 1)];
        const qsizetype slash = word.indexOf('/');
        if (slash >= 0) {
            const View transport = word.sliced(slash + 1);
            if (!(equalsNoCase(transport, "tcp") || equalsNoCase(transport, "udp"))
                || !setProtocol(equalsNoCase(transport, "tcp") ? LogEvent::Tcp : LogEvent::Udp))
                return false;
            word = word.first(slash);
        }
        if (!parsePort(word, trailingPort))
            return false;
        --n;
    }
    if (n - first != 1)
        return false;
    View value = t[size_t(first)];
    View host;
    int port = 0;
    if (value.contains("://")) {
        bool isWeb = false;
        if (!parseUrl(value, host, port, isWeb) || (isWeb && !setProtocol(LogEvent::Tcp)))
            return false;
    } else {
        const qsizetype slash = value.indexOf('/');
        if (slash >= 0) { // "1.2.3.4:443/tcp"
            const View transport = value.sliced(slash + 1);
            if (!(equalsNoCase(transport, "tcp") || equalsNoCase(transport, "udp"))
                || !setProtocol(equalsNoCase(transport, "tcp") ? LogEvent::Tcp : LogEvent::Udp))
                return false;
            value = value.first(slash);
        }
        if (!splitHostPort(value, host, port))
            return false;
    }
    if (trailingPort != 0) {
        if (port != 0 && port != trailingPort)
            return false;
        port = trailingPort;
    }
    if (!setAddress(event.destination, host, 0, true))
        return false;
    event.format = LogFormat::Plain;
    event.destinationPort = port;
    event.protocol = protocol;
    return true;
}

qint64 LogLineParser::timeOf(const LogEvent &event, int defaultYear)
{
    const View s = event.time;
    int h = 0;
    int mi = 0;
    int sec = 0;
    switch (event.timeKind) {
    case LogEvent::TimeKind::None:
        return -1;
    case LogEvent::TimeKind::Syslog: {
        static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
        int month = 0;
        while (month < 12 && std::memcmp(months + 3 * month, s.data(), 3) != 0)
            ++month;
        const int day = s.at(4) == ' ' ? digits(s, 5, 1) : digits(s, 4, 2);
        if (month == 12 || day < 0 || !timeOfDay(s, 7, h, mi, sec))
            return -1;
        return msecs(defaultYear, month + 1, day, h, mi, sec);
    }
    case LogEvent::TimeKind::Iso: {
        if (!timeOfDay(s, 11, h, mi, sec))
            return -1;
        qint64 ms = msecs(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2), h, mi, sec);
        // A trailing "+01:00" or "-05:00" offset; "Z" or none is UTC.
        const qsizetype sign = std::max(s.lastIndexOf('+'), s.lastIndexOf('-'));
        if (ms >= 0 && sign > 18 && s.size() >= sign + 6 && s.at(sign + 3) == ':') {
            const int offset = digits(s, sign + 1, 2) * 60 + digits(s, sign + 4, 2);
            ms -= (s.at(sign) == '+' ? 1 : -1) * qint64(offset) * 60000;
        }
        return ms;
    }
    case LogEvent::TimeKind::EpochSeconds: {
        qint64 seconds = 0;
        qsizetype i = 0;
        for (; i < s.size() && i < 12 && isDigit(s.at(i)); ++i)
            seconds = seconds * 10 + (s.at(i) - '0');
        if (i == 0)
            return -1;
        qint64 ms = seconds * 1000;
        if (i < s.size() && s.at(i) == '.') {
            int scale = 100;
            for (++i; i < s.size() && scale > 0 && isDigit(s.at(i)); ++i, scale /= 10)
                ms += (s.at(i) - '0') * scale;
        }
        return ms;
    }
    case LogEvent::TimeKind::DateAndTime:
        if (!timeOfDay(event.timeOfDay, 0, h, mi, sec))
            return -1;
        return msecs(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2), h, mi, sec);
    }
    return -1;
}

QString LogLineParser::formatName(LogFormat format)
{
    switch (format) {
    case LogFormat::Plain:
        return QStringLiteral("plain");
    case LogFormat::Iptables:
        return QStringLiteral("iptables");
    case LogFormat::Squid:
        return QStringLiteral("squid");
    case LogFormat::AwsVpcFlow:
        return QStringLiteral("aws-vpc");
    case LogFormat::WindowsFirewall:
        return QStringLiteral("windows-firewall");
    }
    return {};
}

QString LogLineParser::formatLabel(LogFormat format)
{
    switch (format) {
    case LogFormat::Plain:
        return tr("plain values");
    case LogFormat::Iptables:
        return tr("iptables/nftables LOG");
    case LogFormat::Squid:
        return tr("squid access.log");
    case LogFormat::AwsVpcFlow:
        return tr("AWS VPC Flow Logs");
    case LogFormat::WindowsFirewall:
        return tr("Windows Firewall log");
    }
    return {};
}
