<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>AllowlistExporter</name>
    <message>
        <source>Allowlist (plain hosts and addresses)</source>
        <translation>許可リスト（ホストとアドレスのみ）</translation>
    </message>
    <message>
        <source>A wildcard &quot;*.example.com&quot; is followed by its apex &quot;example.com&quot;.</source>
        <translation>ワイルドカード「*.example.com」の後には、そのドメイン自体「example.com」が続きます。</translation>
    </message>
    <message>
        <source>inbound from</source>
        <translation>受信</translation>
    </message>
    <message>
        <source>local</source>
        <translation>ローカル</translation>
    </message>
    <message>
        <source>outbound to</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>%1 resolved from %2</source>
        <translation>%1（%2から解決）</translation>
    </message>
</context>
<context>
    <name>AsaExporter</name>
    <message>
        <source>Cisco ASA (object groups and access list)</source>
        <translation>Cisco ASA（オブジェクトグループとアクセスリスト）</translation>
    </message>
    <message>
        <source>FQDN objects need &quot;dns domain-lookup&quot; on an interface and a DNS server group. Bind the list with &quot;access-group portolan-egress in interface inside&quot;.</source>
        <translation>FQDNオブジェクトには、インターフェイスの「dns domain-lookup」とDNSサーバーグループが必要です。リストは「access-group portolan-egress in interface inside」で適用してください。</translation>
    </message>
    <message>
        <source>%1: an ASA FQDN object cannot take a wildcard; list the hosts, or use a proxy</source>
        <translation>%1: ASAのFQDNオブジェクトはワイルドカードを指定できません。ホストを列挙するか、プロキシを使用してください</translation>
    </message>
</context>
<context>
    <name>AwsNetworkFirewallExporter</name>
    <message>
        <source>AWS Network Firewall domain list (AWS CLI JSON)</source>
        <translation>AWS Network Firewallドメインリスト（AWS CLI JSON）</translation>
    </message>
</context>
<context>
    <name>AwsSgExporter</name>
    <message>
        <source>AWS security group (AWS CLI JSON)</source>
        <translation>AWSセキュリティグループ（AWS CLI JSON）</translation>
    </message>
    <message>
        <source>Pass one of the objects to the AWS CLI, for example: aws ec2 authorize-security-group-egress --group-id sg-... --cli-input-json file://egress.json</source>
        <translation>いずれかのオブジェクトをAWS CLIに渡してください。例: aws ec2 authorize-security-group-egress --group-id sg-... --cli-input-json file://egress.json</translation>
    </message>
</context>
<context>
    <name>AzureFirewallExporter</name>
    <message>
        <source>Azure Firewall (az CLI, classic rules)</source>
        <translation>Azure Firewall（az CLI、クラシックルール）</translation>
    </message>
    <message>
        <source>Needs &quot;az extension add --name azure-firewall&quot;. Set RG and FW; network rules with FQDNs need the firewall&apos;s DNS proxy.</source>
        <translation>「az extension add --name azure-firewall」が必要です。RGとFWを設定してください。FQDNを使うネットワークルールにはファイアウォールのDNSプロキシが必要です。</translation>
    </message>
    <message>
        <source>%1: a network rule cannot take a wildcard FQDN</source>
        <translation>%1: ネットワークルールにはワイルドカードFQDNを指定できません</translation>
    </message>
</context>
<context>
    <name>BoundedRead</name>
    <message>
        <source>%1: cannot open the file: %2</source>
        <translation>%1: ファイルを開けません: %2</translation>
    </message>
    <message>
        <source>%1: the file is larger than %2</source>
        <translation>%1: ファイルが%2を超えています</translation>
    </message>
    <message>
        <source>%1: cannot read the file: %2</source>
        <translation>%1: ファイルを読み取れません: %2</translation>
    </message>
</context>
<context>
    <name>CatalogCommand</name>
    <message>
        <source>portolan-cli catalog: unexpected argument &quot;%1&quot;</source>
        <translation>portolan-cli catalog: 予期しない引数「%1」</translation>
    </message>
    <message>
        <source>Print the catalog, one record per flow and endpoint.</source>
        <translation>カタログを、フローとエンドポイントごとに1レコードで出力します。</translation>
    </message>
    <message>
        <source>Print the catalog&apos;s identity (version, page, date read, SHA-256 of the saved page) and its counts, nothing else.</source>
        <translation>カタログの識別情報（バージョン、ページ、読み取り日、保存したページのSHA-256）と件数だけを出力します。</translation>
    </message>
    <message>
        <source>catalog diff OLD NEW: what changed; catalog verify --page FILE: the catalog against a saved page (see their --help).</source>
        <translation>catalog diff OLD NEW：変更点、catalog verify --page FILE：保存したページとカタログの照合（それぞれの--helpを参照してください）。</translation>
    </message>
    <message>
        <source>Only flows in which this component (agent, relay, ...) takes part, with the direction for it; repeatable.</source>
        <translation>このコンポーネント（agent、relayなど）が関係するフローのみ。方向はこのコンポーネントから見たものになります。複数指定できます。</translation>
    </message>
</context>
<context>
    <name>CatalogDiff</name>
    <message>
        <source>No flow changed.</source>
        <translation>変更されたフローはありません。</translation>
    </message>
    <message>
        <source>~ %1 (changed)</source>
        <translation>~ %1（変更）</translation>
    </message>
    <message>
        <source>    %1: %2 -&gt; %3</source>
        <translation>    %1: %2 -&gt; %3</translation>
    </message>
    <message numerus="yes">
        <source>+ %1 (added, %n endpoints)</source>
        <translation>
            <numerusform>+ %1（追加、エンドポイント%n件）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>- %1 (removed, %n endpoints)</source>
        <translation>
            <numerusform>- %1（削除、エンドポイント%n件）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CatalogDiffCommand</name>
    <message>
        <source>Compare two catalogs flow by flow: added, removed and changed flows, with the old and new value of every changed field.</source>
        <translation>2つのカタログをフローごとに比較します。追加、削除、変更されたフローと、変更された各フィールドの新旧の値を示します。</translation>
    </message>
    <message>
        <source>The older catalog (&quot;builtin&quot;: the built-in one).</source>
        <translation>古いカタログ（「builtin」は組み込みのカタログ）。</translation>
    </message>
    <message>
        <source>The newer catalog (&quot;builtin&quot;: the built-in one).</source>
        <translation>新しいカタログ（「builtin」は組み込みのカタログ）。</translation>
    </message>
    <message>
        <source>portolan-cli catalog diff: give two catalogs, OLD and NEW</source>
        <translation>portolan-cli catalog diff: OLDとNEWの2つのカタログを指定してください</translation>
    </message>
    <message>
        <source>portolan-cli: catalog rejected: %1</source>
        <translation>portolan-cli: カタログを読み込めません: %1</translation>
    </message>
</context>
<context>
    <name>CatalogInfo</name>
    <message>
        <source>unversioned catalog</source>
        <translation>バージョンのないカタログ</translation>
    </message>
    <message>
        <source>catalog %1</source>
        <translation>カタログ%1</translation>
    </message>
    <message>
        <source>catalog %1, page read %2</source>
        <translation>カタログ%1（ページの読み取り日%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Edition</source>
        <translation>エディション</translation>
    </message>
    <message>
        <source>Catalog version</source>
        <translation>カタログのバージョン</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Page read</source>
        <translation>ページの読み取り日</translation>
    </message>
    <message>
        <source>Source (English)</source>
        <translation>出典（英語）</translation>
    </message>
    <message>
        <source>Source (Japanese)</source>
        <translation>出典（日本語）</translation>
    </message>
    <message>
        <source>SHA-256 of the saved page</source>
        <translation>保存したページのSHA-256</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>スキーマのバージョン</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>フロー</translation>
    </message>
    <message>
        <source>Endpoint lists</source>
        <translation>エンドポイントの一覧</translation>
    </message>
    <message>
        <source>Endpoints of flows</source>
        <translation>フローのエンドポイント</translation>
    </message>
    <message>
        <source>Corrections of the page</source>
        <translation>ページの訂正</translation>
    </message>
