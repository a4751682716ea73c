#pragma once

#include "directory/Recipient.h"

#include <QLineEdit>
#include <QTimer>

class QCompleter;

namespace herald {
class DirectoryResultModel;
}
namespace herald::graph {
class GraphClient;
}

namespace herald::ui {

class DirectorySearch;

// Type a name, see people: the search waits until typing pauses
// (kDebounceMs) or Enter, asks the directory ($search on display name and
// UPN), and shows the matches in a completer popup that pages on as it is
// scrolled. Choosing one (Enter or click) emits userChosen() and clears
// the box for the next name.
class UserSearchBox : public QLineEdit
{
    Q_OBJECT

signals:
    void userChosen(const herald::Recipient &user);
    void searchFailed(const QString &message);

public:
    static constexpr int kDebounceMs = 300;

    explicit UserSearchBox(QWidget *parent = nullptr);
    ~UserSearchBox() override;

    void setClient(graph::GraphClient *client);

    DirectorySearch *search() const { return m_search; }
    DirectoryResultModel *results() const { return m_results; }
    QCompleter *resultCompleter() const { return m_completer; }
    bool isDebouncing() const { return m_debounce.isActive(); }

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void startSearch();
    void choose(const QModelIndex &index);

    DirectoryResultModel *m_results = nullptr;
    DirectorySearch *m_search = nullptr;
    QCompleter *m_completer = nullptr;
    QTimer m_debounce;
};

} // namespace herald::ui
