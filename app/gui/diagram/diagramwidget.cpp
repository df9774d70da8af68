#include "diagramwidget.h"

#include "app/gui/common/appicons.h"
#include "app/gui/common/filedialogs.h"

#include "app/gui/diagram/diagramscene.h"
#include "app/gui/diagram/diagramview.h"
#include "app/gui/diagram/presentationwindow.h"
#include "core/diagram/diagramexporter.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPrintDialog>
#include <QPrinter>
#include <QSettings>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

DiagramWidget::DiagramWidget(QWidget *parent)
    : QWidget(parent)
    , m_view(new DiagramView(this))
    , m_toolBar(new QToolBar(this))
    , m_zoomInAction(new QAction(this))
    , m_zoomOutAction(new QAction(this))
    , m_fitAction(new QAction(this))
    , m_exportAction(new QAction(this))
    , m_handoutAction(new QAction(this))
    , m_printAction(new QAction(this))
    , m_presentAction(new QAction(this))
    , m_hostsAction(new QAction(this))
    , m_presentForMenu(new QMenu(this))
{
    updateIcons();
    m_presentAction->setShortcut(QKeySequence(Qt::Key_F11)); // F5 runs the connectivity test
    // F11 anywhere in the window, once the main window puts the action in its View menu.
    m_presentAction->setShortcutContext(Qt::ApplicationShortcut);
    addAction(m_presentAction);

    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_zoomInAction);
    m_toolBar->addAction(m_zoomOutAction);
    m_toolBar->addAction(m_fitAction);
    m_toolBar->addAction(m_hostsAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_exportAction);
    m_toolBar->addAction(m_printAction);
    m_toolBar->addSeparator();
    // Present, with the per-role walkthroughs a click on its arrow away.
    auto *presentButton = new QToolButton(m_toolBar);
    presentButton->setObjectName(QStringLiteral("presentButton"));
    presentButton->setDefaultAction(m_presentAction);
    presentButton->setMenu(m_presentForMenu);
    presentButton->setPopupMode(QToolButton::MenuButtonPopup);
    presentButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addWidget(presentButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_view, 1);

    connect(m_zoomInAction, &QAction::triggered, m_view, &DiagramView::zoomIn);
    connect(m_zoomOutAction, &QAction::triggered, m_view, &DiagramView::zoomOut);
    connect(m_fitAction, &QAction::triggered, m_view, &DiagramView::fitToWindow);
    connect(m_exportAction, &QAction::triggered, this, &DiagramWidget::exportDiagram);
    m_handoutAction->setObjectName(QStringLiteral("handoutAction"));
    connect(m_handoutAction, &QAction::triggered, this, &DiagramWidget::exportHandout);
    connect(m_printAction, &QAction::triggered, this, &DiagramWidget::printDiagram);
    connect(m_presentAction, &QAction::triggered, this, &DiagramWidget::present);
    m_hostsAction->setObjectName(QStringLiteral("hostsAction"));
    m_hostsAction->setCheckable(true);
    m_hostsAction->setShortcut(QKeySequence(Qt::Key_H));
    m_hostsAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_hostsAction);
    m_hostsAction->setChecked(QSettings().value(QStringLiteral("diagram/showHosts"), false).toBool());
    m_view->setShowHosts(m_hostsAction->isChecked());
    connect(m_hostsAction, &QAction::toggled, this, [this](bool show) {
        QSettings().setValue(QStringLiteral("diagram/showHosts"), show);
        m_view->setShowHosts(show);
        if (m_presentation)
            m_presentation->setShowHosts(show);
    });
    connect(m_view, &DiagramView::componentActivated, this, &DiagramWidget::componentActivated);
    connect(m_view, &DiagramView::flowsActivated, this, &DiagramWidget::flowsActivated);
    retranslate();
}

DiagramWidget::~DiagramWidget()
{
    delete m_presentation;
}

