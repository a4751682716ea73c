#include "SortKeyCache.h"

#include <QRandomGenerator>
#include <QStandardItemModel>
#include <QTest>

using namespace herald;

namespace {

QCollator naturalCollator()
{
    QCollator collator(QLocale(QLocale::English, QLocale::UnitedStates));
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    return collator;
}

QString randomText(QRandomGenerator &random)
{
    static const QString alphabet = QStringLiteral("abcABCéÉ 019-'");
    QString text;
    const int length = 1 + int(random.bounded(8));
    for (int i = 0; i < length; ++i)
        text += alphabet.at(int(random.bounded(int(alphabet.size()))));
    return text;
}

QStandardItem *numberItem(int value)
{
    auto *item = new QStandardItem;
    item->setData(value, Qt::DisplayRole);
    return item;
}

} // namespace

class TestSortKeyCache : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void agreesWithCollatorThroughChanges();
    void numberColumn();
    void keepsTwoTextColumns();

private:
    // Every pair of rows: the cache must order them as the collator does,
    // whether it compares ranks, keys, or a mix of both.
    void verifyOrder(int column);

    QStandardItemModel m_model;
    SortKeyCache m_cache;
    QCollator m_collator = naturalCollator();
    QRandomGenerator m_random{42};
};

void TestSortKeyCache::init()
{
    m_model.clear();
    m_model.setColumnCount(4);
    for (int row = 0; row < 120; ++row) {
        m_model.appendRow({new QStandardItem(randomText(m_random)), new QStandardItem(randomText(m_random)),
                           numberItem(int(m_random.bounded(7))), new QStandardItem(randomText(m_random))});
    }
    m_cache.setModel(&m_model);
    m_cache.setRole(Qt::DisplayRole);
    m_cache.setCollator(m_collator);
}

void TestSortKeyCache::verifyOrder(int column)
{
    for (int a = 0; a < m_model.rowCount(); ++a) {
        for (int b = 0; b < m_model.rowCount(); ++b) {
            const QVariant va = m_model.index(a, column).data();
            const QVariant vb = m_model.index(b, column).data();
            const bool expected = column == 2 ? va.toInt() < vb.toInt()
                                              : m_collator.compare(va.toString(), vb.toString()) < 0;
            if (m_cache.lessThan(column, a, b) != expected) {
                QFAIL(qPrintable(QStringLiteral("rows %1 '%2' and %3 '%4'")
                                     .arg(a)
                                     .arg(va.toString())
                                     .arg(b)
                                     .arg(vb.toString())));
            }
        }
    }
}

void TestSortKeyCache::agreesWithCollatorThroughChanges()
{
    QVERIFY(m_cache.lessThan(0, 0, 0) == false);
    verifyOrder(0);

    // A few changed rows: compared by key against ranked rows.
    for (int i = 0; i < 5; ++i) {
        const int row = int(m_random.bounded(m_model.rowCount()));
        m_model.item(row, 0)->setText(randomText(m_random));
        m_cache.rowsChanged(row, row, 0, 0);
    }
    verifyOrder(0);

    // Many changed rows: re-ranked.
    for (int row = 0; row < 40; ++row)
        m_model.item(row, 0)->setText(randomText(m_random));
    m_cache.rowsChanged(0, 39, 0, 1);
    verifyOrder(0);

    // Rows inserted in the middle and at the end.
    m_model.insertRow(10,
                      {new QStandardItem(QStringLiteral("item10")), new QStandardItem(), numberItem(0),
                       new QStandardItem()});
    m_cache.rowsInserted(10, 10);
    m_model.appendRow({new QStandardItem(QStringLiteral("item9")), new QStandardItem(), numberItem(0),
                       new QStandardItem()});
    m_cache.rowsInserted(m_model.rowCount() - 1, m_model.rowCount() - 1);
    verifyOrder(0);
    QVERIFY(m_cache.lessThan(0, m_model.rowCount() - 1, 10)); // item9 < item10: natural order
}

void TestSortKeyCache::numberColumn()
{
    verifyOrder(2);
    m_model.item(3, 2)->setData(-5, Qt::DisplayRole);
    m_cache.rowsChanged(3, 3, 2, 2);
    verifyOrder(2);
    // A change in another column leaves this one alone but stays correct.
    m_model.item(4, 0)->setText(QStringLiteral("zzz"));
    m_cache.rowsChanged(4, 4, 0, 0);
    verifyOrder(2);
}

void TestSortKeyCache::keepsTwoTextColumns()
{
    verifyOrder(0);
    verifyOrder(2);
    verifyOrder(1);
    QCOMPARE(m_cache.cachedColumnCount(), 3);
    verifyOrder(3); // a third text column: the oldest text cache (column 0) goes
    QCOMPARE(m_cache.cachedColumnCount(), 3);
    // A change while a column is not the current one still reaches its cache.
    m_model.item(7, 0)->setText(QStringLiteral("AAAA first"));
    m_cache.rowsChanged(7, 7, 0, 0);
    verifyOrder(0);
    m_cache.setRole(Qt::UserRole + 9);
    QCOMPARE(m_cache.cachedColumnCount(), 0);
}

QTEST_MAIN(TestSortKeyCache)
#include "tst_sortkeycache.moc"
