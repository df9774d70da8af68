// BoundedRead: a file the user names is read up to a limit, whatever it is. QFile::size() is 0
// for FIFOs and devices, so a size check let /dev/zero or a pipe fill the memory.

#include "core/util/boundedread.h"
#include "tests/memoryusage.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

class tst_BoundedRead : public QObject
{
    Q_OBJECT

private slots:
    void regularFiles_data();
    void regularFiles();
    void devZeroIsRefused();
    void fifoLargerThanTheLimit();
    void fifoWithinTheLimit();
    void errorsNameTheSystemReason_data();
    void errorsNameTheSystemReason();

private:
    // A FIFO in a temporary directory, fed with bytes zero bytes by a child process.
    QString feedFifo(QTemporaryDir &dir, qint64 bytes, QProcess &writer);
};

void tst_BoundedRead::regularFiles_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("limit");
    QTest::addColumn<bool>("accepted");
    QTest::addRow("empty") << 0 << 10 << true;
    QTest::addRow("below") << 9 << 10 << true;
    QTest::addRow("exactly the limit") << 10 << 10 << true;
    QTest::addRow("one byte over") << 11 << 10 << false;
    QTest::addRow("several chunks") << 300'000 << 300'000 << true;
    QTest::addRow("several chunks, over") << 300'001 << 300'000 << false;
}

void tst_BoundedRead::regularFiles()
{
    QFETCH(int, size);
    QFETCH(int, limit);
    QFETCH(bool, accepted);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = dir.filePath(QStringLiteral("data.bin"));
    QByteArray content(size, '\0');
    for (int i = 0; i < size; ++i)
        content[i] = char(i * 7);
    QFile file(fileName);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), qint64(size));
    file.close();
    const auto read = BoundedRead::readFile(fileName, limit);
    QCOMPARE(std::holds_alternative<QByteArray>(read), accepted);
    if (accepted) {
        QCOMPARE(std::get<QByteArray>(read), content);
    } else {
        QVERIFY2(std::get<QString>(read).contains(QLatin1String("larger than")),
                 qPrintable(std::get<QString>(read)));
        QVERIFY(std::get<QString>(read).contains(fileName));
    }
}

void tst_BoundedRead::devZeroIsRefused()
{
    if (!QFile::exists(QStringLiteral("/dev/zero")))
        QSKIP("no /dev/zero");
    MemoryUsage::resetPeak();
    const qint64 before = MemoryUsage::peakRssKiB();
    const auto read = BoundedRead::readFile(QStringLiteral("/dev/zero"), 1024 * 1024);
    const qint64 growthKiB = MemoryUsage::peakRssKiB() - before;
    QVERIFY(std::holds_alternative<QString>(read));
    QVERIFY2(std::get<QString>(read).contains(QLatin1String("/dev/zero: the file is larger than 1")),
             qPrintable(std::get<QString>(read)));
    QVERIFY2(growthKiB < 8 * 1024, qPrintable(QStringLiteral("%1 KiB").arg(growthKiB)));
}

QString tst_BoundedRead::feedFifo(QTemporaryDir &dir, qint64 bytes, QProcess &writer)
{
    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    if (::mkfifo(QFile::encodeName(fifo).constData(), 0600) != 0)
        return {};
    // The writer dies of SIGPIPE when the reader stops early: it is a child, not this process.
    writer.start(QStringLiteral("sh"),
                 {QStringLiteral("-c"), QStringLiteral("head -c %1 /dev/zero > \"$0\"").arg(bytes), fifo});
    return writer.waitForStarted(5000) ? fifo : QString();
}

void tst_BoundedRead::fifoLargerThanTheLimit()
{
    QTemporaryDir dir;
    QProcess writer;
    const QString fifo = feedFifo(dir, 5 * 1024 * 1024, writer);
    if (fifo.isEmpty())
        QSKIP("cannot create a FIFO here");
    QCOMPARE(QFile(fifo).size(), qint64(0)); // why a size check cannot work
    const auto read = BoundedRead::readFile(fifo, 1024 * 1024);
    QVERIFY(std::holds_alternative<QString>(read));
    QVERIFY2(std::get<QString>(read).contains(QLatin1String("larger than")),
             qPrintable(std::get<QString>(read)));
    QVERIFY(writer.waitForFinished(5000));
}

void tst_BoundedRead::fifoWithinTheLimit()
{
    QTemporaryDir dir;
    QProcess writer;
    const QString fifo = feedFifo(dir, 200'000, writer);
    if (fifo.isEmpty())
        QSKIP("cannot create a FIFO here");
    const auto read = BoundedRead::readFile(fifo, 1024 * 1024);
    QVERIFY(std::holds_alternative<QByteArray>(read));
    QCOMPARE(std::get<QByteArray>(read), QByteArray(200'000, '\0'));
    QVERIFY(writer.waitForFinished(5000));
}

void tst_BoundedRead::errorsNameTheSystemReason_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("reason");
    QTest::addRow("missing") << QStringLiteral("/nonexistent/ca.pem") << "No such file or directory";
    QTest::addRow("directory") << QStringLiteral("/") << "directory";
}

void tst_BoundedRead::errorsNameTheSystemReason()
{
    QFETCH(QString, fileName);
    QFETCH(QString, reason);
    const auto read = BoundedRead::readFile(fileName, 1024);
    QVERIFY(std::holds_alternative<QString>(read));
    const QString error = std::get<QString>(read);
    QVERIFY2(error.startsWith(fileName + QLatin1Char(':')), qPrintable(error));
    QVERIFY2(error.contains(reason, Qt::CaseInsensitive), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1String("Unknown error")), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_BoundedRead)
#include "tst_boundedread.moc"