void DiagramWidget::retranslate()
{
    m_zoomInAction->setText(tr("Zoom in"));
    m_zoomInAction->setToolTip(tr("Zoom in (Ctrl++ or the mouse wheel)"));
    m_zoomOutAction->setText(tr("Zoom out"));
    m_zoomOutAction->setToolTip(tr("Zoom out (Ctrl+- or the mouse wheel)"));
    m_fitAction->setText(tr("Fit"));
    m_fitAction->setToolTip(tr("Fit the diagram to the window (Ctrl+0)"));
    m_exportAction->setText(tr("Export diagram…"));
    m_exportAction->setToolTip(tr("Save the diagram as SVG, PNG or PDF"));
    m_handoutAction->setText(tr("Export &handout (PDF)…"));
    m_handoutAction->setToolTip(tr("Present's walkthrough on paper: the overview and one page per step"));
    m_printAction->setText(tr("Print diagram…"));
    m_hostsAction->setText(tr("Host names"));
    m_hostsAction->setToolTip(tr("Show the key host names under each arrow's ports (H)"));
    rebuildPresentForMenu();
    m_presentAction->setText(tr("Present"));
    m_presentAction->setToolTip(tr("Full-screen walkthrough of the flows (F11); Esc leaves"));
    if (auto *button = findChild<QToolButton *>(QStringLiteral("presentButton")))
        button->setAccessibleName(tr("Present, or present for one role"));
}

void DiagramWidget::updateIcons()
{
    m_zoomInAction->setIcon(AppIcons::icon(QStringLiteral("zoom-in"), palette()));
    m_zoomOutAction->setIcon(AppIcons::icon(QStringLiteral("zoom-out"), palette()));
    m_fitAction->setIcon(AppIcons::icon(QStringLiteral("zoom-fit"), palette()));
    m_exportAction->setIcon(AppIcons::icon(QStringLiteral("export"), palette()));
    m_printAction->setIcon(AppIcons::icon(QStringLiteral("print"), palette()));
    m_presentAction->setIcon(AppIcons::icon(QStringLiteral("present"), palette()));
}

void DiagramWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::PaletteChange)
        updateIcons(); // the dark palette: light glyphs
    QWidget::changeEvent(event);
}

void DiagramWidget::setCatalog(const Catalog &catalog)
{
    m_view->setCatalog(catalog);
    rebuildPresentForMenu();
    if (m_presentation)
        m_presentation->setCatalog(catalog);
}

void DiagramWidget::setLanguage(Language language)
{
    m_view->setLanguage(language);
    rebuildPresentForMenu();
    if (m_presentation)
        m_presentation->setLanguage(language);
}

void DiagramWidget::setRoleFilter(const QString &componentId)
{
    m_view->setRoleFilter(componentId);
    if (m_presentation)
        m_presentation->setRoleFilter(componentId);
}

void DiagramWidget::setResults(const DiagramResults &results)
{
    m_view->setResults(results);
    if (m_presentation)
        m_presentation->setResults(results);
}

void DiagramWidget::setShowExpired(bool show)
{
    m_view->setShowExpired(show);
    if (m_presentation)
        m_presentation->setShowExpired(show);
}

void DiagramWidget::setFlowFilter(const FlowFilter &filter)
{
    m_view->setFlowFilter(filter);
    if (m_presentation)
        m_presentation->setFlowFilter(filter);
}

void DiagramWidget::setHighlightedFlows(const QSet<QString> &flowIds)
{
    m_view->setHighlightedFlows(flowIds);
}

DiagramState DiagramWidget::paperState() const
{
    DiagramState state = m_view->diagramScene()->state();
    state.highlightedFlows.clear();
    state.highlightedArrows.clear();
    state.highlightedComponents.clear();
    state.theme = DiagramTheme::light();
    return state;
}

QString DiagramWidget::exportTo(const QString &fileName) const
{
    const auto format = DiagramExporter::formatFromFileName(fileName);
    if (!format)
        return tr("Unknown file type for %1: use .svg, .png or .pdf.").arg(fileName);
    const DiagramState state = paperState();
    return DiagramExporter::write(m_view->diagramScene()->model(), state, *format, fileName, 2.0).error;
}

QString DiagramWidget::exportHandoutTo(const QString &fileName) const
{
    const DiagramScene *scene = m_view->diagramScene();
    return DiagramExporter::writeHandout(scene->catalog(), scene->model(), scene->language(), fileName).error;
}

