#pragma once

#include "core/catalog/catalog.h"
#include "core/export/exporterregistry.h"
#include "core/export/exportselection.h"
#include "core/i18n/language.h"

#include <QDialog>
#include <QHash>
#include <QHostAddress>
#include <QMap>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

// Exports the catalog as rules to paste: pick a format and a scope, read the live preview, copy
// it or save it. The exporters in core/export do the work; the dialog only collects the request.
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    ExportDialog(const Catalog &catalog, Language language, const QStringList &selectedFlowIds,
                 QWidget *parent = nullptr);

    // The explorer's filter (features, agent version, direction, ...) that the export starts
    // from; the dialog's own boxes set roles, required only, expired and the selection.
    void setBaseScope(const ExportScope &scope);
    ExportScope baseScope() const { return m_baseScope; }

    // The addresses of the user's site (site key -> address): by default the Site addresses
    // (EnvironmentSettings in QSettings). Their customer-side flows become real rules.
    void setSiteAddresses(const QMap<QString, QString> &addresses);
    QMap<QString, QString> siteAddresses() const { return m_siteAddresses; }

    // Replaces the asynchronous system resolver (QHostInfo) with a synchronous one; for tests.
    void setHostResolver(const ExportSelection::Resolver &resolver);

    QString formatId() const;
    void setFormatId(const QString &id);
    ExportRequest request() const;
    QString previewText() const;
    // "N rules, M comments" of the preview.
    QString summary() const { return m_summary; }
    // The files the format writes beside the rules (the refresher of the set-based formats).
    QList<ExportFile> extraFiles() const { return m_files; }
    // Writes the preview atomically (QSaveFile), and the extra files beside it; on failure
    // returns the reason, else empty.
    QString saveTo(const QString &fileName) const;

    QComboBox *formatCombo() const { return m_format; }
    QPlainTextEdit *preview() const { return m_preview; }
    QCheckBox *requiredOnlyBox() const { return m_requiredOnly; }
    QCheckBox *includeExpiredBox() const { return m_includeExpired; }
    QCheckBox *selectedOnlyBox() const { return m_selectedOnly; }
    QCheckBox *resolveHostsBox() const { return m_resolveHosts; }
    QCheckBox *useSiteBox() const { return m_useSite; }
    // CSV only: UTF-8 with a byte order mark, so that Excel reads it (on by default in Japanese).
    QCheckBox *csvByteOrderMarkBox() const { return m_csvByteOrderMark; }
    QLineEdit *proxyEdit() const { return m_proxy; }
    // pac only: the inverse file, the catalog's hosts DIRECT and the rest through the proxy.
    QCheckBox *pacDirectBox() const { return m_pacDirect; }
    // squid only: the clients allowed, subnets or addresses separated by commas or spaces.
    QLineEdit *sourcesEdit() const { return m_sources; }
    QPushButton *copyButton() const { return m_copy; }
    QPushButton *saveButton() const { return m_save; }
    QList<QCheckBox *> roleBoxes() const { return m_roles; }

signals:
    void previewUpdated();

private:
    void updatePreview();
    void startResolving();
    void copy();
    void save();
    const RuleExporter *exporter() const;

    Catalog m_catalog;
    Language m_language;
    QStringList m_selectedFlowIds;
    ExportScope m_baseScope;
    QString m_summary;
    QMap<QString, QString> m_siteAddresses;
    QList<ExportFile> m_files;
    ExporterRegistry m_registry;
    ExportSelection::Resolver m_resolver;
    QHash<QString, QList<QHostAddress>> m_resolved;
    QDateTime m_resolvedAt;
    int m_resolveGeneration = 0;
    int m_pendingLookups = 0;

    QComboBox *m_format;
    QList<QCheckBox *> m_roles;
    QCheckBox *m_requiredOnly;
    QCheckBox *m_includeExpired;
    QCheckBox *m_selectedOnly;
    QLineEdit *m_proxy;
    QLabel *m_proxyProblem;
    QCheckBox *m_resolveHosts;
    QCheckBox *m_useSite;
    QCheckBox *m_csvByteOrderMark;
    QCheckBox *m_pacDirect;
    QLineEdit *m_sources;
    QLabel *m_sourcesLabel;
    QLabel *m_status;
    QPlainTextEdit *m_preview;
    QPushButton *m_copy;
    QPushButton *m_save;
};
