// core/Geometry: the cover crop and the contain size that pictures, the
// background video and the preview all frame their sources with, including
// sizes whose products do not fit in an int.

#include "core/Geometry.h"

#include <QRandomGenerator>
#include <QtTest>

#include <climits>

using namespace reelsmith;

namespace {

constexpr int kMax = INT_MAX;

QString text(QRect r)
{
    return QStringLiteral("(%1,%2 %3x%4)").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
}

} // namespace

class GeometryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void coverSourceRect_data()
    {
        QTest::addColumn<QSize>("source");
        QTest::addColumn<QSize>("box");
        QTest::addColumn<QRect>("expected");
        QTest::newRow("same aspect: all of it")
            << QSize(1080, 1920) << QSize(540, 960) << QRect(0, 0, 1080, 1920);
        // 1080 * 1080 / 1920 = 607.5, rounded up.
        QTest::newRow("landscape in portrait: the middle columns")
            << QSize(1920, 1080) << QSize(1080, 1920) << QRect(656, 0, 608, 1080);
        QTest::newRow("portrait in landscape: the middle rows")
            << QSize(1080, 1920) << QSize(1920, 1080) << QRect(0, 656, 1080, 608);
        QTest::newRow("phone photo in a portrait frame")
            << QSize(4032, 3024) << QSize(720, 1280) << QRect(1165, 0, 1701, 3024);
        // 16 * 1080 / 1920 = 9 columns of a strip.
        QTest::newRow("4000x16 strip")
            << QSize(4000, 16) << QSize(1080, 1920) << QRect(1995, 0, 9, 16);
        QTest::newRow("65000x16 strip")
            << QSize(65000, 16) << QSize(1080, 1920) << QRect(32495, 0, 9, 16);
        QTest::newRow("1,700,000x1: one pixel")
            << QSize(1700000, 1) << QSize(1080, 1920) << QRect(849999, 0, 1, 1);
        QTest::newRow("1x1,700,000: two rows")
            << QSize(1, 1700000) << QSize(1080, 1920) << QRect(0, 849999, 1, 2);
        QTest::newRow("int-sized source, int-sized box")
            << QSize(kMax, kMax) << QSize(kMax, 1) << QRect(0, kMax / 2, kMax, 1);
        QTest::newRow("tiny source, int-sized box")
            << QSize(1000, 1000) << QSize(kMax, 1) << QRect(0, 499, 1000, 1);
        QTest::newRow("int-wide source, int-tall box")
            << QSize(kMax, 1) << QSize(1, kMax) << QRect(kMax / 2, 0, 1, 1);
        QTest::newRow("empty source") << QSize(0, 100) << QSize(10, 10) << QRect();
        QTest::newRow("empty box") << QSize(100, 100) << QSize(10, 0) << QRect();
    }

    void coverSourceRect()
    {
        QFETCH(QSize, source);
        QFETCH(QSize, box);
        QFETCH(QRect, expected);
        const QRect got = reelsmith::coverSourceRect(source, box);
        QVERIFY2(got == expected,
                 qPrintable(text(got) + QStringLiteral(" expected ") + text(expected)));
    }

    void containSize_data()
    {
        QTest::addColumn<QSize>("source");
        QTest::addColumn<QSize>("box");
        QTest::addColumn<QSize>("expected");
        QTest::newRow("landscape photo, shrunk")
            << QSize(4032, 3024) << QSize(648, 704) << QSize(648, 486);
        QTest::newRow("portrait photo, shrunk")
            << QSize(3024, 4032) << QSize(648, 704) << QSize(528, 704);
        QTest::newRow("small picture, enlarged")
            << QSize(200, 100) << QSize(400, 400) << QSize(400, 200);
        QTest::newRow("same aspect") << QSize(540, 960) << QSize(1080, 1920) << QSize(1080, 1920);
        QTest::newRow("1,700,000x1: one row")
            << QSize(1700000, 1) << QSize(1080, 1920) << QSize(1080, 1);
        QTest::newRow("1x1,700,000: one column")
            << QSize(1, 1700000) << QSize(1080, 1920) << QSize(1, 1920);
        QTest::newRow("int-sized source")
            << QSize(kMax, kMax) << QSize(1080, 1920) << QSize(1080, 1080);
        QTest::newRow("int-sized box")
            << QSize(16, 9) << QSize(kMax, kMax) << QSize(kMax, int(std::lround(kMax * 9.0 / 16)));
        QTest::newRow("empty source") << QSize(100, 0) << QSize(10, 10) << QSize();
    }

    void containSize()
    {
        QFETCH(QSize, source);
        QFETCH(QSize, box);
        QFETCH(QSize, expected);
        QCOMPARE(reelsmith::containSize(source, box), expected);
    }

    void containRectIsCentredInTheBox()
    {
        // 1080 * 1080 / 1920 = 607.5 rows, rounded up, centred in a box at (10, 20).
        QCOMPARE(containRect({1920, 1080}, QRect(10, 20, 1080, 1920)), QRect(10, 676, 1080, 608));
        QCOMPARE(containRect({1080, 1920}, QRect(0, 0, 1920, 1080)), QRect(656, 0, 608, 1080));
        QCOMPARE(containRect({100, 100}, QRect(5, 5, 0, 10)), QRect());
    }

    void fittedSizeIsTheBoxForCover()
    {
        QCOMPARE(fittedSize({4000, 16}, {1080, 1920}, Fit::Cover), QSize(1080, 1920));
        QCOMPARE(fittedSize({4000, 16}, {1080, 1920}, Fit::Contain), QSize(1080, 4));
        QCOMPARE(fittedSize({}, {1080, 1920}, Fit::Contain), QSize(1080, 1920));
    }

    // Any sizes at all: the crop lies inside the source, is centred, and has
    // the box's aspect to within a pixel; the contained size lies inside the
    // box and reaches it on one side.
    void holdsForAnySizes()
    {
        QRandomGenerator rng(20261126);
        const auto side = [&rng] {
            // Mostly picture-like sizes, sometimes anything an int holds.
            return rng.bounded(4) == 0 ? int(rng.bounded(1, kMax)) : int(rng.bounded(1, 70000));
        };
        for (int i = 0; i < 20000; ++i) {
            const QSize source(side(), side());
            const QSize box(side(), side());
            const QString what = QStringLiteral("%1x%2 in %3x%4")
                                     .arg(source.width())
                                     .arg(source.height())
                                     .arg(box.width())
                                     .arg(box.height());

            const QRect crop = reelsmith::coverSourceRect(source, box);
            QVERIFY2(!crop.isEmpty() && QRect(QPoint(0, 0), source).contains(crop),
                     qPrintable(what));
            QVERIFY2(crop.width() == source.width() || crop.height() == source.height(),
                     qPrintable(what));
            QVERIFY2(std::abs(2 * qint64(crop.x()) + crop.width() - source.width()) <= 1 &&
                         std::abs(2 * qint64(crop.y()) + crop.height() - source.height()) <= 1,
                     qPrintable(what + QStringLiteral(": not centred")));
            // The crop's aspect is the box's: w / h = bw / bh, to a pixel of either side.
            const double cross =
                double(crop.width()) * box.height() - double(crop.height()) * box.width();
            QVERIFY2(std::abs(cross) <= 0.5 * std::max(box.width(), box.height()) + 1 ||
                         crop.width() == 1 || crop.height() == 1,
                     qPrintable(what + QStringLiteral(": crop ") + text(crop)));

            const QSize shown = reelsmith::containSize(source, box);
            QVERIFY2(shown.width() >= 1 && shown.height() >= 1 && shown.width() <= box.width() &&
                         shown.height() <= box.height(),
                     qPrintable(what));
            QVERIFY2(shown.width() == box.width() || shown.height() == box.height(),
                     qPrintable(what));
        }
    }
};

QTEST_MAIN(GeometryTest)
#include "tst_geometry.moc"
