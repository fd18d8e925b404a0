// Compare viewer: what each mode paints where, zoom/pan geometry (wheel anchor, keys, fit,
// SideBySide sync), held-Space toggle, and robustness with null images and tiny widgets.
// Pixel checks read grab() in device pixels, so they hold at any devicePixelRatio.
#include "ui/compare_viewer.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include <cmath>
#include <utility>

using dualx::ui::CompareViewer;
using Mode = CompareViewer::Mode;

namespace {

const QSize widgetSize(400, 300);

QImage solid(QSize size, QColor color)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(color);
    return image;
}

// Source 40x30 red and restored 160x120 blue, each with a white block at the same place in
// restored coordinates (source (20..23, 15..18) -> restored (80..95, 60..75)).
QImage markedSource()
{
    QImage image = solid({40, 30}, Qt::red);
    QPainter(&image).fillRect(QRect(20, 15, 4, 4), Qt::white);
    return image;
}

QImage markedRestored()
{
    QImage image = solid({160, 120}, Qt::blue);
    QPainter(&image).fillRect(QRect(80, 60, 16, 16), Qt::white);
    return image;
}

QImage checkerboard(int size)
{
    QImage image(size, size, QImage::Format_RGB32);
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) image.setPixel(x, y, (x + y) % 2 ? qRgb(255, 255, 255) : qRgb(0, 0, 0));
    return image;
}

struct Shot {
    QImage image;
    qreal dpr = 1.0;
    QColor at(QPointF logical) const
    {
        const QPoint device(int(std::floor(logical.x() * dpr)), int(std::floor(logical.y() * dpr)));
        return image.valid(device) ? image.pixelColor(device) : QColor();
    }
};

Shot grabShot(QWidget& widget)
{
    const QPixmap pixmap = widget.grab();
    return {pixmap.toImage(), pixmap.devicePixelRatio()};
}

bool isRed(QColor c) { return c.isValid() && c.red() > 200 && c.green() < 60 && c.blue() < 60; }
bool isBlue(QColor c) { return c.isValid() && c.blue() > 200 && c.red() < 60 && c.green() < 60; }
bool isWhite(QColor c) { return c.isValid() && c.red() > 220 && c.green() > 220 && c.blue() > 220; }
bool isBlack(QColor c) { return c.isValid() && c.red() < 8 && c.green() < 8 && c.blue() < 8; }

QByteArray describe(QColor c) { return c.name().toLatin1(); }

void sendWheel(QWidget& widget, QPointF pos, int delta)
{
    QWheelEvent event(pos, widget.mapToGlobal(pos), QPoint(), QPoint(0, delta), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&widget, &event);
}

void sendMouse(QWidget& widget, QEvent::Type type, QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons,
               Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QMouseEvent event(type, pos, widget.mapToGlobal(pos), button, buttons, modifiers);
    QApplication::sendEvent(&widget, &event);
}

