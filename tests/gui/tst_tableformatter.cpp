#include "core/models/tableformatter.h"

#include <QAbstractItemModelTester>
#include <QStandardItemModel>
#include <QTest>

class TestTableFormatter : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void formats_data();
    void formats();
    void selectsRowsAndColumnsInOrder();
    void tsvCell_data();
    void tsvCell();
    void markdownCell_data();
    void markdownCell();

private:
    QStandardItemModel m_model;
};

void TestTableFormatter::init()
{
    m_model.clear();
    m_model.setHorizontalHeaderLabels(
            {QStringLiteral("Endpoint"), QStringLiteral("Ports"), QStringLiteral("Notes")});
    m_model.appendRow({new QStandardItem(QStringLiteral("a.localhost")),
                       new QStandardItem(QStringLiteral("443/TCP (HTTPS), 80/TCP (HTTP)")),
                       new QStandardItem(QStringLiteral("two\nlines | pipe"))});
    m_model.appendRow({new QStandardItem(QStringLiteral("=cmd")),
                       new QStandardItem(QStringLiteral("53/UDP (DNS)")),
                       new QStandardItem(QStringLiteral("tab\there \"quoted\""))});
}

void TestTableFormatter::formats_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<bool>("withHeader");
    QTest::addColumn<QString>("expected");
    QTest::addRow("tsv") << int(TableFormatter::Format::Tsv) << false
                         << "a.localhost\t443/TCP (HTTPS), 80/TCP (HTTP)\ttwo lines | pipe\n"
                            "=cmd\t53/UDP (DNS)\ttab here \"quoted\"\n";
    QTest::addRow("tsv with header") << int(TableFormatter::Format::Tsv) << true
                                     << "Endpoint\tPorts\tNotes\n"
                                        "a.localhost\t443/TCP (HTTPS), 80/TCP (HTTP)\ttwo lines | pipe\n"
                                        "=cmd\t53/UDP (DNS)\ttab here \"quoted\"\n";
    QTest::addRow("csv") << int(TableFormatter::Format::Csv) << true
                         << "Endpoint,Ports,Notes\r\n"
                            "a.localhost,\"443/TCP (HTTPS), 80/TCP (HTTP)\",\"two\nlines | pipe\"\r\n"
                            "'=cmd,53/UDP (DNS),\"tab\there \"\"quoted\"\"\"\r\n";
    QTest::addRow("markdown") << int(TableFormatter::Format::Markdown) << true
                              << "| Endpoint | Ports | Notes |\n"
                                 "| --- | --- | --- |\n"
                                 "| a.localhost | 443/TCP (HTTPS), 80/TCP (HTTP) | two<br>lines \\| pipe |\n"
                                 "| =cmd | 53/UDP (DNS) | tab\there \"quoted\" |\n";
}

void TestTableFormatter::formats()
{
    QFETCH(int, format);
    QFETCH(bool, withHeader);
    QFETCH(QString, expected);
    QAbstractItemModelTester tester(&m_model);
    QCOMPARE(TableFormatter::format(&m_model, TableFormatter::allRows(&m_model), {0, 1, 2},
                                    TableFormatter::Format(format), withHeader),
             expected);
}

void TestTableFormatter::selectsRowsAndColumnsInOrder()
{
    QCOMPARE(TableFormatter::format(&m_model, {1, 0}, {1, 0}, TableFormatter::Format::Tsv, true),
             QStringLiteral(
                     "Ports\tEndpoint\n53/UDP (DNS)\t=cmd\n443/TCP (HTTPS), 80/TCP (HTTP)\ta.localhost\n"));
    QCOMPARE(TableFormatter::format(&m_model, {}, {0}, TableFormatter::Format::Tsv, false), QString());
    QCOMPARE(TableFormatter::format(nullptr, {0}, {0}, TableFormatter::Format::Csv, true), QString());
    QCOMPARE(TableFormatter::allRows(&m_model), (QList<int>{0, 1}));
}

void TestTableFormatter::tsvCell_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addRow("plain") << "abc"
                           << "abc";
    QTest::addRow("tab") << "a\tb"
                         << "a b";
    QTest::addRow("crlf") << "a\r\nb"
                          << "a b";
    QTest::addRow("several") << "a\n\n\tb"
                             << "a b";
}

void TestTableFormatter::tsvCell()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(TableFormatter::tsvCell(text), expected);
}

void TestTableFormatter::markdownCell_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addRow("plain") << "abc"
                           << "abc";
    QTest::addRow("pipe") << "a|b"
                          << "a\\|b";
    QTest::addRow("backslash") << "a\\|b"
                               << "a\\\\\\|b";
    QTest::addRow("crlf") << "a\r\nb"
                          << "a<br>b";
    QTest::addRow("lf") << "a\nb"
                        << "a<br>b";
}

void TestTableFormatter::markdownCell()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(TableFormatter::markdownCell(text), expected);
}

QTEST_GUILESS_MAIN(TestTableFormatter)
#include "tst_tableformatter.moc"
