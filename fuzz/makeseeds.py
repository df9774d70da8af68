#!/usr/bin/env python3
"""Writes the binary and text seeds of fuzz/corpus/ (DNS and NTP datagrams, HTTP reply headers,
lookup values, saved reports). Rerun after changing it; the output is committed.
A seed's first byte is the target's control byte where it has one (see fuzz_dnsreply.cpp,
fuzz_ntppacket.cpp)."""
import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def write(target, name, data):
    d = os.path.join(HERE, 'corpus', target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode())


# --- DNS: replies to the queries of fuzz_dnsreply.cpp (id 0x1234) ---
def qname(name):
    return b''.join(bytes([len(p)]) + p.encode() for p in name.split('.') if p) + b'\0'


def dns(name, qtype, answers=(), rcode=0, tc=False, ancount=None, flags_extra=0):
    flags = 0x8180 | rcode | (0x0200 if tc else 0) | flags_extra
    n = len(answers) if ancount is None else ancount
    header = struct.pack('>HHHHHH', 0x1234, flags, 1, n, 0, 0)
    question = qname(name) + struct.pack('>HH', qtype, 1)
    return header + question + b''.join(answers)


def rr(rtype, rdata, name=b'\xc0\x0c', ttl=60):
    return name + struct.pack('>HHIH', rtype, 1, ttl, len(rdata)) + rdata


A, NS, CNAME, AAAA = 1, 2, 5, 28
host = 'example.com'
long = 'workload.us-1.cloudone.trendmicro.com'
v6 = bytes.fromhex('20010db8000000000000000000000001')
# control byte: bits 0-1 query (0 A example.com, 1 AAAA long name, 2 probe), bit 2 patch the id
write('dnsreply', 'a', b'\x00' + dns(host, A, [rr(A, bytes([93, 184, 216, 34]))]))
write('dnsreply', 'a-two', b'\x00' + dns(host, A, [rr(A, bytes([127, 0, 0, 1])), rr(A, bytes([127, 0, 0, 2]))]))
write('dnsreply', 'aaaa', b'\x01' + dns(long, AAAA, [rr(AAAA, v6)]))
write('dnsreply', 'cname', b'\x00' + dns(host, A, [rr(CNAME, b'\x03www\xc0\x0c'),
                                                    rr(A, bytes([10, 0, 0, 1]), name=b'\xc0\x29')]))
write('dnsreply', 'nxdomain', b'\x00' + dns(host, A, rcode=3))
write('dnsreply', 'servfail', b'\x00' + dns(host, A, rcode=2))
write('dnsreply', 'refused', b'\x02' + dns('', NS, rcode=5))
write('dnsreply', 'truncated', b'\x00' + dns(host, A, [rr(A, bytes([1, 2, 3, 4]))], tc=True))
write('dnsreply', 'probe-ns', b'\x02' + dns('', NS, [rr(NS, qname('a.root-servers.net'), name=b'\0')]))
write('dnsreply', 'loop', b'\x00' + dns(host, A, [rr(A, bytes([1, 2, 3, 4]), name=b'\xc0\x1d')]))
write('dnsreply', 'short-rdata', b'\x00' + dns(host, A, [rr(A, bytes([1, 2]))]))
write('dnsreply', 'count-lies', b'\x04' + dns(host, A, [rr(A, bytes([1, 2, 3, 4]))], ancount=40))


# --- NTP: replies to NtpPacket::request(1764000000000) ---
NTP_EPOCH = 2208988800


