#include "app/gui/export/exportdialog.h"
#include "core/catalog/catalogloader.h"
#include "core/i18n/translations.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The export dialog offscreen: format and scope drive the preview; copy and save deliver it.
class TestExportDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void formatChangesPreview_data();
    void formatChangesPreview();
    void scopeChangesPreview();
    void selectedEntries();
    void proxy();
    void resolveHosts();
    void siteAddresses();
    void refresherSaved();
    void copy();
    void save();
    void csvByteOrderMark();
    void pacInverseAndSquidClients();
    void screenshot();

private:
    Catalog m_catalog;
};

void TestExportDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // My environment from a test QSettings, not the user's
    const CatalogLoader::Result loaded =
            CatalogLoader::loadFile(QStringLiteral(PORTOLAN_TEST_DATA "/export/catalog.json"));
    QVERIFY2(loaded.isOk(), qPrintable(loaded.error.toString()));
    m_catalog = *loaded.catalog;
}

void TestExportDialog::formatChangesPreview_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");
    QTest::addRow("nftables") << "nftables"
                              << "table inet portolan {";
    QTest::addRow("pac") << "pac"
                         << "function FindProxyForURL(url, host) {";
    QTest::addRow("aws-sg") << "aws-sg"
                            << "\"IpPermissions\"";
    QTest::addRow("csv") << "csv"
                         << "flow,direction,kind,endpoint";
}

void TestExportDialog::formatChangesPreview()
{
    QFETCH(QString, format);
    QFETCH(QString, expected);
    ExportDialog dialog(m_catalog, Language::English, {});
    QCOMPARE(dialog.formatId(), QStringLiteral("iptables"));
    QVERIFY(dialog.previewText().contains(QStringLiteral("*filter")));
    QSignalSpy spy(&dialog, &ExportDialog::previewUpdated);
    dialog.formatCombo()->setCurrentIndex(dialog.formatCombo()->findData(format));
    QCOMPARE(spy.count(), 1);
    QVERIFY2(dialog.previewText().contains(expected), qPrintable(dialog.previewText()));
    QVERIFY(dialog.preview()->isReadOnly());
    // The count of what the format made rules and what only comments, as the exporter reports it.
    const ExporterRegistry registry;
    const ExportResult result = registry.find(format)->exportRules(dialog.request());
    QCOMPARE(dialog.summary(), result.summary());
    QVERIFY2(dialog.summary().contains(QRegularExpression(QStringLiteral("^\\d+ rules?, \\d+ comments?$"))),
             qPrintable(dialog.summary()));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("exportStatus"))->text().startsWith(dialog.summary()));
    // Address-only formats offer resolving; proxy formats the proxy field.
    const bool addressOnly = format == QLatin1String("nftables") || format == QLatin1String("aws-sg");
    QCOMPARE(dialog.resolveHostsBox()->isEnabled(), addressOnly);
    QCOMPARE(dialog.proxyEdit()->isEnabled(), format == QLatin1String("pac"));
}

void TestExportDialog::scopeChangesPreview()
{
    ExportDialog dialog(m_catalog, Language::English, {});
    dialog.setFormatId(QStringLiteral("allowlist"));
    QVERIFY(dialog.previewText().contains(QStringLiteral("*.feedback.example.test")));
    QVERIFY(!dialog.previewText().contains(QStringLiteral("127.0.0.10")));

    dialog.requiredOnlyBox()->setChecked(true);
    QVERIFY(!dialog.previewText().contains(QStringLiteral("*.feedback.example.test")));
    dialog.includeExpiredBox()->setChecked(true);
    QVERIFY(dialog.previewText().contains(QStringLiteral("127.0.0.10")));

    QCOMPARE(dialog.roleBoxes().size(), 3);
    QCheckBox *relay = nullptr;
    for (QCheckBox *box : dialog.roleBoxes()) {
        if (box->property("componentId").toString() == QLatin1String("relay"))
            relay = box;
    }
    QVERIFY(relay);
    QCOMPARE(relay->text(), QStringLiteral("Relay"));
    relay->setChecked(true);
    QVERIFY(dialog.previewText().contains(QStringLiteral("relay.example.test")));
    QVERIFY(!dialog.previewText().contains(QStringLiteral("files.example.test")));
    QCOMPARE(dialog.request().scope.roles, QStringList{QStringLiteral("relay")});
}

