#include "filterbar.h"

#include "app/gui/tables/filterchips.h"

#include "core/catalog/catalogtext.h"
#include "core/models/catalogfilterproxymodel.h"
#include "core/models/catalogmodel.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace {
// Re-fills a combo box with (text, data) items after a first "all" item, keeping the current
// choice when it still exists.
void refill(QComboBox *box, const QString &allText, const QList<QPair<QString, QVariant>> &items)
{
    const QVariant current = box->currentData();
    box->clear();
    box->addItem(allText, QVariant());
    for (const auto &[text, data] : items)
        box->addItem(text, data);
    const int index = current.isValid() ? box->findData(current) : 0;
    box->setCurrentIndex(index < 0 ? 0 : index);
}
} // namespace

FilterBar::FilterBar(CatalogModel *model, CatalogFilterProxyModel *proxy, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(proxy)
    , m_roleLabel(new QLabel(this))
    , m_roleLayout(new QHBoxLayout)
    , m_roleGroup(new QButtonGroup(this))
    , m_search(new QLineEdit(this))
    , m_direction(new QComboBox(this))
    , m_requirement(new QComboBox(this))
    , m_features(new QPushButton(this))
    , m_featuresMenu(new QMenu(m_features))
    , m_agentVersion(new QComboBox(this))
    , m_protocol(new QComboBox(this))
    , m_port(new QComboBox(this))
    , m_requiredOnly(new QCheckBox(this))
    , m_showExpired(new QCheckBox(this))
    , m_clear(new QToolButton(this))
    , m_chips(new FilterChips(this))
    , m_searchTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("filterBar"));
    m_roleLabel->setObjectName(QStringLiteral("roleLabel"));
    m_search->setObjectName(QStringLiteral("searchField"));
    m_direction->setObjectName(QStringLiteral("directionFilter"));
    m_requirement->setObjectName(QStringLiteral("requirementFilter"));
    m_features->setObjectName(QStringLiteral("featuresFilter"));
    m_featuresMenu->setObjectName(QStringLiteral("featuresMenu"));
    m_agentVersion->setObjectName(QStringLiteral("agentVersionFilter"));
    m_protocol->setObjectName(QStringLiteral("protocolFilter"));
    m_port->setObjectName(QStringLiteral("portFilter"));
    m_requiredOnly->setObjectName(QStringLiteral("requiredOnly"));
    m_showExpired->setObjectName(QStringLiteral("showExpired"));
    m_clear->setObjectName(QStringLiteral("clearFilters"));

    m_roleGroup->setExclusive(true);
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(fontMetrics().averageCharWidth() * 28);
    for (QComboBox *box : {m_direction, m_requirement, m_agentVersion, m_protocol, m_port})
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    // A push button draws its menu indicator beside the text, not over it.
    m_features->setMenu(m_featuresMenu);
    m_clear->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_roleLayout->setContentsMargins(0, 0, 0, 0);
    m_roleLayout->setSpacing(2);
    auto *roleRow = new QHBoxLayout;
    roleRow->addWidget(m_roleLabel);
    roleRow->addLayout(m_roleLayout);
    roleRow->addStretch(1);

    auto *facetRow = new QHBoxLayout;
    facetRow->addWidget(m_search, 2);
    facetRow->addWidget(m_direction);
    facetRow->addWidget(m_requirement);
    facetRow->addWidget(m_features);
    facetRow->addWidget(m_agentVersion);
    facetRow->addWidget(m_protocol);
    facetRow->addWidget(m_port);
    facetRow->addWidget(m_requiredOnly);
    facetRow->addWidget(m_showExpired);
    facetRow->addWidget(m_clear);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(roleRow);
    layout->addLayout(facetRow);
    layout->addWidget(m_chips);
    connect(m_chips, &FilterChips::removeRequested, this, &FilterBar::removeChip);
    connect(m_proxy, &CatalogFilterProxyModel::filterChanged, this, &FilterBar::updateChips);

    m_searchTimer->setSingleShot(true);
    connect(m_searchTimer, &QTimer::timeout, this, &FilterBar::applySearchNow);
    connect(m_search, &QLineEdit::textChanged, this, &FilterBar::searchEdited);
    connect(m_search, &QLineEdit::returnPressed, this, &FilterBar::applySearchNow);
    auto *escape =
            new QShortcut(QKeySequence(Qt::Key_Escape), m_search, nullptr, nullptr, Qt::WidgetShortcut);
    connect(escape, &QShortcut::activated, m_search, &QLineEdit::clear);
    connect(m_roleGroup, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *button, bool checked) {
        QFont font = button->font();
        font.setBold(checked);
        button->setFont(font);
        if (checked && !m_updating) {
            // The model first: the Direction column and the direction filter then agree.
            const QString id = button->property("componentId").toString();
            m_model->setRole(id);
            m_proxy->setRole(id);
        }
    });
    for (QComboBox *box : {m_direction, m_requirement, m_agentVersion, m_protocol, m_port})
        connect(box, &QComboBox::currentIndexChanged, this, &FilterBar::applyFacets);
    connect(m_requiredOnly, &QCheckBox::toggled, m_proxy, &CatalogFilterProxyModel::setRequiredOnly);
    connect(m_showExpired, &QCheckBox::toggled, m_proxy, &CatalogFilterProxyModel::setIncludeExpired);
    connect(m_clear, &QToolButton::clicked, this, &FilterBar::clearFilters);

    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        rebuildRoles();
        rebuildFacets();
    });
    connect(m_model, &CatalogModel::languageChanged, this, [this] {
        rebuildRoles();
        rebuildFacets();
    });

    m_requiredOnly->setChecked(m_proxy->isRequiredOnly());
    m_showExpired->setChecked(m_proxy->includesExpired());
    rebuildRoles();
    retranslateUi();
}