void drag(QWidget& widget, QPointF from, QPointF to)
{
    sendMouse(widget, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    sendMouse(widget, QEvent::MouseMove, (from + to) / 2, Qt::NoButton, Qt::LeftButton);
    sendMouse(widget, QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton);
    sendMouse(widget, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
}

bool near(QPointF a, QPointF b, double tolerance) { return QLineF(a, b).length() <= tolerance; }

} // namespace

class TestUiCompareViewer : public QObject {
    Q_OBJECT

    // A shown 400x300 viewer in fit mode with the red/blue pair: the 160x120 image fills it at 2.5x.
    void showViewer(CompareViewer& viewer)
    {
        viewer.resize(widgetSize);
        viewer.setImages(solid({40, 30}, Qt::red), solid({160, 120}, Qt::blue));
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        QCOMPARE(viewer.size(), widgetSize);
    }

private Q_SLOTS:
    void defaults()
    {
        CompareViewer viewer;
        QCOMPARE(viewer.mode(), Mode::Split);
        QCOMPARE(viewer.splitPosition(), 0.5);
        QVERIFY(viewer.isFitMode());
        QCOMPARE(viewer.focusPolicy(), Qt::StrongFocus);
        QVERIFY(!viewer.accessibleName().isEmpty());
        QVERIFY(!viewer.accessibleDescription().isEmpty());
        QVERIFY(!viewer.showingSource());
    }

    void sourceIsUpscaledToRestoredSize()
    {
        CompareViewer viewer;
        viewer.setImages(solid({50, 10}, Qt::red), solid({160, 120}, Qt::blue)); // aspect mismatch is stretched
        QCOMPARE(viewer.sourceImage().size(), QSize(160, 120));
        QCOMPARE(viewer.imageSize(), QSize(160, 120));
        QVERIFY(isRed(viewer.sourceImage().pixelColor(80, 60)));
    }

    void fitFillsTheWidgetAndRefitsOnResize()
    {
        CompareViewer viewer;
        showViewer(viewer);
        QVERIFY(viewer.isFitMode());
        QCOMPARE(viewer.zoom(), 2.5);
        QVERIFY(near(viewer.imagePointAt({0, 0}), {0, 0}, 1e-9));
        QVERIFY(near(viewer.imagePointAt({400, 300}), {160, 120}, 1e-9));

        viewer.resize(800, 600);
        QCOMPARE(viewer.zoom(), 5.0);
        viewer.setZoom(1.0); // the user zoomed: leaves fit mode, resize keeps the zoom
        QVERIFY(!viewer.isFitMode());
        viewer.resize(widgetSize);
        QCOMPARE(viewer.zoom(), 1.0);
        viewer.zoomToFit();
        QVERIFY(viewer.isFitMode());
        QCOMPARE(viewer.zoom(), 2.5);
        QCOMPARE(viewer.pan(), QPointF());
    }

    void splitShowsSourceLeftAndRestoredRight()
    {
        CompareViewer viewer;
        showViewer(viewer);
        Shot shot = grabShot(viewer);
        QVERIFY2(isRed(shot.at({100, 150})), describe(shot.at({100, 150})));
        QVERIFY2(isBlue(shot.at({300, 150})), describe(shot.at({300, 150})));
        QVERIFY(isRed(shot.at({190, 200})));
        QVERIFY(isBlue(shot.at({210, 200})));

        QSignalSpy spy(&viewer, &CompareViewer::splitPositionChanged);
        viewer.setSplitPosition(0.25); // divider at x = 100
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toDouble(), 0.25);
        shot = grabShot(viewer);
        QVERIFY2(isRed(shot.at({50, 150})), describe(shot.at({50, 150})));
        QVERIFY2(isBlue(shot.at({150, 150})), describe(shot.at({150, 150})));
        QVERIFY(isRed(shot.at({90, 200})));
        QVERIFY(isBlue(shot.at({110, 200})));

        viewer.setSplitPosition(7.0);
        QCOMPARE(viewer.splitPosition(), 1.0);
        viewer.setSplitPosition(-1.0);
        QCOMPARE(viewer.splitPosition(), 0.0);
        QVERIFY(isBlue(grabShot(viewer).at({50, 150})));
    }

    void splitFollowsZoomAndPan()
    {
        CompareViewer viewer;
        showViewer(viewer);
        viewer.setZoom(4.0);
        viewer.setPan({-100, 0});
        // The divider sits at image x = 80 wherever that is on screen.
        const double x = viewer.widgetPointFor({80, 60}).x();
        QVERIFY(x > 20 && x < 380);
        const Shot shot = grabShot(viewer);
        QVERIFY(isRed(shot.at({x - 15, 200})));
        QVERIFY(isBlue(shot.at({x + 15, 200})));
    }

    void draggingNearTheDividerMovesIt_elsewherePans()
    {
        CompareViewer viewer;
        showViewer(viewer);
        drag(viewer, {205, 100}, {300, 100}); // within 8 px of the divider at x = 200
        QCOMPARE(viewer.splitPosition(), 0.75);
        QCOMPARE(viewer.pan(), QPointF());
        QVERIFY(viewer.isFitMode());

        drag(viewer, {100, 100}, {120, 110}); // far from the divider at x = 300
        QCOMPARE(viewer.splitPosition(), 0.75);
        QCOMPARE(viewer.pan(), QPointF(20, 10));
        QVERIFY(!viewer.isFitMode());
        QVERIFY(near(viewer.imagePointAt({120, 110}), {40, 40}, 1e-9));
    }

    void differenceOfIdenticalImagesIsBlack()
    {
        CompareViewer viewer;
        showViewer(viewer);
        QSignalSpy spy(&viewer, &CompareViewer::modeChanged);
        viewer.setMode(Mode::Difference);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<Mode>(), Mode::Difference);

        // Red vs blue: every channel differs by 255, amplified and clamped -> magenta.
        Shot shot = grabShot(viewer);
        const QColor magenta = shot.at({200, 150});
        QVERIFY2(magenta.red() > 245 && magenta.green() < 8 && magenta.blue() > 245, describe(magenta));

        const QImage blue = solid({160, 120}, Qt::blue);
        for (const QImage& source : {blue, solid({40, 30}, Qt::blue)}) { // same image, and an upscaled one
            viewer.setImages(source, blue);
            shot = grabShot(viewer);
            // Whole image area except the corner labels.
            for (int y = 50; y <= 250; y += 10)
                for (int x = 10; x <= 390; x += 10)
                    QVERIFY2(isBlack(shot.at({double(x), double(y)})), describe(shot.at({double(x), double(y)})));
        }

        // Small differences are amplified x4: 10 levels become 40.
        viewer.setImages(solid({160, 120}, QColor(100, 100, 100)), solid({160, 120}, QColor(110, 100, 90)));
        const QColor amplified = grabShot(viewer).at({200, 150});
        QVERIFY2(std::abs(amplified.red() - 40) <= 1 && amplified.green() <= 1 && std::abs(amplified.blue() - 40) <= 1,
                 describe(amplified));
    }

    void toggleShowsSourceWhileSpaceIsHeld()
    {
        CompareViewer viewer;
        showViewer(viewer);
        viewer.setMode(Mode::Toggle);
        QVERIFY(isBlue(grabShot(viewer).at({200, 150})));

        QTest::keyPress(&viewer, Qt::Key_Space);
        QVERIFY(viewer.showingSource());
        QVERIFY2(isRed(grabShot(viewer).at({200, 150})), describe(grabShot(viewer).at({200, 150})));
        QTest::keyRelease(&viewer, Qt::Key_Space);
        QVERIFY(!viewer.showingSource());
        QVERIFY(isBlue(grabShot(viewer).at({200, 150})));

        // Shift + left button does the same with the mouse, and does not pan.
        sendMouse(viewer, QEvent::MouseButtonPress, {200, 150}, Qt::LeftButton, Qt::LeftButton, Qt::ShiftModifier);
        QVERIFY(viewer.showingSource());
        QVERIFY(isRed(grabShot(viewer).at({200, 150})));
        sendMouse(viewer, QEvent::MouseMove, {230, 150}, Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
        sendMouse(viewer, QEvent::MouseButtonRelease, {230, 150}, Qt::LeftButton, Qt::NoButton, Qt::ShiftModifier);
        QVERIFY(!viewer.showingSource());
        QCOMPARE(viewer.pan(), QPointF());
        QVERIFY(isBlue(grabShot(viewer).at({200, 150})));

        // Space means nothing outside Toggle mode.
        viewer.setMode(Mode::Split);
        QTest::keyPress(&viewer, Qt::Key_Space);
        QVERIFY(!viewer.showingSource());
        QTest::keyRelease(&viewer, Qt::Key_Space);
    }

    void wheelZoomsAboutTheCursor()
    {
        CompareViewer viewer;
        showViewer(viewer);
        QSignalSpy spy(&viewer, &CompareViewer::zoomChanged);
        for (const QPointF cursor : {QPointF(123, 77), QPointF(390, 290), QPointF(20, 250)}) {
            const QPointF before = viewer.imagePointAt(cursor);
            const double zoom = viewer.zoom();
            sendWheel(viewer, cursor, 120);
            QVERIFY(std::abs(viewer.zoom() - zoom * 1.25) < 1e-9);
            QVERIFY2(near(viewer.imagePointAt(cursor), before, 0.5), "image point under the cursor moved (zoom in)");
            sendWheel(viewer, cursor, -120);
            QVERIFY(std::abs(viewer.zoom() - zoom) < 1e-9);
            QVERIFY2(near(viewer.imagePointAt(cursor), before, 0.5), "image point under the cursor moved (zoom out)");
        }
        QCOMPARE(spy.count(), 6);
        QVERIFY(!viewer.isFitMode());

        // Two notches at once zoom by 1.25^2; the point still stays.
        const QPointF cursor(300, 60);
        const QPointF before = viewer.imagePointAt(cursor);
        const double zoom = viewer.zoom();
        sendWheel(viewer, cursor, 240);
        QVERIFY(std::abs(viewer.zoom() - zoom * 1.5625) < 1e-9);
        QVERIFY(near(viewer.imagePointAt(cursor), before, 0.5));
    }

    void zoomIsClamped()
    {
        CompareViewer viewer;
        showViewer(viewer);
        viewer.setZoom(100.0);
        QCOMPARE(viewer.zoom(), 16.0);
        sendWheel(viewer, {200, 150}, 120);
        QCOMPARE(viewer.zoom(), 16.0);
        viewer.setZoom(0.0);
        QCOMPARE(viewer.zoom(), 0.05);
        viewer.setZoom(std::nan(""));
        QCOMPARE(viewer.zoom(), 0.05);
        grabShot(viewer); // tiny image in the middle: paints without trouble
    }

    void keysSetZoom()
    {
        CompareViewer viewer;
        showViewer(viewer);
        const QPointF centre(200, 150);
        const QPointF centrePoint = viewer.imagePointAt(centre);
        for (const auto& [key, zoom] : {std::pair{Qt::Key_1, 1.0}, {Qt::Key_2, 2.0}, {Qt::Key_4, 4.0}}) {
            QTest::keyClick(&viewer, key);
            QCOMPARE(viewer.zoom(), zoom);
            QVERIFY(!viewer.isFitMode());
            QVERIFY(near(viewer.imagePointAt(centre), centrePoint, 1e-6)); // zooms about the view centre
        }
        QTest::keyClick(&viewer, Qt::Key_F);
        QVERIFY(viewer.isFitMode());
        QCOMPARE(viewer.zoom(), 2.5);
        QTest::keyClick(&viewer, Qt::Key_Plus);
        QVERIFY(std::abs(viewer.zoom() - 2.5 * 1.25) < 1e-9);
        QTest::keyClick(&viewer, Qt::Key_Minus);
        QVERIFY(std::abs(viewer.zoom() - 2.5) < 1e-9);
    }

    void magnifiedPixelsAreNearestNeighbour()
    {
        CompareViewer viewer;
        showViewer(viewer);
        const QImage checker = checkerboard(16);
        viewer.setImages(checker, checker);
        viewer.setMode(Mode::Toggle);
        viewer.setZoom(8.0);
        const Shot shot = grabShot(viewer);
        // Inside one image pixel every screen pixel has its exact colour; neighbours alternate.
        for (const double x : {0.15, 0.5, 0.85}) {
            QVERIFY(isBlack(shot.at(viewer.widgetPointFor({6 + x, 6.5}))));
            QVERIFY(isWhite(shot.at(viewer.widgetPointFor({7 + x, 6.5}))));
        }
    }

    void sideBySidePanesAreSynchronised()
    {
        CompareViewer viewer;
        showViewer(viewer);
        viewer.setImages(markedSource(), markedRestored());
        viewer.setMode(Mode::SideBySide);
        QVERIFY(viewer.isFitMode());
        QCOMPARE(viewer.zoom(), 1.25); // 160 px into a 200 px half
        // The whole image fits into each half.
        QVERIFY(viewer.widgetPointFor({0, 0}, 0).x() >= 0);
        QVERIFY(viewer.widgetPointFor({160, 120}, 0).x() <= 200);
        QVERIFY(viewer.widgetPointFor({0, 0}, 1).x() >= 200);
        QVERIFY(viewer.widgetPointFor({160, 120}, 1).x() <= 400);

        const auto check = [&] {
            const Shot shot = grabShot(viewer);
            for (const QPointF p : {QPointF(60, 90), QPointF(88, 68)}) { // both visible in every case below
                QVERIFY(QRectF(0, 0, 200, 300).contains(viewer.widgetPointFor(p, 0)));
                QVERIFY(QRectF(200, 0, 200, 300).contains(viewer.widgetPointFor(p, 1)));
            }
            QVERIFY(isRed(shot.at(viewer.widgetPointFor({60, 90}, 0))));
            QVERIFY(isBlue(shot.at(viewer.widgetPointFor({60, 90}, 1))));
            QVERIFY2(isWhite(shot.at(viewer.widgetPointFor({88, 68}, 0))), "marker missing in the source pane");
            QVERIFY2(isWhite(shot.at(viewer.widgetPointFor({88, 68}, 1))), "marker missing in the restored pane");
            for (const QPointF p : {QPointF(10, 40), QPointF(120, 160), QPointF(199, 299)}) {
                QVERIFY(near(viewer.imagePointAt(p), viewer.imagePointAt(p + QPointF(200, 0)), 1e-9));
                QVERIFY(near(viewer.widgetPointFor(viewer.imagePointAt(p), 1), p + QPointF(200, 0), 1e-9));
            }
        };
        check();
        viewer.setZoom(3.0);
        viewer.setPan({13, -7});
        check();

        // Wheel over the right pane keeps its point; the left pane follows.
        const QPointF cursor(330, 120);
        const QPointF before = viewer.imagePointAt(cursor);
        sendWheel(viewer, cursor, 120);
        QVERIFY(std::abs(viewer.zoom() - 3.75) < 1e-9);
        QVERIFY(near(viewer.imagePointAt(cursor), before, 0.5));
        QVERIFY(near(viewer.imagePointAt(cursor - QPointF(200, 0)), before, 0.5));
        check();
    }

    void nullImagesShowAHint()
    {
        CompareViewer viewer;
        showViewer(viewer);
        viewer.setImages(QImage(), QImage());
        QVERIFY(viewer.imageSize().isEmpty());
        for (const Mode mode : {Mode::Split, Mode::SideBySide, Mode::Toggle, Mode::Difference}) {
            viewer.setMode(mode);
            const Shot shot = grabShot(viewer);
            QVERIFY(!shot.image.isNull());
            // The hint is light text on the dark background, centred.
            int lit = 0;
            for (int y = 130; y < 170; ++y)
                for (int x = 140; x < 260; ++x) lit += shot.at({double(x), double(y)}).lightness() > 120;
            QVERIFY2(lit > 10, "no hint text painted");
            QVERIFY(!isRed(shot.at({100, 150})) && !isBlue(shot.at({300, 150})));
            viewer.zoomToFit();
            sendWheel(viewer, {100, 100}, 120);
            drag(viewer, {200, 150}, {250, 160});
            QTest::keyClick(&viewer, Qt::Key_F);
            QTest::keyClick(&viewer, Qt::Key_4);
            (void)viewer.imagePointAt({10, 10});
            grabShot(viewer);
        }

        // Only a restored frame: it still shows, the source side shows the hint.
        viewer.setMode(Mode::Split);
        viewer.setImages(QImage(), solid({160, 120}, Qt::blue));
        viewer.zoomToFit();
        Shot shot = grabShot(viewer);
        QVERIFY(isBlue(shot.at({300, 150})));
        QVERIFY(!isBlue(shot.at({100, 150})));
        // Only a source frame: shown at its own size.
        viewer.setImages(solid({40, 30}, Qt::red), QImage());
        QCOMPARE(viewer.imageSize(), QSize(40, 30));
        QCOMPARE(viewer.zoom(), 10.0);
        shot = grabShot(viewer);
        QVERIFY(isRed(shot.at({100, 150})));
        viewer.setMode(Mode::Difference);
        grabShot(viewer);
    }

    void zeroSizeWidgetDoesNotCrash()
    {
        QWidget parent;
        parent.resize(100, 100);
        auto* viewer = new CompareViewer(&parent);
        viewer->setImages(solid({40, 30}, Qt::red), solid({160, 120}, Qt::blue));
        viewer->resize(0, 0);
        parent.show();
        QVERIFY(QTest::qWaitForWindowExposed(&parent));
        for (const Mode mode : {Mode::Split, Mode::SideBySide, Mode::Toggle, Mode::Difference}) {
            viewer->setMode(mode);
            viewer->zoomToFit();
            QVERIFY(viewer->zoom() >= CompareViewer::minZoom);
            (void)viewer->imagePointAt({0, 0});
            sendWheel(*viewer, {0, 0}, 120);
            viewer->grab();
            parent.grab();
        }
        viewer->resize(1, 1);
        viewer->zoomToFit();
        viewer->grab();
    }
};

QTEST_MAIN(TestUiCompareViewer)
#include "test_ui_compare_viewer.moc"