def ntp_ts(ms):
    secs, rem = divmod(ms, 1000)
    return struct.pack(">II", (secs + NTP_EPOCH) % 2**32, (rem << 32) // 1000)


t1 = 1764000000000


def ntp(li=0, vn=4, mode=4, stratum=2, originate=t1, receive=t1 + 5, transmit=t1 + 6):
    first = (li << 6) | (vn << 3) | mode
    body = struct.pack('>BBbb', first, stratum, 6, -20) + b'\0' * 8 + b'GPS\0'
    body += ntp_ts(t1 - 100)  # reference
    body += ntp_ts(originate) if originate is not None else b'\0' * 8
    body += ntp_ts(receive) if receive is not None else b'\0' * 8
    body += ntp_ts(transmit) if transmit is not None else b'\0' * 8
    return body


write('ntppacket', 'reply', b'\x00' + ntp())
write('ntppacket', 'reply-v3', b'\x00' + ntp(vn=3))
write('ntppacket', 'kod', b'\x00' + ntp(stratum=0))
write('ntppacket', 'unsynced', b'\x00' + ntp(li=3, stratum=16))
write('ntppacket', 'zero-times', b'\x01' + ntp(receive=None, transmit=None))
write('ntppacket', 'before', b'\x00' + ntp(receive=t1 + 50, transmit=t1 + 10))
write('ntppacket', 'far-future', b'\x01' + ntp(receive=t1 + 10**12, transmit=t1 + 10**12 + 1))
write('ntppacket', 'short', b'\x00' + ntp()[:40])

# --- HTTP reply headers (what a server or a proxy sends to HEAD or CONNECT) ---
http = {
    'ok': 'HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Length: 0\r\n',
    'connect': 'HTTP/1.1 200 Connection established\r\n',
    'auth': 'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="squid"\r\n'
            'X-Squid-Error: ERR_CACHE_ACCESS_DENIED 0\r\n',
    'dnsfail': 'HTTP/1.1 503 Service Unavailable\r\nX-Squid-Error: ERR_DNS_FAIL 0\r\n',
    'connectfail': 'HTTP/1.0 503 Service Unavailable\r\nx-squid-error:ERR_CONNECT_FAIL 110\r\n',
    'timeout': 'HTTP/1.1 504 Gateway Timeout\r\nX-Squid-Error: ERR_READ_TIMEOUT 0\n',
    'lf-only': 'HTTP/1.1 301 Moved\nLocation: https://x/\n',
    'not-http': 'SSH-2.0-OpenSSH_9.2\r\n',
    'bad-code': 'HTTP/1.1 20 OK\r\n',
    'escape': 'HTTP/1.1 403 Forbidden\r\nX-Squid-Error: \x1b]0;owned\x07ERR_ACCESS_DENIED 0\r\n',
}
for name, text in http.items():
    write('httpresponse', name, text)

# --- lookup values (portolan-cli lookup, the GUI's search field, log values) ---
lookup = ['1.2.3.4', '34.205.5.17:443', '34.205.5.17:4118/tcp', '[::1]:443', '::ffff:34.205.5.17',
          'workload.us-1.cloudone.trendmicro.com', 'agents.workload.us-1.cloudone.trendmicro.com:443',
          'https://app.deepsecurity.trendmicro.com/path?q=1', 'tcp 1.2.3.4:4118', '1.2.3.4 4118/udp',
          'host 443', 'udp 34.205.5.0', '2001:db8::1', '[2001:db8::1]:53/udp', 'HOST.Example.COM.',
          'http://[::1]:8080/', '*.trendmicro.com', '10.0.0.0/8']
for i, value in enumerate(lookup):
    write('cataloglookup', 'value-%02d' % i, value)

# --- saved reports (portolan-cli check --format json) ---
report = {
    'roles': ['agent'], 'proxy': 'direct', 'stageTimeoutMs': 5000, 'concurrency': 4,
    'elapsedMs': 1234, 'cancelled': False,
    'results': [
        {'flows': [{'id': 'agent-to-manager', 'endpoint': 0}], 'endpoint': 'valid.test:443', 'kind': 'https',
         'verdict': 'ok', 'host': 'valid.test', 'port': 443, 'transport': 'TCP', 'reason': '', 'hint': '',
         'proxy': 'direct', 'durationMs': 87, 'resolvedAddresses': ['127.0.0.1'],
         'connectedAddress': '127.0.0.1', 'httpStatus': 204, 'ntpOffsetMs': 0,
         'tls': {'protocol': 'TLSv1.3', 'subject': 'CN=valid.test', 'issuer': 'CN=Test CA',
                 'notBefore': '2025-01-01T00:00:00Z', 'notAfter': '2030-01-01T00:00:00Z', 'errors': []},
         'stages': [{'name': 'dns', 'status': 'passed', 'durationMs': 1, 'detail': 'resolved'},
                    {'name': 'tcp', 'status': 'passed', 'durationMs': 2, 'detail': 'connected'},
                    {'name': 'tls', 'status': 'failed', 'durationMs': 3, 'detail': 'x'},
                    {'name': 'http', 'status': 'not-run', 'detail': ''}]},
        {'entry': 'ntp', 'endpoint': 'ntp.test:123', 'kind': 'ntp', 'verdict': 'timeout',
         'durationMs': 5000, 'ntpOffsetMs': -12.5, 'stages': []},
    ]}
write('resultsreader', 'report.json', json.dumps(report, indent=2))
write('resultsreader', 'old.json', '{"roles": ["agent"], "results": [{"entry": "web", "endpoint": '
      '"valid.test:443", "kind": "https", "verdict": "ok"}]}')
write('resultsreader', 'huge-number.json', '{"elapsedMs": 1e300, "results": []}')
