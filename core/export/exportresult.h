#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

// A file an export writes beside its main text (the refresher script and its systemd units).
struct ExportFile
{
    QString fileName; // a plain name, no directory
    QString text;
    bool isExecutable = false;
};

// What an exporter produced: the text and how many of its items are real rules and how many
// are only comments (host names in an address format, site-specific peers, flows that need no
// network rule). The CLI and the dialog show summary().
struct ExportResult
{
    Q_DECLARE_TR_FUNCTIONS(ExportResult)

public:
    QString text;
    int ruleCount = 0;
    int commentCount = 0;
    QList<ExportFile> files; // written beside the main text (CLI --refresher, the dialog's Save)

    void addRule(const QString &lines)
    {
        text += lines;
        ++ruleCount;
    }
    void addComment(const QString &lines)
    {
        text += lines;
        ++commentCount;
    }
    // "12 rules, 3 comments"
    QString summary() const;
};
