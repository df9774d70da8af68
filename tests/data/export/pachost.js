// Evaluates a PAC file the way a browser does: the standard PAC helper functions, then
// FindProxyForURL for every host given. Prints {"host": "decision", ...} as JSON.
// Usage: node pachost.js FILE.pac HOST...
'use strict';
const fs = require('fs');
const vm = require('vm');

function ipToInt(ip) {
    const parts = ip.split('.').map(Number);
    return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}
const isIpv4 = (s) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s);
const lookups = [];
const helpers = {
    isPlainHostName: (host) => host.indexOf('.') < 0,
    dnsDomainIs: (host, domain) => host.length >= domain.length
        && host.substring(host.length - domain.length) === domain,
    localHostOrDomainIs: (host, hostdom) => host === hostdom || hostdom.lastIndexOf(host + '.', 0) === 0,
    isResolvable: (host) => { lookups.push(host); return false; },
    dnsResolve: (host) => { lookups.push(host); return null; },
    isInNet: (host, pattern, mask) => {
        if (!isIpv4(host)) { lookups.push(host); return false; }
        return ((ipToInt(host) & ipToInt(mask)) >>> 0) === ((ipToInt(pattern) & ipToInt(mask)) >>> 0);
    },
    myIpAddress: () => '127.0.0.1',
    dnsDomainLevels: (host) => host.split('.').length - 1,
    shExpMatch: (str, shexp) => new RegExp('^' + shexp.replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*').replace(/\?/g, '.') + '$').test(str),
    weekdayRange: () => true,
    dateRange: () => true,
    timeRange: () => true,
    alert: () => {},
};
const sandbox = vm.createContext(Object.assign({}, helpers));
vm.runInContext(fs.readFileSync(process.argv[2], 'utf8'), sandbox, { filename: process.argv[2], timeout: 5000 });
if (typeof sandbox.FindProxyForURL !== 'function')
    throw new Error('no FindProxyForURL');
const result = { decisions: {}, lookups: lookups, globals: Object.keys(sandbox).filter((k) => !(k in helpers)) };
for (const host of process.argv.slice(3))
    result.decisions[host] = sandbox.FindProxyForURL('https://' + host + '/', host);
process.stdout.write(JSON.stringify(result));
