#pragma once

#include "core/catalog/catalog.h"
#include "core/catalog/flowfilter.h"
#include "core/i18n/language.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QThread;
class TriageModel;
struct TriageReport;

// Log triage: open or drop a firewall or proxy log, see the flows it hits, the catalog
// endpoints it reaches on ports no flow uses, with counts and sample lines, and export the rules
// for exactly the flows hit. The reading runs on a worker thread, with progress and Cancel.
class TriageView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TriageView)

public:
    explicit TriageView(QWidget *parent = nullptr);
    ~TriageView() override;

    void setCatalog(const Catalog &catalog);
    void setLanguage(Language language);
    void setRoles(const QStringList &roles);

    // Starts reading the file; finished() follows (or failed()).
    void openFile(const QString &fileName);
    void cancel();
    bool isRunning() const;

    TriageModel *model() const { return m_model; }
    // The flows hit, as an export scope.
    FlowFilter exportScope() const;

    // One line for the window's status bar while this tab is shown.
    QString statusText() const;

signals:
    // statusText() changed.
    void statusChanged();
    void finished();
    void failed(const QString &message);
    void exportRequested(const FlowFilter &scope);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void chooseFile();
    void showReport(const TriageReport &report);
    void showSamples();
    void retranslate();
    void updateStatus();

    Catalog m_catalog;
    QStringList m_roles;
    QString m_fileName;
    TriageModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QPushButton *m_openButton;
    QPushButton *m_cancelButton;
    QPushButton *m_exportButton;
    QLineEdit *m_filter;
    QLabel *m_summary;
    QProgressBar *m_progress;
    QTableView *m_table;
    QPlainTextEdit *m_samples;
    QThread *m_worker = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    QString m_error;
};
