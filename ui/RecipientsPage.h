#pragma once

#include "TablePage.h"

class QLabel;
class QPushButton;

namespace herald::ui {

class ChipBar;
class RecipientLoader;
class Session;
class UserSearchBox;

// Recipients: who hears from you. People by search, teams, groups (nested
// members), a CSV file or every user; each choice is a removable chip and
// its recipients appear in the shared table below.
class RecipientsPage : public TablePage
{
    Q_OBJECT

signals:
    // "Profiles…" on the not-signed-in hint.
    void profilesRequested();

public:
    RecipientsPage(Session *session, RecipientLoader *loader, ChipBar *chips, QWidget *parent = nullptr);

    UserSearchBox *searchBox() const { return m_search; }
    QPushButton *teamButton() const { return m_team; }
    QPushButton *groupButton() const { return m_group; }
    QPushButton *csvButton() const { return m_csv; }
    QPushButton *allUsersButton() const { return m_allUsers; }
    QString problemText() const;

    // The steps behind the buttons, callable without their file/confirm dialogs.
    void importCsv(const QString &path);
    void addAllUsers(qint64 count);

public slots:
    void chooseTeams();
    void chooseGroups();
    void chooseCsv();
    void askAllUsers();

private:
    void refreshEnabled();
    void showProblem(const QString &message);

    Session *m_session;
    RecipientLoader *m_loader;
    UserSearchBox *m_search = nullptr;
    QPushButton *m_team = nullptr;
    QPushButton *m_group = nullptr;
    QPushButton *m_csv = nullptr;
    QPushButton *m_allUsers = nullptr;
    QLabel *m_problem = nullptr;
    QWidget *m_signInHint = nullptr;
    QLabel *m_signInText = nullptr;
    int m_problemCount = 0;
};

} // namespace herald::ui
