// OutputFile: what --output and Save… write through. Atomic for regular files, in place for
// devices and FIFOs (QSaveFile would replace them with a regular file), errors in the system's
// words, and the temporaries a killed QSaveFile leaves removed, but only those.

#include "core/util/outputfile.h"
#include "core/util/textfile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

bool isFifo(const QString &fileName)
{
    struct stat info
    {
    };
    return ::lstat(QFile::encodeName(fileName).constData(), &info) == 0 && S_ISFIFO(info.st_mode);
}

bool isCharacterDevice(const QString &fileName)
{
    struct stat info
    {
    };
    return ::lstat(QFile::encodeName(fileName).constData(), &info) == 0 && S_ISCHR(info.st_mode);
}

bool makeFile(const QString &fileName, const QByteArray &content, qint64 ageSeconds)
{
    QFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.flush())
        return false;
    return file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-ageSeconds),
                            QFileDevice::FileModificationTime);
}

QByteArray contents(const QString &fileName)
{
    QFile file(fileName);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_OutputFile : public QObject
{
    Q_OBJECT

private slots:
    void replacesAtomically();
    void failedWriteKeepsTheOldContent();
    void fifoIsWrittenInPlace();
    void devFullGivesTheSystemReason();
    void missingDirectoryGivesTheSystemReason();
    void staleTemporaries_data();
    void staleTemporaries();
    void staleTemporariesOfAPlaceholderName();
    void staleTemporariesNextToASymlinkTarget();
    void openRemovesStaleTemporaries();
};

void tst_OutputFile::replacesAtomically()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("out.txt"));
    QVERIFY(makeFile(target, "old", 0));
    QCOMPARE(OutputFile::writeFile(target, "new content"), std::nullopt);
    QCOMPARE(contents(target), QByteArray("new content"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("out.txt")});
    QCOMPARE(TextFile::write(target, QStringLiteral("text")), std::nullopt);
    QCOMPARE(contents(target), QByteArray("text"));
}

void tst_OutputFile::failedWriteKeepsTheOldContent()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("out.txt"));
    QVERIFY(makeFile(target, "old", 0));
    {
        OutputFile file(target);
        QCOMPARE(file.open(), std::nullopt);
        QCOMPARE(file.write("half"), std::nullopt);
        // Destroyed without commit(): as if the run failed.
    }
    QCOMPARE(contents(target), QByteArray("old"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("out.txt")});
}

void tst_OutputFile::fifoIsWrittenInPlace()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("pipe"));
    if (::mkfifo(QFile::encodeName(fifo).constData(), 0600) != 0)
        QSKIP("cannot create a FIFO here");
    const QString captured = dir.filePath(QStringLiteral("captured"));
    QProcess reader;
    reader.start(QStringLiteral("sh"),
                 {QStringLiteral("-c"), QStringLiteral("cat \"$0\" > \"$1\""), fifo, captured});
    QVERIFY(reader.waitForStarted());
    const QByteArray data(100'000, 'x');
    QCOMPARE(OutputFile::writeFile(fifo, data), std::nullopt);
    QVERIFY(reader.waitForFinished(10000));
    QVERIFY(isFifo(fifo));
    QCOMPARE(contents(captured), data);
}

