// ControlCharacters: what every text output does to network- and file-controlled text.

#include "core/util/controlcharacters.h"

#include <QTest>

class tst_ControlCharacters : public QObject
{
    Q_OBJECT

private slots:
    void escaped_data();
    void escaped();
};

void tst_ControlCharacters::escaped_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addRow("plain") << "ERR_ACCESS_DENIED 0"
                           << "ERR_ACCESS_DENIED 0";
    QTest::addRow("other scripts") << QStringLiteral("証明書 café ü — ok")
                                   << QStringLiteral("証明書 café ü — ok");
    QTest::addRow("no-break space stays") << QStringLiteral("a\u00a0b") << QStringLiteral("a\u00a0b");
    QTest::addRow("escape sequence") << QStringLiteral("\x1b[31mred\x1b[0m") << "\\x1b[31mred\\x1b[0m";
    QTest::addRow("window title") << QStringLiteral("\x1b]0;pwned\x07") << "\\x1b]0;pwned\\x07";
    QTest::addRow("nul") << QString(QChar(0)) + QStringLiteral("x") << "\\x00x";
    QTest::addRow("forged line") << "ok\r\nFORGED"
                                 << "ok\\x0d\\x0aFORGED";
    QTest::addRow("tab") << "a\tb"
                         << "a\\x09b";
    QTest::addRow("del") << QStringLiteral("a\x7f") << "a\\x7f";
    QTest::addRow("C1 next line") << QStringLiteral("a\u0085b") << "a\\u0085b";
    QTest::addRow("C1 control sequence introducer") << QStringLiteral("\u009b2J") << "\\u009b2J";
    QTest::addRow("last C1") << QStringLiteral("\u009f") << "\\u009f";
    QTest::addRow("empty") << QString() << QString();
}

void tst_ControlCharacters::escaped()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const QString result = ControlCharacters::escaped(text);
    QCOMPARE(result, expected);
    QVERIFY(!ControlCharacters::contains(result));
    QCOMPARE(ControlCharacters::contains(text), text != expected);
    QCOMPARE(ControlCharacters::escaped(result), result); // applying it twice changes nothing
}

QTEST_GUILESS_MAIN(tst_ControlCharacters)
#include "tst_controlcharacters.moc"
