#include "presentationwindow.h"

#include "app/gui/diagram/diagramscene.h"
#include "app/gui/diagram/diagramview.h"
#include "core/diagram/diagramlayout.h"
#include "core/diagram/diagramtext.h"
#include "core/diagram/presentationsteps.h"

#include <QKeyEvent>
#include <QLabel>
#include <QResizeEvent>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace {
constexpr int Margin = 32;
}

PresentationWindow::PresentationWindow(QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_view(new DiagramView(this))
    , m_title(new QLabel(this))
    , m_facts(new QLabel(this))
    , m_narration(new QLabel(this))
    , m_counter(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_hintTimer(new QTimer(this))
    , m_numberTimer(new QTimer(this))
{
    setAttribute(Qt::WA_DeleteOnClose, false);
    setWindowTitle(tr("Portolan presentation"));
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, Qt::white);
    pal.setColor(QPalette::WindowText, QColor(0x21, 0x21, 0x21));
    setPalette(pal);

    m_view->diagramScene()->setFontScale(FontScale);
    m_view->diagramScene()->setTextScale(TextScale);
    m_view->setFrameShape(QFrame::NoFrame);
    // The window handles the keys; the view only shows.
    m_view->setFocusPolicy(Qt::NoFocus);
    m_view->setInteractive(false);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    const auto sized = [this](int pixels, bool bold) {
        QFont f = font();
        f.setPixelSize(pixels);
        f.setBold(bold);
        return f;
    };
    m_title->setFont(sized(40, true));
    m_facts->setFont(sized(MinimumTextPixels, false));
    m_narration->setFont(sized(32, false));
    m_counter->setFont(sized(MinimumTextPixels, false));
    for (QLabel *label : {m_title, m_facts, m_narration}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        // Their height follows their text at the window's width (fitLabels()).
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    }
    m_facts->setStyleSheet(QStringLiteral("color: #37474f"));
    m_counter->setAlignment(Qt::AlignRight | Qt::AlignTop);
    m_counter->setMinimumWidth(
            m_counter->fontMetrics().horizontalAdvance(tr("Step %1 of %2").arg(888).arg(888)));

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_counter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(Margin, Margin / 2, Margin, Margin / 2);
    layout->addLayout(header);
    layout->addWidget(m_facts);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_narration);
    // The operator's hint: small, grey, and gone after a few seconds.
    QFont hintFont = font();
    hintFont.setPixelSize(16);
    m_hint->setFont(hintFont);
    m_hint->setObjectName(QStringLiteral("presentHint"));
    m_hint->setStyleSheet(QStringLiteral("color: #5f5f5f"));
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);
    m_hintTimer->setSingleShot(true);
    m_hintTimer->setInterval(5000);
    connect(m_hintTimer, &QTimer::timeout, m_hint, &QWidget::hide);
    m_numberTimer->setSingleShot(true);
    m_numberTimer->setInterval(1200);
    connect(m_numberTimer, &QTimer::timeout, this, &PresentationWindow::goToTypedNumber);
    setFocusPolicy(Qt::StrongFocus);
    connect(m_view->diagramScene(), &DiagramScene::layoutChanged, this, [this] {
        if (m_switching)
            return;
        refreshWalk();
        setStep(qMin(m_step, stepCount()));
    });
    showStep();
}

void PresentationWindow::setCatalog(const Catalog &catalog)
{
    showRole(m_role);
    m_view->setCatalog(catalog);
    m_step = 0;
    showStep();
}

void PresentationWindow::setLanguage(Language language)
{
    m_view->setLanguage(language);
    showStep();
}

void PresentationWindow::setRoleFilter(const QString &componentId)
{
    m_role = componentId;
    m_step = 0;
    showRole(componentId);
    refreshWalk();
    showStep();
}