QAbstractButton *FilterBar::roleButton(const QString &componentId) const
{
    for (QToolButton *button : m_roleButtons) {
        if (button->property("componentId").toString() == componentId)
            return button;
    }
    return nullptr;
}

void FilterBar::retranslateUi()
{
    m_roleLabel->setText(tr("Role:"));
    m_roleLabel->setAccessibleName(tr("Role"));
    m_search->setPlaceholderText(tr("Search all columns, English and Japanese (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search"));
    m_search->setToolTip(tr("Every word must appear in the row. Esc clears."));
    m_direction->setAccessibleName(tr("Direction filter"));
    m_requirement->setAccessibleName(tr("Requirement filter"));
    m_features->setAccessibleName(tr("Features in use"));
    m_features->setToolTip(tr("Show what the features you use need; rows needed by every deployment stay"));
    m_featuresMenu->setAccessibleName(tr("Features in use"));
    m_agentVersion->setAccessibleName(tr("Agent version filter"));
    m_agentVersion->setToolTip(tr("Show the endpoints an agent of this version uses"));
    m_protocol->setAccessibleName(tr("Protocol filter"));
    m_port->setAccessibleName(tr("Port filter"));
    m_requiredOnly->setText(tr("Required only"));
    m_requiredOnly->setAccessibleName(tr("Required only"));
    m_showExpired->setText(tr("Show expired"));
    m_showExpired->setAccessibleName(tr("Show expired static addresses"));
    m_showExpired->setToolTip(tr("Show static IP addresses whose validity has ended, greyed out"));
    m_clear->setText(tr("Clear filters"));
    m_clear->setAccessibleName(tr("Clear filters"));
    setAccessibleName(tr("Filters"));
    rebuildRoles();
    rebuildFacets();
    updateChips();
}

void FilterBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void FilterBar::rebuildRoles()
{
    const Catalog &catalog = m_model->catalog();
    QList<QPair<QString, QString>> roles{{QString(), tr("All roles")}};
    for (const Component &c : catalog.components) {
        if (c.isRole)
            roles.append({c.id, c.name.text(m_model->language())});
    }

    // Reuse the buttons when the roles are the same; only the texts change with the language.
    bool same = roles.size() == m_roleButtons.size();
    for (int i = 0; same && i < roles.size(); ++i)
        same = m_roleButtons.at(i)->property("componentId").toString() == roles.at(i).first;
    if (!same) {
        m_updating = true;
        qDeleteAll(m_roleButtons);
        m_roleButtons.clear();
        for (const auto &role : std::as_const(roles)) {
            auto *button = new QToolButton(this);
            button->setObjectName(role.first.isEmpty() ? QStringLiteral("role-all")
                                                       : QStringLiteral("role-") + role.first);
            button->setProperty("componentId", role.first);
            button->setCheckable(true);
            button->setAutoRaise(false);
            button->setToolButtonStyle(Qt::ToolButtonTextOnly);
            button->setFocusPolicy(Qt::StrongFocus); // in the tab chain on every platform
            m_roleGroup->addButton(button);
            m_roleLayout->addWidget(button);
            m_roleButtons.append(button);
        }
        QAbstractButton *current = roleButton(m_proxy->role());
        if (!current) {
            m_model->setRole(QString());
            m_proxy->setRole(QString());
            current = m_roleButtons.constFirst();
        }
        current->setChecked(true);
        m_updating = false;
        // Tab goes through the role buttons, then to the search field.
        for (int i = 1; i < m_roleButtons.size(); ++i)
            setTabOrder(m_roleButtons.at(i - 1), m_roleButtons.at(i));
        setTabOrder(m_roleButtons.constLast(), m_search);
    }
    for (int i = 0; i < roles.size(); ++i) {
        QToolButton *button = m_roleButtons.at(i);
        button->setText(roles.at(i).second);
        // The checked button is bold: every button is as wide as its bold text, so that
        // checking one never moves its neighbours.
        const QFont font = button->font();
        QFont bold = font;
        bold.setBold(true);
        button->setFont(bold);
        button->setMinimumWidth(0);
        const int boldWidth = button->sizeHint().width();
        button->setFont(font);
        button->setMinimumWidth(boldWidth);
        button->setAccessibleName(i == 0 ? tr("All roles") : tr("Role: %1").arg(roles.at(i).second));
        button->setToolTip(
                i == 0 ? tr("Show the requirements of every role")
                       : tr("Show what %1 must reach and what must reach it").arg(roles.at(i).second));
    }
}

void FilterBar::rebuildFacets()
{
    const Catalog &catalog = m_model->catalog();
    m_updating = true;

    QList<QPair<QString, QVariant>> directions;
    for (Direction d : {Direction::Outbound, Direction::Inbound, Direction::Local})
        directions.append({CatalogText::direction(d), int(d)});
    refill(m_direction, tr("All directions"), directions);

    QList<QPair<QString, QVariant>> requirements;
    for (Requirement r : Vocabulary::values<Requirement>())
        requirements.append({CatalogText::requirement(r), int(r)});
    refill(m_requirement, tr("All requirements"), requirements);

    QList<QPair<QString, QVariant>> versions;
    for (const QVersionNumber &v : catalog.agentVersions())
        versions.append({tr("Agent %1").arg(v.toString()), v.toString()});
    refill(m_agentVersion, tr("Any version"), versions);
    m_agentVersion->setEnabled(!versions.isEmpty());

    QStringList protocols;
    QStringList transports;
    QList<int> ports;
    for (const Flow &f : catalog.flows) {
        for (const PortSpec &p : f.ports) {
            if (!p.protocol.isEmpty() && !protocols.contains(p.protocol))
                protocols.append(p.protocol);
            if (p.transport != Transport::Unstated && !transports.contains(p.transportName().toUpper()))
                transports.append(p.transportName().toUpper());
            if (!ports.contains(p.port))
                ports.append(p.port);
        }
    }
    protocols.sort(Qt::CaseInsensitive);
    transports.sort();
    std::sort(ports.begin(), ports.end());
    QList<QPair<QString, QVariant>> protocolItems;
    for (const QString &p : std::as_const(protocols))
        protocolItems.append({p, p});
    for (const QString &t : std::as_const(transports))
        protocolItems.append({tr("any %1").arg(t), t});
    refill(m_protocol, tr("All protocols"), protocolItems);

    QList<QPair<QString, QVariant>> portItems;
    for (int p : std::as_const(ports))
        portItems.append({QString::number(p), p});
    refill(m_port, tr("All ports"), portItems);

    rebuildFeatures();
    m_updating = false;
    applyFacets();
}

