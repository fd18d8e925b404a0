#pragma once
// Before/after view of one video frame: the source frame against its 4x restored result.
// Both images live in one coordinate system, the restored image's pixels: the source is
// smooth-scaled to that size once, so a zoom/pan applies to both alike and "the same point"
// means the same thing in every mode. The view transform is
//   widget = paneCentre - imageSize * zoom / 2 + pan + image * zoom
// in device-independent pixels; pan is therefore the offset from "image centred in the pane".
#include <QImage>
#include <QPointF>
#include <QRectF>
#include <QWidget>

namespace dualx::ui {

class CompareViewer : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Split, SideBySide, Toggle, Difference };
    Q_ENUM(Mode)

    static constexpr double minZoom = 0.05;
    static constexpr double maxZoom = 16.0;
    static constexpr double zoomStep = 1.25; // one wheel notch or one +/- key press

    explicit CompareViewer(QWidget* parent = nullptr);

    // source: the original frame (any size, usually 1/4 of the restored one); restored: the result.
    // The source is shown scaled (smoothly) to the restored image's size so both align pixel for
    // pixel; mismatched aspect ratios are stretched. Either may be null: the missing side shows a
    // hint, and with both null the whole view does. Keeps zoom and pan unless in fit mode.
    void setImages(const QImage& source, const QImage& restored);
    const QImage& sourceImage() const { return m_source; } // already scaled to the restored size
    const QImage& restoredImage() const { return m_restored; }
    // Size of the displayed image (the restored one, or the source when there is no result yet).
    QSize imageSize() const;

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }

    // Divider position as a fraction (0..1, clamped) of the displayed image width; default 0.5.
    void setSplitPosition(double fraction);
    double splitPosition() const { return m_split; }

    // 1.0 = 100 % (one image pixel per device-independent pixel); clamped to minZoom..maxZoom.
    // Keeps the image point at the centre of the view where it is and leaves fit mode.
    void setZoom(double factor);
    double zoom() const { return m_zoom; }
    // Fits the whole image (SideBySide: into each half) and stays fitted across resizes until
    // the user zooms or pans.
    void zoomToFit();
    bool isFitMode() const { return m_fitMode; }

    void setPan(QPointF offset); // leaves fit mode
    QPointF pan() const { return m_pan; }

    // Widget -> image coordinates (restored image pixels, may lie outside the image). In
    // SideBySide the pane under widgetPos is used, so both panes map alike.
    QPointF imagePointAt(const QPointF& widgetPos) const;
    // Image -> widget coordinates; pane 1 is the right pane in SideBySide (ignored otherwise).
    QPointF widgetPointFor(const QPointF& imagePos, int pane = 0) const;

    // Toggle mode: true while Space (or Shift + left button) is held and the source is shown.
    bool showingSource() const;

    QSize sizeHint() const override { return {640, 360}; }
    QSize minimumSizeHint() const override { return {64, 48}; }

Q_SIGNALS:
    void zoomChanged(double factor);
    void splitPositionChanged(double fraction);
    void modeChanged(dualx::ui::CompareViewer::Mode mode);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    enum class Drag { None, Divider, Pan };

    int paneCount() const { return m_mode == Mode::SideBySide ? 2 : 1; }
    QRectF paneRect(int pane) const;
    int paneAt(const QPointF& widgetPos) const;
    QPointF paneOrigin(int pane) const; // widget position of image point (0, 0)
    QRectF imageRectInWidget(int pane) const;
    double fitZoom() const;
    void applyFit();
    void applyZoom(double factor, const QPointF& anchor, bool leaveFit); // anchor stays fixed
    void zoomBy(double factor, const QPointF& anchor);
    double dividerX() const;
    bool nearDivider(const QPointF& widgetPos) const;
    void setSourceHeld(bool held, bool byMouse);
    const QImage& differenceImage() const;
    void updateCursor(const QPointF& widgetPos);

    void drawLayer(QPainter& painter, const QImage& image, int pane, const QRectF& clip, const QString& hint) const;
    void drawDivider(QPainter& painter) const;
    void drawLabel(QPainter& painter, const QRectF& area, const QString& text, Qt::Alignment corner) const;
    void drawHint(QPainter& painter, const QRectF& area, const QString& text) const;

    QImage m_source; // scaled to m_restored's size when both exist
    QImage m_restored;
    mutable QImage m_difference; // built lazily, only Difference mode needs it
    mutable bool m_differenceValid = false;

    Mode m_mode = Mode::Split;
    double m_split = 0.5;
    double m_zoom = 1.0;
    QPointF m_pan;
    bool m_fitMode = true;

    Drag m_drag = Drag::None;
    QPointF m_lastMousePos;
    bool m_spaceHeld = false;
    bool m_mouseHeld = false;
};

} // namespace dualx::ui