void TestExportDialog::selectedEntries()
{
    ExportDialog none(m_catalog, Language::English, {});
    QVERIFY(!none.selectedOnlyBox()->isEnabled());

    ExportDialog dialog(m_catalog, Language::Japanese, {QStringLiteral("url-update")});
    QVERIFY(dialog.selectedOnlyBox()->isEnabled());
    dialog.setFormatId(QStringLiteral("markdown"));
    QVERIFY(dialog.previewText().contains(QStringLiteral("url-feedback")));
    dialog.selectedOnlyBox()->setChecked(true);
    QVERIFY(!dialog.previewText().contains(QStringLiteral("url-feedback")));
    QVERIFY(dialog.previewText().contains(QStringLiteral("セキュリティアップデート")));
}

void TestExportDialog::proxy()
{
    ExportDialog dialog(m_catalog, Language::English, {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.setFormatId(QStringLiteral("pac"));
    QVERIFY(dialog.proxyEdit()->isEnabled());
    QTest::keyClicks(dialog.proxyEdit(), QStringLiteral("127.0.0.1:3128"));
    QVERIFY(dialog.previewText().contains(QStringLiteral("return \"PROXY 127.0.0.1:3128\";")));
    dialog.proxyEdit()->setText(QStringLiteral("not a proxy"));
    QVERIFY(!dialog.previewText().contains(QStringLiteral("PROXY")));
    bool problemShown = false;
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->text().contains(QStringLiteral("host:port")) && label->isVisible())
            problemShown = true;
    }
    QVERIFY(problemShown);
}

void TestExportDialog::resolveHosts()
{
    ExportDialog dialog(m_catalog, Language::English, {});
    QStringList asked;
    dialog.setHostResolver([&asked](const QString &host) {
        asked.append(host);
        return host == QLatin1String("files.example.test")
                ? QList<QHostAddress>{QHostAddress(QStringLiteral("127.0.0.21"))}
                : QList<QHostAddress>();
    });
    QVERIFY(asked.isEmpty()); // nothing resolved until asked for
    QVERIFY(!dialog.previewText().contains(QStringLiteral("127.0.0.21")));
    dialog.resolveHostsBox()->setChecked(true);
    QVERIFY(asked.contains(QStringLiteral("files.example.test")));
    QVERIFY(dialog.previewText().contains(
            QStringLiteral("-A OUTPUT -d 127.0.0.21/32 -p tcp -m tcp --dport 443")));
    QVERIFY(dialog.previewText().contains(QStringLiteral("files.example.test resolved at ")));
    dialog.resolveHostsBox()->setChecked(false);
    QVERIFY(!dialog.previewText().contains(QStringLiteral("127.0.0.21")));
}

// My environment's addresses make rules; no CLI option name reaches the dialog's text.
void TestExportDialog::siteAddresses()
{
    ExportDialog dialog(m_catalog, Language::English, {});
    dialog.setBaseScope([] {
        ExportScope scope;
        scope.roles = {QStringLiteral("agent")};
        return scope;
    }());
    QVERIFY(dialog.previewText().contains(QStringLiteral("No site address for DNS server (site key dns)")));
    QSignalSpy spy(&dialog, &ExportDialog::previewUpdated);
    dialog.setSiteAddresses({{QStringLiteral("dns"), QStringLiteral("127.0.0.53")}});
    QVERIFY(spy.count() >= 1);
    QVERIFY(dialog.useSiteBox()->isEnabled());
    QVERIFY(dialog.useSiteBox()->isChecked());
    QVERIFY(dialog.useSiteBox()->text().contains(QStringLiteral("site addresses")));
    QVERIFY2(dialog.previewText().contains(
                     QStringLiteral("-A OUTPUT -d 127.0.0.53/32 -p udp -m udp --dport 53 ")),
             qPrintable(dialog.previewText()));
    dialog.useSiteBox()->setChecked(false);
    QVERIFY(!dialog.previewText().contains(QStringLiteral("127.0.0.53")));
    for (const QString &format : ExporterRegistry().ids()) {
        dialog.setFormatId(format);
        QVERIFY2(!dialog.previewText().contains(QStringLiteral("--resolve-hosts"))
                         && !dialog.previewText().contains(QStringLiteral("--site"))
                         && !dialog.previewText().contains(QStringLiteral("--refresher")),
                 qPrintable(format));
        const QString status = dialog.findChild<QLabel *>(QStringLiteral("exportStatus"))->text();
        QVERIFY2(!status.contains(QStringLiteral("--")), qPrintable(status));
    }
}