void tst_OutputFile::devFullGivesTheSystemReason()
{
    if (!isCharacterDevice(QStringLiteral("/dev/full")))
        QSKIP("no /dev/full");
    const auto error = OutputFile::writeFile(QStringLiteral("/dev/full"), QByteArray(100'000, 'x'));
    QVERIFY(error);
    QVERIFY2(error->contains(QLatin1String("No space left on device")), qPrintable(*error));
    // Still the device: it was written in place, never replaced.
    QVERIFY(isCharacterDevice(QStringLiteral("/dev/full")));
    const auto small = OutputFile::writeFile(QStringLiteral("/dev/full"), "x");
    QVERIFY(small);
    QVERIFY2(small->contains(QLatin1String("No space left on device")), qPrintable(*small));
}

void tst_OutputFile::missingDirectoryGivesTheSystemReason()
{
    OutputFile file(QStringLiteral("/nonexistent/dir/out.txt"));
    const auto error = file.open();
    QVERIFY(error);
    QVERIFY2(error->contains(QLatin1String("No such file or directory")), qPrintable(*error));
    QVERIFY(!error->contains(QLatin1String("Unknown error")));
    QCOMPARE(file.write("x"), std::optional<QString>(OutputFile::tr("the file is not open")));
}

void tst_OutputFile::staleTemporaries_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("ageSeconds");
    QTest::addColumn<bool>("removed");

    const int old = 3600;
    QTest::addRow("stale temporary") << "report.csv.AbCdEf" << old << true;
    QTest::addRow("stale temporary, other letters") << "report.csv.xQzPwR" << old << true;
    QTest::addRow("recent temporary: a live writer") << "report.csv.QwErTy" << 60 << false;
    QTest::addRow("word suffix") << "report.csv.backup" << old << false;
    QTest::addRow("upper-case word suffix") << "report.csv.BACKUP" << old << false;
    QTest::addRow("capitalised word suffix") << "report.csv.Backup" << old << false;
    QTest::addRow("five letters") << "report.csv.AbCdE" << old << false;
    QTest::addRow("seven letters") << "report.csv.AbCdEfG" << old << false;
    QTest::addRow("a digit") << "report.csv.AbC1Ef" << old << false;
    QTest::addRow("another file's temporary") << "other.csv.AbCdEf" << old << false;
    QTest::addRow("no dot") << "report.csvAbCdEf" << old << false;
    QTest::addRow("longer name") << "myreport.csv.AbCdEf" << old << false;
    QTest::addRow("the target itself") << "report.csv" << old << false;
}

void tst_OutputFile::staleTemporaries()
{
    QFETCH(QString, name);
    QFETCH(int, ageSeconds);
    QFETCH(bool, removed);
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("report.csv"));
    const QString candidate = dir.filePath(name);
    QVERIFY(makeFile(candidate, "data", ageSeconds));
    QCOMPARE(OutputFile::removeStaleTemporaries(target), removed ? 1 : 0);
    QCOMPARE(QFile::exists(candidate), !removed);
}

void tst_OutputFile::staleTemporariesOfAPlaceholderName()
{
    // QSaveFile replaces the last run of six or more X in the name instead of appending.
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("runXXXXXXX.json"));
    QVERIFY(makeFile(dir.filePath(QStringLiteral("runAbCdEfG.json")), "t", 3600));
    QVERIFY(makeFile(dir.filePath(QStringLiteral("runXXXXXXX.json.AbCdEf")), "t", 3600));
    QVERIFY(makeFile(dir.filePath(QStringLiteral("runAbCdEf.json")), "t", 3600));
    QCOMPARE(OutputFile::removeStaleTemporaries(target), 1);
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("runAbCdEfG.json"))));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("runXXXXXXX.json.AbCdEf"))));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("runAbCdEf.json"))));
}

void tst_OutputFile::staleTemporariesNextToASymlinkTarget()
{
    // QSaveFile writes next to the file a symbolic link points to.
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("real")));
    const QString real = dir.filePath(QStringLiteral("real/data.json"));
    QVERIFY(makeFile(real, "{}", 0));
    const QString link = dir.filePath(QStringLiteral("link.json"));
    QVERIFY(QFile::link(real, link));
    QVERIFY(makeFile(dir.filePath(QStringLiteral("real/data.json.AbCdEf")), "t", 3600));
    QVERIFY(makeFile(dir.filePath(QStringLiteral("link.json.AbCdEf")), "t", 3600));
    QCOMPARE(OutputFile::removeStaleTemporaries(link), 1);
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("real/data.json.AbCdEf"))));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("link.json.AbCdEf"))));
    // A symbolic link or a directory with a temporary's name is left alone.
    QVERIFY(QFile::link(real, dir.filePath(QStringLiteral("real/data.json.GhIjKl"))));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("real/data.json.MnOpQr")));
    QCOMPARE(OutputFile::removeStaleTemporaries(real), 0);
}

void tst_OutputFile::openRemovesStaleTemporaries()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("out.json"));
    QVERIFY(makeFile(dir.filePath(QStringLiteral("out.json.KiLlEd")), "partial", 3600));
    QCOMPARE(TextFile::write(target, QStringLiteral("{}")), std::nullopt);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("out.json")});
}

QTEST_GUILESS_MAIN(tst_OutputFile)
#include "tst_outputfile.moc"
