// Plural forms: every "%n" message reads right for one and for many, in English and Japanese,
// and no message falls back on "(s)".

#include "core/i18n/translations.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { Translations::install(Language::English); }
    void noSourceSaysS();
    void englishPluralForms();
    void japaneseHasEveryPluralMessage();
    void japaneseGlossary();

private:
    struct Message
    {
        QByteArray context;
        QByteArray source;
    };
    // The numerus messages of a .ts file, with their contexts (XML entities decoded).
    static QList<Message> pluralMessages(const QString &tsFile);
};

QList<TestTranslations::Message> TestTranslations::pluralMessages(const QString &tsFile)
{
    QFile file(tsFile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    QList<Message> messages;
    static const QRegularExpression context(
            QStringLiteral("<context>\\s*<name>([^<]*)</name>(.*?)</context>"),
            QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression message(
            QStringLiteral("<message numerus=\"yes\">\\s*<source>([^<]*)</source>"));
    for (auto c = context.globalMatch(text); c.hasNext();) {
        const auto cm = c.next();
        for (auto m = message.globalMatch(cm.captured(2)); m.hasNext();) {
            QString source = m.next().captured(1);
            source.replace(QLatin1String("&lt;"), QLatin1String("<"))
                    .replace(QLatin1String("&gt;"), QLatin1String(">"))
                    .replace(QLatin1String("&quot;"), QLatin1String("\""))
                    .replace(QLatin1String("&apos;"), QLatin1String("'"))
                    .replace(QLatin1String("&amp;"), QLatin1String("&"));
            messages.append({cm.captured(1).toUtf8(), source.toUtf8()});
        }
    }
    return messages;
}

void TestTranslations::noSourceSaysS()
{
    QFile file(QStringLiteral(PORTOLAN_SOURCE_DIR "/translations/portolan_ja.ts"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    static const QRegularExpression s(QStringLiteral("<source>[^<]*\\(s\\)[^<]*</source>"));
    const auto match = s.match(text);
    QVERIFY2(!match.hasMatch(), qPrintable(match.captured(0)));
}

void TestTranslations::englishPluralForms()
{
    const QList<Message> messages =
            pluralMessages(QStringLiteral(PORTOLAN_SOURCE_DIR "/translations/portolan_en.ts"));
    QVERIFY(messages.size() >= 20);
    QVERIFY(Translations::install(Language::English));
    for (const Message &m : messages) {
        const QString one = QCoreApplication::translate(m.context, m.source, nullptr, 1);
        const QString many = QCoreApplication::translate(m.context, m.source, nullptr, 2);
        QVERIFY2(one != many, m.source.constData());
        QVERIFY2(one.contains(QLatin1String("1")) && many.contains(QLatin1String("2")), m.source.constData());
        QCOMPARE(many, QString::fromUtf8(m.source).replace(QLatin1String("%n"), QLatin1String("2")));
    }
    QCOMPARE(QCoreApplication::translate("HtmlReport", "%n checks failed, %1 of them for required flows.",
                                         nullptr, 1)
                     .arg(0),
             QStringLiteral("1 check failed, 0 of them for required flows."));
}

void TestTranslations::japaneseHasEveryPluralMessage()
{
    const QList<Message> messages =
            pluralMessages(QStringLiteral(PORTOLAN_SOURCE_DIR "/translations/portolan_en.ts"));
    QVERIFY(Translations::install(Language::Japanese));
    for (const Message &m : messages) {
        const QString one = QCoreApplication::translate(m.context, m.source, nullptr, 1);
        QVERIFY2(one != QString::fromUtf8(m.source).replace(QLatin1String("%n"), QLatin1String("1")),
                 m.source.constData());
        QVERIFY2(!one.contains(QLatin1String("%n")), m.source.constData());
    }
    QCOMPARE(QCoreApplication::translate("HtmlReport", "%n checks failed, %1 of them for required flows.",
                                         nullptr, 3)
                     .arg(1),
             QStringLiteral("3件のチェックが失敗しました(うち必須のフロー1件)。"));
}

void TestTranslations::japaneseGlossary()
{
    // resources/catalog/GLOSSARY.md, for the UI as for the catalog: one form per term, and no
    // space between two Japanese characters.
    QFile file(QStringLiteral(PORTOLAN_SOURCE_DIR "/translations/portolan_ja.ts"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    static const QRegularExpression translation(QStringLiteral("<(?:translation|numerusform)>([^<]*)</"));
    QStringList translations;
    for (auto m = translation.globalMatch(text); m.hasNext();)
        translations.append(m.next().captured(1));
    QVERIFY(translations.size() > 1000);
    const QStringList banned{
            QStringLiteral("サーバ(?!ー)"), QStringLiteral("アウトバウンド"), QStringLiteral("インバウンド"),
            QStringLiteral("一時ポート"), QStringLiteral("マネージャ(?!ー)"),
            QStringLiteral("コンピュータ(?!ー)"), QStringLiteral("ブラウザ(?!ー)"),
            // To a network engineer 逆引き is reverse DNS; 環境設定 reads as the preferences.
            QStringLiteral("逆引き"), QStringLiteral("環境設定"), QStringLiteral("自社環境"),
            QStringLiteral("(?<!Deep Security )Relay"), QStringLiteral("(?<!Deep Security )Agent"),
            // A stray space between Japanese characters.
            QStringLiteral("[\\x{3000}-\\x{30ff}\\x{3400}-\\x{9fff}\\x{ff00}-\\x{ffef}] +"
                           "[\\x{3000}-\\x{30ff}\\x{3400}-\\x{9fff}\\x{ff00}-\\x{ffef}]")};
    for (const QString &pattern : banned) {
        const QRegularExpression re(pattern);
        QVERIFY2(re.isValid(), qPrintable(pattern));
        for (const QString &t : std::as_const(translations))
            QVERIFY2(!re.match(t).hasMatch(), qPrintable(pattern + QStringLiteral(": ") + t));
    }
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