void DiagramWidget::exportHandout()
{
    QString fileName = QFileDialog::getSaveFileName(
            this, tr("Export handout"), FileDialogs::inLastFolder(QStringLiteral("portolan-handout.pdf")),
            tr("PDF document (*.pdf)"));
    if (fileName.isEmpty())
        return;
    if (QFileInfo(fileName).suffix().isEmpty())
        fileName += QStringLiteral(".pdf");
    FileDialogs::rememberFolder(fileName);
    const QString error = exportHandoutTo(fileName);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export handout"), error);
}

QString DiagramWidget::statusText() const
{
    const DiagramModel &model = m_view->diagramScene()->model();
    return tr("%n components", nullptr, int(model.nodes.size())) + QStringLiteral(" · ")
            + tr("%n connections", nullptr, int(model.flows.size())) + QStringLiteral(" · ")
            + tr("Click a component or an arrow to filter the tables; F11 presents");
}

void DiagramWidget::exportDiagram()
{
    QString selectedFilter;
    const QString svg = tr("SVG image (*.svg)");
    const QString png = tr("PNG image (*.png)");
    const QString pdf = tr("PDF document (*.pdf)");
    QString fileName = QFileDialog::getSaveFileName(
            this, tr("Export diagram"), FileDialogs::inLastFolder(QStringLiteral("portolan-diagram.svg")),
            QStringList{svg, png, pdf}.join(QStringLiteral(";;")), &selectedFilter);
    if (fileName.isEmpty())
        return;
    FileDialogs::rememberFolder(fileName);
    if (!DiagramExporter::formatFromFileName(fileName))
        fileName += selectedFilter == png
                ? QStringLiteral(".png")
                : (selectedFilter == pdf ? QStringLiteral(".pdf") : QStringLiteral(".svg"));
    const QString error = exportTo(fileName);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export diagram"), error);
}

void DiagramWidget::printTo(QPrinter *printer) const
{
    const DiagramModel &model = m_view->diagramScene()->model();
    const DiagramState state = paperState();
    QPainter painter(printer);
    const QRectF page = printer->pageLayout().paintRectPixels(printer->resolution());
    const qreal scale = std::min(page.width() / model.bounds.width(), page.height() / model.bounds.height());
    painter.translate((page.width() - model.bounds.width() * scale) / 2,
                      (page.height() - model.bounds.height() * scale) / 2);
    painter.scale(scale, scale);
    painter.translate(-model.bounds.topLeft());
    DiagramPainter::paint(&painter, model, state);
}

void DiagramWidget::printDiagram()
{
    QPrinter printer(QPrinter::HighResolution);
    const QRectF bounds = m_view->diagramScene()->model().bounds;
    printer.setPageOrientation(bounds.width() > bounds.height() ? QPageLayout::Landscape
                                                                : QPageLayout::Portrait);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print diagram"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    printTo(&printer);
}

void DiagramWidget::present()
{
    presentFor(m_view->diagramScene()->roleFilter());
}

void DiagramWidget::presentFor(const QString &componentId)
{
    const DiagramScene *scene = m_view->diagramScene();
    if (!m_presentation)
        m_presentation = new PresentationWindow;
    m_presentation->setLanguage(scene->language());
    m_presentation->setShowExpired(scene->showsExpired());
    m_presentation->setShowHosts(scene->showsHosts());
    m_presentation->setCatalog(scene->catalog());
    m_presentation->setRoleFilter(componentId);
    // A role whose flows all have expired addresses (the administrator's) shows them, marked.
    if (m_presentation->stepCount() == 0)
        m_presentation->setShowExpired(true);
    m_presentation->setResults(scene->results());
    m_presentation->start();
}

void DiagramWidget::rebuildPresentForMenu()
{
    m_presentForMenu->clear();
    m_presentForMenu->setTitle(tr("Present &for"));
    m_presentForMenu->addAction(tr("The whole diagram"), this, [this] { presentFor(QString()); });
    m_presentForMenu->addSeparator();
    const DiagramScene *scene = m_view->diagramScene();
    for (const Component &component : scene->catalog().components) {
        if (!component.isRole)
            continue;
        const QString id = component.id;
        QAction *action = m_presentForMenu->addAction(component.name.text(scene->language()), this,
                                                      [this, id] { presentFor(id); });
        action->setData(id);
    }
}
