#pragma once

#include "core/catalog/catalog.h"
#include "core/catalog/flowfilter.h"
#include "core/diagram/diagrammodel.h"
#include "core/diagram/diagramresults.h"
#include "core/i18n/language.h"

#include <QWidget>

class DiagramView;
class QLabel;
class QTimer;

// Full-screen walkthrough of the diagram for pre-sales: larger type (28 px or more on a
// 1920x1080 projector: a step of the whole diagram is shown in the view of its role); Right / Left (or Space
// / Backspace, Page Down / Page Up) step through the flows one at a time, required ones first
// (PresentationSteps), each highlighted with a short narration in the current language; Home
// returns to the overview, End goes to the last step, a number and Enter (or a pause) to that
// step; Esc leaves. The keys are named in a hint line that hides after a few seconds: only
// what the audience should read stays on screen.
class PresentationWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PresentationWindow)

public:
    explicit PresentationWindow(QWidget *parent = nullptr);

    static constexpr qreal FontScale = 1.5;
    static constexpr qreal TextScale = 1.3; // the type larger still, so that steps zoom less
    // The smallest type the audience reads, in pixels: projector type.
    static constexpr int MinimumTextPixels = 28;
    // And the largest a step zooms the diagram's type to.
    static constexpr int MaximumTextPixels = 48;

    void setCatalog(const Catalog &catalog);
    void setLanguage(Language language);
    void setRoleFilter(const QString &componentId);
    void setShowExpired(bool show);
    void setShowHosts(bool show);
    void setFlowFilter(const FlowFilter &filter);
    void setResults(const DiagramResults &results);

    // 0 is the overview; 1..stepCount() are the flows.
    int step() const { return m_step; }
    int stepCount() const;
    QString narration() const;
    QString stepTitle() const;
    // Under the title: the step's ports, requirement and direction (DiagramText::stepFacts).
    QString stepFacts() const;
    // The labels the audience reads: title, facts, narration, step counter.
    QList<QLabel *> audienceLabels() const { return {m_title, m_facts, m_narration, m_counter}; }
    // The operator's hint (the keys), shown at start and on F1 for a few seconds.
    QLabel *hintLabel() const { return m_hint; }
    // The walkthrough's diagram (the role's, or the whole one) whose arrows are the steps.
    const DiagramModel &walkModel() const { return m_walk; }
    // Index into walkModel().flows of a step (1..stepCount()), or -1.
    int flowIndexOfStep(int step) const;
    // The role whose view shows a step of the whole diagram's walkthrough: the arrow's end in
    // the customer network that is a role, else its initiator.
    static QString stepRole(const Catalog &catalog, const DiagramFlow &arrow);
    DiagramView *view() const { return m_view; }

public slots:
    void start(); // full screen, at the overview
    void next();
    void previous();
    void setStep(int step);

signals:
    void stepChanged(int step);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void showStep();
    // The title and the narration wrap: give them the height their text needs at this width.
    void fitLabels();
    void showHint();
    void goToTypedNumber();
    // The walkthrough's model again, after the catalog, language or filters changed.
    void refreshWalk();
    // The view in another role's layout, without re-entering showStep().
    void showRole(const QString &componentId);

    DiagramView *m_view;
    QLabel *m_title;
    QLabel *m_facts;
    QLabel *m_narration;
    QLabel *m_counter;
    QLabel *m_hint;
    QTimer *m_hintTimer;
    QTimer *m_numberTimer;
    QString m_typedNumber; // digits typed so far
    QString m_role; // the walkthrough's role; empty: the whole diagram
    DiagramModel m_walk;
    bool m_switching = false; // the view changes role for a step
    QList<int> m_order; // step - 1 -> index into m_walk.flows
    int m_step = 0;
};
