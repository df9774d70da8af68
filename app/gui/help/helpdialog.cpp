#include "helpdialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QKeySequence>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {
QString keys(const QKeySequence &sequence)
{
    return sequence.toString(QKeySequence::NativeText).toHtmlEscaped();
}
} // namespace

HelpDialog::HelpDialog(Page page, QWidget *parent)
    : QDialog(parent)
    , m_page(page)
    , m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("helpDialog"));
    m_browser->setObjectName(QStringLiteral("helpText"));
    m_browser->setOpenExternalLinks(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("helpButtons"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser, 1);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 80, fontMetrics().height() * 32);
    retranslateUi();
}

void HelpDialog::setPage(Page page)
{
    m_page = page;
    retranslateUi();
}

QString HelpDialog::plainText() const
{
    return m_browser->toPlainText();
}

void HelpDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void HelpDialog::retranslateUi()
{
    const bool shortcuts = m_page == Page::Shortcuts;
    setWindowTitle(shortcuts ? tr("Keyboard shortcuts") : tr("Guide"));
    setAccessibleName(windowTitle());
    m_browser->setAccessibleName(windowTitle());
    if (auto *buttons = findChild<QDialogButtonBox *>(QStringLiteral("helpButtons"))) {
        buttons->setAccessibleName(tr("Dialog buttons"));
        buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    }
    m_browser->setHtml(shortcuts ? shortcutsHtml() : guideHtml());
}

QString HelpDialog::shortcutsHtml()
{
    const QList<QPair<QString, QString>> rows{
            {keys(QKeySequence(Qt::CTRL | Qt::Key_F)), tr("Search all columns")},
            {keys(QKeySequence(Qt::CTRL | Qt::Key_L)), tr("Look up an address, host name or URL")},
            {keys(QKeySequence(Qt::Key_Escape)), tr("Clear the search or the lookup field")},
            {keys(QKeySequence(Qt::ALT | Qt::Key_Left)),
             tr("Back to the filters before a lookup, a link or a diagram click")},
            {keys(QKeySequence::Copy), tr("Copy the selected rows, with a header line")},
            {keys(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)), tr("Copy the current cell")},
            {keys(QKeySequence(Qt::Key_Menu)),
             tr("Row menu: copy as CSV or Markdown, look up, show in "
                "diagram, export rules")},
            {keys(QKeySequence(Qt::CTRL | Qt::Key_E)), tr("Export the rows shown as CSV or Markdown")},
            {keys(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)), tr("Export firewall and proxy rules")},
            {keys(QKeySequence::Open), tr("Open another catalog")},
            {keys(QKeySequence(Qt::Key_F5)), tr("Test connectivity")},
            {tr("Tab, Shift+Tab").toHtmlEscaped(),
             tr("Move between the role buttons, the filters, the table and the details")},
            {tr("Arrow keys, Page Up, Page Down").toHtmlEscaped(), tr("Move in the table")},
            {keys(QKeySequence(Qt::Key_F1)), tr("This page")},
    };
    QString html = QStringLiteral("<h3>%1</h3><table cellspacing=\"0\" cellpadding=\"4\">")
                           .arg(tr("Keyboard shortcuts").toHtmlEscaped());
    for (const auto &[key, what] : rows)
        html += QStringLiteral("<tr><td style=\"white-space:pre\"><b>%1</b></td><td>%2</td></tr>")
                        .arg(key, what.toHtmlEscaped());
    return html + QStringLiteral("</table>");
}

QString HelpDialog::guideHtml()
{
    const QStringList steps{
            tr("Choose the role you are setting up (Agent, Relay, …) with the buttons at the top: the "
               "table then lists what it must reach and what must reach it, and the Direction column "
               "reads as seen from that role."),
            tr("Narrow the rows with the search field and the filters. Every filter in effect is shown "
               "as a chip below them; click a chip to remove it."),
            tr("Paste an address, host name or URL from a firewall or proxy log into Look up to find the "
               "rows that allow it. If the filters hid them, they are relaxed and Alt+Left brings them "
               "back."),
            tr("Select a row to read everything about it in the details pane, with links to the other "
               "connections to the same listener."),
            tr("Copy rows with Ctrl+C, or right-click them for CSV, Markdown and firewall rules. File > "
               "Export view saves the rows shown."),
            tr("The Diagram tab draws the connections; click a component or an arrow to filter the "
               "table to it. The Connectivity tab tests the rows from this computer."),
    };
    QString html = QStringLiteral("<h3>%1</h3><ol>").arg(tr("Guide").toHtmlEscaped());
    for (const QString &step : steps)
        html += QStringLiteral("<li><p>%1</p></li>").arg(step.toHtmlEscaped());
    return html + QStringLiteral("</ol>");
}