void FilterBar::rebuildFeatures()
{
    // The features the catalog mentions, in vocabulary order; checked ones stay checked.
    const Catalog &catalog = m_model->catalog();
    QList<Feature> used;
    const auto collect = [&used](const QList<Feature> &features) {
        for (Feature f : features) {
            if (!used.contains(f))
                used.append(f);
        }
    };
    for (const Flow &f : catalog.flows)
        collect(f.features);
    for (const EndpointList &l : catalog.endpointLists)
        collect(l.features);
    const QList<Feature> checked = m_proxy->features();

    m_featuresMenu->clear();
    QAction *all = m_featuresMenu->addAction(tr("All features"));
    all->setObjectName(QStringLiteral("feature-all"));
    connect(all, &QAction::triggered, this, [this] { setFeatures({}); });
    m_featuresMenu->addSeparator();
    for (Feature f : Vocabulary::values<Feature>()) {
        if (!used.contains(f))
            continue;
        QAction *action = m_featuresMenu->addAction(CatalogText::feature(f));
        action->setObjectName(QStringLiteral("feature-") + Vocabulary::name(f));
        action->setData(int(f));
        action->setCheckable(true);
        action->setChecked(checked.contains(f));
        connect(action, &QAction::toggled, this, &FilterBar::applyFeatures);
    }
    m_features->setEnabled(!used.isEmpty());
    updateFeaturesText();
}

void FilterBar::updateFeaturesText()
{
    const QList<Feature> features = m_proxy->features();
    if (features.isEmpty())
        m_features->setText(tr("All features"));
    else if (features.size() == 1)
        m_features->setText(CatalogText::feature(features.first()));
    else
        m_features->setText(tr("%n features", nullptr, int(features.size())));
}

void FilterBar::applyFeatures()
{
    if (m_updating)
        return;
    QList<Feature> features;
    const QList<QAction *> actions = m_featuresMenu->actions();
    for (const QAction *action : actions) {
        if (action->isCheckable() && action->isChecked())
            features.append(Feature(action->data().toInt()));
    }
    m_proxy->setFeatures(features);
    updateFeaturesText();
}

void FilterBar::setFeatures(const QList<Feature> &features)
{
    m_updating = true;
    const QList<QAction *> actions = m_featuresMenu->actions();
    for (QAction *action : actions) {
        if (action->isCheckable())
            action->setChecked(features.contains(Feature(action->data().toInt())));
    }
    m_updating = false;
    applyFeatures();
}

void FilterBar::applyFacets()
{
    if (m_updating)
        return;
    const QVariant direction = m_direction->currentData();
    m_proxy->setDirection(direction.isValid() ? Direction(direction.toInt()) : Direction::None);
    const QVariant requirement = m_requirement->currentData();
    m_proxy->setRequirement(requirement.isValid()
                                    ? std::optional<Requirement>(Requirement(requirement.toInt()))
                                    : std::nullopt);
    const QVariant version = m_agentVersion->currentData();
    m_proxy->setAgentVersion(version.isValid() ? QVersionNumber::fromString(version.toString())
                                               : QVersionNumber());
    m_proxy->setProtocol(m_protocol->currentData().toString());
    m_proxy->setPort(m_port->currentData().toInt());
}

void FilterBar::setRole(const QString &componentId)
{
    if (QAbstractButton *button = roleButton(componentId))
        button->setChecked(true);
}

void FilterBar::setShowExpired(bool show)
{
    m_showExpired->setChecked(show);
}

void FilterBar::clearFilters()
{
    m_search->clear();
    applySearchNow();
    setRole(QString());
    for (QComboBox *box : {m_direction, m_requirement, m_agentVersion, m_protocol, m_port})
        box->setCurrentIndex(0);
    setFeatures({});
    m_requiredOnly->setChecked(false);
    // The restriction set from the diagram has no widget here; clearing must drop it too.
    m_proxy->setFlowIds({});
}

void FilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void FilterBar::searchEdited()
{
    const bool slow = m_searchDelay < 0 || (m_searchDelay > 0 && m_lastSearchMs > 1000.0 / 120.0);
    if (slow && !m_updating && !m_search->text().isEmpty())
        m_searchTimer->start(qAbs(m_searchDelay));
    else
        applySearchNow();
}

void FilterBar::applySearchNow()
{
    m_searchTimer->stop();
    QElapsedTimer timer;
    timer.start();
    m_proxy->setFilterText(m_search->text());
    m_lastSearchMs = timer.nsecsElapsed() / 1e6;
}

