#include "RecipientsPage.h"

#include "ChipBar.h"
#include "CsvImportDialog.h"
#include "DirectoryPickerDialog.h"
#include "Icons.h"
#include "RecipientLoader.h"
#include "Session.h"
#include "UserSearchBox.h"
#include "directory/DirectoryQueries.h"
#include "directory/RecipientResolver.h"
#include "graph/GraphClient.h"
#include "graph/GraphRequestJob.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace herald::ui {

RecipientsPage::RecipientsPage(Session *session, RecipientLoader *loader, ChipBar *chips, QWidget *parent)
    : TablePage(parent)
    , m_session(session)
    , m_loader(loader)
{
    setObjectName(QStringLiteral("page_recipients"));
    m_search = new UserSearchBox(this);
    m_team = new QPushButton(tr("Add &team…"), this);
    m_team->setObjectName(QStringLiteral("addTeam"));
    m_group = new QPushButton(tr("Add &group…"), this);
    m_group->setObjectName(QStringLiteral("addGroup"));
    m_csv = new QPushButton(tr("Import &CSV…"), this);
    m_csv->setObjectName(QStringLiteral("importCsv"));
    m_allUsers = new QPushButton(tr("&All users…"), this);
    m_allUsers->setObjectName(QStringLiteral("allUsers"));
    m_team->setToolTip(tr("Add teams: the app goes into each team"));
    m_group->setToolTip(tr("Add every user of a group, nested groups included"));
    m_csv->setToolTip(tr("Add people from a CSV file with an id, userPrincipalName or mail column"));
    m_allUsers->setToolTip(tr("Add every user in the tenant"));

    // Signed out: say what to do, with the button that does it.
    m_signInHint = new QFrame(this);
    m_signInHint->setObjectName(QStringLiteral("signInHint"));
    static_cast<QFrame *>(m_signInHint)->setFrameShape(QFrame::StyledPanel);
    m_signInText = new QLabel(m_signInHint);
    m_signInText->setWordWrap(true);
    auto *profiles = new QPushButton(tr("&Profiles…"), m_signInHint);
    connect(profiles, &QPushButton::clicked, this, &RecipientsPage::profilesRequested);
    auto *hintLayout = new QHBoxLayout(m_signInHint);
    hintLayout->addWidget(m_signInText, 1);
    hintLayout->addWidget(profiles);
    controls()->addWidget(m_signInHint);

    auto *row = new QHBoxLayout;
    row->addWidget(m_search, 1);
    row->addWidget(m_team);
    row->addWidget(m_group);
    row->addWidget(m_csv);
    row->addWidget(m_allUsers);
    controls()->addLayout(row);
    controls()->addWidget(chips);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("recipientProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();
    controls()->addWidget(m_problem);
    setTabOrder(m_search, m_team);
    setTabOrder(m_team, m_group);
    setTabOrder(m_group, m_csv);
    setTabOrder(m_csv, m_allUsers);

    connect(m_search, &UserSearchBox::userChosen, this,
            [this](const Recipient &user) { m_loader->addRecipients(user.bestName(), {user}); });
    connect(m_search, &UserSearchBox::searchFailed, this, &RecipientsPage::showProblem);
    connect(m_team, &QPushButton::clicked, this, &RecipientsPage::chooseTeams);
    connect(m_group, &QPushButton::clicked, this, &RecipientsPage::chooseGroups);
    connect(m_csv, &QPushButton::clicked, this, &RecipientsPage::chooseCsv);
    connect(m_allUsers, &QPushButton::clicked, this, &RecipientsPage::askAllUsers);
    connect(m_loader, &RecipientLoader::problem, this, &RecipientsPage::showProblem);
    connect(session, &Session::stateChanged, this, &RecipientsPage::refreshEnabled);
    refreshEnabled();
}

void RecipientsPage::refreshEnabled()
{
    const bool ready = m_session->isReady();
    m_search->setClient(ready ? m_session->graph() : nullptr);
    for (QWidget *w : {static_cast<QWidget *>(m_search), static_cast<QWidget *>(m_team),
                       static_cast<QWidget *>(m_group), static_cast<QWidget *>(m_allUsers)})
        w->setEnabled(ready);
    m_csv->setEnabled(ready);
    m_search->setPlaceholderText(ready ? tr("Search people by name or e-mail, then press Enter to add")
                                       : tr("Sign in to search the directory"));
    switch (m_session->state()) {
    case Session::State::NoProfile:
        m_signInText->setText(tr("Herald is not connected to a tenant. Create or choose a profile (File › "
                                 "Profiles…, Ctrl+,), or start <b>herald --demo</b> to try everything on a "
                                 "simulated tenant."));
        break;
    case Session::State::Failed:
        m_signInText->setText(tr("Sign-in failed: %1").arg(m_session->errorString().toHtmlEscaped()));
        break;
    default:
        break;
    }
    m_signInHint->setVisible(m_session->state() == Session::State::NoProfile
                             || m_session->state() == Session::State::Failed);
}

void RecipientsPage::showProblem(const QString &message)
{
    ++m_problemCount;
    m_problem->setText(m_problemCount == 1
                           ? message
                           : tr("%1 (and %2 earlier problems)").arg(message).arg(m_problemCount - 1));
    m_problem->show();
}

QString RecipientsPage::problemText() const
{
    return m_problem->isVisible() ? m_problem->text() : QString();
}

void RecipientsPage::chooseTeams()
{
    auto *dialog = new DirectoryPickerDialog(DirectorySearch::Kind::Teams, m_session->graph(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        RecipientList teams;
        for (const DirectoryItem &item : dialog->chosen()) {
            Recipient team;
            team.kind = RecipientKind::Team;
            team.id = item.id;
            team.input = item.id;
            team.inputKind = InputKind::ObjectId;
            team.displayName = item.title;
            teams.append(team);
        }
        if (teams.isEmpty())
            return;
        const QString label = teams.size() == 1 ? tr("Team: %1").arg(teams.constFirst().displayName)
                                                : tr("%1 teams").arg(teams.size());
        m_loader->addRecipients(label, teams);
    });
    dialog->open();
}

void RecipientsPage::chooseGroups()
{
    auto *dialog = new DirectoryPickerDialog(DirectorySearch::Kind::Groups, m_session->graph(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        // One chip per group, so each can be taken off again on its own.
        for (const DirectoryItem &item : dialog->chosen()) {
            directory::RecipientSource source;
            source.groups = QStringList{item.id};
            m_loader->addSource(tr("Group: %1").arg(item.title), source);
        }
    });
    dialog->open();
}

void RecipientsPage::chooseCsv()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import recipients"), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        tr("CSV or text files (*.csv *.txt);;All files (*)"));
    if (!path.isEmpty())
        importCsv(path);
}