void PresentationWindow::refreshWalk()
{
    const DiagramScene *scene = m_view->diagramScene();
    if (scene->roleFilter() == m_role) {
        m_walk = scene->model();
    } else {
        DiagramOptions options = scene->options();
        options.role = m_role;
        options.showResultsLegend = !scene->results().isEmpty();
        m_walk = DiagramLayout::layout(scene->catalog(), options);
    }
    m_order = PresentationSteps::order(m_walk);
}

void PresentationWindow::showRole(const QString &componentId)
{
    if (m_view->diagramScene()->roleFilter() == componentId)
        return;
    m_switching = true;
    m_view->setRoleFilter(componentId);
    m_switching = false;
}

QString PresentationWindow::stepRole(const Catalog &catalog, const DiagramFlow &arrow)
{
    for (const QString &id : {arrow.from, arrow.to}) {
        const Component *c = catalog.component(id);
        if (c && c->isRole && c->zone == Zone::Customer)
            return id;
    }
    return arrow.from;
}

void PresentationWindow::setShowExpired(bool show)
{
    m_view->setShowExpired(show);
    m_step = 0;
    showStep();
}

void PresentationWindow::setFlowFilter(const FlowFilter &filter)
{
    m_role = filter.roles.value(0);
    m_view->setFlowFilter(filter);
    m_step = 0;
    refreshWalk();
    showStep();
}

void PresentationWindow::setShowHosts(bool show)
{
    m_view->setShowHosts(show);
    showStep();
}

void PresentationWindow::setResults(const DiagramResults &results)
{
    m_view->setResults(results);
}

int PresentationWindow::stepCount() const
{
    return int(m_walk.flows.size());
}

int PresentationWindow::flowIndexOfStep(int step) const
{
    return m_order.value(step - 1, -1);
}

void PresentationWindow::showHint()
{
    m_hint->setText(tr("Right or Space: next · Left: back · Home: overview · End: last · a number and Enter: "
                       "that step · Esc: leave · F1: these keys"));
    m_hint->show();
    m_hintTimer->start();
}

void PresentationWindow::goToTypedNumber()
{
    m_numberTimer->stop();
    if (!m_typedNumber.isEmpty())
        setStep(m_typedNumber.toInt());
    m_typedNumber.clear();
}

QString PresentationWindow::stepTitle() const
{
    return m_title->text();
}

QString PresentationWindow::stepFacts() const
{
    return m_facts->text();
}

QString PresentationWindow::narration() const
{
    return m_narration->text();
}

void PresentationWindow::start()
{
    m_step = 0;
    showStep();
    showHint();
    showFullScreen();
    raise();
    activateWindow();
    setFocus();
}

void PresentationWindow::next()
{
    setStep(m_step + 1);
}

void PresentationWindow::previous()
{
    setStep(m_step - 1);
}

void PresentationWindow::setStep(int step)
{
    step = qBound(0, step, stepCount());
    if (step == m_step && !m_narration->text().isEmpty())
        return;
    m_step = step;
    showStep();
}

