#pragma once

#include "core/catalog/flowfilter.h"
#include "core/catalog/vocabulary.h"

#include <QWidget>

class CatalogFilterProxyModel;
class CatalogModel;
class FilterChips;
class QAbstractButton;
class QButtonGroup;
class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QTimer;
class QToolButton;

// The explorer's filters: one-click role buttons, a live search field and facets for direction,
// requirement, features in use, agent version, protocol and port, "required only" and "show
// expired". It only forwards to a CatalogFilterProxyModel (and the role to the CatalogModel, whose
// Direction column follows it); the facet values come from the catalog in the model.
class FilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterBar)

public:
    // Everything the bar sets: the search text as typed and the filter it makes.
    struct State
    {
        QString text;
        FlowFilter filter;
        bool operator==(const State &other) const { return text == other.text && filter == other.filter; }
        bool operator!=(const State &other) const { return !(*this == other); }
    };

    explicit FilterBar(CatalogModel *model, CatalogFilterProxyModel *proxy, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_search; }
    QComboBox *directionBox() const { return m_direction; }
    QComboBox *requirementBox() const { return m_requirement; }
    // A button whose menu has one checkable action per feature (data: int(Feature)).
    QPushButton *featuresButton() const { return m_features; }
    QMenu *featuresMenu() const { return m_featuresMenu; }
    // "Any version" (null data), then the catalog's agent versions (data: "20.0").
    QComboBox *agentVersionBox() const { return m_agentVersion; }
    QComboBox *protocolBox() const { return m_protocol; }
    QComboBox *portBox() const { return m_port; }
    QCheckBox *requiredOnlyBox() const { return m_requiredOnly; }
    QCheckBox *showExpiredBox() const { return m_showExpired; }
    // The button of a role (component id), or of "all roles" for an empty id.
    QAbstractButton *roleButton(const QString &componentId) const;
    // The filters in effect, one removable chip each.
    FilterChips *chips() const { return m_chips; }

    State state() const;
    // Sets every widget (and so the proxy) to a state taken earlier.
    void setState(const State &state);

    void setRole(const QString &componentId);
    void setShowExpired(bool show);
    // The features in use; empty: all features.
    void setFeatures(const QList<Feature> &features);
    // Resets every filter (search, role, facets, required only) but not "show expired".
    void clearFilters();
    void focusSearch();
    // The search field filters as the user types; when the last filtering took longer than
    // half a frame, it waits for a pause in typing (searchDelay() ms) instead. Enter, and every
    // programmatic change, applies at once.
    void applySearchNow();
    bool isSearchPending() const;
    int searchDelay() const { return m_searchDelay; }
    // 0: never wait. Negative: always wait -searchDelay ms (tests).
    void setSearchDelay(int ms) { m_searchDelay = ms; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void rebuildRoles();
    void rebuildFacets();
    void rebuildFeatures();
    void applyFacets();
    void applyFeatures();
    void updateFeaturesText();
    void updateChips();
    void searchEdited();
    void removeChip(const QString &key);

    CatalogModel *m_model;
    CatalogFilterProxyModel *m_proxy;
    QLabel *m_roleLabel;
    QHBoxLayout *m_roleLayout;
    QButtonGroup *m_roleGroup;
    QList<QToolButton *> m_roleButtons;
    QLineEdit *m_search;
    QComboBox *m_direction;
    QComboBox *m_requirement;
    QPushButton *m_features;
    QMenu *m_featuresMenu;
    QComboBox *m_agentVersion;
    QComboBox *m_protocol;
    QComboBox *m_port;
    QCheckBox *m_requiredOnly;
    QCheckBox *m_showExpired;
    QToolButton *m_clear;
    FilterChips *m_chips;
    QTimer *m_searchTimer;
    int m_searchDelay = 150;
    double m_lastSearchMs = 0;
    bool m_updating = false;
};