void TestExportDialog::refresherSaved()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ExportDialog dialog(m_catalog, Language::English, {});
    dialog.setFormatId(QStringLiteral("nftables"));
    QCOMPARE(dialog.extraFiles().size(), 3);
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("exportStatus"))
                    ->text()
                    .contains(QStringLiteral("portolan-refresh.sh")));
    QCOMPARE(dialog.saveTo(dir.filePath(QStringLiteral("portolan.nft"))), QString());
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("portolan-refresh.sh"))));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("portolan-refresh.timer"))));
    QVERIFY(QFile::permissions(dir.filePath(QStringLiteral("portolan-refresh.sh"))) & QFile::ExeOwner);
    dialog.setFormatId(QStringLiteral("csv"));
    QVERIFY(dialog.extraFiles().isEmpty());
}

void TestExportDialog::copy()
{
    ExportDialog dialog(m_catalog, Language::English, {});
    dialog.setFormatId(QStringLiteral("squid"));
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(dialog.copyButton(), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), dialog.previewText());
    QVERIFY(dialog.previewText().contains(QStringLiteral("http_access allow")));
}

void TestExportDialog::save()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ExportDialog dialog(m_catalog, Language::English, {});
    dialog.setFormatId(QStringLiteral("terraform"));
    const QString file = dir.filePath(QStringLiteral("rules.tf"));
    QCOMPARE(dialog.saveTo(file), QString());
    QFile saved(file);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(saved.readAll()), dialog.previewText());
    // A failed save names the reason and leaves nothing behind.
    const QString bad = dir.filePath(QStringLiteral("missing/rules.tf"));
    QVERIFY(!dialog.saveTo(bad).isEmpty());
    QVERIFY(!QFile::exists(bad));
}

void TestExportDialog::csvByteOrderMark()
{
    // Excel in Japan reads a CSV without the mark as Shift_JIS: on by default in Japanese.
    QSettings().remove(QStringLiteral("files/csvByteOrderMark"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray bom("\xEF\xBB\xBF");
    {
        ExportDialog dialog(m_catalog, Language::English, {});
        dialog.setFormatId(QStringLiteral("iptables"));
        QVERIFY(dialog.csvByteOrderMarkBox()->isHidden()); // only CSV has it
        dialog.setFormatId(QStringLiteral("csv"));
        QVERIFY(!dialog.csvByteOrderMarkBox()->isHidden());
        QVERIFY(!dialog.csvByteOrderMarkBox()->isChecked());
        const QString file = dir.filePath(QStringLiteral("en.csv"));
        QCOMPARE(dialog.saveTo(file), QString());
        QFile saved(file);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), dialog.previewText().toUtf8());
    }
    {
        ExportDialog dialog(m_catalog, Language::Japanese, {});
        dialog.setFormatId(QStringLiteral("csv"));
        QVERIFY(dialog.csvByteOrderMarkBox()->isChecked());
        const QString file = dir.filePath(QStringLiteral("ja.csv"));
        QCOMPARE(dialog.saveTo(file), QString());
        QFile saved(file);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), bom + dialog.previewText().toUtf8());
        // Other formats never get one.
        dialog.setFormatId(QStringLiteral("iptables"));
        const QString rules = dir.filePath(QStringLiteral("rules.sh"));
        QCOMPARE(dialog.saveTo(rules), QString());
        QFile script(rules);
        QVERIFY(script.open(QIODevice::ReadOnly));
        QVERIFY(!script.readAll().startsWith(bom));
        // The user's choice is remembered, whatever the language.
        dialog.setFormatId(QStringLiteral("csv"));
        dialog.csvByteOrderMarkBox()->setChecked(false);
    }
    ExportDialog english(m_catalog, Language::Japanese, {});
    QVERIFY(!english.csvByteOrderMarkBox()->isChecked());
    QSettings().remove(QStringLiteral("files/csvByteOrderMark"));
}