void PresentationWindow::showStep()
{
    DiagramScene *scene = m_view->diagramScene();
    const Catalog &catalog = scene->catalog();
    const Language language = scene->language();
    if (m_step == 0 || m_step > stepCount()) {
        showRole(m_role);
        scene->clearHighlight();
        m_view->fitToWindow();
        const Component *component = m_role.isEmpty() ? nullptr : catalog.component(m_role);
        m_title->setText(component ? tr("Network ports of %1").arg(component->name.text(language))
                                   : tr("Network ports overview"));
        m_facts->clear();
        int required = 0;
        for (const DiagramFlow &f : std::as_const(m_walk.flows))
            required += f.isRequired() ? 1 : 0;
        // Two sentences; Japanese joins them without a space.
        m_narration->setText(tr("%1 %2", "two sentences")
                                     .arg(tr("%n connections between the components.", nullptr, stepCount()),
                                          tr("%n required, shown first.", nullptr, required)));
        m_counter->clear();
    } else {
        const DiagramFlow &step = m_walk.flows.at(m_order.at(m_step - 1));
        // In the whole diagram the widest arrows would need small type: show the step in its
        // role's view, where the arrow and its neighbours fill the screen.
        showRole(m_role.isEmpty() ? stepRole(catalog, step) : m_role);
        const DiagramModel &shown = scene->model();
        const DiagramFlow *arrow = shown.flow(step.key());
        if (arrow) {
            scene->setHighlightedFlow(arrow->key());
            // Zoom to the flow and its two components, with some of the diagram around them.
            QRectF focus = arrow->path.boundingRect().united(arrow->labelRect);
            for (const QString &id : {arrow->from, arrow->to}) {
                if (const DiagramNode *node = shown.node(id))
                    focus = focus.united(node->rect);
            }
            // A little of the diagram around them: a line of type, not a share of a long arrow.
            const qreal margin = shown.labelFont.pixelSize() * 1.5;
            focus = focus.adjusted(-margin, -margin, margin, margin).intersected(scene->sceneRect());
            // A short arrow (a relay to another relay) is not blown up: type up to
            // MaximumTextPixels, with blank around a small diagram.
            const QSizeF viewport = m_view->viewport()->size();
            const qreal most = qreal(MaximumTextPixels) / shown.labelFont.pixelSize();
            const QPointF centre = focus.center();
            focus.setSize(focus.size().expandedTo(QSizeF(viewport.width() / most, viewport.height() / most)));
            focus.moveCenter(centre);
            m_view->focusOn(focus);
        }
        m_title->setText(DiagramText::flowTitle(catalog, step, language));
        m_facts->setText(DiagramText::stepFacts(catalog, m_walk, step, language));
        m_narration->setText(DiagramText::narration(catalog, step, language));
        m_counter->setText(tr("Step %1 of %2").arg(m_step).arg(stepCount()));
    }
    fitLabels();
    emit stepChanged(m_step);
}

void PresentationWindow::fitLabels()
{
    // The width the layout gives them, known before it runs: the window less its margins (and
    // the counter, beside the title). Measured with the font's metrics, which wrap as QLabel
    // does.
    const int width = std::max(200, this->width() - 2 * Margin);
    const int titleWidth = std::max(100, width - m_counter->minimumWidth() - 12);
    const auto textHeight = [](const QLabel *label, int w) {
        if (label->text().isEmpty())
            return 0;
        return label->fontMetrics()
                .boundingRect(QRect(0, 0, w, 100000), Qt::TextWordWrap | Qt::AlignLeft, label->text())
                .height();
    };
    m_title->setFixedHeight(std::max(m_title->fontMetrics().height(), textHeight(m_title, titleWidth)));
    m_facts->setFixedHeight(textHeight(m_facts, width));
    m_narration->setFixedHeight(
            std::max(2 * m_narration->fontMetrics().height(), textHeight(m_narration, width)));
}

void PresentationWindow::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitLabels();
}

void PresentationWindow::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_Down:
    case Qt::Key_Space:
    case Qt::Key_PageDown:
        next();
        break;
    case Qt::Key_Left:
    case Qt::Key_Up:
    case Qt::Key_Backspace:
    case Qt::Key_PageUp:
        previous();
        break;
    case Qt::Key_Home:
        setStep(0);
        break;
    case Qt::Key_End:
        setStep(stepCount());
        break;
    case Qt::Key_Escape:
        close();
        break;
    case Qt::Key_F1:
        showHint();
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        goToTypedNumber();
        break;
    default:
        if (event->key() >= Qt::Key_0 && event->key() <= Qt::Key_9 && m_typedNumber.size() < 3) {
            m_typedNumber += QChar(u'0' + (event->key() - Qt::Key_0));
            m_numberTimer->start();
            break;
        }
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void PresentationWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        setWindowTitle(tr("Portolan presentation"));
        showStep();
    }
    QWidget::changeEvent(event);
}
