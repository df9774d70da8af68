#include "core/catalog/catalogloader.h"
#include "core/catalog/catalogverify.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTest>

// The built-in catalog against the saved vendor page: nothing missing, nothing extra; and every
// kind of difference is found when the page changes.
class TestCatalogVerify : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void identity();
    void seedHasNoDifference();
    void artifactsUndone();
    void differences_data();
    void differences();
    void html();

private:
    static QString describe(const QList<CatalogVerify::Difference> &differences);
    Catalog m_catalog;
    QString m_page;
};

void TestCatalogVerify::initTestCase()
{
    const auto result = CatalogLoader::loadFile(CatalogLoader::builtinFileName());
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    m_catalog = *result.catalog;
    QFile file(QStringLiteral(PORTOLAN_TEST_DATA "/page/required-ports.ja.txt"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_page = QString::fromUtf8(file.readAll());
}

QString TestCatalogVerify::describe(const QList<CatalogVerify::Difference> &differences)
{
    QStringList lines;
    for (const auto &d : differences)
        lines.append(QStringLiteral("%1 %2 %3")
                             .arg(d.missingFromCatalog ? QStringLiteral("missing") : QStringLiteral("extra"),
                                  CatalogVerify::kindName(d.kind), d.value));
    return lines.join(QLatin1Char('\n'));
}

void TestCatalogVerify::identity()
{
    // The catalog names the saved copy it was transcribed from.
    QCOMPARE(QCryptographicHash::hash(m_page.toUtf8(), QCryptographicHash::Sha256).toHex(),
             m_catalog.pageSha256.toLatin1());
    QCOMPARE(m_catalog.catalogVersion.size(), 10);
    QVERIFY(QDate::fromString(m_catalog.catalogVersion.left(8), QStringLiteral("yyyyMMdd")).isValid());
    QVERIFY(m_catalog.retrieved.isValid());
}

void TestCatalogVerify::seedHasNoDifference()
{
    const auto page = CatalogVerify::extract(m_page);
    QCOMPARE(page.hosts.size(), 99);
    QCOMPARE(page.addresses.size(), 24 + 37 + 12 + 33);
    QCOMPARE(page.subnets, QStringList{QStringLiteral("34.205.5.0/27")});
    QCOMPARE(page.urls.size(), 3);
    QCOMPARE(page.ports, (QList<int>{53, 80, 123, 443, 514, 4118, 4122, 4123, 5274, 5275}));
    const auto differences = CatalogVerify::compare(page, CatalogVerify::extract(m_catalog));
    QVERIFY2(differences.isEmpty(), qPrintable(describe(differences)));
}

void TestCatalogVerify::artifactsUndone()
{
    QCOMPARE(CatalogVerify::undoArtifacts(QStringLiteral("ゲートウェイ-control.workload.us-1.x")),
             QStringLiteral("gateway-control.workload.us-1.x"));
    QCOMPARE(CatalogVerify::undoArtifacts(QStringLiteral("ワークロード.us-1.x")),
             QStringLiteral("workload.us-1.x"));
    QCOMPARE(CatalogVerify::undoArtifacts(QStringLiteral("エージェント-004.workload")),
             QStringLiteral("agents-004.workload"));
    QCOMPARE(CatalogVerify::undoArtifacts(QStringLiteral("p> 50.17.162.194")),
             QStringLiteral("50.17.162.194"));
}

void TestCatalogVerify::differences_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("replace");
    QTest::addColumn<QString>("expected");

    QTest::addRow("host added") << "files.trendmicro.com"
                                << "files.trendmicro.com new.trendmicro.com"
                                << "missing host new.trendmicro.com";
    QTest::addRow("host removed") << "dsmim.deepsecurity.trendmicro.com"
                                  << ""
                                  << "extra host dsmim.deepsecurity.trendmicro.com";
    QTest::addRow("address changed") << "52.3.171.31"
                                     << "52.3.171.32"
                                     << "missing address 52.3.171.32\nextra address 52.3.171.31";
    QTest::addRow("subnet changed") << "34.205.5.0/27"
                                    << "34.205.6.0/27"
                                    << "missing subnet 34.205.6.0/27\nextra subnet 34.205.5.0/27";
    QTest::addRow("url added") << "app.deepsecurity.trendmicro.com/rest"
                               << "app.deepsecurity.trendmicro.com/rest app.deepsecurity.trendmicro.com/v2"
                               << "missing URL app.deepsecurity.trendmicro.com/v2";
    QTest::addRow("port added") << "123 / NTP"
                                << "123 / NTP 8443 / HTTPS"
                                << "missing port 8443";
}

void TestCatalogVerify::differences()
{
    QFETCH(QString, search);
    QFETCH(QString, replace);
    QFETCH(QString, expected);
    QString page = m_page;
    QVERIFY(page.contains(search));
    page.replace(search, replace);
    const auto differences =
            CatalogVerify::compare(CatalogVerify::extract(page), CatalogVerify::extract(m_catalog));
    QCOMPARE(describe(differences), expected);
}

void TestCatalogVerify::html()
{
    QString html = QStringLiteral("<html><head><style>p>a{}</style></head><body><ul>");
    for (const QString &line : m_page.split(QLatin1Char('\n')))
        html += QStringLiteral("<li>%1</li>\n").arg(line.toHtmlEscaped());
    html += QStringLiteral("</ul></body></html>");
    const auto differences =
            CatalogVerify::compare(CatalogVerify::extract(html), CatalogVerify::extract(m_catalog));
    QVERIFY2(differences.isEmpty(), qPrintable(describe(differences)));
}

QTEST_GUILESS_MAIN(TestCatalogVerify)
#include "tst_catalogverify.moc"