void TestExportDialog::pacInverseAndSquidClients()
{
    ExportDialog dialog(m_catalog, Language::English, {});
    dialog.setFormatId(QStringLiteral("pac"));
    QVERIFY(!dialog.pacDirectBox()->isHidden());
    QVERIFY(dialog.sourcesEdit()->isHidden());
    QVERIFY(!dialog.pacDirectBox()->isEnabled()); // needs a proxy
    dialog.proxyEdit()->setText(QStringLiteral("10.0.0.1:3128"));
    QVERIFY(dialog.pacDirectBox()->isEnabled());
    QVERIFY(dialog.previewText().contains(QStringLiteral("return \"DIRECT\";\n}")));
    dialog.pacDirectBox()->setChecked(true);
    QVERIFY(dialog.previewText().contains(QStringLiteral("return \"PROXY 10.0.0.1:3128\";\n}")));
    QVERIFY(dialog.previewText().contains(QStringLiteral("The catalog's hosts go DIRECT")));

    dialog.setFormatId(QStringLiteral("squid"));
    QVERIFY(dialog.pacDirectBox()->isHidden());
    QVERIFY(!dialog.sourcesEdit()->isHidden());
    QVERIFY(!dialog.previewText().contains(QStringLiteral("portolan_clients")));
    dialog.sourcesEdit()->setText(QStringLiteral("10.0.0.0/8, 192.168.1.0/24 bogus;all"));
    QVERIFY(dialog.previewText().contains(
            QStringLiteral("acl portolan_clients src 10.0.0.0/8 192.168.1.0/24\n")));
    QVERIFY(dialog.previewText().contains(QStringLiteral("# Source \"bogus;all\" ignored")));
    QVERIFY(dialog.previewText().contains(
            QStringLiteral("http_access allow portolan_connect portolan_clients ")));
}

void TestExportDialog::screenshot()
{
    const QString target = qEnvironmentVariable("PORTOLAN_SCREENSHOT");
    if (target.isEmpty())
        QSKIP("set PORTOLAN_SCREENSHOT=FILE.png to save a picture of the dialog");
    ExportDialog dialog(m_catalog, Language::English, {QStringLiteral("url-update")});
    dialog.resize(1100, 640);
    dialog.setFormatId(QStringLiteral("iptables"));
    dialog.includeExpiredBox()->setChecked(true);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.grab().save(target));
    // The CSV format in Japanese: the byte order mark box, checked by default.
    QSettings().remove(QStringLiteral("files/csvByteOrderMark"));
    Translations::install(Language::Japanese);
    {
        ExportDialog japanese(m_catalog, Language::Japanese, {});
        japanese.resize(1100, 640);
        // PORTOLAN_SCREENSHOT_FORMAT=squid (say): another format's fields.
        const QString format = qEnvironmentVariable("PORTOLAN_SCREENSHOT_FORMAT", QStringLiteral("csv"));
        japanese.setFormatId(QStringLiteral("csv"));
        QVERIFY(japanese.csvByteOrderMarkBox()->isChecked());
        japanese.setFormatId(format);
        japanese.sourcesEdit()->setText(QStringLiteral("10.0.0.0/8"));
        japanese.show();
        QVERIFY(QTest::qWaitForWindowExposed(&japanese));
        QString csvTarget = target;
        csvTarget.replace(QLatin1String(".png"), QStringLiteral("-%1-ja.png").arg(format));
        QVERIFY(japanese.grab().save(csvTarget));
    }
    Translations::install(Language::English);
}

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
