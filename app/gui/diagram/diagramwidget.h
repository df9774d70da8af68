#pragma once

#include "core/catalog/catalog.h"
#include "core/catalog/flowfilter.h"
#include "core/diagram/diagrampainter.h"
#include "core/diagram/diagramresults.h"
#include "core/i18n/language.h"

#include <QSet>
#include <QWidget>

class DiagramView;
class PresentationWindow;
class QAction;
class QMenu;
class QPrinter;
class QToolBar;

// The diagram tab: a DiagramView under a tool bar (zoom in, zoom out, fit, host names, export,
// print, present). The main window embeds it and may put exportAction() and printAction() in its
// File menu ("Export diagram…", "Print diagram…").
class DiagramWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagramWidget)

public:
    explicit DiagramWidget(QWidget *parent = nullptr);
    ~DiagramWidget() override;

    DiagramView *view() const { return m_view; }
    QAction *exportAction() const { return m_exportAction; }
    // Present's walkthrough as a PDF to hand out: the overview and a page per step.
    QAction *handoutAction() const { return m_handoutAction; }
    QString exportHandoutTo(const QString &fileName) const;
    QAction *printAction() const { return m_printAction; }
    QAction *presentAction() const { return m_presentAction; }
    // Checkable: key host names under each arrow's ports (H); remembered.
    QAction *hostsAction() const { return m_hostsAction; }
    PresentationWindow *presentationWindow() const { return m_presentation; }
    // "Present for": the whole diagram or one role's walkthrough (Agent, Relay, …).
    QMenu *presentForMenu() const { return m_presentForMenu; }

    // Writes what the view shows (without highlight) to an SVG, PNG or PDF file, the format
    // from the suffix. Returns the error, empty on success.
    QString exportTo(const QString &fileName) const;
    // One line for the window's status bar while this tab is shown.
    QString statusText() const;
    void printTo(QPrinter *printer) const;

public slots:
    void setCatalog(const Catalog &catalog);
    void setLanguage(Language language);
    void setRoleFilter(const QString &componentId);
    void setShowExpired(bool show);
    // The role (first of filter.roles) and includeExpired; see DiagramScene::setFlowFilter().
    void setFlowFilter(const FlowFilter &filter);
    void setResults(const DiagramResults &results);
    void setHighlightedFlows(const QSet<QString> &flowIds);
    void exportDiagram();
    void exportHandout();
    void printDiagram();
    void present();
    // Present's walkthrough for one role (a component id); empty: every flow.
    void presentFor(const QString &componentId);

signals:
    void componentActivated(const QString &componentId);
    // A component or an arrow was clicked: the catalog flow ids it stands for.
    void flowsActivated(const QSet<QString> &flowIds);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateIcons();
    void retranslate();
    void rebuildPresentForMenu();
    // What files and paper show: the view's results and options, no highlight, light colours.
    DiagramState paperState() const;

    DiagramView *m_view;
    QToolBar *m_toolBar;
    QAction *m_zoomInAction;
    QAction *m_zoomOutAction;
    QAction *m_fitAction;
    QAction *m_exportAction;
    QAction *m_handoutAction;
    QAction *m_printAction;
    QAction *m_presentAction;
    QAction *m_hostsAction;
    QMenu *m_presentForMenu;
    PresentationWindow *m_presentation = nullptr;
};
