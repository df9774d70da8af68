#pragma once

#include <QHostAddress>
#include <QPair>
#include <QString>

#include <optional>

// Strict syntax checks for what the catalog and the user may write: the loader, the lookup and
// the tester share them so that all agree on what a host name or an address is.
namespace NetworkSyntax {

// RFC 1123 host name: labels of letters, digits and hyphens, 1-63 characters, not starting or
// ending with a hyphen, 253 characters in all. With allowWildcard, one leading "*." is accepted.
bool isValidHostName(const QString &name, bool allowWildcard = false);
// Dotted-quad IPv4 (no shorthand such as "1.2.3") or IPv6.
std::optional<QHostAddress> parseAddress(const QString &text);
// "address/prefix" whose host bits are all zero.
std::optional<QPair<QHostAddress, int>> parseCidr(const QString &text);
// True for U+0000-U+001F and U+007F anywhere in text.
bool hasControlCharacters(const QString &text);

} // namespace NetworkSyntax
