<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CatalogDiff</name>
    <message numerus="yes">
        <source>+ %1 (added, %n endpoints)</source>
        <translation>
            <numerusform>+ %1 (added, %n endpoint)</numerusform>
            <numerusform>+ %1 (added, %n endpoints)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>- %1 (removed, %n endpoints)</source>
        <translation>
            <numerusform>- %1 (removed, %n endpoint)</numerusform>
            <numerusform>- %1 (removed, %n endpoints)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CatalogLoader</name>
    <message numerus="yes">
        <source>%n characters, more than the %1 allowed</source>
        <translation>
            <numerusform>%n character, more than the %1 allowed</numerusform>
            <numerusform>%n characters, more than the %1 allowed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiagramExporter</name>
    <message numerus="yes">
        <source>%n connections between the components.</source>
        <translation>
            <numerusform>%n connection between the components.</numerusform>
            <numerusform>%n connections between the components.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiagramLayout</name>
    <message numerus="yes">
        <source>+%n more</source>
        <comment>host names and addresses not shown</comment>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiagramText</name>
    <message numerus="yes">
        <source>Opens %n connections</source>
        <translation>
            <numerusform>Opens %n connection</numerusform>
            <numerusform>Opens %n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Listens to %n connections</source>
        <translation>
            <numerusform>Listens to %n connection</numerusform>
            <numerusform>Listens to %n connections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiagramWidget</name>
    <message numerus="yes">
        <source>%n components</source>
        <translation>
            <numerusform>%n component</numerusform>
            <numerusform>%n components</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connections</source>
        <translation>
            <numerusform>%n connection</numerusform>
            <numerusform>%n connections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DnsProbe</name>
    <message numerus="yes">
        <source>TCP connected, then the connection closed without a complete DNS reply (%n bytes)</source>
        <translation>
            <numerusform>TCP connected, then the connection closed without a complete DNS reply (%n byte)</numerusform>
            <numerusform>TCP connected, then the connection closed without a complete DNS reply (%n bytes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No valid DNS reply within %1 s (%n malformed or unrelated replies ignored)</source>
        <translation>
            <numerusform>No valid DNS reply within %1 s (%n malformed or unrelated reply ignored)</numerusform>
            <numerusform>No valid DNS reply within %1 s (%n malformed or unrelated replies ignored)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Only the selected flows (%n)</source>
        <translation>
            <numerusform>Only the selected flow (%n)</numerusform>
            <numerusform>Only the selected flows (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>resolving %n host names…</source>
        <translation>
            <numerusform>resolving %n host name…</numerusform>
            <numerusform>resolving %n host names…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message numerus="yes">
        <source>%n features</source>
        <translation>
            <numerusform>%n feature</numerusform>
            <numerusform>%n features</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>From the diagram: %n flows</source>
        <translation>
            <numerusform>From the diagram: %n flow</numerusform>
            <numerusform>From the diagram: %n flows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HtmlReport</name>
    <message numerus="yes">
        <source>%n checks failed, %1 of them for required flows.</source>
        <translation>
            <numerusform>%n check failed, %1 of them for required flows.</numerusform>
            <numerusform>%n checks failed, %1 of them for required flows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HttpProbe</name>
    <message numerus="yes">
        <source>Connected, then the HTTP response stopped after %n bytes within %1 s</source>
        <translation>
            <numerusform>Connected, then the HTTP response stopped after %n byte within %1 s</numerusform>
            <numerusform>Connected, then the HTTP response stopped after %n bytes within %1 s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IptablesExporter</name>
    <message numerus="yes">
        <source>%n host names</source>
        <translation>
            <numerusform>%n host name</numerusform>
            <numerusform>%n host names</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Exported %n rows to %1</source>
        <translation>
            <numerusform>Exported %n row to %1</numerusform>
            <numerusform>Exported %n rows to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No row matches: %n expired rows are hidden — &lt;a href=&quot;show-expired&quot;&gt;show them&lt;/a&gt;</source>
        <translation>
            <numerusform>No row matches: %n expired row is hidden — &lt;a href=&quot;show-expired&quot;&gt;show it&lt;/a&gt;</numerusform>
            <numerusform>No row matches: %n expired rows are hidden — &lt;a href=&quot;show-expired&quot;&gt;show them&lt;/a&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NftablesExporter</name>
    <message numerus="yes">
        <source>%n host names</source>
        <translation>
            <numerusform>%n host name</numerusform>
            <numerusform>%n host names</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NtpPacket</name>
    <message numerus="yes">
        <source>the reply is not an NTP server reply (%n bytes)</source>
        <translation>
            <numerusform>the reply is not an NTP server reply (%n byte)</numerusform>
            <numerusform>the reply is not an NTP server reply (%n bytes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PresentationWindow</name>
    <message numerus="yes">
        <source>%n required, shown first.</source>
        <translation>
            <numerusform>%n required, shown first.</numerusform>
            <numerusform>%n required, shown first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connections between the components.</source>
        <translation>
            <numerusform>%n connection between the components.</numerusform>
            <numerusform>%n connections between the components.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Resolver</name>
    <message numerus="yes">
        <source>No valid answer from the DNS server within %1 s (%n malformed or unrelated replies ignored)</source>
        <translation>
            <numerusform>No valid answer from the DNS server within %1 s (%n malformed or unrelated reply ignored)</numerusform>
            <numerusform>No valid answer from the DNS server within %1 s (%n malformed or unrelated replies ignored)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsReport</name>
    <message numerus="yes">
        <source>Plan for %1: %n checks to run</source>
        <translation>
            <numerusform>Plan for %1: %n check to run</numerusform>
            <numerusform>Plan for %1: %n checks to run</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TcpProbe</name>
    <message numerus="yes">
        <source>Connected after trying %n addresses: %1</source>
        <translation>
            <numerusform>Connected after trying %n address: %1</numerusform>
            <numerusform>Connected after trying %n addresses: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TestPlanner</name>
    <message numerus="yes">
        <source>Not directly testable: a wildcard; tested through the %n catalog hosts it covers</source>
        <translation>
            <numerusform>Not directly testable: a wildcard; tested through the %n catalog host it covers</numerusform>
            <numerusform>Not directly testable: a wildcard; tested through the %n catalog hosts it covers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TesterPanel</name>
    <message numerus="yes">
        <source>Testing %n destinations…</source>
        <translation>
            <numerusform>Testing %n destination…</numerusform>
            <numerusform>Testing %n destinations…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This computer will now connect to %n destinations on the internet that %1 needs (Trend Micro&apos;s service and its partners&apos; hosts), as they would.</source>
        <translation>
            <numerusform>This computer will now connect to %n destination on the internet that %1 needs (Trend Micro&apos;s service and its partners&apos; hosts), as it would.</numerusform>
            <numerusform>This computer will now connect to %n destinations on the internet that %1 needs (Trend Micro&apos;s service and its partners&apos; hosts), as they would.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TriageCommand</name>
    <message numerus="yes">
        <source>%n lines; endpoints: %1</source>
        <translation>
            <numerusform>%n line; endpoints: %1</numerusform>
            <numerusform>%n lines; endpoints: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lines, %1; endpoints: %2</source>
        <translation>
            <numerusform>%n line, %1; endpoints: %2</numerusform>
            <numerusform>%n lines, %1; endpoints: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lines</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lines, %1</source>
        <translation>
            <numerusform>%n line, %1</numerusform>
            <numerusform>%n lines, %1</numerusform>
        </translation>
    </message>
</context>
</TS>