bool FilterBar::isSearchPending() const
{
    return m_searchTimer->isActive();
}

FilterBar::State FilterBar::state() const
{
    // What the bar shows, even while the search waits for a pause in typing.
    FlowFilter filter = m_proxy->filter();
    filter.setText(m_search->text());
    return {m_search->text(), filter};
}

void FilterBar::setState(const State &state)
{
    const FlowFilter &f = state.filter;
    m_search->setText(state.text);
    setRole(f.roles.value(0));
    const auto choose = [](QComboBox *box, const QVariant &data) {
        const int index = data.isValid() ? box->findData(data) : 0;
        box->setCurrentIndex(index < 0 ? 0 : index);
    };
    choose(m_direction, f.direction == Direction::None ? QVariant() : QVariant(int(f.direction)));
    choose(m_requirement, f.requirement ? QVariant(int(*f.requirement)) : QVariant());
    choose(m_agentVersion, f.agentVersion.isNull() ? QVariant() : QVariant(f.agentVersion.toString()));
    choose(m_protocol, f.protocol.isEmpty() ? QVariant() : QVariant(f.protocol));
    choose(m_port, f.port == 0 ? QVariant() : QVariant(f.port));
    setFeatures(f.features);
    m_requiredOnly->setChecked(f.requiredOnly);
    m_showExpired->setChecked(f.includeExpired);
    m_proxy->setFlowIds(f.flowIds);
    applySearchNow();
}

void FilterBar::updateChips()
{
    const FlowFilter &f = m_proxy->filter();
    const Language language = m_model->language();
    QList<FilterChips::Chip> chips;
    if (!f.words.isEmpty())
        chips.append({QStringLiteral("search"), tr("Search: %1").arg(m_search->text().trimmed())});
    if (!f.roles.isEmpty())
        chips.append(
                {QStringLiteral("role"),
                 tr("Role: %1").arg(CatalogText::componentNames(m_model->catalog(), f.roles, language))});
    if (f.direction != Direction::None)
        chips.append({QStringLiteral("direction"), CatalogText::direction(f.direction)});
    if (f.requirement)
        chips.append({QStringLiteral("requirement"), CatalogText::requirement(*f.requirement)});
    if (!f.features.isEmpty())
        chips.append({QStringLiteral("features"),
                      f.features.size() == 1 ? CatalogText::feature(f.features.first())
                                             : tr("%n features", nullptr, int(f.features.size()))});
    if (!f.agentVersion.isNull())
        chips.append({QStringLiteral("agentVersion"), tr("Agent %1").arg(f.agentVersion.toString())});
    if (!f.protocol.isEmpty())
        chips.append({QStringLiteral("protocol"), m_protocol->currentText()});
    if (f.port != 0)
        chips.append({QStringLiteral("port"), tr("Port %1").arg(f.port)});
    if (f.requiredOnly)
        chips.append({QStringLiteral("requiredOnly"), tr("Required only")});
    if (f.includeExpired)
        chips.append({QStringLiteral("showExpired"), tr("Expired shown")});
    if (!f.flowIds.isEmpty())
        chips.append(
                {QStringLiteral("flows"), tr("From the diagram: %n flows", nullptr, int(f.flowIds.size()))});
    m_chips->setChips(chips);
}

void FilterBar::removeChip(const QString &key)
{
    if (key == QLatin1String("search")) {
        m_search->clear();
        applySearchNow();
    } else if (key == QLatin1String("role"))
        setRole(QString());
    else if (key == QLatin1String("direction"))
        m_direction->setCurrentIndex(0);
    else if (key == QLatin1String("requirement"))
        m_requirement->setCurrentIndex(0);
    else if (key == QLatin1String("features"))
        setFeatures({});
    else if (key == QLatin1String("agentVersion"))
        m_agentVersion->setCurrentIndex(0);
    else if (key == QLatin1String("protocol"))
        m_protocol->setCurrentIndex(0);
    else if (key == QLatin1String("port"))
        m_port->setCurrentIndex(0);
    else if (key == QLatin1String("requiredOnly"))
        m_requiredOnly->setChecked(false);
    else if (key == QLatin1String("showExpired"))
        m_showExpired->setChecked(false);
    else if (key == QLatin1String("flows"))
        m_proxy->setFlowIds({});
}
