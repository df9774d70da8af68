#include "filterchips.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

FilterChips::FilterChips(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("filterChips"));
    m_label->setObjectName(QStringLiteral("filterChipsLabel"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(4);
    m_layout->addWidget(m_label);
    m_layout->addStretch(1);
    retranslateUi();
    setVisible(false);
}

void FilterChips::retranslateUi()
{
    m_label->setText(tr("Filters in effect:"));
    m_label->setAccessibleName(tr("Filters in effect"));
    setAccessibleName(tr("Filters in effect"));
    setChips(m_chips);
}

void FilterChips::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

QToolButton *FilterChips::chipButton(const QString &key) const
{
    for (QToolButton *button : m_buttons) {
        if (button->property("chipKey").toString() == key)
            return button;
    }
    return nullptr;
}

void FilterChips::setChips(const QList<Chip> &chips)
{
    m_chips = chips;
    qDeleteAll(m_buttons);
    m_buttons.clear();
    for (const Chip &chip : chips) {
        auto *button = new QToolButton(this);
        button->setObjectName(QStringLiteral("chip-") + chip.key);
        button->setProperty("chipKey", chip.key);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setAutoRaise(false);
        button->setText(tr("%1 ✕").arg(chip.text));
        button->setToolTip(tr("Remove this filter"));
        button->setAccessibleName(tr("Remove filter: %1").arg(chip.text));
        connect(button, &QToolButton::clicked, this, [this, key = chip.key] { emit removeRequested(key); });
        m_layout->insertWidget(m_layout->count() - 1, button);
        m_buttons.append(button);
    }
    setVisible(!chips.isEmpty());
}
