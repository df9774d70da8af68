#pragma once

#include <QDialog>

class QTextBrowser;

// Help > Keyboard shortcuts and Help > Guide: short pages in the UI language, re-rendered when
// the language changes.
class HelpDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelpDialog)

public:
    enum class Page { Shortcuts, Guide };

    explicit HelpDialog(Page page, QWidget *parent = nullptr);

    Page page() const { return m_page; }
    void setPage(Page page);
    QTextBrowser *browser() const { return m_browser; }
    QString plainText() const;

    static QString shortcutsHtml();
    static QString guideHtml();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    Page m_page;
    QTextBrowser *m_browser;
};