void RecipientsPage::importCsv(const QString &path)
{
    auto *dialog = new CsvImportDialog(path, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, path] {
        directory::RecipientSource source;
        source.usersFile = path;
        m_loader->addSource(QFileInfo(path).fileName(), source);
    });
    dialog->open();
}

void RecipientsPage::askAllUsers()
{
    if (!m_session->isReady())
        return;
    // One small counted page: the confirmation says how many people that is.
    m_allUsers->setEnabled(false);
    auto *job = m_session->graph()->send(
        graph::GraphRequest::get(directory::query::allUsers(1), directory::query::countHeaders()));
    connect(job, &graph::Job::finished, this, [this, job] {
        m_allUsers->setEnabled(m_session->isReady());
        if (!job->succeeded()) {
            showProblem(tr("Could not count the users: %1").arg(job->error().toString()));
            return;
        }
        const qint64 count
            = qint64(job->response().object().value(QLatin1String("@odata.count")).toDouble(-1));
        auto *box = new QMessageBox(
            QMessageBox::Question, tr("Add all users"),
            count >= 0 ? tr("Add all %1 users of %2?")
                             .arg(QLocale().toString(count), m_session->profile().tenantLabel)
                       : tr("Add every user of %1?").arg(m_session->profile().tenantLabel),
            QMessageBox::Yes | QMessageBox::Cancel, this);
        box->setObjectName(QStringLiteral("allUsersConfirm"));
        box->setIconPixmap(
            icons::glyph(QStringLiteral("recipients"), palette(), QPalette::Highlight).pixmap(48, 48));
        box->setInformativeText(tr("Each of them will be part of the next install or announcement."));
        box->setDefaultButton(QMessageBox::Cancel);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, [this, box, count](int) {
            if (box->clickedButton() == box->button(QMessageBox::Yes))
                addAllUsers(count);
        });
        box->open();
    });
    job->start();
}

void RecipientsPage::addAllUsers(qint64 count)
{
    directory::RecipientSource source;
    source.allUsers = true;
    Q_UNUSED(count)
    m_loader->addSource(tr("All users"), source);
}

} // namespace herald::ui