</context>
<context>
    <name>CatalogLoader</name>
    <message>
        <source>expected an object</source>
        <translation>オブジェクトが必要です</translation>
    </message>
    <message>
        <source>missing required field %1</source>
        <translation>必須フィールド%1がありません</translation>
    </message>
    <message>
        <source>unknown field %1</source>
        <translation>不明なフィールド%1</translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation>文字列が必要です</translation>
    </message>
    <message>
        <source>control characters are not allowed</source>
        <translation>制御文字は使用できません</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>空にはできません</translation>
    </message>
    <message>
        <source>%1 is not one of: %2</source>
        <translation>%1は次のいずれでもありません: %2</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>trueまたはfalseが必要です</translation>
    </message>
    <message>
        <source>expected an array</source>
        <translation>配列が必要です</translation>
    </message>
    <message>
        <source>%1 is not a date (YYYY-MM-DD)</source>
        <translation>%1は日付（YYYY-MM-DD）ではありません</translation>
    </message>
    <message>
        <source>duplicate id %1</source>
        <translation>ID %1が重複しています</translation>
    </message>
    <message>
        <source>an endpoint has exactly one of: host, url, address, cidr</source>
        <translation>エンドポイントにはhost、url、address、cidrのいずれか1つだけを指定します</translation>
    </message>
    <message>
        <source>%1 is not a valid host name</source>
        <translation>%1は有効なホスト名ではありません</translation>
    </message>
    <message>
        <source>%1 is not a valid http or https URL</source>
        <translation>%1は有効なhttpまたはhttpsのURLではありません</translation>
    </message>
    <message>
        <source>%1 is not a valid IPv4 or IPv6 address</source>
        <translation>%1は有効なIPv4またはIPv6アドレスではありません</translation>
    </message>
    <message>
        <source>%1 is not a valid subnet (network address/prefix length)</source>
        <translation>%1は有効なサブネット（ネットワークアドレス/プレフィックス長）ではありません</translation>
    </message>
    <message>
        <source>expected an integer</source>
        <translation>整数が必要です</translation>
    </message>
    <message>
        <source>%1 is not a protocol name</source>
        <translation>%1はプロトコル名ではありません</translation>
    </message>
    <message>
        <source>unknown component %1</source>
        <translation>不明なコンポーネント%1</translation>
    </message>
    <message>
        <source>at least one port is required</source>
        <translation>ポートが少なくとも1つ必要です</translation>
    </message>
    <message>
        <source>unknown validity rule %1</source>
        <translation>不明な有効期限ルール%1</translation>
    </message>
    <message>
        <source>duplicate endpoint %1</source>
        <translation>エンドポイント%1が重複しています</translation>
    </message>
    <message>
        <source>unsupported schema version %1 (this program reads version %2)</source>
        <translation>サポートされていないスキーマバージョン%1です（このプログラムが読み込めるのはバージョン%2です）</translation>
    </message>
    <message>
        <source>(not a number)</source>
        <translation>（数値ではありません）</translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation>ファイルを開けません: %1</translation>
    </message>
    <message>
        <source>invalid JSON: %1</source>
        <translation>無効なJSON: %1</translation>
    </message>
    <message>
        <source>the top level must be a JSON object</source>
        <translation>最上位はJSONオブジェクトである必要があります</translation>
    </message>
    <message numerus="yes">
        <source>%n characters, more than the %1 allowed</source>
        <translation>
            <numerusform>%n文字で、上限の%1文字を超えています</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not a valid id (up to %2 lower-case letters, digits, &apos;.&apos; and &apos;-&apos;)</source>
        <translation>%1は有効なIDではありません（英小文字、数字、「.」、「-」で最大%2文字）</translation>
    </message>
    <message>
        <source>at least one table row is required</source>
        <translation>表の行を1つ以上指定してください</translation>
    </message>
    <message>
        <source>%1 is not a row of a table (TABLE#ROW)</source>
        <translation>%1は表の行（TABLE#ROW）ではありません</translation>
    </message>
    <message>
        <source>duplicate table row %1</source>
        <translation>表の行%1が重複しています</translation>
    </message>
    <message>
        <source>not one of: %1</source>
        <translation>次のいずれでもありません: %1</translation>
    </message>
    <message>
        <source>duplicate feature %1</source>
        <translation>機能%1が重複しています</translation>
    </message>
    <message>
        <source>%1 is out of range (%2-%3)</source>
        <translation>%1は範囲外です（%2〜%3）</translation>
    </message>
    <message>
        <source>%1 is not a version (such as 20.0 or 20.0.0.1540)</source>
        <translation>%1はバージョン（20.0や20.0.0.1540など）ではありません</translation>
    </message>
    <message>
        <source>give from, before or both</source>
        <translation>from、before、またはその両方を指定してください</translation>
    </message>
    <message>
        <source>from must be lower than before</source>
        <translation>fromはbeforeより小さくしてください</translation>
    </message>
    <message>
        <source>leave ports out, or name at least one</source>
        <translation>portsを省略するか、1つ以上指定してください</translation>
    </message>
    <message>
        <source>duplicate port %1</source>
        <translation>ポート%1が重複しています</translation>
    </message>
    <message>
        <source>at least one endpoint is required</source>
        <translation>エンドポイントを1つ以上指定してください</translation>
    </message>
    <message>
        <source>at least one initiator is required</source>
        <translation>開始側を1つ以上指定してください</translation>
    </message>
    <message>
        <source>duplicate initiator %1</source>
        <translation>開始側%1が重複しています</translation>
    </message>
    <message>
        <source>duplicate port</source>
        <translation>ポートが重複しています</translation>
    </message>
    <message>
        <source>a conditional flow needs a condition</source>
        <translation>条件付きのフローには条件が必要です</translation>
    </message>
    <message>
        <source>unknown endpoint list %1</source>
        <translation>不明なエンドポイントの一覧%1</translation>
    </message>
    <message>
        <source>duplicate endpoint list %1</source>
        <translation>エンドポイントの一覧%1が重複しています</translation>
    </message>
    <message>
        <source>endpoint list %1 uses port %2, which this flow does not have</source>
        <translation>エンドポイントの一覧%1はポート%2を使用していますが、このフローにはそのポートがありません</translation>
    </message>
    <message>
        <source>endpoint %1 is already in another list of this flow</source>
        <translation>エンドポイント%1は、このフローの別の一覧にすでに含まれています</translation>
    </message>
    <message>
        <source>a flow that needs no network rule has no endpoints</source>
        <translation>ネットワークのルールが不要なフローにはエンドポイントがありません</translation>
    </message>
    <message>
        <source>schema version 1 (entries as the page&apos;s tables list them) is no longer read; convert the file to version %1 (flows) with scripts/convert-catalog-v1.py</source>
        <translation>スキーマのバージョン1（ページの表の行ごとのエントリ）は読み込めなくなりました。scripts/convert-catalog-v1.pyでバージョン%1（フロー）に変換してください</translation>
    </message>
    <message>
        <source>%1 is not %2</source>
        <translation>%1は%2ではありません</translation>
    </message>
    <message>
        <source>a catalog version (YYYYMMDDNN)</source>
        <translation>カタログのバージョン（YYYYMMDDNN）</translation>
    </message>
    <message>
        <source>a SHA-256 in lower-case hex</source>
        <translation>小文字の16進数によるSHA-256</translation>
    </message>
    <message>
        <source>at least one row is required</source>
        <translation>行を1つ以上指定してください</translation>
    </message>
    <message>
        <source>endpoint list %1 is used by no flow</source>
        <translation>エンドポイントの一覧%1はどのフローにも使用されていません</translation>
    </message>
    <message>
        <source>table row %1 is the provenance of no flow</source>
        <translation>表の行%1はどのフローの出典にもなっていません</translation>
    </message>
    <message>
        <source>the file is larger than %1 MiB, the limit for a catalog (about 300,000 endpoints)</source>
        <translation>ファイルが%1 MiBを超えています（カタログの上限: エンドポイント約30万件）</translation>
    </message>
</context>
<context>
    <name>CatalogLookup</name>
    <message>
        <source>is listed as %1</source>
        <translation>%1として登録済み</translation>
    </message>
    <message>
        <source>matches %1</source>
        <translation>%1に一致</translation>
    </message>
    <message>
        <source>is the host of %1</source>
        <translation>%1のホスト</translation>
    </message>
    <message>
        <source>is covered by %1</source>
        <translation>%1に含まれる</translation>
    </message>
    <message>
        <source>inside %1</source>
        <translation>%1の範囲内</translation>
    </message>
    <message>
        <source>%1 (static address, expired)</source>
        <translation>%1（静的アドレス、期限切れ）</translation>
    </message>
    <message>
        <source>%1/%2 or %3</source>
        <translation>%1/%2または%3</translation>
    </message>
    <message>
        <source>%1, on %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1, but it uses %2, not %3</source>
        <translation>%1。ただし使用するのは%2で、%3ではありません</translation>
    </message>
    <message>
        <source>not in the catalog</source>
        <translation>カタログにありません</translation>
    </message>
    <message>
        <source>in %1, but no requirement uses %2</source>
        <translation>%1に含まれますが、%2を使用する要件はありません</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <source>Testing…</source>
        <translation>テスト中…</translation>
    </message>
    <message>
        <source>%1 (%2 ms)</source>
        <translation>%1（%2 ms）</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>エンドポイント</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>サービス</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>要件</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>チェック</translation>
    </message>
    <message>
        <source>Initiator</source>
        <translation>開始側</translation>
    </message>
    <message>
        <source>Listener</source>
        <translation>待機側</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>機能</translation>
    </message>
    <message>
        <source>On the page</source>
        <translation>ページ上の記載</translation>
    </message>
    <message>
        <source>Who opens the connection → who accepts it</source>
        <translation>接続を開始する側 → 接続を受け付ける側</translation>
    </message>
    <message>
        <source>Direction as seen by %1</source>
        <translation>%1から見た方向</translation>
    </message>
    <message>
        <source>The components that open the connection</source>
        <translation>接続を開始するコンポーネント</translation>
    </message>
    <message>
        <source>The component that accepts the connection</source>
        <translation>接続を受け付けるコンポーネント</translation>
    </message>
    <message>
        <source>The product features that need this row; empty: every deployment needs it</source>
        <translation>この行を必要とする製品の機能（空欄はすべての環境で必要）</translation>
    </message>
    <message>
        <source>The tables of the vendor&apos;s page that state this row</source>
        <translation>この行を記載しているベンダーのページの表</translation>
    </message>
</context>
<context>
    <name>CatalogTableView</name>
    <message>
        <source>One row per address, host name or URL. Ctrl+C copies the selected rows.</source>
        <translation>アドレス、ホスト名、URLごとに1行です。Ctrl+Cで選択した行をコピーします。</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Columns shown</source>
        <translation>表示する列</translation>
    </message>
    <message>
        <source>Network requirements</source>
        <translation>ネットワーク要件</translation>
    </message>
    <message>
        <source>Both directions</source>
        <translation>双方向</translation>
    </message>
    <message>
        <source>Endpoint column, kept in view</source>
        <translation>エンドポイント列（常に表示）</translation>
    </message>
    <message>
        <source>Row actions</source>
        <translation>行の操作</translation>
    </message>
    <message>
        <source>&amp;Copy rows</source>
        <translation>行をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Copy c&amp;ell</source>
        <translation>セルをコピー(&amp;E)</translation>
    </message>
    <message>
        <source>Copy as C&amp;SV</source>
        <translation>CSVとしてコピー(&amp;S)</translation>
    </message>
    <message>
        <source>Copy as &amp;Markdown</source>
        <translation>Markdownとしてコピー(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation>照合(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Look up %1</source>
        <translation>%1を照合(&amp;L)</translation>
    </message>
    <message>
        <source>Show in &amp;diagram</source>
        <translation>図に表示(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Export rules for the selection…</source>
        <translation>選択した行のルールをエクスポート(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>CatalogText</name>
    <message>
        <source>Inbound</source>
        <translation>受信</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>ローカル</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必須</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>オプション</translation>
    </message>
    <message>
        <source>Conditional</source>
        <translation>条件付き</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>URLs</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>IP addresses</source>
        <translation>IPアドレス</translation>
    </message>
    <message>
        <source>Customer network</source>
        <translation>お客さまのネットワーク</translation>
    </message>
    <message>
        <source>Internet</source>
        <translation>インターネット</translation>
    </message>
    <message>
        <source>Trend Micro cloud</source>
        <translation>トレンドマイクロのクラウド</translation>
    </message>
    <message>
        <source>%1 (in your network)</source>
        <translation>%1（お客さまのネットワーク内）</translation>
    </message>
    <message>
        <source>%1 (no static address)</source>
        <translation>%1（静的アドレスなし）</translation>
    </message>
    <message>
        <source>expired %1</source>
        <translation>%1に期限切れ</translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>%1まで有効</translation>
    </message>
    <message>
        <source>Both directions</source>
        <translation>双方向</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>transport not stated</source>
        <translation>トランスポートの記載なし</translation>
    </message>
    <message>
        <source>Manager-initiated communication</source>
        <translation>マネージャーが開始する通信</translation>
    </message>
    <message>
        <source>Web Reputation</source>
        <translation>Webレピュテーション</translation>
    </message>
    <message>
        <source>File Reputation (Smart Scan)</source>
        <translation>ファイルレピュテーション（スマートスキャン）</translation>
    </message>
    <message>
        <source>Behavior Monitoring</source>
        <translation>挙動監視</translation>
    </message>
    <message>
        <source>Predictive Machine Learning</source>
        <translation>機械学習型検索</translation>
    </message>
    <message>
        <source>Smart Feedback</source>
        <translation>スマートフィードバック</translation>
    </message>
    <message>
        <source>XDR activity monitoring</source>
        <translation>XDRアクティビティ監視</translation>
    </message>
    <message>
        <source>Relay</source>
        <translation>リレー</translation>
    </message>
    <message>
        <source>Data Center Gateway</source>
        <translation>データセンターゲートウェイ</translation>
    </message>
    <message>
        <source>SIEM or Syslog forwarding</source>
        <translation>SIEMまたはSyslogへの転送</translation>
    </message>
    <message>
        <source>Smart Protection Server</source>
        <translation>Smart Protection Server</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 (transport not stated)</source>
        <translation>%1（トランスポートの記載なし）</translation>
    </message>
    <message>
        <source>%1 (%2, transport not stated)</source>
        <translation>%1（%2、トランスポートの記載なし）</translation>
    </message>
    <message>
        <source>%1 (on the same computer)</source>
        <translation>%1（同じコンピューター上）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 and later</source>
        <translation>%1以降</translation>
    </message>
    <message>
        <source>before %1</source>
        <translation>%1より前</translation>
    </message>
    <message>
        <source>%1 up to %2</source>
        <translation>%1以上%2未満</translation>
    </message>
</context>
<context>
    <name>CatalogVerify</name>
    <message>
        <source>host</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>subnet</source>
        <translation>サブネット</translation>
    </message>
    <message>
        <source>port</source>
        <translation>ポート</translation>
    </message>
</context>
<context>
    <name>CatalogVerifyCommand</name>
    <message>
        <source>Check the catalog against a saved copy of the vendor&apos;s page (HTML or text, Japanese or English): every host, URL, address, subnet and port on the page must be in the catalog, and the catalog must have nothing the page does not.</source>
        <translation>カタログを、保存したベンダーのページ（HTMLまたはテキスト、日本語または英語）と照合します。ページにあるホスト、URL、アドレス、サブネット、ポートはすべてカタログに含まれている必要があり、カタログにはページにないものがあってはなりません。</translation>
    </message>
    <message>
        <source>The saved page.</source>
        <translation>保存したページ。</translation>
    </message>
    <message>
        <source>portolan-cli catalog verify: give the saved page with --page FILE</source>
        <translation>portolan-cli catalog verify: --page FILEで保存したページを指定してください</translation>
    </message>
    <message>
        <source>portolan-cli catalog verify: %1: %2</source>
        <translation>portolan-cli catalog verify: %1: %2</translation>
    </message>
    <message>
        <source>portolan-cli catalog verify: %1: the page is larger than %2 MiB</source>
        <translation>portolan-cli catalog verify: %1: ページが%2 MiBを超えています</translation>
    </message>
    <message>
        <source>On the page: hosts %1, URLs %2, addresses %3, subnets %4, ports %5.</source>
        <translation>ページ上: ホスト%1、URL %2、アドレス%3、サブネット%4、ポート%5。</translation>
    </message>
    <message>
        <source>The catalog holds every one of them, and nothing else.</source>
        <translation>カタログにはそのすべてが含まれ、それ以外はありません。</translation>
    </message>
    <message>
        <source>missing from the catalog: %1 %2</source>
        <translation>カタログにない: %1 %2</translation>
    </message>
    <message>
        <source>in the catalog, not on the page: %1 %2</source>
        <translation>カタログにあり、ページにない: %1 %2</translation>
    </message>
</context>
<context>
    <name>CheckCommand</name>
    <message>
        <source>Check for role &lt;role&gt; (repeatable; default: agent).</source>
        <translation>役割 &lt;role&gt;についてチェックします（複数指定可、デフォルト: agent）。</translation>
    </message>
    <message>
        <source>Also check static addresses whose validity has ended.</source>
        <translation>有効期限が切れた静的アドレスもチェックします。</translation>
    </message>
    <message>
        <source>Address of a destination on your site: dns, ntp, syslog, relay, sps or vcenter (repeatable).</source>
        <translation>サイト内の送信先のアドレス: dns、ntp、syslog、relay、sps、vcenter（複数指定可）。</translation>
    </message>
    <message>
        <source>Use &lt;address&gt; for &lt;host&gt; without asking DNS (repeatable).</source>
        <translation>DNSに問い合わせずに、&lt;host&gt;に &lt;address&gt;を使用します（複数指定可）。</translation>
    </message>
    <message>
        <source>Resolve names with this DNS server instead of the system&apos;s.</source>
        <translation>システムのDNSサーバーではなく、このDNSサーバーで名前を解決します。</translation>
    </message>
    <message>
        <source>direct (default), system, or http://[user:password@]host:port.</source>
        <translation>direct（デフォルト）、system、またはhttp://[user:password@]host:port。</translation>
    </message>
    <message>
        <source>Timeout of each stage in seconds (default 5).</source>
        <translation>各段階のタイムアウト（秒、デフォルト5）。</translation>
    </message>
    <message>
        <source>Checks in flight at once (default 32).</source>
        <translation>同時に実行するチェックの数（デフォルト32）。</translation>
    </message>
    <message>
        <source>Write the report to &lt;file&gt; instead of standard output.</source>
        <translation>標準出力ではなく &lt;file&gt;にレポートを書き込みます。</translation>
    </message>
    <message>
        <source>Print the plan and send nothing.</source>
        <translation>計画を表示し、何も送信しません。</translation>
    </message>
    <message>
        <source>Refuse every destination outside the loopback network (for tests).</source>
        <translation>ループバックネットワーク外のすべての送信先を拒否します（テスト用）。</translation>
    </message>
    <message>
        <source>portolan-cli check: %1</source>
        <translation>portolan-cli check: %1</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>予期しない引数「%1」</translation>
    </message>
    <message>
        <source>--timeout: &quot;%1&quot; is not a number of seconds between 0 and 600</source>
        <translation>--timeout: 「%1」は0から600までの秒数ではありません</translation>
    </message>
    <message>
        <source>--concurrency: &quot;%1&quot; is not a number from 1 to 1024</source>
        <translation>--concurrency: 「%1」は1から1024までの数値ではありません</translation>
    </message>
    <message>
        <source>portolan-cli check: cannot write %1: %2</source>
        <translation>portolan-cli check: %1に書き込めません: %2</translation>
    </message>
    <message>
        <source>Check whether this machine reaches the destinations the product needs.
Exit status: 0 when no check failed, 1 when one failed, 2 on usage or catalog errors, 130 when interrupted (Ctrl-C): the report of what was checked so far is still written, the rest is reported as cancelled; a second Ctrl-C exits at once.</source>
        <translation>このマシンから製品に必要な接続先に到達できるかを確認します。
終了ステータス: 失敗したチェックがなければ0、失敗があれば1、使用方法またはカタログのエラーは2、中断（Ctrl-C）は130です。中断時もそれまでのチェック結果のレポートは書き出され、残りはキャンセルとして報告されます。もう一度Ctrl-Cを押すとすぐに終了します。</translation>
    </message>
    <message>
        <source>Check only the required flows.</source>
        <translation>必須のフローのみを確認します。</translation>
    </message>
    <message>
        <source>74 when the report cannot be written (the reason goes to standard error).</source>
        <translation>レポートを書き込めない場合は74（理由は標準エラー出力に表示されます）。</translation>
    </message>
    <message>
        <source>Also trust the CA certificates in this PEM file, in addition to the system&apos;s (a TLS-inspecting proxy signing with one of them is then expected).</source>
        <translation>このPEMファイルのCA証明書もシステムの証明書に加えて信頼します(そのいずれかで署名するTLSインスペクションのプロキシは想定どおりとみなします)。</translation>
    </message>
</context>
<context>
    <name>CheckProgress</name>
    <message>
        <source>checked %1 of %2 · %3 failed · %4 running</source>
        <translation>%2件中%1件をチェック済み · 失敗%3 · 実行中%4</translation>
    </message>
</context>
<context>
    <name>CheckResultsModel</name>
    <message>
        <source>Waiting</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>実行中…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>エンドポイント</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>チェック</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>時間（ms）</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>ヒント</translation>
    </message>
    <message>
        <source>Flow / service</source>
        <translation>フロー／サービス</translation>
    </message>
    <message>
        <source>%1 required failed · %2 other failed · %3 passed · %4 skipped</source>
        <translation>必須の失敗%1 · その他の失敗%2 · 成功%3 · スキップ%4</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>キャンセル%1</translation>
    </message>
    <message>
        <source>%1 running · %2 left</source>
        <translation>実行中%1 · 残り%2</translation>
    </message>
</context>
<context>
    <name>CliContext</name>
    <message>
        <source>Use the catalog in &lt;file&gt; instead of the built-in one.</source>
        <translation>組み込みのカタログではなく、&lt;file&gt;のカタログを使用します。</translation>
    </message>
    <message>
        <source>Language of the text: en or ja.</source>
        <translation>テキストの言語: enまたはja。</translation>
    </message>
    <message>
        <source>Output format: %1.</source>
        <translation>出力形式: %1。</translation>
    </message>
    <message>
        <source>portolan-cli: catalog rejected: %1</source>
        <translation>portolan-cli: カタログが無効です: %1</translation>
    </message>
    <message>
        <source>portolan-cli: unknown language &quot;%1&quot; (en or ja)</source>
        <translation>portolan-cli: 不明な言語「%1」（enまたはja）</translation>
    </message>
    <message>
        <source>portolan-cli: unknown format &quot;%1&quot; (%2)</source>
        <translation>portolan-cli: 不明な形式「%1」(%2)</translation>
    </message>
    <message>
        <source>%1: --role &quot;%2&quot; is not a role (%3)</source>
        <translation>%1: --role「%2」は役割ではありません（%3）</translation>
    </message>
    <message>
        <source>portolan-cli: cannot write to standard output: %1</source>
        <translation>portolan-cli: 標準出力に書き込めません: %1</translation>
    </message>
</context>
<context>
    <name>ComparisonDialog</name>
    <message>
        <source>Compare runs</source>
        <translation>実行結果の比較</translation>
    </message>
    <message>
        <source>Before: %1
After: the current run
%2</source>
        <translation>前回: %1
今回: 現在の実行結果
%2</translation>
    </message>
    <message>
        <source>Comparison summary</source>
        <translation>比較の概要</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>変更点</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>チェック</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>前回</translation>
    </message>
    <message>
        <source>After</source>
        <translation>今回</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>ヒント</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Copy summary</source>
        <translation>概要をコピー</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>フロー</translation>
    </message>
</context>
<context>
    <name>ConnectivityTester</name>
    <message>
        <source>Cancelled before it ran</source>
        <translation>実行前にキャンセルされました</translation>
    </message>
</context>
<context>
    <name>CsvExporter</name>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
</context>
<context>
    <name>CsvReport</name>
    <message>
        <source>Endpoint</source>
        <translation>エンドポイント</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>チェック</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>トランスポート</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>時間（ms）</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTPステータス</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>プロキシ</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>ヒント</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>フロー</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>カタログ</translation>
    </message>
    <message>
        <source>Certificate chain</source>
        <translation>証明書チェーン</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>詳細をコピー</translation>
    </message>
    <message>
        <source>Copy these details as text</source>
        <translation>この詳細をテキストとしてコピーします</translation>
    </message>
    <message>
        <source>Details pane</source>
        <translation>詳細ペイン</translation>
    </message>
    <message>
        <source>Select a row to see everything the catalog says about it.</source>
        <translation>行を選択すると、カタログに記載されているすべての情報が表示されます。</translation>
    </message>
    <message>
        <source>Details of the selected row</source>
        <translation>選択した行の詳細</translation>
    </message>
    <message>
        <source>Other connections to the same listener</source>
        <translation>同じ待機側へのほかの接続</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2、%3）</translation>
    </message>
</context>
<context>
    <name>DiagramCommand</name>
    <message>
        <source>Write the ports diagram to an SVG, PNG or PDF file.</source>
        <translation>ポート図をSVG、PNG、またはPDFファイルに書き込みます。</translation>
    </message>
    <message>
        <source>Output format: %1 (default: from the file name).</source>
        <translation>出力形式: %1（デフォルト: ファイル名から判断）。</translation>
    </message>
    <message>
        <source>Write the diagram to &lt;file&gt;.</source>
        <translation>ポート図を &lt;file&gt;に書き込みます。</translation>
    </message>
    <message>
        <source>Only the flows of this component id (agent, relay, ...).</source>
        <translation>このコンポーネントID（agent、relay、...）の通信のみ。</translation>
    </message>
    <message>
        <source>PNG scale factor (default 1).</source>
        <translation>PNGの拡大率（デフォルト1）。</translation>
    </message>
    <message>
        <source>portolan-cli diagram: unexpected argument &quot;%1&quot;</source>
        <translation>portolan-cli diagram: 予期しない引数「%1」</translation>
    </message>
    <message>
        <source>portolan-cli diagram: --output FILE is required</source>
        <translation>portolan-cli diagram: --output FILEを指定してください</translation>
    </message>
    <message>
        <source>portolan-cli diagram: unknown format &quot;%1&quot; (%2)</source>
        <translation>portolan-cli diagram: 不明な形式「%1」(%2)</translation>
    </message>
    <message>
        <source>portolan-cli diagram: --scale must be a number in (0, 8]</source>
        <translation>portolan-cli diagram: --scaleは (0, 8] の範囲の数値である必要があります</translation>
    </message>
    <message>
        <source>portolan-cli diagram: unknown component &quot;%1&quot;</source>
        <translation>portolan-cli diagram: 不明なコンポーネント「%1」</translation>
    </message>
    <message>
        <source>portolan-cli diagram: %1</source>
        <translation>portolan-cli diagram: %1</translation>
    </message>
    <message>
        <source>Also draw flows whose endpoints have all expired, marked as expired.</source>
        <translation>エンドポイントがすべて期限切れのフローも、期限切れとして描画します。</translation>
    </message>
    <message>
        <source>PDF paper, landscape: a4 or letter (default: by locale).</source>
        <translation>PDFの用紙（横向き）: a4またはletter（既定はロケールによる）。</translation>
    </message>
    <message>
        <source>PDF: Present&apos;s walkthrough, the overview and one page per step, required flows first.</source>
        <translation>PDF: プレゼンテーションの説明資料。概要とステップごとに1ページ、必須のフローから。</translation>
    </message>
    <message>
        <source>portolan-cli diagram: --paper must be a4 or letter</source>
        <translation>portolan-cli diagram: --paperはa4またはletterにしてください</translation>
    </message>
    <message>
        <source>portolan-cli diagram: --handout writes a PDF</source>
        <translation>portolan-cli diagram: --handoutはPDFを出力します</translation>
    </message>
    <message>
        <source>Under each arrow&apos;s ports, its key host names or addresses.</source>
        <translation>各矢印のポートの下に、主なホスト名またはアドレスを表示します。</translation>
    </message>
</context>
<context>
    <name>DiagramExporter</name>
    <message>
        <source>The diagram is empty.</source>
        <translation>図が空です。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1に書き込めません: %2</translation>
    </message>
    <message>
        <source>Network ports diagram</source>
        <translation>ネットワークポート図</translation>
    </message>
    <message>
        <source>Generated by Portolan from the catalog</source>
        <translation>カタログからPortolanで生成</translation>
    </message>
    <message>
        <source>The PNG scale must be above 0 and at most 8.</source>
        <translation>PNGの拡大率は0より大きく8以下である必要があります。</translation>
    </message>
    <message>
        <source>Network ports walkthrough</source>
        <translation>ネットワークポートの説明資料</translation>
    </message>
    <message>
        <source>Network ports overview</source>
        <translation>ネットワークポートの概要</translation>
    </message>
    <message numerus="yes">
        <source>%n connections between the components.</source>
        <translation>
            <numerusform>コンポーネント間の接続は%n本です。</numerusform>
        </translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>ステップ%1/%2: %3</translation>
    </message>
    <message>
        <source>the SVG generator failed.</source>
        <translation>SVGの生成に失敗しました。</translation>
    </message>
    <message>
        <source>the PNG could not be encoded.</source>
        <translation>PNGをエンコードできませんでした。</translation>
    </message>
    <message>
        <source>the PDF writer failed.</source>
        <translation>PDFの書き込みに失敗しました。</translation>
    </message>
</context>
<context>
    <name>DiagramLauncher</name>
    <message>
        <source>portolan-cli diagram: the diagram needs the graphical part of Portolan (%1, in the portolan package), which is not installed here; every other command works without it.</source>
        <translation>portolan-cli diagram: 図の出力には Portolan のグラフィカル部分（portolan パッケージに含まれる %1）が必要ですが、このマシンにはインストールされていません。ほかのコマンドはこれがなくても使えます。</translation>
    </message>
    <message>
        <source>portolan-cli diagram: cannot run %1: %2</source>
        <translation>portolan-cli diagram: %1 を実行できません: %2</translation>
    </message>
</context>
<context>
    <name>DiagramLayout</name>
    <message>
        <source>Legend</source>
        <translation>凡例</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必須</translation>
    </message>
    <message>
        <source>Optional or conditional</source>
        <translation>オプションまたは条件付き</translation>
    </message>
    <message>
        <source>Each arrow points from the side that opens the connection to the listener.</source>
        <translation>各矢印は、接続を開始する側から待ち受ける側に向いています。</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Partly passed</source>
        <translation>一部成功</translation>
    </message>
    <message>
        <source>Untested</source>
        <translation>未テスト</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>An expired arrow&apos;s label: its ports, then &quot;expired 2022-12-31&quot;.</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Expired (no longer needed)</source>
        <translation>期限切れ（不要になりました）</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <comment>host names and addresses not shown</comment>
        <translation>
            <numerusform>ほか%n件</numerusform>
        </translation>
    </message>
    <message>
        <source>Firewall or proxy</source>
        <translation>ファイアウォールまたはプロキシ</translation>
    </message>
</context>
<context>
    <name>DiagramText</name>
    <message>
        <source>Passed</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Partly passed</source>
        <translation>一部成功</translation>
    </message>
    <message>
        <source>Untested</source>
        <translation>未テスト</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>サービス: %1</translation>
    </message>
    <message>
        <source>Test result: %1</source>
        <translation>テスト結果: %1</translation>
    </message>
    <message>
        <source>Click to show its rows in the tables.</source>
        <translation>クリックすると、該当する行をテーブルに表示します。</translation>
    </message>
    <message>
        <source>%1 connects to %2.</source>
        <translation>%1は%2に接続します。</translation>
    </message>
    <message>
        <source>• %1 — %2</source>
        <translation>• %1 — %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A service in an arrow&apos;s tooltip, then its test result.</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (seen from the customer network)</source>
        <extracomment>%1 is Outbound or Inbound, relative to the customer network.</extracomment>
        <translation>%1（お客さまのネットワークから見た方向）</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <extracomment>%1 is Outbound, Inbound or Both directions; %2 the component the diagram is drawn for.</extracomment>
        <translation>%2にとって%1</translation>
    </message>
    <message>
        <source>No longer needed: every address of this flow %1.</source>
        <extracomment>An arrow drawn only because &quot;Show expired&quot; is on; %1 is &quot;expired 2022-12-31&quot;.</extracomment>
        <translation>不要になりました: このフローのアドレスはすべて%1。</translation>
    </message>
    <message>
        <source>On the same computer, no network rule: %1 on %2</source>
        <extracomment>A flow that never leaves the computer: %1 its initiators, %2 its ports.</extracomment>
        <translation>同じコンピューター上でネットワークのルールは不要: %2の%1</translation>
    </message>
    <message numerus="yes">
        <source>Opens %n connections</source>
        <translation>
            <numerusform>%n件の接続を開始</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Listens to %n connections</source>
        <translation>
            <numerusform>%n件の接続を待ち受け</numerusform>
        </translation>
    </message>
    <message>
        <source> · </source>
        <extracomment>Separates the facts of a Present step: ports · requirement · direction.</extracomment>
        <translation>・</translation>
    </message>
    <message>
        <source>%1 no longer needs to reach %2: its addresses %3.</source>
        <extracomment>%1 is &quot;expired 2022-12-31&quot;.</extracomment>
        <translation>%1から%2への接続は不要になりました（アドレスは%3）。</translation>
    </message>
    <message>
        <source>%1 connects to %2 on %3.</source>
        <extracomment>%3 is a list of ports, &quot;443/TCP (HTTPS)&quot;.</extracomment>
        <translation>%1は%3で%2に接続します。</translation>
    </message>
</context>
<context>
    <name>DiagramWidget</name>
    <message>
        <source>Zoom in</source>
        <translation>拡大</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++ or the mouse wheel)</source>
        <translation>拡大 (Ctrl++ またはマウスホイール)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+- or the mouse wheel)</source>
        <translation>縮小 (Ctrl+- またはマウスホイール)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全体表示</translation>
    </message>
    <message>
        <source>Fit the diagram to the window (Ctrl+0)</source>
        <translation>図をウィンドウに合わせます (Ctrl+0)</translation>
    </message>
    <message>
        <source>Export diagram…</source>
        <translation>図のエクスポート…</translation>
    </message>
    <message>
        <source>Save the diagram as SVG, PNG or PDF</source>
        <translation>図をSVG、PNG、またはPDFとして保存します</translation>
    </message>
    <message>
        <source>Print diagram…</source>
        <translation>図の印刷…</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>プレゼンテーション</translation>
    </message>
    <message>
        <source>Full-screen walkthrough of the flows (F11); Esc leaves</source>
        <translation>通信をフルスクリーンで順に説明します (F11)。Escで終了します</translation>
    </message>
    <message>
        <source>Unknown file type for %1: use .svg, .png or .pdf.</source>
        <translation>%1のファイル形式が不明です: .svg、.png、.pdfのいずれかを使用してください。</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG画像 (*.svg)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG画像 (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDFドキュメント (*.pdf)</translation>
    </message>
    <message>
        <source>Export diagram</source>
        <translation>図のエクスポート</translation>
    </message>
    <message>
        <source>Print diagram</source>
        <translation>図の印刷</translation>
    </message>
    <message numerus="yes">
        <source>%n components</source>
        <translation>
            <numerusform>コンポーネント%n個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connections</source>
        <translation>
            <numerusform>接続%n本</numerusform>
        </translation>
    </message>
    <message>
        <source>Click a component or an arrow to filter the tables; F11 presents</source>
        <translation>コンポーネントまたは矢印をクリックすると表を絞り込みます。F11でプレゼンテーション</translation>
    </message>
    <message>
        <source>Export &amp;handout (PDF)…</source>
        <translation>説明資料をエクスポート（PDF）(&amp;H)…</translation>
    </message>
    <message>
        <source>Present&apos;s walkthrough on paper: the overview and one page per step</source>
        <translation>プレゼンテーションを紙で: 概要とステップごとに1ページ</translation>
    </message>
    <message>
        <source>Export handout</source>
        <translation>説明資料のエクスポート</translation>
    </message>
    <message>
        <source>Host names</source>
        <translation>ホスト名</translation>
    </message>
    <message>
        <source>Show the key host names under each arrow&apos;s ports (H)</source>
        <translation>各矢印のポートの下に主なホスト名を表示します（H）</translation>
    </message>
    <message>
        <source>Present, or present for one role</source>
        <translation>プレゼンテーション、または1つの役割のプレゼンテーション</translation>
    </message>
    <message>
        <source>Present &amp;for</source>
        <translation>役割ごとのプレゼンテーション(&amp;F)</translation>
    </message>
    <message>
        <source>The whole diagram</source>
        <translation>図全体</translation>
    </message>
</context>
<context>
    <name>DnsProbe</name>
    <message numerus="yes">
        <source>TCP connected, then the connection closed without a complete DNS reply (%n bytes)</source>
        <translation>
            <numerusform>TCPで接続しましたが、完全なDNSの応答がないまま接続が閉じられました(%nバイト)</numerusform>
        </translation>
    </message>
    <message>
        <source>What answers on TCP port %1 sent something that is not a reply to the DNS query</source>
        <translation>TCPポート%1で応答したものは、DNSクエリへの応答ではないデータを送信しました</translation>
    </message>
    <message>
        <source>Nothing answers DNS on port %1 (ICMP port unreachable)</source>
        <translation>ポート%1でDNSに応答するものがありません（ICMPポート到達不能）</translation>
    </message>
    <message>
        <source>The DNS server answered REFUSED (response code %1): it does not answer queries from this machine</source>
        <translation>DNSサーバーがREFUSED（応答コード%1）を返しました: このマシンからの問い合わせには応答しません</translation>
    </message>
    <message>
        <source>The DNS server answered SERVFAIL (response code %1): it cannot resolve names now</source>
        <translation>DNSサーバーがSERVFAIL（応答コード%1）を返しました: 現在は名前を解決できません</translation>
    </message>
    <message>
        <source>The DNS server answered (response code %1) with a truncated reply, and DNS over TCP port %2 failed: large answers need it</source>
        <translation>DNSサーバーは切り詰められた応答を返し(応答コード%1)、TCPポート%2によるDNSは失敗しました: 大きな応答にはTCPが必要です</translation>
    </message>
    <message>
        <source>The DNS server answered (response code %1)</source>
        <translation>DNSサーバーが応答しました（応答コード%1）</translation>
    </message>
    <message>
        <source>No DNS reply</source>
        <translation>DNS応答がありません</translation>
    </message>
    <message>
        <source>TCP connected, then no DNS reply within %1 s</source>
        <translation>TCPで接続しましたが、%1秒以内にDNSの応答がありません</translation>
    </message>
    <message numerus="yes">
        <source>No valid DNS reply within %1 s (%n malformed or unrelated replies ignored)</source>
        <translation>
            <numerusform>%1秒以内に有効なDNS応答がありません（不正または無関係な応答%n件を無視しました）</numerusform>
        </translation>
    </message>
    <message>
        <source>No DNS reply within %1 s</source>
        <translation>%1秒以内にDNS応答がありません</translation>
    </message>
</context>
<context>
    <name>EndpointCheck</name>
    <message>
        <source>Cancelled while it ran</source>
        <translation>実行中にキャンセルされました</translation>
    </message>
</context>
<context>
    <name>EntryDetails</name>
    <message>
        <source>Service</source>
        <translation>サービス</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>エンドポイント</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>要件</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>適用対象</translation>
    </message>
    <message>
        <source>Afterwards</source>
        <translation>期限後</translation>
    </message>
    <message>
        <source>How to check</source>
        <translation>確認方法</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Initiator</source>
        <translation>開始側</translation>
    </message>
    <message>
        <source>Listener</source>
        <translation>待機側</translation>
    </message>
    <message>
        <source>When</source>
        <translation>必要な場合</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>機能</translation>
    </message>
    <message>
        <source>Agent versions</source>
        <translation>エージェントのバージョン</translation>
    </message>
    <message>
        <source>About these endpoints</source>
        <translation>これらのエンドポイントについて</translation>
    </message>
    <message>
        <source>Network rule</source>
        <translation>ネットワークのルール</translation>
    </message>
    <message>
        <source>None: this connection stays on the same computer</source>
        <translation>不要: この接続は同じコンピューター内で完結します</translation>
    </message>
    <message>
        <source>On the page</source>
        <translation>ページ上の記載</translation>
    </message>
</context>
<context>
    <name>EnvironmentDialog</name>
    <message>
        <source>DNS server:</source>
        <translation>DNSサーバー:</translation>
    </message>
    <message>
        <source>NTP server:</source>
        <translation>NTPサーバー:</translation>
    </message>
    <message>
        <source>Syslog / SIEM:</source>
        <translation>Syslog / SIEM:</translation>
    </message>
    <message>
        <source>Relay:</source>
        <translation>リレー:</translation>
    </message>
    <message>
        <source>Smart Protection Server:</source>
        <translation>Smart Protection Server:</translation>
    </message>
    <message>
        <source>vCenter:</source>
        <translation>vCenter:</translation>
    </message>
    <message>
        <source>Remember the password in the system keychain</source>
        <translation>パスワードをシステムのキーチェーンに保存する</translation>
    </message>
    <message>
        <source>Site addresses</source>
        <translation>自社サイトのアドレス</translation>
    </message>
    <message>
        <source>Addresses on your site</source>
        <translation>サイト内のアドレス</translation>
    </message>
    <message>
        <source>Host names or IP addresses. Checks towards a destination left empty are skipped.</source>
        <translation>ホスト名またはIPアドレスを入力してください。空欄の送信先に対するチェックはスキップされます。</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>プロキシ</translation>
    </message>
    <message>
        <source>None (direct connections)</source>
        <translation>なし（直接接続）</translation>
    </message>
    <message>
        <source>System settings</source>
        <translation>システム設定</translation>
    </message>
    <message>
        <source>Manual HTTP proxy</source>
        <translation>HTTPプロキシを手動で設定</translation>
    </message>
    <message>
        <source>proxy.example.com</source>
        <translation>proxy.example.com</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>省略可</translation>
    </message>
    <message>
        <source>Without the keychain, the password is kept only until Portolan closes. It is never written to a file.</source>
        <translation>キーチェーンを使用しない場合、パスワードはPortolanを終了するまでのみ保持されます。ファイルに書き込まれることはありません。</translation>
    </message>
    <message>
        <source>This build has no keychain support: the password is kept only until Portolan closes. It is never written to a file.</source>
        <translation>このビルドはキーチェーンに対応していません: パスワードはPortolanを終了するまでのみ保持されます。ファイルに書き込まれることはありません。</translation>
    </message>
    <message>
        <source>Proxy mode</source>
        <translation>プロキシのモード</translation>
    </message>
    <message>
        <source>Proxy host</source>
        <translation>プロキシのホスト</translation>
    </message>
    <message>
        <source>Proxy port</source>
        <translation>プロキシのポート</translation>
    </message>
    <message>
        <source>Proxy user</source>
        <translation>プロキシのユーザー</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>プロキシのパスワード</translation>
    </message>
    <message>
        <source>Proxy error</source>
        <translation>プロキシのエラー</translation>
    </message>
    <message>
        <source>Password storage</source>
        <translation>パスワードの保存</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>モード:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>ホスト:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>ポート:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>ユーザー:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>パスワード:</translation>
    </message>
    <message>
        <source>Give the proxy&apos;s host name or address.</source>
        <translation>プロキシのホスト名またはアドレスを指定してください。</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>Write the catalog&apos;s requirements as rules to paste: firewall, proxy, cloud or a list.</source>
        <translation>カタログの要件を、貼り付けて使えるルールとして書き出します: ファイアウォール、プロキシ、クラウド、またはリスト。</translation>
    </message>
    <message>
        <source>Output format: %1.</source>
        <translation>出力形式: %1。</translation>
    </message>
    <message>
        <source>Include static addresses past their validity date, marked expired.</source>
        <translation>有効期限が過ぎた静的アドレスも、期限切れとマークして含めます。</translation>
    </message>
    <message>
        <source>Proxy for the pac and squid formats.</source>
        <translation>pac形式とsquid形式で使用するプロキシ。</translation>
    </message>
    <message>
        <source>Resolve host names now and write rules for their addresses (address-only formats), with a timestamp.</source>
        <translation>ホスト名を今すぐ名前解決し、そのアドレスのルールをタイムスタンプ付きで書き出します（アドレスのみの形式）。</translation>
    </message>
    <message>
        <source>Write to &lt;file&gt; instead of standard output.</source>
        <translation>標準出力ではなく &lt;file&gt;に書き込みます。</translation>
    </message>
    <message>
        <source>portolan-cli export: unexpected argument &quot;%1&quot;</source>
        <translation>portolan-cli export: 予期しない引数「%1」</translation>
    </message>
    <message>
        <source>portolan-cli export: give --format (%1)</source>
        <translation>portolan-cli export: --formatを指定してください (%1)</translation>
    </message>
    <message>
        <source>portolan-cli export: unknown format &quot;%1&quot; (%2)</source>
        <translation>portolan-cli export: 不明な形式「%1」(%2)</translation>
    </message>
    <message>
        <source>portolan-cli export: --proxy &quot;%1&quot; is not host:port</source>
        <translation>portolan-cli export: --proxy「%1」はhost:portの形式ではありません</translation>
    </message>
    <message>
        <source>portolan-cli export: --role &quot;%1&quot; is not a role (%2)</source>
        <translation>portolan-cli export: --role「%1」は役割ではありません (%2)</translation>
    </message>
    <message>
        <source>portolan-cli export: cannot write &quot;%1&quot;: %2</source>
        <translation>portolan-cli export: 「%1」に書き込めません: %2</translation>
    </message>
    <message>
        <source>Only flows of this role (component id, e.g. agent), with directions as this role sees them; repeatable.</source>
        <translation>この役割（agentなどのコンポーネントID）のフローのみ。方向はこの役割から見たものになります。複数指定できます。</translation>
    </message>
    <message>
        <source>Only required flows.</source>
        <translation>必須のフローのみ。</translation>
    </message>
    <message>
        <source>A feature in use (%1); repeatable. Flows for other features are left out.</source>
        <translation>使用している機能（%1）。複数指定できます。ほかの機能のためのフローは除外されます。</translation>
    </message>
    <message>
        <source>Only endpoints for this agent version (e.g. 20.0).</source>
        <translation>このバージョンのエージェント（20.0など）が使用するエンドポイントのみ。</translation>
    </message>
    <message>
        <source>Only these flows (comma-separated ids).</source>
        <translation>これらのフローのみ（カンマ区切りのID）。</translation>
    </message>
    <message>
        <source>portolan-cli export: --selected: no flow &quot;%1&quot; in the catalog</source>
        <translation>portolan-cli export: --selected: カタログにフロー「%1」はありません</translation>
    </message>
    <message>
        <source>portolan-cli export: --feature &quot;%1&quot; is not a feature (%2)</source>
        <translation>portolan-cli export: --feature「%1」は機能ではありません（%2）</translation>
    </message>
    <message>
        <source>portolan-cli export: --agent-version &quot;%1&quot; is not a version such as 20.0</source>
        <translation>portolan-cli export: --agent-version「%1」は20.0のようなバージョンではありません</translation>
    </message>
    <message>
        <source>portolan-cli export: %1</source>
        <translation>portolan-cli export: %1</translation>
    </message>
    <message>
        <source>Address of a destination on your site: dns, ntp, syslog, relay, sps or vcenter (repeatable); its flows become rules for that address.</source>
        <translation>自社サイトの送信先のアドレス: dns、ntp、syslog、relay、sps、vcenter（複数指定できます）。そのフローはこのアドレスへのルールになります。</translation>
    </message>
    <message>
        <source>Write the refresher of the set-based formats (nftables, iptables) into &lt;dir&gt;: a script that fills the sets from DNS, and its systemd service and timer.</source>
        <translation>アドレスセットを使用する形式（nftables、iptables）の更新スクリプトを&lt;dir&gt;に書き込みます: DNSからセットを更新するスクリプトと、そのsystemdのサービスとタイマーです。</translation>
    </message>
    <message>
        <source>portolan-cli export: --site: %1</source>
        <translation>portolan-cli export: --site: %1</translation>
    </message>
    <message>
        <source>portolan-cli export: the rules use address sets; write their refresher with --refresher DIR</source>
        <translation>portolan-cli export: ルールはアドレスセットを使用します。更新スクリプトは--refresher DIRで書き込んでください</translation>
    </message>
    <message>
        <source>portolan-cli export: cannot create &quot;%1&quot;</source>
        <translation>portolan-cli export:「%1」を作成できません</translation>
    </message>
    <message>
        <source>cannot make it executable</source>
        <translation>実行可能にできません</translation>
    </message>
    <message>
        <source>pac: the inverse file: the catalog&apos;s hosts DIRECT, every other host through --proxy.</source>
        <translation>pac: 逆のファイル。カタログのホストはDIRECT、それ以外のホストは--proxy経由にします。</translation>
    </message>
    <message>
        <source>squid: only these clients (a subnet or an address; repeatable).</source>
        <translation>squid: これらのクライアントのみ（サブネットまたはアドレス。複数指定できます）。</translation>
    </message>
    <message>
        <source>portolan-cli export: --source &quot;%1&quot; is not a subnet or an address</source>
        <translation>portolan-cli export: --source「%1」はサブネットでもアドレスでもありません</translation>
    </message>
    <message>
        <source>portolan-cli export: --pac-direct needs --proxy</source>
        <translation>portolan-cli export: --pac-directには--proxyが必要です</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Include &amp;expired static addresses (marked)</source>
        <translation>期限切れの静的アドレスを含める（マーク付き）(&amp;E)</translation>
    </message>
    <message>
        <source>Resolve host &amp;names to addresses now</source>
        <translation>ホスト名を今すぐアドレスに解決(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Export Rules</source>
        <translation>ルールのエクスポート</translation>
    </message>
    <message>
        <source>Roles (none checked: all)</source>
        <translation>役割（未選択の場合はすべて）</translation>
    </message>
    <message>
        <source>proxy.example.com:8080</source>
        <translation>proxy.example.com:8080</translation>
    </message>
    <message>
        <source>Firewall formats take only addresses. Resolving writes rules for the addresses the names have now, with a timestamp.</source>
        <translation>ファイアウォールの形式ではアドレスのみ使用できます。名前解決すると、ホスト名の現在のアドレスに対するルールがタイムスタンプ付きで書き出されます。</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>対象範囲</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>形式(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Proxy:</source>
        <translation>プロキシ(&amp;P):</translation>
    </message>
    <message>
        <source>Pre&amp;view:</source>
        <translation>プレビュー(&amp;V):</translation>
    </message>
    <message>
        <source>Give the proxy as host:port, for example 10.0.0.1:3128.</source>
        <translation>プロキシはhost:portの形式で指定してください（例: 10.0.0.1:3128）。</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>クリップボードにコピーしました。</translation>
    </message>
    <message>
        <source>Save Rules</source>
        <translation>ルールの保存</translation>
    </message>
    <message>
        <source>Could not save &quot;%1&quot;: %2</source>
        <translation>「%1」を保存できませんでした: %2</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>%1に保存しました。</translation>
    </message>
    <message>
        <source>&amp;Required flows only</source>
        <translation>必須のフローのみ(&amp;R)</translation>
    </message>
    <message numerus="yes">
        <source>Only the selected flows (%n)</source>
        <translation>
            <numerusform>選択したフローのみ（%n件）</numerusform>
        </translation>
    </message>
    <message>
        <source>Use the site addresses (none set)</source>
        <translation>自社サイトのアドレスを使用する（未設定）</translation>
    </message>
    <message>
        <source>Use the site addresses (%1)</source>
        <translation>自社サイトのアドレスを使用する（%1）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Set the addresses of your DNS, NTP, syslog, relay, Smart Protection Server and vCenter in Site addresses to get rules for them.</source>
        <translation>DNS、NTP、Syslog、リレー、Smart Protection Server、vCenterのアドレスを[自社サイトのアドレス]で設定すると、それらへのルールが出力されます。</translation>
    </message>
    <message>
        <source>saving also writes %1 beside the rules</source>
        <translation>保存すると、ルールと同じ場所に%1も書き込みます</translation>
    </message>
    <message numerus="yes">
        <source>resolving %n host names…</source>
        <translation>
            <numerusform>%n件のホスト名を解決中…</numerusform>
        </translation>
    </message>
    <message>
        <source>UTF-8 with a &amp;byte order mark, for Excel</source>
        <translation>Excel用にBOM付きUTF-8で保存(&amp;B)</translation>
    </message>
    <message>
        <source>Excel reads a CSV file without it in the system&apos;s code page, which garbles Japanese text. Other programs read either.</source>
        <translation>BOMのないCSVファイルをExcelはシステムのコードページ（Shift_JIS）で読むため、日本語が文字化けします。ほかのプログラムはどちらも読めます。</translation>
    </message>
    <message>
        <source>Catalog hosts &amp;DIRECT, every other host through the proxy</source>
        <translation>カタログのホストはDIRECT、それ以外はプロキシ経由(&amp;D)</translation>
    </message>
    <message>
        <source>C&amp;lients:</source>
        <translation>クライアント(&amp;L):</translation>
    </message>
    <message>
        <source>The inverse file: for a network where browsers go through a proxy but the agents must not</source>
        <translation>逆のファイル: ブラウザーはプロキシを経由し、エージェントは経由してはならないネットワーク向け</translation>
    </message>
    <message>
        <source>any client; or 10.0.0.0/8, 192.168.1.0/24</source>
        <translation>すべてのクライアント。または10.0.0.0/8, 192.168.1.0/24</translation>
    </message>
    <message>
        <source>Clients allowed by squid</source>
        <translation>squidが許可するクライアント</translation>
    </message>
    <message>
        <source>Only these subnets or addresses may use the rules</source>
        <translation>これらのサブネットまたはアドレスだけがルールを使用できます</translation>
    </message>
</context>
<context>
    <name>ExportResult</name>
    <message>
        <source>1 rule</source>
        <translation>ルール1件</translation>
    </message>
    <message>
        <source>%1 rules</source>
        <translation>ルール%1件</translation>
    </message>
    <message>
        <source>1 comment</source>
        <translation>コメント1件</translation>
    </message>
    <message>
        <source>%1 comments</source>
        <translation>コメント%1件</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
</context>
<context>
    <name>ExportSelection</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>[EXPIRED: static address valid until %1]</source>
        <translation>[期限切れ: %1まで有効だった静的アドレス]</translation>
    </message>
    <message>
        <source>%1 is in your network: the address is site-specific</source>
        <translation>%1はお客さまのネットワーク内にあります: アドレスはサイトごとに異なります</translation>
    </message>
    <message>
        <source>%1 did not resolve at %2</source>
        <translation>%1は%2時点で名前解決できませんでした</translation>
    </message>
    <message>
        <source>%1 resolved at %2</source>
        <translation>%1は%2時点で名前解決されました</translation>
    </message>
    <message>
        <source>the page states no transport for port %1: rules for both TCP and UDP</source>
        <translation>ページにはポート%1のトランスポートの記載がありません: TCPとUDPの両方のルールを出力します</translation>
    </message>
    <message>
        <source>%1 has no fixed address in the catalog for this flow: the address is site-specific</source>
        <translation>%1には、このフローについてカタログに固定のアドレスがありません: アドレスは環境によって異なります</translation>
    </message>
    <message>
        <source>%1 is in your network: its address (site key %2) is not set</source>
        <translation>%1はお客さまのネットワーク内にあります: アドレス（サイトキー%2）が設定されていません</translation>
    </message>
    <message>
        <source>%1 on your site: %2 (site key %3)</source>
        <translation>自社サイトの%1: %2（サイトキー%3）</translation>
    </message>
</context>
<context>
    <name>ExportText</name>
    <message>
        <source>%1 rules generated by Portolan from &quot;%2&quot; on %3</source>
        <translation>Portolanが「%2」から%3に生成した%1ルール</translation>
    </message>
    <message>
        <source>roles: %1</source>
        <translation>役割: %1</translation>
    </message>
    <message>
        <source>all requirements</source>
        <translation>すべての要件</translation>
    </message>
    <message>
        <source>expired static addresses included and marked</source>
        <translation>期限切れの静的アドレスを含む（マーク付き）</translation>
    </message>
    <message>
        <source>expired static addresses left out</source>
        <translation>期限切れの静的アドレスを除外</translation>
    </message>
    <message>
        <source>Scope: %1</source>
        <translation>対象範囲: %1</translation>
    </message>
    <message>
        <source>Host names resolved to addresses at %1; addresses change, re-export before use.</source>
        <translation>ホスト名は%1時点のアドレスに解決されています。アドレスは変わるため、使用前に再エクスポートしてください。</translation>
    </message>
    <message>
        <source>site-specific, add your own rule for %1</source>
        <translation>サイト固有のため、%1のルールを独自に追加してください</translation>
    </message>
    <message>
        <source>%1 is a wildcard host name, not an address: allow it at the proxy (%2)</source>
        <translation>%1はアドレスではなくワイルドカードのホスト名です: プロキシで許可してください (%2)</translation>
    </message>
    <message>
        <source>%1 is a host name that did not resolve: allow it at the proxy (%2)</source>
        <translation>%1は名前解決できなかったホスト名です: プロキシで許可してください (%2)</translation>
    </message>
    <message>
        <source>%1 is a host name; rules for its addresses follow (%2)</source>
        <translation>%1はホスト名です。そのアドレスのルールが続きます (%2)</translation>
    </message>
    <message>
        <source>all roles, directions relative to your network</source>
        <translation>すべての役割、方向はお客さまのネットワークから見たもの</translation>
    </message>
    <message>
        <source>direction: %1</source>
        <translation>方向: %1</translation>
    </message>
    <message>
        <source>required flows only</source>
        <translation>必須のフローのみ</translation>
    </message>
    <message>
        <source>requirement: %1</source>
        <translation>要件: %1</translation>
    </message>
    <message>
        <source>features in use: %1</source>
        <translation>使用している機能: %1</translation>
    </message>
    <message>
        <source>agent version %1</source>
        <translation>エージェントのバージョン%1</translation>
    </message>
    <message>
        <source>protocol: %1</source>
        <translation>プロトコル: %1</translation>
    </message>
    <message>
        <source>port: %1</source>
        <translation>ポート: %1</translation>
    </message>
    <message>
        <source>selected flows: %1</source>
        <translation>選択したフロー: %1</translation>
    </message>
    <message>
        <source>text: %1</source>
        <translation>テキスト: %1</translation>
    </message>
    <message>
        <source>needs no network rule: a connection on the same computer (%1)</source>
        <translation>ネットワークのルールは不要: 同じコンピューター内の接続（%1）</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>Your site: %1</source>
        <translation>自社サイト: %1</translation>
    </message>
    <message>
        <source>No site address for %1 (site key %2): its flows (%3) are comments, not rules. Set the address to get rules for them.</source>
        <translation>%1（サイトキー%2）のアドレスがありません: そのフロー（%3）はルールではなくコメントになります。アドレスを設定すると、ルールが出力されます。</translation>
    </message>
    <message>
        <source>%1 is a host name, not an address: allow it at the proxy, or resolve host names at export (%2)</source>
        <translation>%1はアドレスではなくホスト名です: プロキシで許可するか、エクスポート時にホスト名を解決してください（%2）</translation>
    </message>
    <message>
        <source>Catalog: %1</source>
        <translation>カタログ: %1</translation>
    </message>
    <message>
        <source>Catalog: %1; source: %2</source>
        <translation>カタログ: %1、出典: %2</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>CSV for Excel, UTF-8 with byte order mark (*.csv)</source>
        <translation>Excel用CSV、BOM付きUTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 without byte order mark (*.csv)</source>
        <translation>CSV、BOMなしUTF-8 (*.csv)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Role:</source>
        <translation>役割:</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Search all columns, English and Japanese (Ctrl+F)</source>
        <translation>すべての列を英語と日本語で検索 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Every word must appear in the row. Esc clears.</source>
        <translation>すべての単語を含む行を表示します。Escでクリアします。</translation>
    </message>
    <message>
        <source>Direction filter</source>
        <translation>方向フィルター</translation>
    </message>
    <message>
        <source>Requirement filter</source>
        <translation>要件フィルター</translation>
    </message>
    <message>
        <source>Protocol filter</source>
        <translation>プロトコルフィルター</translation>
    </message>
    <message>
        <source>Port filter</source>
        <translation>ポートフィルター</translation>
    </message>
    <message>
        <source>Required only</source>
        <translation>必須のみ</translation>
    </message>
    <message>
        <source>Show expired</source>
        <translation>期限切れを表示</translation>
    </message>
    <message>
        <source>Show expired static addresses</source>
        <translation>期限切れの静的アドレスを表示</translation>
    </message>
    <message>
        <source>Show static IP addresses whose validity has ended, greyed out</source>
        <translation>有効期限が切れた静的IPアドレスをグレー表示します</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>フィルターをクリア</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>フィルター</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>すべての役割</translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation>役割: %1</translation>
    </message>
    <message>
        <source>Show the requirements of every role</source>
        <translation>すべての役割の要件を表示します</translation>
    </message>
    <message>
        <source>Show what %1 must reach and what must reach it</source>
        <translation>%1が到達する必要がある送信先と、%1に到達する必要がある送信元を表示します</translation>
    </message>
    <message>
        <source>All directions</source>
        <translation>すべての方向</translation>
    </message>
    <message>
        <source>All requirements</source>
        <translation>すべての要件</translation>
    </message>
    <message>
        <source>any %1</source>
        <translation>すべての%1</translation>
    </message>
    <message>
        <source>All protocols</source>
        <translation>すべてのプロトコル</translation>
    </message>
    <message>
        <source>All ports</source>
        <translation>すべてのポート</translation>
    </message>
    <message>
        <source>Features in use</source>
        <translation>使用している機能</translation>
    </message>
    <message>
        <source>Show what the features you use need; rows needed by every deployment stay</source>
        <translation>使用している機能に必要なものを表示します。すべての環境で必要な行は残ります</translation>
    </message>
    <message>
        <source>Agent version filter</source>
        <translation>エージェントのバージョンによる絞り込み</translation>
    </message>
    <message>
        <source>Show the endpoints an agent of this version uses</source>
        <translation>このバージョンのエージェントが使用するエンドポイントを表示します</translation>
    </message>
    <message>
        <source>Agent %1</source>
        <translation>エージェント%1</translation>
    </message>
    <message>
        <source>Any version</source>
        <translation>すべてのバージョン</translation>
    </message>
    <message>
        <source>All features</source>
        <translation>すべての機能</translation>
    </message>
    <message numerus="yes">
        <source>%n features</source>
        <translation>
            <numerusform>%n個の機能</numerusform>
        </translation>
    </message>
    <message>
        <source>Search: %1</source>
        <translation>検索: %1</translation>
    </message>
    <message>
        <source>Port %1</source>
        <translation>ポート%1</translation>
    </message>
    <message>
        <source>Expired shown</source>
        <translation>期限切れを表示</translation>
    </message>
    <message numerus="yes">
        <source>From the diagram: %n flows</source>
        <translation>
            <numerusform>図から: %n件のフロー</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterChips</name>
    <message>
        <source>Filters in effect:</source>
        <translation>適用中のフィルター:</translation>
    </message>
    <message>
        <source>Filters in effect</source>
        <translation>適用中のフィルター</translation>
    </message>
    <message>
        <source>%1 ✕</source>
        <translation>%1 ✕</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>このフィルターを解除</translation>
    </message>
    <message>
        <source>Remove filter: %1</source>
        <translation>フィルターを解除: %1</translation>
    </message>
</context>
<context>
    <name>FortigateExporter</name>
    <message>
        <source>FortiGate (FortiOS CLI)</source>
        <translation>FortiGate（FortiOS CLI）</translation>
    </message>
    <message>
        <source>FortiOS 6.2.2 or later (wildcard FQDN addresses). Replace the interfaces &quot;internal&quot; and &quot;wan1&quot; with yours; the FortiGate resolves the names itself (set its DNS servers).</source>
        <translation>FortiOS 6.2.2以降（ワイルドカードFQDNアドレス）。インターフェイス「internal」と「wan1」はお使いのものに置き換えてください。名前はFortiGate自身が解決します（DNSサーバーを設定してください）。</translation>
    </message>
    <message>
        <source>%1: IPv6, needs an address6 object and a policy of its own</source>
        <translation>%1: IPv6のため、address6オブジェクトと専用のポリシーが必要です</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>ガイド</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>ダイアログのボタン</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Search all columns</source>
        <translation>すべての列を検索</translation>
    </message>
    <message>
        <source>Look up an address, host name or URL</source>
        <translation>アドレス、ホスト名、URLを照合</translation>
    </message>
    <message>
        <source>Clear the search or the lookup field</source>
        <translation>検索欄または照合欄をクリア</translation>
    </message>
    <message>
        <source>Back to the filters before a lookup, a link or a diagram click</source>
        <translation>照合、リンク、図のクリックの前のフィルターに戻る</translation>
    </message>
    <message>
        <source>Copy the selected rows, with a header line</source>
        <translation>選択した行を見出し行付きでコピー</translation>
    </message>
    <message>
        <source>Copy the current cell</source>
        <translation>現在のセルをコピー</translation>
    </message>
    <message>
        <source>Row menu: copy as CSV or Markdown, look up, show in diagram, export rules</source>
        <translation>行のメニュー: CSVまたはMarkdownとしてコピー、照合、図に表示、ルールのエクスポート</translation>
    </message>
    <message>
        <source>Export the rows shown as CSV or Markdown</source>
        <translation>表示中の行をCSVまたはMarkdownでエクスポート</translation>
    </message>
    <message>
        <source>Export firewall and proxy rules</source>
        <translation>ファイアウォールとプロキシのルールをエクスポート</translation>
    </message>
    <message>
        <source>Open another catalog</source>
        <translation>別のカタログを開く</translation>
    </message>
    <message>
        <source>Test connectivity</source>
        <translation>接続テスト</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab、Shift+Tab</translation>
    </message>
    <message>
        <source>Move between the role buttons, the filters, the table and the details</source>
        <translation>役割のボタン、フィルター、表、詳細の間を移動</translation>
    </message>
    <message>
        <source>Arrow keys, Page Up, Page Down</source>
        <translation>矢印キー、Page Up、Page Down</translation>
    </message>
    <message>
        <source>Move in the table</source>
        <translation>表の中を移動</translation>
    </message>
    <message>
        <source>This page</source>
        <translation>このページ</translation>
    </message>
    <message>
        <source>Choose the role you are setting up (Agent, Relay, …) with the buttons at the top: the table then lists what it must reach and what must reach it, and the Direction column reads as seen from that role.</source>
        <translation>上部のボタンで設定する役割（エージェント、リレーなど）を選んでください。表にはその役割が接続する先と、その役割に接続してくるものが表示され、[方向]列はその役割から見た方向になります。</translation>
    </message>
    <message>
        <source>Narrow the rows with the search field and the filters. Every filter in effect is shown as a chip below them; click a chip to remove it.</source>
        <translation>検索欄とフィルターで行を絞り込みます。適用中のフィルターはその下にチップとして表示され、チップをクリックすると解除できます。</translation>
    </message>
    <message>
        <source>Paste an address, host name or URL from a firewall or proxy log into Look up to find the rows that allow it. If the filters hid them, they are relaxed and Alt+Left brings them back.</source>
        <translation>ファイアウォールやプロキシのログにあるアドレス、ホスト名、URLを[照合]に貼り付けると、それを許可する行が見つかります。フィルターで隠れていた場合はフィルターが緩められ、Alt+←で元に戻せます。</translation>
    </message>
    <message>
        <source>Select a row to read everything about it in the details pane, with links to the other connections to the same listener.</source>
        <translation>行を選択すると、詳細ペインにすべての情報と、同じ待機側へのほかの接続へのリンクが表示されます。</translation>
    </message>
    <message>
        <source>Copy rows with Ctrl+C, or right-click them for CSV, Markdown and firewall rules. File &gt; Export view saves the rows shown.</source>
        <translation>Ctrl+Cで行をコピーするか、右クリックでCSV、Markdown、ファイアウォールのルールとしてコピーできます。[ファイル]&gt;[表示のエクスポート]で表示中の行を保存します。</translation>
    </message>
    <message>
        <source>The Diagram tab draws the connections; click a component or an arrow to filter the table to it. The Connectivity tab tests the rows from this computer.</source>
        <translation>[図]タブは接続を描画します。コンポーネントや矢印をクリックすると、表がそれに絞り込まれます。[接続テスト]タブは、このコンピューターから各行をテストします。</translation>
    </message>
</context>
<context>
    <name>HostSet</name>
    <message>
        <source>%1 is a wildcard and cannot be resolved: the set holds the catalog&apos;s hosts it covers (%2); allow the wildcard itself at a proxy</source>
        <translation>%1はワイルドカードのため解決できません: セットにはカタログ内の該当するホスト（%2）が入ります。ワイルドカード自体はプロキシで許可してください</translation>
    </message>
    <message>
        <source>Set %1 (%2): %3</source>
        <translation>セット%1（%2）: %3</translation>
    </message>
    <message>
        <source>hosts: %1</source>
        <translation>ホスト: %1</translation>
    </message>
</context>
<context>
    <name>HtmlReport</name>
    <message>
        <source>Connectivity test report</source>
        <translation>接続テストのレポート</translation>
    </message>
    <message>
        <source>No check failed.</source>
        <translation>失敗したチェックはありません。</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>経過時間</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1秒</translation>
    </message>
    <message>
        <source>Timeout per stage</source>
        <translation>段階ごとのタイムアウト</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセルされました</translation>
    </message>
    <message>
        <source>The run was cancelled before every check finished.</source>
        <translation>すべてのチェックが完了する前に実行がキャンセルされました。</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>チェック数</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Sent, not verifiable</source>
        <translation>送信済み、検証不可</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>到達可能</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>エンドポイント</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>チェック</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>フロー</translation>
    </message>
    <message>
        <source>SHA-256 of the saved page</source>
        <translation>保存したページのSHA-256</translation>
    </message>
    <message numerus="yes">
        <source>%n checks failed, %1 of them for required flows.</source>
        <translation>
            <numerusform>%n件のチェックが失敗しました(うち必須のフロー%1件)。</numerusform>
        </translation>
    </message>
    <message>
        <source>Failures of required flows</source>
        <translation>必須のフローの失敗</translation>
    </message>
    <message>
        <source>Other failures</source>
        <translation>その他の失敗</translation>
    </message>
    <message>
        <source>Skipped or cancelled</source>
        <translation>スキップまたはキャンセル</translation>
    </message>
</context>
<context>
    <name>HttpProbe</name>
    <message>
        <source>The connection closed without an HTTP response: %1</source>
        <translation>HTTP応答がないまま接続が閉じられました: %1</translation>
    </message>
    <message>
        <source>The answer is not HTTP</source>
        <translation>応答がHTTPではありません</translation>
    </message>
    <message>
        <source>No HTTP response</source>
        <translation>HTTP応答がありません</translation>
    </message>
    <message>
        <source>The proxy answered HTTP %1 %2</source>
        <translation>プロキシがHTTP %1 %2で応答しました</translation>
    </message>
    <message>
        <source>HTTP %1: redirected to %2, away from %3</source>
        <translation>HTTP %1: %3 から %2 へリダイレクトされました</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>Connected, then no HTTP response within %1 s</source>
        <translation>接続しましたが、%1 秒以内に HTTP 応答がありません</translation>
    </message>
    <message numerus="yes">
        <source>Connected, then the HTTP response stopped after %n bytes within %1 s</source>
        <translation>
            <numerusform>接続しましたが、HTTP 応答が %n バイトで止まりました（%1 秒以内）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IptablesExporter</name>
    <message>
        <source>iptables (iptables-restore)</source>
        <translation>iptables（iptables-restore）</translation>
    </message>
    <message>
        <source>Load with &quot;iptables-restore --noflush FILE&quot;: without --noflush the filter table is replaced. Rules accept; keep your own default policy.</source>
        <translation>「iptables-restore --noflush FILE」で読み込んでください。--noflushを付けないとfilterテーブルが置き換えられます。ルールは許可のみです。デフォルトポリシーは既存のものを維持してください。</translation>
    </message>
    <message>
        <source>IPv6, for ip6tables-restore: %1</source>
        <translation>IPv6（ip6tables-restore用）: %1</translation>
    </message>
    <message>
        <source>The rules match ipsets that hold the host names&apos; addresses: run &quot;%1 --create&quot; (written beside this file, with a systemd service and timer) before loading, then %1 fills them and keeps them current. IPv4 only: the names&apos; IPv6 addresses need ip6tables and ipsets of family inet6.</source>
        <translation>ルールは、ホスト名のアドレスを保持するipsetと照合します: 読み込む前に「%1 --create」を実行してください（このファイルと同じ場所にsystemdのサービスとタイマーとともに書き込まれます）。その後、%1がセットを更新し続けます。IPv4のみ: ホスト名のIPv6アドレスにはip6tablesとinet6ファミリーのipsetが必要です。</translation>
    </message>
    <message numerus="yes">
        <source>%n host names</source>
        <translation>
            <numerusform>%n個のホスト名</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (set %2: %3)</source>
        <translation>%1（セット%2: %3）</translation>
    </message>
</context>
<context>
    <name>LogLineParser</name>
    <message>
        <source>plain values</source>
        <translation>単純な値</translation>
    </message>
    <message>
        <source>iptables/nftables LOG</source>
        <translation>iptables/nftablesのLOG</translation>
    </message>
    <message>
        <source>squid access.log</source>
        <translation>squidのaccess.log</translation>
    </message>
    <message>
        <source>AWS VPC Flow Logs</source>
        <translation>AWS VPCフローログ</translation>
    </message>
    <message>
        <source>Windows Firewall log</source>
        <translation>Windowsファイアウォールのログ</translation>
    </message>
</context>
<context>
    <name>LogTriage</name>
    <message>
        <source>protocol %1</source>
        <translation>プロトコル%1</translation>
    </message>
</context>
<context>
    <name>LookupBar</name>
    <message>
        <source>&amp;Look up:</source>
        <translation>照合(&amp;L):</translation>
    </message>
    <message>
        <source>Paste an IP address, host name or URL from a firewall or proxy log (Ctrl+L)</source>
        <translation>ファイアウォールやプロキシのログからIPアドレス、ホスト名、URLを貼り付けてください (Ctrl+L)</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>照合</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Find in catalog</source>
        <translation>カタログ内を検索</translation>
    </message>
    <message>
        <source>Lookup result</source>
        <translation>照合の結果</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address, host name or URL.</source>
        <translation>「%1」はIPアドレス、ホスト名、URLのいずれでもありません。</translation>
    </message>
    <message>
        <source>%1 is not in the catalog.</source>
        <translation>%1はカタログにありません。</translation>
    </message>
    <message>
        <source>%1: %2 (selected rows: %3)</source>
        <translation>%1: %2（選択した行: %3）</translation>
    </message>
</context>
<context>
    <name>LookupCommand</name>
    <message>
        <source>portolan-cli lookup: give at least one value</source>
        <translation>portolan-cli lookup: 値を1つ以上指定してください</translation>
    </message>
    <message>
        <source>portolan-cli lookup: &quot;%1&quot; is not an IP address, host name or URL</source>
        <translation>portolan-cli lookup: 「%1」はIPアドレス、ホスト名、URLのいずれでもありません</translation>
    </message>
    <message>
        <source>%1 for %2: %3</source>
        <translation>%2にとって%1: %3</translation>
    </message>
    <message>
        <source>%1; %2; %3</source>
        <translation>%1、%2、%3</translation>
    </message>
    <message>
        <source>condition: %1</source>
        <translation>条件: %1</translation>
    </message>
    <message>
        <source>Find the flows whose endpoints cover addresses, host names or URLs, on a port and transport if given.</source>
        <translation>アドレス、ホスト名、URLを含むエンドポイントのフローを探します。ポートとトランスポートが指定されていれば、それも照合します。</translation>
    </message>
    <message>
        <source>An IP address, host name or URL, maybe with a port and transport: 1.2.3.4:443, 1.2.3.4:514/udp, &quot;tcp 1.2.3.4:4118&quot;, &quot;1.2.3.4 4118/tcp&quot;.</source>
        <translation>IPアドレス、ホスト名、またはURL。ポートとトランスポートを付けることもできます: 1.2.3.4:443、1.2.3.4:514/udp、&quot;tcp 1.2.3.4:4118&quot;、&quot;1.2.3.4 4118/tcp&quot;。</translation>
    </message>
    <message>
        <source>Only flows in which this component (agent, relay, ...) takes part, with the direction for it; repeatable.</source>
        <translation>このコンポーネント（agent、relayなど）が関係するフローのみ。方向はこのコンポーネントから見たものになります。複数指定できます。</translation>
    </message>
    <message>
        <source>portolan-cli lookup: cannot read &quot;%1&quot;: %2</source>
        <translation>portolan-cli lookup:「%1」を読み取れません: %2</translation>
    </message>
    <message>
        <source>Read values from &lt;file&gt;, one per line (&quot;-&quot;: standard input); blank lines and lines starting with # are skipped; repeatable.</source>
        <translation>&lt;file&gt;から1行に1つずつ値を読み取ります（「-」は標準入力）。空行と#で始まる行は読み飛ばします。複数指定できます。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Requirements</source>
        <translation>要件</translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation>図</translation>
    </message>
    <message>
        <source>Ports diagram</source>
        <translation>ポート図</translation>
    </message>
    <message>
        <source>Export &amp;rules…</source>
        <translation>ルールのエクスポート(&amp;R)…</translation>
    </message>
    <message>
        <source>Firewall and proxy rules for the catalog (iptables, nftables, Windows, AWS, squid, PAC, …)</source>
        <translation>カタログのファイアウォールルールとプロキシルール（iptables、nftables、Windows、AWS、squid、PAC、…）</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>ビュー</translation>
    </message>
    <message>
        <source>Table and details</source>
        <translation>テーブルと詳細</translation>
    </message>
    <message>
        <source>Rows shown</source>
        <translation>表示中の行</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>メニューバー</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>&amp;Open catalog…</source>
        <translation>カタログを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Load another catalog file</source>
        <translation>別のカタログファイルを読み込みます</translation>
    </message>
    <message>
        <source>&amp;Export view…</source>
        <translation>ビューのエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the rows shown as CSV or Markdown</source>
        <translation>表示中の行をCSVまたはMarkdownとして保存します</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Copy rows</source>
        <translation>行をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text</source>
        <translation>選択した行をタブ区切りのテキストとしてコピーします</translation>
    </message>
    <message>
        <source>Copy &amp;details</source>
        <translation>詳細をコピー(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>検索(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Look up address, host or URL</source>
        <translation>アドレス、ホスト、URLの照合(&amp;L)</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>フィルターをクリア(&amp;L)</translation>
    </message>
    <message>
        <source>Show &amp;expired static addresses</source>
        <translation>期限切れの静的アドレスを表示(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Required only</source>
        <translation>必須のみ(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Dark palette</source>
        <translation>ダークパレット(&amp;D)</translation>
    </message>
    <message>
        <source>Reset &amp;columns</source>
        <translation>列をリセット(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;About Portolan</source>
        <translation>Portolanについて(&amp;A)</translation>
    </message>
    <message>
        <source>showing %1 of %2</source>
        <translation>%2件中%1件を表示</translation>
    </message>
    <message>
        <source>%1, %2 selected</source>
        <translation>%1、%2件を選択中</translation>
    </message>
    <message>
        <source>Portolan</source>
        <translation>Portolan</translation>
    </message>
    <message>
        <source>%1 — Portolan</source>
        <translation>%1 — Portolan</translation>
    </message>
    <message>
        <source>Catalog not loaded</source>
        <translation>カタログを読み込めませんでした</translation>
    </message>
    <message>
        <source>%1

The current catalog stays in use.</source>
        <translation>%1

現在のカタログを引き続き使用します。</translation>
    </message>
    <message>
        <source>Open catalog</source>
        <translation>カタログを開く</translation>
    </message>
    <message>
        <source>Catalog files (*.json);;All files (*)</source>
        <translation>カタログファイル (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>ビューのエクスポート</translation>
    </message>
    <message>
        <source>View not exported</source>
        <translation>ビューをエクスポートできませんでした</translation>
    </message>
    <message>
        <source>About Portolan</source>
        <translation>Portolanについて</translation>
    </message>
    <message>
        <source>Connectivity</source>
        <translation>接続テスト</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>テスト(&amp;T)</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>テスト</translation>
    </message>
    <message>
        <source>Test tool bar</source>
        <translation>テストツールバー</translation>
    </message>
    <message>
        <source>&amp;Back to the previous filters</source>
        <translation>前のフィルターに戻る(&amp;B)</translation>
    </message>
    <message>
        <source>Undo the filter change made by a lookup, a link or the diagram</source>
        <translation>照合、リンク、図によるフィルターの変更を元に戻す</translation>
    </message>
    <message>
        <source>Why no row is shown</source>
        <translation>行が表示されない理由</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>ガイド(&amp;G)</translation>
    </message>
    <message>
        <source>Filters changed to show the match; Alt+Left restores them</source>
        <translation>一致を表示するためにフィルターを変更しました。Alt+←で元に戻せます</translation>
    </message>
    <message numerus="yes">
        <source>No row matches: %n expired rows are hidden — &lt;a href=&quot;show-expired&quot;&gt;show them&lt;/a&gt;</source>
        <translation>
            <numerusform>一致する行はありません: 期限切れの行%n件が非表示です — &lt;a href=&quot;show-expired&quot;&gt;表示する&lt;/a&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>No row matches the filters — &lt;a href=&quot;clear-filters&quot;&gt;clear the filters&lt;/a&gt;</source>
        <translation>フィルターに一致する行はありません — &lt;a href=&quot;clear-filters&quot;&gt;フィルターをクリア&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Log triage</source>
        <translation>ログ分析</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Portolan %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Network requirements explorer for Trend Micro Cloud One Workload Security.&lt;/p&gt;&lt;p&gt;Catalog: %2 (%3)&lt;br&gt;Source: %4&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Portolan %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Trend Micro Cloud One Workload Security のネットワーク要件エクスプローラー。&lt;/p&gt;&lt;p&gt;カタログ: %2（%3）&lt;br&gt;出典: %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Catalog</source>
        <translation>カタログ(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Built-in catalog</source>
        <translation>組み込みのカタログ(&amp;B)</translation>
    </message>
    <message>
        <source>C&amp;lear the list</source>
        <translation>一覧を消去(&amp;L)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n rows to %1</source>
        <translation>
            <numerusform>%n行を%1にエクスポートしました</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MarkdownExporter</name>
    <message>
        <source>Markdown table</source>
        <translation>Markdownの表</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>エンドポイント</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>要件</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>受信</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>ローカル</translation>
    </message>
    <message>
        <source>%1 (site-specific)</source>
        <translation>%1（サイト固有）</translation>
    </message>
    <message>
        <source>%1 (resolved from %2)</source>
        <translation>%1（%2から解決）</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>フロー</translation>
    </message>
    <message>
        <source>%1 (no network rule: on the same computer)</source>
        <translation>%1（ネットワークのルールは不要: 同じコンピューター上）</translation>
    </message>
</context>
<context>
    <name>NftablesExporter</name>
    <message>
        <source>nftables (nft -f)</source>
        <translation>nftables（nft -f）</translation>
    </message>
    <message>
        <source>Load with &quot;nft -f FILE&quot;; remove with &quot;nft delete table inet portolan&quot;. The chains accept by default: merge the rules into your own policy.</source>
        <translation>「nft -f FILE」で読み込み、「nft delete table inet portolan」で削除します。チェーンのデフォルトは許可です: ルールを既存のポリシーに統合してください。</translation>
    </message>
    <message numerus="yes">
        <source>%n host names</source>
        <translation>
            <numerusform>%n個のホスト名</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (set %2: %3)</source>
        <translation>%1（セット%2: %3）</translation>
    </message>
    <message>
        <source>The named sets hold the host names&apos; addresses: %1 (written beside this file, with a systemd service and timer) fills them after loading and keeps them current.</source>
        <translation>名前付きセットはホスト名のアドレスを保持します: 読み込んだ後、%1（このファイルと同じ場所にsystemdのサービスとタイマーとともに書き込まれます）がセットを更新し続けます。</translation>
    </message>
</context>
<context>
    <name>NtpPacket</name>
    <message>
        <source>unknown NTP version %1</source>
        <translation>不明なNTPのバージョン%1</translation>
    </message>
    <message>
        <source>the server sent a kiss-o&apos;-death (stratum 0, code %1) instead of the time</source>
        <translation>サーバーが時刻の代わりにKiss-o&apos;-Death（階層0、コード%1）を送信しました</translation>
    </message>
    <message>
        <source>the server&apos;s clock is not synchronised (leap indicator %1, stratum %2)</source>
        <translation>サーバーの時計が同期していません（うるう秒指示子%1、階層%2）</translation>
    </message>
    <message>
        <source>the reply has a zero receive or transmit timestamp</source>
        <translation>応答の受信または送信のタイムスタンプが0です</translation>
    </message>
    <message>
        <source>the reply says it was sent before the request arrived</source>
        <translation>応答は、要求が届く前に送信されたことになっています</translation>
    </message>
    <message>
        <source>no request was sent</source>
        <translation>要求を送信していません</translation>
    </message>
    <message numerus="yes">
        <source>the reply is not an NTP server reply (%n bytes)</source>
        <translation>
            <numerusform>応答はNTPサーバーの応答ではありません（%nバイト）</numerusform>
        </translation>
    </message>
    <message>
        <source>the reply is not an NTP server reply (mode %1)</source>
        <translation>応答はNTPサーバーの応答ではありません（モード%1）</translation>
    </message>
</context>
<context>
    <name>NtpProbe</name>
    <message>
        <source>The server answered without the time: %1</source>
        <translation>サーバーは時刻を返さずに応答しました: %1</translation>
    </message>
    <message>
        <source>Clock offset %1 ms, stratum %2</source>
        <translation>時刻のずれ%1 ms、ストラタム%2</translation>
    </message>
    <message>
        <source>%1; warning: this machine&apos;s clock is more than %2 ms off the server&apos;s, so certificates and event times may be judged wrong</source>
        <extracomment>%1 is the stage detail &quot;Clock offset … ms, stratum …&quot;; %2 the limit in ms.</extracomment>
        <translation>%1。警告: このコンピューターの時計はサーバーと%2ミリ秒以上ずれているため、証明書とイベントの時刻が正しく判断されない可能性があります</translation>
    </message>
    <message>
        <source>No valid NTP reply within %1 s; the server&apos;s reply was rejected: %2</source>
        <translation>%1秒以内に有効なNTP応答がありません。サーバーの応答を拒否しました: %2</translation>
    </message>
    <message>
        <source>No NTP reply within %1 s</source>
        <translation>%1秒以内にNTP応答がありません</translation>
    </message>
</context>
<context>
    <name>ObjectGroup</name>
    <message>
        <source>%1: inbound, a rule on the other side</source>
        <translation>%1: 受信のため、相手側のルールです</translation>
    </message>
</context>
<context>
    <name>OutputFile</name>
    <message>
        <source>the file is not open</source>
        <translation>ファイルが開かれていません</translation>
    </message>
</context>
<context>
    <name>PacExporter</name>
    <message>
        <source>Proxy auto-config (PAC)</source>
        <translation>プロキシ自動設定（PAC）</translation>
    </message>
    <message>
        <source>The catalog&apos;s hosts go through %1; every other host goes DIRECT.</source>
        <translation>カタログのホストは%1を経由し、その他のホストはDIRECTで接続します。</translation>
    </message>
    <message>
        <source>Proxy &quot;%1&quot; ignored: give it as host:port. The catalog&apos;s hosts go DIRECT.</source>
        <translation>プロキシ「%1」は無視されました: host:portの形式で指定してください。カタログのホストはDIRECTで接続します。</translation>
    </message>
    <message>
        <source>No proxy given: the catalog&apos;s hosts go DIRECT.</source>
        <translation>プロキシが指定されていません: カタログのホストはDIRECTで接続します。</translation>
    </message>
    <message>
        <source>The catalog&apos;s hosts go DIRECT; every other host goes through %1.</source>
        <translation>カタログのホストはDIRECT、それ以外のホストは%1を経由します。</translation>
    </message>
</context>
<context>
    <name>PanosExporter</name>
    <message>
        <source>Palo Alto PAN-OS (set commands)</source>
        <translation>Palo Alto PAN-OS（setコマンド）</translation>
    </message>
    <message>
        <source>Paste the set commands in configure mode, then commit; lines starting with # are notes for you. Replace the zones &quot;trust&quot; and &quot;untrust&quot; with yours; the firewall resolves the names itself.</source>
        <translation>setコマンドを設定モードで貼り付けてからコミットしてください。#で始まる行はメモです。ゾーン「trust」と「untrust」はお使いのものに置き換えてください。名前はファイアウォール自身が解決します。</translation>
    </message>
</context>
<context>
    <name>PasswordStore</name>
    <message>
        <source>This build has no keychain support.</source>
        <translation>このビルドはキーチェーンに対応していません。</translation>
    </message>
</context>
<context>
    <name>PresentationWindow</name>
    <message>
        <source>Portolan presentation</source>
        <translation>Portolanプレゼンテーション</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>ステップ%1/%2</translation>
    </message>
    <message>
        <source>Network ports overview</source>
        <translation>ネットワークポートの概要</translation>
    </message>
    <message>
        <source>Right or Space: next · Left: back · Home: overview · End: last · a number and Enter: that step · Esc: leave · F1: these keys</source>
        <translation>→またはSpace: 次へ · ←: 戻る · Home: 概要 · End: 最後 · 番号とEnter: そのステップ · Esc: 終了 · F1: このキー一覧</translation>
    </message>
    <message numerus="yes">
        <source>%n required, shown first.</source>
        <translation>
            <numerusform>うち必須%n本を先に表示します。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>two sentences</comment>
        <translation>%1%2</translation>
    </message>
    <message numerus="yes">
        <source>%n connections between the components.</source>
        <translation>
            <numerusform>コンポーネント間の接続は%n本です。</numerusform>
        </translation>
    </message>
    <message>
        <source>Network ports of %1</source>
        <translation>%1のネットワークポート</translation>
    </message>
</context>
<context>
    <name>ProxySettings</name>
    <message>
        <source>proxy &quot;%1&quot; is not direct, system or http://[USER[:PASSWORD]@]HOST[:PORT]</source>
        <translation>プロキシ「%1」はdirect、system、http://[USER[:PASSWORD]@]HOST[:PORT] のいずれでもありません</translation>
    </message>
    <message>
        <source>proxy host &quot;%1&quot; is neither an IP address nor a host name</source>
        <translation>プロキシホスト「%1」はIPアドレスでもホスト名でもありません</translation>
    </message>
</context>
<context>
    <name>QIODevice</name>
    <message>
        <source>Unknown error</source>
        <translation>不明なエラー</translation>
    </message>
</context>
<context>
    <name>RefresherScript</name>
    <message>
        <source>Generated by Portolan: resolves the host names of the firewall&apos;s address sets and replaces each set&apos;s contents atomically.</source>
        <translation>Portolanが生成: ファイアウォールのアドレスセットのホスト名を解決し、各セットの内容をアトミックに置き換えます。</translation>
    </message>
    <message>
        <source>Sets of the nftables table inet portolan: load the rules first; one nft -f transaction flushes and refills every set.</source>
        <translation>nftablesのtable inet portolanのセット: 先にルールを読み込んでください。1回のnft -fトランザクションですべてのセットを空にして入れ直します。</translation>
    </message>
    <message>
        <source>ipsets (hash:ip): &quot;%1 --create&quot; creates them empty, before iptables-restore loads the rules that reference them; each refresh fills a temporary set and swaps it in.</source>
        <translation>ipset（hash:ip）: 「%1 --create」でiptables-restoreがそれを参照するルールを読み込む前に空のセットを作成します。更新のたびに一時セットを作って入れ替えます。</translation>
    </message>
    <message>
        <source>Install as /usr/local/sbin/%1 (mode 755) with %2 and %3 in /etc/systemd/system, then: systemctl enable --now %3</source>
        <translation>/usr/local/sbin/%1（モード755）としてインストールし、%2と%3を/etc/systemd/systemに置いてから、systemctl enable --now %3を実行してください</translation>
    </message>
    <message>
        <source>Follows CNAME chains with dig; PORTOLAN_DNS_SERVER=ADDRESS asks that server instead of the system&apos;s. Addresses expire after %1 s unless refreshed.</source>
        <translation>digでCNAMEの連鎖をたどります。PORTOLAN_DNS_SERVER=ADDRESSを指定すると、システムのサーバーの代わりにそのサーバーに問い合わせます。アドレスは更新されないと%1秒後に期限切れになります。</translation>
    </message>
    <message>
        <source>A set whose names resolve to nothing keeps its contents, and this is said on standard error.</source>
        <translation>名前が何も解決されないセットは内容を保持し、そのことを標準エラー出力に表示します。</translation>
    </message>
    <message>
        <source>Generated by Portolan: runs %1 once; %2 starts it.</source>
        <translation>Portolanが生成: %1を1回実行します。%2が起動します。</translation>
    </message>
    <message>
        <source>Portolan: refresh the firewall address sets from DNS</source>
        <translation>Portolan: ファイアウォールのアドレスセットをDNSから更新</translation>
    </message>
    <message>
        <source>Generated by Portolan: refreshes the address sets every %1 minutes.</source>
        <translation>Portolanが生成: %1分ごとにアドレスセットを更新します。</translation>
    </message>
    <message>
        <source>Portolan: refresh the firewall address sets</source>
        <translation>Portolan: ファイアウォールのアドレスセットを更新</translation>
    </message>
</context>
<context>
    <name>Resolver</name>
    <message>
        <source>Refused to contact %1: only loopback addresses are allowed</source>
        <translation>%1への接続を拒否しました: ループバックアドレスのみ許可されています</translation>
    </message>
    <message>
        <source>An address: nothing to resolve</source>
        <translation>アドレスのため、名前解決は不要です</translation>
    </message>
    <message>
        <source>%1 (given with --resolve)</source>
        <translation>%1（--resolveで指定）</translation>
    </message>
    <message>
        <source>Refused to look up %1 with the system resolver: only loopback destinations are allowed</source>
        <translation>システムのリゾルバーによる%1の名前解決を拒否しました: ループバックの送信先のみ許可されています</translation>
    </message>
    <message>
        <source>%1 (system resolver)</source>
        <translation>%1（システムのリゾルバー）</translation>
    </message>
    <message>
        <source>%1 (from DNS server %2)</source>
        <translation>%1（DNSサーバー%2から取得）</translation>
    </message>
    <message>
        <source>%1 is an alias: %2</source>
        <translation>%1は別名です: %2</translation>
    </message>
    <message>
        <source>the UDP reply was truncated, asked again over TCP</source>
        <translation>UDPの応答が切り詰められたため、TCPで再度問い合わせました</translation>
    </message>
    <message>
        <source>No such name (DNS server %1)</source>
        <translation>その名前は存在しません（DNSサーバー%1）</translation>
    </message>
    <message>
        <source>The name has no address (DNS server %1)</source>
        <translation>その名前にはアドレスがありません（DNSサーバー%1）</translation>
    </message>
    <message>
        <source>The DNS server %1 refused the query</source>
        <translation>DNSサーバー%1がクエリを拒否しました</translation>
    </message>
    <message>
        <source>No DNS server at %1 port %2</source>
        <translation>%1のポート%2にDNSサーバーがありません</translation>
    </message>
    <message>
        <source>The DNS server %1 failed</source>
        <translation>DNSサーバー%1でエラーが発生しました</translation>
    </message>
    <message>
        <source>The DNS server %1 sent a truncated reply (TC flag) and does not answer over TCP port %2: names with that many records need DNS over TCP</source>
        <translation>DNSサーバー%1の応答は切り詰められ(TCフラグ)、TCPポート%2では応答しません: これほど多くのレコードを持つ名前にはTCPによるDNSが必要です</translation>
    </message>
    <message numerus="yes">
        <source>No valid answer from the DNS server within %1 s (%n malformed or unrelated replies ignored)</source>
        <translation>
            <numerusform>%1秒以内にDNSサーバーから有効な応答がありません（不正または無関係な応答%n件を無視しました）</numerusform>
        </translation>
    </message>
    <message>
        <source>No answer from the resolver within %1 s</source>
        <translation>%1秒以内にリゾルバーから応答がありません</translation>
    </message>
</context>
<context>
    <name>ResultText</name>
    <message>
        <source>Proxy</source>
        <translation>プロキシ</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>未実行</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>wildcard</source>
        <translation>ワイルドカード</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>対処方法:</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>チェック</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <source>Resolved addresses</source>
        <translation>解決されたアドレス</translation>
    </message>
    <message>
        <source>Connected to</source>
        <translation>接続先</translation>
    </message>
    <message>
        <source>none (direct)</source>
        <translation>なし（直接）</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTPステータス</translation>
    </message>
    <message>
        <source>TLS protocol</source>
        <translation>TLSプロトコル</translation>
    </message>
    <message>
        <source>Certificate subject</source>
        <translation>証明書のサブジェクト</translation>
    </message>
    <message>
        <source>Certificate issuer</source>
        <translation>証明書の発行者</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <source>Certificate errors</source>
        <translation>証明書のエラー</translation>
    </message>
    <message>
        <source>Clock offset</source>
        <translation>時刻のずれ</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>合計時間</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>段階</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>実行中…</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>フロー</translation>
    </message>
    <message>
        <source>The DNS server %1 answers but does not resolve for this machine: check its access list (allow this machine&apos;s address), recursion and forwarders.</source>
        <translation>DNSサーバー%1は応答しますが、このマシンのために名前を解決しません: アクセスリスト（このマシンのアドレスを許可）、再帰問い合わせ、フォワーダーを確認してください。</translation>
    </message>
    <message>
        <source>Addresses tried</source>
        <translation>試したアドレス</translation>
    </message>
    <message>
        <source>Redirected to</source>
        <translation>リダイレクト先</translation>
    </message>
    <message>
        <source>Synchronise this machine&apos;s clock with the NTP server: it is %1 s off.</source>
        <translation>このコンピューターの時計をNTPサーバーと同期してください（%1秒ずれています）。</translation>
    </message>
    <message>
        <source>a public root</source>
        <translation>公開ルート</translation>
    </message>
    <message>
        <source>a root from --ca-file</source>
        <translation>--ca-fileで指定したルート</translation>
    </message>
    <message>
        <source>installed on this machine, not public</source>
        <translation>このコンピューターにインストール済み、公開ルートではない</translation>
    </message>
    <message>
        <source>not known to be public</source>
        <translation>公開ルートかどうか不明</translation>
    </message>
    <message>
        <source>Aliases: %1 (a firewall rule by host name must allow each of these names)</source>
        <translation>別名: %1(ホスト名によるファイアウォールルールでは、これらすべての名前を許可する必要があります)</translation>
    </message>
    <message>
        <source>%1, issued by %2 (not validated)</source>
        <translation>%1、発行者%2(検証されていません)</translation>
    </message>
    <message>
        <source>Aliases (CNAME)</source>
        <translation>別名(CNAME)</translation>
    </message>
    <message>
        <source>Certificate chain</source>
        <translation>証明書チェーン</translation>
    </message>
</context>
<context>
    <name>ResultsReader</name>
    <message>
        <source>%1, line %2, column %3: %4</source>
        <translation>%1、%2行目、%3列目: %4</translation>
    </message>
    <message>
        <source>%1: not a results report (a JSON object is expected)</source>
        <translation>%1: 結果レポートではありません（JSONオブジェクトが必要です）</translation>
    </message>
    <message>
        <source>%1: not a results report (no &quot;results&quot; list)</source>
        <translation>%1: 結果レポートではありません（「results」リストがありません）</translation>
    </message>
    <message>
        <source>%1: %2: an object is expected</source>
        <translation>%1: %2: オブジェクトが必要です</translation>
    </message>
    <message>
        <source>%1: %2.%3: a text is expected</source>
        <translation>%1: %2.%3: 文字列が必要です</translation>
    </message>
    <message>
        <source>%1: %2.verdict: unknown verdict &quot;%3&quot;</source>
        <translation>%1: %2.verdict: 不明な判定「%3」</translation>
    </message>
    <message>
        <source>%1: %2.flows[%3].id: a text is expected</source>
        <translation>%1: %2.flows[%3].id: テキストが必要です</translation>
    </message>
    <message>
        <source>%1: %2.flows: a list is expected</source>
        <translation>%1: %2.flows: リストが必要です</translation>
    </message>
    <message>
        <source>%1: a whole number of milliseconds from %2 to %3 is expected</source>
        <translation>%1: %2〜%3の整数のミリ秒が必要です</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ResultsReport</name>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>未実行</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>スキップ</translation>
    </message>
    <message>
        <source>Dry run: nothing was sent.</source>
        <translation>ドライラン: 何も送信していません。</translation>
    </message>
    <message>
        <source>Connectivity check for %1 (proxy: %2, timeout %3 s per stage)</source>
        <translation>%1の接続チェック（プロキシ: %2、タイムアウト: 段階ごとに%3秒）</translation>
    </message>
    <message>
        <source>Clock offset: %1 ms</source>
        <translation>時刻のずれ: %1 ms</translation>
    </message>
    <message>
        <source>Hint:</source>
        <translation>ヒント:</translation>
    </message>
    <message>
        <source>%1 in %2 s</source>
        <translation>%1（%2秒）</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセルされました</translation>
    </message>
    <message numerus="yes">
        <source>Plan for %1: %n checks to run</source>
        <translation>
            <numerusform>%1の計画: 実行するチェック%n件</numerusform>
        </translation>
    </message>
    <message>
        <source>Certificate: %1, valid until %2</source>
        <translation>証明書: %1、有効期限%2</translation>
    </message>
    <message>
        <source>Certificate: %1</source>
        <translation>証明書: %1</translation>
    </message>
    <message>
        <source>%1, required</source>
        <translation>%1、必須</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>コンピューター</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Portolan</source>
        <translation>Portolan</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>カタログ</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>プロキシ</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>%1 required failed, %2 other failed</source>
        <translation>必須の失敗%1、その他の失敗%2</translation>
    </message>
</context>
<context>
    <name>RunComparison</name>
    <message>
        <source>Fixed</source>
        <translation>修正済み</translation>
    </message>
    <message>
        <source>Broke</source>
        <translation>新たに失敗</translation>
    </message>
    <message>
        <source>Still failing</source>
        <translation>引き続き失敗</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>変化なし</translation>
    </message>
    <message>
        <source>New check</source>
        <translation>新しいチェック</translation>
    </message>
    <message>
        <source>No longer checked</source>
        <translation>チェック対象外</translation>
    </message>
    <message>
        <source>%1 fixed, %2 broke, %3 still failing, %4 unchanged, %5 new, %6 no longer checked</source>
        <translation>修正済み%1、新たに失敗%2、引き続き失敗%3、変化なし%4、新しいチェック%5、チェック対象外%6</translation>
    </message>
</context>
<context>
    <name>SiteProfile</name>
    <message>
        <source>unknown site key &quot;%1&quot; (%2)</source>
        <translation>不明なサイトキー「%1」(%2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither an IP address nor a host name (site key %2)</source>
        <translation>「%1」はIPアドレスでもホスト名でもありません（サイトキー%2）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not KEY=ADDRESS</source>
        <translation>「%1」はKEY=ADDRESSの形式ではありません</translation>
    </message>
</context>
<context>
    <name>SquidExporter</name>
    <message>
        <source>Squid (ACL and http_access)</source>
        <translation>Squid（ACLとhttp_access）</translation>
    </message>
    <message>
        <source>The catalog&apos;s hosts go through the parent proxy %1.</source>
        <translation>カタログのホストは親プロキシ%1を経由します。</translation>
    </message>
    <message>
        <source>Proxy &quot;%1&quot; ignored: give it as host:port.</source>
        <translation>プロキシ「%1」は無視されました: host:portの形式で指定してください。</translation>
    </message>
    <message>
        <source>%1: not a connection through the proxy</source>
        <translation>%1: プロキシ経由の接続ではありません</translation>
    </message>
    <message>
        <source>Paste at &quot;INSERT YOUR OWN RULE(S) HERE&quot; in squid.conf: after the stock &quot;http_access deny !Safe_ports&quot; and &quot;http_access deny CONNECT !SSL_ports&quot; lines, before &quot;http_access deny all&quot;.</source>
        <translation>squid.confの「INSERT YOUR OWN RULE(S) HERE」に貼り付けてください。標準の「http_access deny !Safe_ports」と「http_access deny CONNECT !SSL_ports」の行の後、「http_access deny all」の前です。</translation>
    </message>
    <message>
        <source>Each flow is allowed on its own ports only: CONNECT for HTTPS and other TLS ports, plain requests for HTTP.</source>
        <translation>各フローは自身のポートでのみ許可されます。HTTPSなどのTLSポートはCONNECT、HTTPは通常のリクエストです。</translation>
    </message>
    <message>
        <source>Squid cannot express: inbound flows, UDP (NTP, syslog, DNS), flows to your own servers that do not pass it, and which computer runs which role.</source>
        <translation>squidで表せないもの: 受信フロー、UDP（NTP、Syslog、DNS）、squidを経由しない自社サーバーへのフロー、どのコンピューターがどの役割を担うか。</translation>
    </message>
    <message>
        <source>Source &quot;%1&quot; ignored: give a subnet (CIDR) or an address.</source>
        <translation>送信元「%1」は無視されました: サブネット（CIDR）またはアドレスを指定してください。</translation>
    </message>
    <message>
        <source>%1/UDP cannot go through an HTTP proxy</source>
        <translation>%1/UDPはHTTPプロキシを経由できません</translation>
    </message>
    <message>
        <source>Port %1 is not in the stock SSL_ports: add &quot;acl SSL_ports port %1&quot; to squid.conf, or the stock &quot;deny CONNECT !SSL_ports&quot; refuses it</source>
        <translation>ポート%1は標準のSSL_portsにありません: squid.confに「acl SSL_ports port %1」を追加してください。追加しないと標準の「deny CONNECT !SSL_ports」で拒否されます</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>Name resolution</source>
        <translation>名前解決</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>プロキシ</translation>
    </message>
    <message>
        <source>Proxy tunnel (CONNECT)</source>
        <translation>プロキシトンネル（CONNECT）</translation>
    </message>
    <message>
        <source>TCP connection</source>
        <translation>TCP接続</translation>
    </message>
    <message>
        <source>TLS handshake</source>
        <translation>TLSハンドシェイク</translation>
    </message>
    <message>
        <source>HTTP request</source>
        <translation>HTTP要求</translation>
    </message>
    <message>
        <source>DNS query</source>
        <translation>DNSクエリ</translation>
    </message>
    <message>
        <source>NTP query</source>
        <translation>NTPクエリ</translation>
    </message>
    <message>
        <source>UDP send</source>
        <translation>UDP送信</translation>
    </message>
    <message>
        <source>%1 to %2 is open, but the TLS handshake stalled: an IPS or a TLS filter dropping the handshake, an MTU black hole (large packets dropped: check the path MTU and that ICMP &quot;fragmentation needed&quot; is allowed), or a hung server.</source>
        <translation>%2 への %1 は開いていますが、TLS ハンドシェイクが止まりました。原因として、ハンドシェイクを破棄する IPS や TLS フィルター、MTU ブラックホール（大きなパケットの破棄: 経路 MTU と ICMP「fragmentation needed」が許可されているかを確認）、またはサーバーの応答停止が考えられます。</translation>
    </message>
    <message>
        <source>%1 to %2 is open, but the HTTP request got no answer: an IPS or a web filter holding the request, an MTU black hole (large packets dropped), or a hung server.</source>
        <translation>%2 への %1 は開いていますが、HTTP リクエストに応答がありません。原因として、リクエストを保留する IPS や Web フィルター、MTU ブラックホール（大きなパケットの破棄）、またはサーバーの応答停止が考えられます。</translation>
    </message>
    <message>
        <source>The proxy accepted the connection but did not answer CONNECT for %1 to %2: the proxy cannot reach the destination, or it is hung.</source>
        <translation>プロキシは接続を受け付けましたが、%2 への %1 の CONNECT に応答しませんでした。プロキシが宛先に到達できないか、応答を停止しています。</translation>
    </message>
    <message>
        <source>%1 to %2 is open, but the exchange stalled after connecting: an IPS dropping data, an MTU black hole (large packets dropped), or a hung server.</source>
        <translation>%2 への %1 は開いていますが、接続後にやり取りが止まりました。原因として、データを破棄する IPS、MTU ブラックホール（大きなパケットの破棄）、またはサーバーの応答停止が考えられます。</translation>
    </message>
</context>
<context>
    <name>SuricataExporter</name>
    <message>
        <source>Suricata rules (AWS Network Firewall)</source>
        <translation>Suricataルール（AWS Network Firewall）</translation>
    </message>
    <message>
        <source>AWS Network Firewall: a stateful rule group with strict rule order and a default drop (aws network-firewall create-rule-group --type STATEFUL --rules file://THIS-FILE). Set HOME_NET to your clients.</source>
        <translation>AWS Network Firewall: 厳密なルール順序とデフォルトのドロップを設定したステートフルルールグループです（aws network-firewall create-rule-group --type STATEFUL --rules file://このファイル）。HOME_NETにはクライアントを設定してください。</translation>
    </message>
    <message>
        <source>%1/%2: Suricata reads host names only from TLS and HTTP; allow the addresses</source>
        <translation>%1/%2: SuricataはTLSとHTTPからのみホスト名を読み取ります。アドレスを許可してください</translation>
    </message>
</context>
<context>
    <name>SyslogProbe</name>
    <message>
        <source>Sent; UDP gives no reply and no refusal came back</source>
        <translation>送信済み。UDPには応答がなく、拒否も返されませんでした</translation>
    </message>
    <message>
        <source>Sent, not verifiable: syslog over UDP has no reply</source>
        <translation>送信済み、検証不可: UDP経由のSyslogには応答がありません</translation>
    </message>
</context>
<context>
    <name>TcpProbe</name>
    <message>
        <source>%1 port %2</source>
        <translation>%1 ポート %2</translation>
    </message>
    <message>
        <source>Cannot resolve the proxy %1: %2</source>
        <translation>プロキシ%1を名前解決できません: %2</translation>
    </message>
    <message>
        <source>%1: refused with a TCP reset (nothing listens there, or a firewall resets the connection)</source>
        <translation>%1: TCP リセットで拒否されました（待ち受けていないか、ファイアウォールが接続をリセットしています）</translation>
    </message>
    <message>
        <source>%1: rejected with an ICMP error (%2): a firewall or router said no</source>
        <translation>%1: ICMP エラー（%2）で拒否されました。ファイアウォールまたはルーターが拒否しています</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 port %2: no answer within %3 ms</source>
        <translation>%1 ポート %2: %3 ms 以内に応答がありません</translation>
    </message>
    <message>
        <source>Connected to the proxy %1</source>
        <translation>プロキシ%1に接続しました</translation>
    </message>
    <message>
        <source>%1 port %2: connected in %3 ms</source>
        <translation>%1 ポート %2: %3 ms で接続しました</translation>
    </message>
    <message>
        <source>Connected to %1 port %2</source>
        <translation>%1のポート%2に接続しました</translation>
    </message>
    <message numerus="yes">
        <source>Connected after trying %n addresses: %1</source>
        <translation>
            <numerusform>%n 個のアドレスを試して接続しました: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot connect to the proxy %1: %2</source>
        <translation>プロキシ%1に接続できません: %2</translation>
    </message>
    <message>
        <source>%1: this machine does not allow the connection (%2): a local firewall rule rejects it</source>
        <translation>%1: このマシンが接続を許可していません（%2）。ローカルのファイアウォールルールが拒否しています</translation>
    </message>
    <message>
        <source>The proxy %1 did not answer within %2 s</source>
        <translation>プロキシ%1が%2秒以内に応答しませんでした</translation>
    </message>
    <message>
        <source>No address answered within %1 s: %2</source>
        <translation>%1 秒以内に応答したアドレスはありません: %2</translation>
    </message>
    <message>
        <source>No answer to the connection request within %1 s: dropped on the way</source>
        <translation>%1秒以内に接続要求への応答がありません: 経路上で破棄されています</translation>
    </message>
</context>
<context>
    <name>TerraformExporter</name>
    <message>
        <source>Terraform (AWS security group rules)</source>
        <translation>Terraform（AWSセキュリティグループのルール）</translation>
    </message>
    <message>
        <source>The security group the rules belong to</source>
        <translation>ルールが属するセキュリティグループ</translation>
    </message>
</context>
<context>
    <name>TestPlanner</name>
    <message>
        <source>unknown role &quot;%1&quot; (%2)</source>
        <translation>不明な役割「%1」(%2)</translation>
    </message>
    <message>
        <source>%1 over UDP cannot be checked</source>
        <translation>UDP経由の%1はチェックできません</translation>
    </message>
    <message>
        <source>No address given for %1: add --site %2=ADDRESS</source>
        <translation>%1のアドレスが指定されていません: --site %2=ADDRESSを追加してください</translation>
    </message>
    <message>
        <source>Not directly testable: a wildcard, and the catalog names no host it covers</source>
        <translation>直接テストできません: ワイルドカードで、対象となるホストがカタログにありません</translation>
    </message>
    <message>
        <source>Not directly testable: a subnet, not a single address</source>
        <translation>直接テストできません: 単一のアドレスではなくサブネットです</translation>
    </message>
    <message>
        <source>Not checked from this computer: the connection stays on the %1&apos;s own computer and needs no network rule</source>
        <translation>このコンピューターからは確認しません: この接続は%1自身のコンピューター内で完結し、ネットワークのルールは不要です</translation>
    </message>
    <message>
        <source>The page states no transport for port %1</source>
        <translation>ページにはポート%1のトランスポートの記載がありません</translation>
    </message>
    <message>
        <source>no role to test for (%1)</source>
        <translation>テストする役割がありません（%1）</translation>
    </message>
    <message>
        <source>The catalog gives no address for %1 in this flow</source>
        <translation>カタログには、このフローの%1のアドレスがありません</translation>
    </message>
    <message numerus="yes">
        <source>Not directly testable: a wildcard; tested through the %n catalog hosts it covers</source>
        <translation>
            <numerusform>直接テストできません: ワイルドカードのため、対象となるカタログ内の%n件のホストでテストします</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TesterOptions</name>
    <message>
        <source>&quot;%1&quot; is not HOST:ADDRESS</source>
        <translation>「%1」はHOST:ADDRESSの形式ではありません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in &quot;%2&quot; is not a host name</source>
        <translation>「%2」の「%1」はホスト名ではありません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in &quot;%2&quot; is not an IP address</source>
        <translation>「%2」の「%1」はIPアドレスではありません</translation>
    </message>
    <message>
        <source>DNS server &quot;%1&quot;: missing &quot;]&quot;</source>
        <translation>DNSサーバー「%1」: 「]」がありません</translation>
    </message>
    <message>
        <source>DNS server &quot;%1&quot;: bad port</source>
        <translation>DNSサーバー「%1」: ポートが不正です</translation>
    </message>
    <message>
        <source>DNS server &quot;%1&quot;: port out of range</source>
        <translation>DNSサーバー「%1」: ポートが範囲外です</translation>
    </message>
    <message>
        <source>DNS server &quot;%1&quot; is not an IP address</source>
        <translation>DNSサーバー「%1」はIPアドレスではありません</translation>
    </message>
    <message>
        <source>%1 contains no PEM certificate</source>
        <translation>%1にPEM証明書が含まれていません</translation>
    </message>
    <message>
        <source>CA file: %1</source>
        <translation>CAファイル: %1</translation>
    </message>
</context>
<context>
    <name>TesterPanel</name>
    <message>
        <source>The proxy password could not be read from the keychain: %1</source>
        <translation>キーチェーンからプロキシのパスワードを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>Password not stored</source>
        <translation>パスワードは保存されませんでした</translation>
    </message>
    <message>
        <source>The system keychain did not take the proxy password (%1). It is kept only until Portolan closes; it was not written anywhere else.</source>
        <translation>システムのキーチェーンにプロキシのパスワードを保存できませんでした (%1)。パスワードはPortolanを終了するまでのみ保持され、他の場所には書き込まれていません。</translation>
    </message>
    <message>
        <source>Test as %1</source>
        <translation>%1としてテスト</translation>
    </message>
    <message>
        <source>Nothing to test</source>
        <translation>テスト対象がありません</translation>
    </message>
    <message>
        <source>Choose at least one role to test for.</source>
        <translation>テストする役割を1つ以上選択してください。</translation>
    </message>
    <message>
        <source>Test not started</source>
        <translation>テストを開始できませんでした</translation>
    </message>
    <message>
        <source>No address given for %1: set it in Site addresses</source>
        <translation>%1のアドレスが指定されていません: [自社サイトのアドレス]で指定してください</translation>
    </message>
    <message>
        <source>Test cancelled: %1</source>
        <translation>テストがキャンセルされました: %1</translation>
    </message>
    <message>
        <source>Test finished in %1 s: %2</source>
        <translation>テストが完了しました（%1秒）: %2</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%m件中%v件</translation>
    </message>
    <message>
        <source>Not run yet</source>
        <translation>未実行</translation>
    </message>
    <message>
        <source>Select a check to see its stages, addresses, certificate and what to do about a failure.</source>
        <translation>チェックを選択すると、その段階、アドレス、証明書、失敗時の対処方法が表示されます。</translation>
    </message>
    <message>
        <source>Waiting to be checked.</source>
        <translation>チェックを待機しています。</translation>
    </message>
    <message>
        <source>Checking now…</source>
        <translation>チェック中…</translation>
    </message>
    <message>
        <source>Summary copied to the clipboard</source>
        <translation>概要をクリップボードにコピーしました</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTMLレポート (*.html)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>JUnit XML (*.xml)</source>
        <translation>JUnit XML (*.xml)</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>レポートの保存</translation>
    </message>
    <message>
        <source>Report not saved</source>
        <translation>レポートを保存できませんでした</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>レポートを%1に保存しました</translation>
    </message>
    <message>
        <source>Compare with a saved run</source>
        <translation>保存した実行結果と比較</translation>
    </message>
    <message>
        <source>JSON reports (*.json);;All files (*)</source>
        <translation>JSONレポート (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Runs not compared</source>
        <translation>実行結果を比較できませんでした</translation>
    </message>
    <message>
        <source>&amp;Test connectivity</source>
        <translation>接続テスト(&amp;T)</translation>
    </message>
    <message>
        <source>Check whether this machine reaches the destinations the selected roles need (F5)</source>
        <translation>選択した役割に必要な送信先にこのマシンが到達できるかどうかをチェックします (F5)</translation>
    </message>
    <message>
        <source>Test connectivity</source>
        <translation>接続テスト</translation>
    </message>
    <message>
        <source>&amp;Cancel test</source>
        <translation>テストをキャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>Stop every check now (Esc)</source>
        <translation>すべてのチェックを今すぐ停止します (Esc)</translation>
    </message>
    <message>
        <source>&amp;Re-run failed</source>
        <translation>失敗の再実行(&amp;R)</translation>
    </message>
    <message>
        <source>Check only what failed, e.g. after a firewall change (Shift+F5)</source>
        <translation>失敗したチェックのみを再実行します。ファイアウォールの変更後などに使用します（Shift+F5）</translation>
    </message>
    <message>
        <source>&amp;Site addresses…</source>
        <translation>自社サイトのアドレス(&amp;S)…</translation>
    </message>
    <message>
        <source>Your DNS, NTP, syslog, relay, Smart Protection Server and vCenter addresses, and your proxy</source>
        <translation>DNS、NTP、Syslog、リレー、Smart Protection Server、vCenterのアドレスとプロキシを設定します</translation>
    </message>
    <message>
        <source>Test as:</source>
        <translation>テストする役割:</translation>
    </message>
    <message>
        <source>&amp;Failures only</source>
        <translation>失敗のみ(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Save report…</source>
        <translation>レポートの保存(&amp;S)…</translation>
    </message>
    <message>
        <source>HTML for people, JSON, JUnit XML or CSV for tools</source>
        <translation>人が読むためのHTML、またはツール用のJSON、JUnit XML、CSVで保存します</translation>
    </message>
    <message>
        <source>Copy s&amp;ummary</source>
        <translation>概要をコピー(&amp;U)</translation>
    </message>
    <message>
        <source>The counts and one line per failure, for a ticket</source>
        <translation>チケット用に、件数と失敗ごとに1行の説明をコピーします</translation>
    </message>
    <message>
        <source>Com&amp;pare with a saved run…</source>
        <translation>保存した実行結果と比較(&amp;P)…</translation>
    </message>
    <message>
        <source>What got fixed and what broke since a run saved as JSON</source>
        <translation>JSONとして保存した実行結果以降に、修正されたチェックと新たに失敗したチェックを表示します</translation>
    </message>
    <message>
        <source>Connectivity test</source>
        <translation>接続テスト</translation>
    </message>
    <message>
        <source>Test counts</source>
        <translation>テストの件数</translation>
    </message>
    <message>
        <source>Failures only</source>
        <translation>失敗のみ</translation>
    </message>
    <message>
        <source>Copy summary</source>
        <translation>概要をコピー</translation>
    </message>
    <message>
        <source>Check results</source>
        <translation>チェック結果</translation>
    </message>
    <message>
        <source>Check details</source>
        <translation>チェックの詳細</translation>
    </message>
    <message>
        <source>Test progress</source>
        <translation>テストの進行状況</translation>
    </message>
    <message>
        <source>the previous run, finished at %1</source>
        <translation>前回の実行結果（%1に完了）</translation>
    </message>
    <message>
        <source>Compare with pre&amp;vious run</source>
        <translation>前回の実行結果と比較(&amp;V)</translation>
    </message>
    <message>
        <source>What got fixed and what broke since the previous complete run in this session</source>
        <translation>このセッションで前回完了した実行以降に、修正されたものと新たに失敗したものを表示します</translation>
    </message>
    <message>
        <source>Compare with previous run</source>
        <translation>前回の実行結果と比較</translation>
    </message>
    <message numerus="yes">
        <source>Testing %n destinations…</source>
        <translation>
            <numerusform>%n件の送信先をテスト中…</numerusform>
        </translation>
    </message>
    <message>
        <source>Click Test connectivity (F5) to check whether this machine reaches the destinations the selected roles need. Set your DNS, NTP, proxy and other addresses in Site addresses first.</source>
        <translation>[接続テスト] (F5) をクリックすると、選択した役割に必要な送信先にこのマシンが到達できるかどうかをチェックします。先に[自社サイトのアドレス]でDNS、NTP、プロキシなどのアドレスを設定してください。</translation>
    </message>
    <message>
        <source>Not run yet: F5 tests the selected roles from this computer</source>
        <translation>未実行: F5キーで、選択した役割の接続をこのコンピューターからテストします</translation>
    </message>
    <message>
        <source>Testing: %1</source>
        <translation>テスト中: %1</translation>
    </message>
    <message numerus="yes">
        <source>This computer will now connect to %n destinations on the internet that %1 needs (Trend Micro&apos;s service and its partners&apos; hosts), as they would.</source>
        <translation>
            <numerusform>このコンピューターから、%1が必要とするインターネット上の接続先%n件(トレンドマイクロのサービスとその提携先のホスト)に、実際と同じように接続します。</numerusform>
        </translation>
    </message>
    <message>
        <source>A firewall, proxy or intrusion detection system on the way may log these connections. Start?</source>
        <translation>経路上のファイアウォール、プロキシ、侵入検知システムがこれらの接続を記録する場合があります。開始しますか?</translation>
    </message>
    <message>
        <source>&amp;Start test</source>
        <translation>テストを開始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t ask again</source>
        <translation>今後は確認しない(&amp;D)</translation>
    </message>
    <message>
        <source>Cancelled: %v of %m checked</source>
        <translation>キャンセル: %m件中%v件を確認済み</translation>
    </message>
    <message>
        <source>Unknown report format</source>
        <translation>不明なレポート形式</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>テキスト (*.txt)</translation>
    </message>
</context>
<context>
    <name>TextFile</name>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: 書き込めません: %2</translation>
    </message>
</context>
<context>
    <name>TicketSummary</name>
    <message>
        <source>The run was cancelled before every check finished.</source>
        <translation>すべてのチェックが完了する前に実行がキャンセルされました。</translation>
    </message>
    <message>
        <source>Connectivity test for %1: %2 required failed, %3 other failed, %4 passed, %5 skipped or cancelled (%6 s, proxy: %7)</source>
        <translation>%1の接続テスト: 必須の失敗%2、その他の失敗%3、成功%4、スキップまたはキャンセル%5(%6秒、プロキシ: %7)</translation>
    </message>
    <message>
        <source>Failures of required flows:</source>
        <translation>必須のフローの失敗:</translation>
    </message>
    <message>
        <source>Other failures (optional or conditional flows):</source>
        <translation>その他の失敗(任意または条件付きのフロー):</translation>
    </message>
</context>
<context>
    <name>TlsProbe</name>
    <message>
        <source>Certificate for %1 re-signed by %2, a root installed on this machine that is not public (chain: %3)</source>
        <translation>%1の証明書は%2によって再署名されています。これはこのコンピューターにインストールされた、公開されていないルートです(チェーン: %3)</translation>
    </message>
    <message>
        <source>%1, certificate for %2 issued by %3, valid until %4</source>
        <translation>%1、%2の証明書（発行者: %3、%4まで有効）</translation>
    </message>
    <message>
        <source>Certificate for %1 issued by %2: %3</source>
        <translation>%1の証明書（発行者: %2）: %3</translation>
    </message>
    <message>
        <source>TCP connected, then the TLS handshake did not complete within %1 s</source>
        <translation>TCP は接続しましたが、TLS ハンドシェイクが %1 秒以内に完了しませんでした</translation>
    </message>
</context>
<context>
    <name>TriageCommand</name>
    <message>
        <source>seen %1</source>
        <translation>%1に確認</translation>
    </message>
    <message>
        <source>seen %1 to %2</source>
        <translation>%1〜%2に確認</translation>
    </message>
    <message>
        <source>Flows hit: %1</source>
        <translation>該当したフロー: %1</translation>
    </message>
    <message>
        <source>sample: %1</source>
        <translation>例: %1</translation>
    </message>
    <message>
        <source>Catalog endpoints reached on a port no flow uses (likely misconfiguration): %1</source>
        <translation>カタログのエンドポイントに、どのフローも使用しないポートで接続した行（設定の誤りの可能性）: %1</translation>
    </message>
    <message>
        <source>%1 on %2: in %3, whose flows (%4) use %5</source>
        <translation>%2の%1: %3に含まれますが、そのフロー（%4）が使用するのは%5です</translation>
    </message>
    <message>
        <source>no port</source>
        <translation>ポートなし</translation>
    </message>
    <message>
        <source>Lines: %1; hit a flow: %2; catalog endpoint on an unused port: %3; unrelated: %4; unrecognised: %5 (over-long: %6, binary: %7); skipped: %8</source>
        <translation>行: %1、フローに該当: %2、未使用ポートのカタログのエンドポイント: %3、無関係: %4、認識できない: %5（長すぎる: %6、バイナリ: %7）、読み飛ばし: %8</translation>
    </message>
    <message>
        <source>Unrecognised lines, for example:</source>
        <translation>認識できない行の例:</translation>
    </message>
    <message>
        <source>Read firewall or proxy logs (iptables/nftables LOG, squid access.log, AWS VPC Flow Logs, Windows Firewall pfirewall.log, or one host, address or URL per line) and report the flows their lines hit and the lines that reach a catalog endpoint on a port no flow uses.
Exit status: 0 when the log was read, 1 when some lines reach a catalog endpoint on an unused port or no line was recognised, 2 on a usage error or an unreadable file.</source>
        <translation>ファイアウォールやプロキシのログ（iptables/nftablesのLOG、squidのaccess.log、AWS VPCフローログ、Windowsファイアウォールのpfirewall.log、または1行に1つのホスト、アドレス、URL）を読み、各行が該当するフローと、どのフローも使用しないポートでカタログのエンドポイントに接続した行を報告します。
終了ステータス: 0はログを読み取れた場合、1は未使用ポートでカタログのエンドポイントに接続した行があるか認識できた行がない場合、2は使い方の誤りまたは読み取れないファイルの場合です。</translation>
    </message>
    <message>
        <source>Log files; standard input when none is given.</source>
        <translation>ログファイル。指定しない場合は標準入力。</translation>
    </message>
    <message>
        <source>Only flows in which this component (agent, relay, ...) takes part; repeatable.</source>
        <translation>このコンポーネント（agent、relayなど）が関係するフローのみ。複数指定できます。</translation>
    </message>
    <message>
        <source>Write the rules for exactly the flows hit, in this export format (%1), instead of the report; the report&apos;s summary goes to standard error.</source>
        <translation>該当したフローだけのルールを、このエクスポート形式（%1）でレポートの代わりに書き込みます。レポートの概要は標準エラー出力に表示されます。</translation>
    </message>
    <message>
        <source>Proxy for the pac and squid export formats.</source>
        <translation>pacとsquidのエクスポート形式のプロキシ。</translation>
    </message>
    <message>
        <source>Write to &lt;file&gt; instead of standard output.</source>
        <translation>標準出力の代わりに&lt;file&gt;に書き込みます。</translation>
    </message>
    <message>
        <source>portolan-cli triage: unknown export format &quot;%1&quot; (%2)</source>
        <translation>portolan-cli triage: 不明なエクスポート形式「%1」（%2）</translation>
    </message>
    <message>
        <source>portolan-cli triage: --proxy &quot;%1&quot; is not host:port</source>
        <translation>portolan-cli triage: --proxy「%1」はhost:portではありません</translation>
    </message>
    <message>
        <source>portolan-cli triage: cannot read &quot;%1&quot;: %2</source>
        <translation>portolan-cli triage:「%1」を読み取れません: %2</translation>
    </message>
    <message>
        <source>portolan-cli triage: %1 flows hit, %2 lines on unused ports; export: %3</source>
        <translation>portolan-cli triage: 該当したフロー%1件、未使用ポートの行%2件、エクスポート: %3</translation>
    </message>
    <message>
        <source>portolan-cli triage: cannot write &quot;%1&quot;: %2</source>
        <translation>portolan-cli triage:「%1」に書き込めません: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n lines; endpoints: %1</source>
        <translation>
            <numerusform>%n行、エンドポイント: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lines, %1; endpoints: %2</source>
        <translation>
            <numerusform>%n行、%1、エンドポイント: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lines</source>
        <translation>
            <numerusform>%n行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lines, %1</source>
        <translation>
            <numerusform>%n行、%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TriageModel</name>
    <message>
        <source>Flow hit</source>
        <translation>該当したフロー</translation>
    </message>
    <message>
        <source>Port no flow uses</source>
        <translation>どのフローも使用しないポート</translation>
    </message>
    <message>
        <source>%1 reached on %2 %3</source>
        <translation>%2 %3で%1に接続</translation>
    </message>
    <message>
        <source>%1 reached with %2</source>
        <translation>%2で%1に接続</translation>
    </message>
    <message>
        <source>used: %1</source>
        <translation>使用: %1</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>検出内容</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>フロー</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>エンドポイント</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>First seen (UTC)</source>
        <translation>最初の確認（UTC）</translation>
    </message>
    <message>
        <source>Last seen (UTC)</source>
        <translation>最後の確認（UTC）</translation>
    </message>
    <message>
        <source>Lines read: %1 · hit a flow: %2 · catalog endpoint on a port no flow uses: %3 · unrelated: %4 · not recognised: %5</source>
        <translation>読み取った行: %1 · フローに該当: %2 · どのフローも使用しないポートのカタログのエンドポイント: %3 · 無関係: %4 · 認識できない: %5</translation>
    </message>
</context>
<context>
    <name>TriageView</name>
    <message>
        <source>Open a firewall or proxy log</source>
        <translation>ファイアウォールまたはプロキシのログを開く</translation>
    </message>
    <message>
        <source>Logs (*.log *.txt *.csv);;All files (*)</source>
        <translation>ログ (*.log *.txt *.csv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1を開けません: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1を読み取れません: %2</translation>
    </message>
    <message>
        <source>Open or drop a firewall or proxy log (iptables or nftables LOG lines, squid access.log, AWS VPC Flow Logs, Windows Firewall pfirewall.log, or one address, host or URL per line) to see which Workload Security flows it blocks.</source>
        <translation>ファイアウォールまたはプロキシのログ（iptables/nftablesのLOG行、squidのaccess.log、AWS VPCフローログ、Windowsファイアウォールのpfirewall.log、または1行に1つのアドレス、ホスト、URL）を開くかドロップすると、そのログがブロックしているWorkload Securityのフローがわかります。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1を読み取り中…</translation>
    </message>
    <message>
        <source>Cancelled: %1 was not read to its end.</source>
        <translation>キャンセルしました: %1は最後まで読み取られていません。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Open log…</source>
        <translation>ログを開く…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Export rules for these flows…</source>
        <translation>これらのフローのルールをエクスポート…</translation>
    </message>
    <message>
        <source>Filter the findings</source>
        <translation>検出内容を絞り込む</translation>
    </message>
    <message>
        <source>Sample lines of the selected finding</source>
        <translation>選択した検出内容の行の例</translation>
    </message>
    <message>
        <source>Summary of the log</source>
        <translation>ログの概要</translation>
    </message>
    <message>
        <source>Reading progress</source>
        <translation>読み込みの進行状況</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>検出結果</translation>
    </message>
    <message>
        <source>Sample lines</source>
        <translation>行のサンプル</translation>
    </message>
    <message>
        <source>No log open: Open log…, or drop one here</source>
        <translation>ログが開かれていません: [ログを開く…]を使うか、ここにドロップしてください</translation>
    </message>
</context>
<context>
    <name>TunnelProbe</name>
    <message>
        <source>The proxy closed the connection: %1</source>
        <translation>プロキシが接続を閉じました: %1</translation>
    </message>
    <message>
        <source>The proxy sent no valid reply to CONNECT</source>
        <translation>プロキシからCONNECTに対する有効な応答がありませんでした</translation>
    </message>
    <message>
        <source>The proxy connected to %1 port %2 (HTTP %3)</source>
        <translation>プロキシが%1のポート%2に接続しました（HTTP %3）</translation>
    </message>
    <message>
        <source>The proxy answered CONNECT with HTTP %1 %2</source>
        <translation>プロキシがCONNECTにHTTP %1 %2で応答しました</translation>
    </message>
    <message>
        <source>The proxy did not connect to the destination within %1 s</source>
        <translation>プロキシが%1秒以内に送信先に接続しませんでした</translation>
    </message>
</context>
<context>
    <name>UdpProbe</name>
    <message>
        <source>Nothing listens on UDP port %1 (ICMP port unreachable)</source>
        <translation>UDPポート%1で待ち受けているものがありません（ICMPポート到達不能）</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>Reachable</source>
        <translation>到達可能</translation>
    </message>
    <message>
        <source>Name not resolved</source>
        <translation>名前解決失敗</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>接続拒否</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>タイムアウト</translation>
    </message>
    <message>
        <source>Untrusted certificate</source>
        <translation>信頼されていない証明書</translation>
    </message>
    <message>
        <source>Certificate for another host</source>
        <translation>別のホストの証明書</translation>
    </message>
    <message>
        <source>Certificate expired</source>
        <translation>証明書の期限切れ</translation>
    </message>
    <message>
        <source>TLS handshake failed</source>
        <translation>TLSハンドシェイク失敗</translation>
    </message>
    <message>
        <source>No valid HTTP response</source>
        <translation>有効なHTTP応答なし</translation>
    </message>
    <message>
        <source>Refused by the proxy</source>
        <translation>プロキシによる拒否</translation>
    </message>
    <message>
        <source>Proxy authentication required</source>
        <translation>プロキシ認証が必要</translation>
    </message>
    <message>
        <source>Sent, not verifiable</source>
        <translation>送信済み、検証不可</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>スキップ</translation>
    </message>
    <message>
        <source>Check the DNS server settings, or ask for %1 to be resolvable from this machine.</source>
        <translation>DNSサーバーの設定を確認するか、このマシンから%1を名前解決できるよう依頼してください。</translation>
    </message>
    <message>
        <source>Traffic is silently dropped: ask for %1 to %2 to be allowed.</source>
        <translation>通信が通知なしに破棄されています: %2への%1を許可するよう依頼してください。</translation>
    </message>
    <message>
        <source>The certificate comes from &quot;%1&quot;: if that is a TLS-inspecting proxy, exclude %2 from inspection.</source>
        <translation>証明書の発行者は「%1」です: これがTLSインスペクションを行うプロキシの場合は、%2をインスペクションの対象から除外してください。</translation>
    </message>
    <message>
        <source>The certificate is not for %1: check for a TLS-inspecting proxy or a wrong address.</source>
        <translation>証明書が%1用ではありません: TLSインスペクションを行うプロキシや誤ったアドレスがないか確認してください。</translation>
    </message>
    <message>
        <source>Check this machine&apos;s clock; otherwise a proxy presents an expired certificate for %1.</source>
        <translation>このマシンの時計を確認してください。時計が正しい場合は、プロキシが%1の期限切れの証明書を提示しています。</translation>
    </message>
    <message>
        <source>Check that TLS 1.2 or later to %1 is not blocked or altered on the way.</source>
        <translation>%1へのTLS 1.2以降の通信が経路上でブロックまたは改変されていないことを確認してください。</translation>
    </message>
    <message>
        <source>Something on %1 that is not the web server answered: check for a filter or proxy.</source>
        <translation>%1でWebサーバー以外のものが応答しました: フィルターやプロキシがないか確認してください。</translation>
    </message>
    <message>
        <source>Ask for %1 to %2 to be allowed through the proxy; check the proxy address.</source>
        <translation>プロキシで%2への%1を許可するよう依頼してください。プロキシのアドレスも確認してください。</translation>
    </message>
    <message>
        <source>Give the proxy user and password: http://USER:PASSWORD@HOST:PORT.</source>
        <translation>プロキシのユーザーとパスワードを指定してください: http://USER:PASSWORD@HOST:PORT。</translation>
    </message>
    <message>
        <source>Confirm at the receiver that the test message arrived.</source>
        <translation>テストメッセージが届いたことを受信側で確認してください。</translation>
    </message>
    <message>
        <source>Blocked by a firewall</source>
        <translation>ファイアウォールでブロック</translation>
    </message>
    <message>
        <source>Stalled after connecting</source>
        <translation>接続後に停止</translation>
    </message>
    <message>
        <source>Redirected elsewhere</source>
        <translation>別の場所へリダイレクト</translation>
    </message>
    <message>
        <source>Nothing listens on %1 at %2, or a firewall resets the connection: check the address and port. Ask for %1 to %2 to be allowed in the firewall if it is blocked.</source>
        <translation>%2 の %1 で待ち受けているものがないか、ファイアウォールが接続をリセットしています。アドレスとポートを確認してください。ブロックされている場合は、ファイアウォールで %2 への %1 の許可を依頼してください。</translation>
    </message>
    <message>
        <source>A firewall (on this machine or on the way) rejects %1 to %2: ask for it to be allowed, or check this machine&apos;s own firewall (firewalld, iptables, nftables).</source>
        <translation>ファイアウォール（このマシン上または経路上）が %2 への %1 を拒否しています。許可を依頼するか、このマシン自身のファイアウォール（firewalld、iptables、nftables）を確認してください。</translation>
    </message>
    <message>
        <source>%1 to %2 is open, but the exchange stalled after connecting: an IPS dropping data, an MTU black hole (large packets dropped), or a hung server.</source>
        <translation>%2 への %1 は開いていますが、接続後にやり取りが止まりました。原因として、データを破棄する IPS、MTU ブラックホール（大きなパケットの破棄）、またはサーバーの応答停止が考えられます。</translation>
    </message>
    <message>
        <source>Something answered for %1 with a redirect to another host: typically a captive portal or a web filter; sign in or ask for %1 to be exempted.</source>
        <translation>%1 に対して何かが別のホストへのリダイレクトで応答しました。一般にキャプティブポータルまたは Web フィルターです。サインインするか、%1 の除外を依頼してください。</translation>
    </message>
    <message>
        <source>Something answered for %1 with a redirect to %2: typically a captive portal or a web filter; sign in or ask for %1 to be exempted.</source>
        <translation>%1 に対して何かが %2 へのリダイレクトで応答しました。一般にキャプティブポータルまたは Web フィルターです。サインインするか、%1 の除外を依頼してください。</translation>
    </message>
    <message>
        <source>Time server not synchronised</source>
        <translation>タイムサーバーが同期していません</translation>
    </message>
    <message>
        <source>Not a valid time server reply</source>
        <translation>タイムサーバーの有効な応答ではありません</translation>
    </message>
    <message>
        <source>%1 answers on UDP %2 but has no time to give (it is not synchronised, or it refused with a kiss-o&apos;-death): check its own time sources, or use another NTP server.</source>
        <translation>%1はUDP %2で応答しますが、返す時刻がありません（同期していないか、Kiss-o&apos;-Deathで拒否しました）。そのサーバー自身の時刻ソースを確認するか、別のNTPサーバーを使用してください。</translation>
    </message>
    <message>
        <source>Something that is not an NTP server answers on UDP %1 at %2: check the address and port, or a device on the way that rewrites NTP.</source>
        <translation>%2のUDP %1でNTPサーバーではないものが応答しています。アドレスとポート、またはNTPを書き換える経路上の機器を確認してください。</translation>
    </message>
    <message>
        <source>TLS inspected on the way</source>
        <translation>経路上でTLSインスペクション</translation>
    </message>
    <message>
        <source>The connection to %1 is re-signed by &quot;%2&quot;, a root installed on this machine that is not a public one: a TLS-inspecting proxy or security product. The agent does not trust it: ask for %1 to be exempted from TLS inspection (or, if this root is expected, name it with --ca-file).</source>
        <translation>%1への接続は「%2」によって再署名されています。これはこのコンピューターにインストールされた、公開されていないルートです: TLSインスペクションを行うプロキシまたはセキュリティ製品です。エージェントはこれを信頼しません: %1をTLSインスペクションの対象から除外するよう依頼してください(このルートが想定どおりの場合は、--ca-fileで指定してください)。</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>WhatChangedDialog</name>
    <message>
        <source>From: %1</source>
        <translation>変更前: %1</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>変更後: %1</translation>
    </message>
    <message>
        <source>No flow changed.</source>
        <translation>変更されたフローはありません。</translation>
    </message>
    <message>
        <source>Flows added: %1, removed: %2, changed: %3</source>
        <translation>追加されたフロー: %1、削除: %2、変更: %3</translation>
    </message>
    <message>
        <source>added</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>endpoint removed</source>
        <translation>エンドポイント削除</translation>
    </message>
    <message>
        <source>endpoint added</source>
        <translation>エンドポイント追加</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>変更内容</translation>
    </message>
    <message>
        <source>Flow / field</source>
        <translation>フロー/項目</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>変更後</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Catalogs compared</source>
        <translation>比較したカタログ</translation>
    </message>
</context>
<context>
    <name>WindowsFirewallExporter</name>
    <message>
        <source>Windows Firewall (PowerShell)</source>
        <translation>Windowsファイアウォール（PowerShell）</translation>
    </message>
    <message>
        <source>Run in an elevated PowerShell. The rules are in the group &quot;Portolan&quot;; remove them with: Remove-NetFirewallRule -Group &apos;Portolan&apos;</source>
        <translation>管理者として実行したPowerShellで実行してください。ルールはグループ「Portolan」に含まれます。削除するには次を実行します: Remove-NetFirewallRule -Group &apos;Portolan&apos;</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>write the ports diagram to an SVG, PNG or PDF file</source>
        <translation>ポート図をSVG、PNG、PDFファイルに書き込む</translation>
    </message>
    <message>
        <source>write rules to paste: firewall, proxy, cloud, lists</source>
        <translation>貼り付けて使うルールを書き出す: ファイアウォール、プロキシ、クラウド、リスト</translation>
    </message>
    <message>
        <source>check that this machine reaches the destinations the product needs</source>
        <translation>このマシンが製品に必要な送信先に到達できるかチェックする</translation>
    </message>
    <message>
        <source>Usage: portolan-cli COMMAND [OPTIONS]</source>
        <translation>使い方: portolan-cli COMMAND [OPTIONS]</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>コマンド:</translation>
    </message>
    <message>
        <source>Run &quot;portolan-cli COMMAND --help&quot; for a command&apos;s options.</source>
        <translation>各コマンドのオプションは「portolan-cli COMMAND --help」で確認できます。</translation>
    </message>
    <message>
        <source>portolan-cli: unknown command &quot;%1&quot;</source>
        <translation>portolan-cli: 不明なコマンド「%1」</translation>
    </message>
    <message>
        <source>Network requirements explorer for Trend Micro Cloud One Workload Security.</source>
        <translation>Trend Micro Cloud One Workload Securityのネットワーク要件エクスプローラーです。</translation>
    </message>
    <message>
        <source>Open this catalog file.</source>
        <translation>このカタログファイルを開きます。</translation>
    </message>
    <message>
        <source>User interface language: en or ja.</source>
        <translation>ユーザーインターフェイスの言語: enまたはja。</translation>
    </message>
    <message>
        <source>Portolan</source>
        <translation>Portolan</translation>
    </message>
    <message>
        <source>The catalog could not be loaded:
%1</source>
        <translation>カタログを読み込めませんでした:
%1</translation>
    </message>
    <message>
        <source>print the catalog, one record per flow and endpoint</source>
        <translation>カタログを、フローとエンドポイントごとに1レコードで出力します</translation>
    </message>
    <message>
        <source>find the flows covering an address, host or URL, on a port</source>
        <translation>アドレス、ホスト、URLを含むフローを、ポートも含めて探します</translation>
    </message>
    <message>
        <source>read firewall or proxy logs: the flows they hit, the rules to add</source>
        <translation>ファイアウォールやプロキシのログを読む: 該当するフローと追加すべきルール</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>このヘルプを表示します。</translation>
    </message>
</context>
</TS>
