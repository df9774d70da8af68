#include "presentationwindow.h"

#include "app/gui/diagram/diagramscene.h"
#include "app/gui/diagram/diagramview.h"
#include "core/diagram/diagramtext.h"
#include "core/diagram/presentationsteps.h"

#include <QKeyEvent>
#include <QLabel>
#include <QResizeEvent>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

PresentationWindow::PresentationWindow(QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_view(new DiagramView(this))
    , m_title(new QLabel(this))
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
    m_view->setFrameShape(QFrame::NoFrame);
    // The window handles the keys; the view only shows.
    m_view->setFocusPolicy(Qt::NoFocus);
    m_view->setInteractive(false);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    QFont titleFont = font();
    titleFont.setPixelSize(30);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    QFont narrationFont = font();
    narrationFont.setPixelSize(24);
    m_narration->setFont(narrationFont);
    m_narration->setWordWrap(true);
    m_narration->setTextFormat(Qt::PlainText);
    m_narration->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_narration->setMinimumHeight(3 * QFontMetrics(narrationFont).height());
    QFont counterFont = font();
    counterFont.setPixelSize(18);
    m_counter->setFont(counterFont);
    m_counter->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_counter->setMinimumWidth(
            QFontMetrics(counterFont).horizontalAdvance(tr("Step %1 of %2").arg(888).arg(888)));

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_counter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->addLayout(header);
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
    connect(m_view->diagramScene(), &DiagramScene::layoutChanged, this,
            [this] { setStep(qMin(m_step, stepCount())); });
    showStep();
}

void PresentationWindow::setCatalog(const Catalog &catalog)
{
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
    m_view->setRoleFilter(componentId);
    m_step = 0;
    showStep();
}

void PresentationWindow::setShowExpired(bool show)
{
    m_view->setShowExpired(show);
    m_step = 0;
    showStep();
}

void PresentationWindow::setFlowFilter(const FlowFilter &filter)
{
    m_view->setFlowFilter(filter);
    m_step = 0;
    showStep();
}

void PresentationWindow::setResults(const DiagramResults &results)
{
    m_view->setResults(results);
}

int PresentationWindow::stepCount() const
{
    return int(m_view->diagramScene()->model().flows.size());
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
    m_order = PresentationSteps::order(scene->model());
    if (m_step == 0 || m_step > stepCount()) {
        scene->clearHighlight();
        m_view->fitToWindow();
        m_title->setText(tr("Network ports overview"));
        int required = 0;
        for (const DiagramFlow &f : scene->model().flows)
            required += f.isRequired() ? 1 : 0;
        // Two sentences; Japanese joins them without a space.
        m_narration->setText(tr("%1 %2", "two sentences")
                                     .arg(tr("%n connections between the components.", nullptr, stepCount()),
                                          tr("%n required, shown first.", nullptr, required)));
        m_counter->clear();
    } else {
        const DiagramFlow &flow = scene->model().flows.at(m_order.at(m_step - 1));
        scene->setHighlightedFlow(flow.key());
        // Zoom to the flow and its two components, with some of the diagram around them.
        QRectF focus = flow.path.boundingRect().united(flow.labelRect);
        for (const QString &id : {flow.from, flow.to}) {
            if (const DiagramNode *node = scene->model().node(id))
                focus = focus.united(node->rect);
        }
        const qreal margin = std::max(focus.width(), focus.height()) * 0.15;
        m_view->focusOn(focus.adjusted(-margin, -margin, margin, margin).intersected(scene->sceneRect()));
        m_title->setText(DiagramText::flowTitle(catalog, flow, language));
        m_narration->setText(DiagramText::narration(catalog, scene->model(), flow, language));
        m_counter->setText(tr("Step %1 of %2").arg(m_step).arg(stepCount()));
    }
    fitLabels();
    emit stepChanged(m_step);
}

void PresentationWindow::fitLabels()
{
    const int narrationLines = 3 * m_narration->fontMetrics().height();
    const int width = std::max(100, m_narration->width());
    m_narration->setMinimumHeight(std::max(narrationLines, m_narration->heightForWidth(width)));
    const int titleWidth = std::max(100, m_title->width());
    m_title->setMinimumHeight(std::max(m_title->fontMetrics().height(), m_title->heightForWidth(titleWidth)));
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
