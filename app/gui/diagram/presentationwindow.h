#pragma once

#include "core/catalog/catalog.h"
#include "core/catalog/flowfilter.h"
#include "core/diagram/diagramresults.h"
#include "core/i18n/language.h"

#include <QWidget>

class DiagramView;
class QLabel;
class QTimer;

// Full-screen walkthrough of the diagram for pre-sales: larger type; Right / Left (or Space /
// Backspace, Page Down / Page Up) step through the flows one at a time, required ones first
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

    void setCatalog(const Catalog &catalog);
    void setLanguage(Language language);
    void setRoleFilter(const QString &componentId);
    void setShowExpired(bool show);
    void setFlowFilter(const FlowFilter &filter);
    void setResults(const DiagramResults &results);

    // 0 is the overview; 1..stepCount() are the flows.
    int step() const { return m_step; }
    int stepCount() const;
    QString narration() const;
    QString stepTitle() const;
    // The operator's hint (the keys), shown at start and on F1 for a few seconds.
    QLabel *hintLabel() const { return m_hint; }
    // Index into the diagram's arrows of a step (1..stepCount()), or -1.
    int flowIndexOfStep(int step) const;
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

    DiagramView *m_view;
    QLabel *m_title;
    QLabel *m_narration;
    QLabel *m_counter;
    QLabel *m_hint;
    QTimer *m_hintTimer;
    QTimer *m_numberTimer;
    QString m_typedNumber; // digits typed so far
    QList<int> m_order; // step - 1 -> index into the model's flows
    int m_step = 0;
};
