#include "compare_viewer.h"

#include <QFocusEvent>
#include <QFontMetricsF>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QResizeEvent>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace dualx::ui {

namespace {

// Fixed neutral background rather than the palette: judging restoration needs the same
// surround in light and dark themes, and a dark one does not glare around video frames.
const QColor backgroundColor(32, 32, 32);
const QColor hintColor(190, 190, 190);
constexpr double dividerGrabDistance = 8.0; // px either side of the divider that start a divider drag
constexpr double handleRadius = 11.0;
constexpr int differenceGain = 4;

double clampZoom(double factor) { return std::clamp(factor, CompareViewer::minZoom, CompareViewer::maxZoom); }

bool fuzzyDiffers(double a, double b) { return std::abs(a - b) > 1e-9 * std::max(1.0, std::abs(a)); }

} // namespace

CompareViewer::CompareViewer(QWidget* parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);                // cursor shape changes over the divider without a button held
    setAttribute(Qt::WA_OpaquePaintEvent); // paintEvent fills every pixel
    setAccessibleName(tr("Before/after comparison"));
    setAccessibleDescription(tr("Compares the source frame with the restored frame. Drag the divider or the image, "
                                "scroll to zoom, F fits, 1, 2 and 4 set the zoom, hold Space to show the source."));
}

QSize CompareViewer::imageSize() const { return m_restored.isNull() ? m_source.size() : m_restored.size(); }

void CompareViewer::setImages(const QImage& source, const QImage& restored)
{
    m_restored = restored;
    // Scale once here, not per paint: painting then only samples, whatever the zoom.
    if (!source.isNull() && !restored.isNull() && source.size() != restored.size())
        m_source = source.scaled(restored.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    else
        m_source = source;
    m_difference = QImage();
    m_differenceValid = false;
    if (m_fitMode) applyFit();
    update();
}

void CompareViewer::setMode(Mode mode)
{
    if (mode == m_mode) return;
    m_mode = mode;
    m_drag = Drag::None;
    if (m_fitMode) applyFit(); // SideBySide fits into half the width
    update();
    Q_EMIT modeChanged(mode);
}

void CompareViewer::setSplitPosition(double fraction)
{
    if (std::isnan(fraction)) return;
    fraction = std::clamp(fraction, 0.0, 1.0);
    if (!fuzzyDiffers(fraction, m_split)) return;
    m_split = fraction;
    update();
    Q_EMIT splitPositionChanged(fraction);
}

void CompareViewer::setZoom(double factor)
{
    if (std::isnan(factor)) return;
    applyZoom(factor, paneRect(0).center(), true);
}

void CompareViewer::zoomToFit()
{
    m_fitMode = true;
    applyFit();
    update();
}

void CompareViewer::setPan(QPointF offset)
{
    m_fitMode = false;
    if (offset == m_pan) return;
    m_pan = offset;
    update();
}

QRectF CompareViewer::paneRect(int pane) const
{
    const QRectF all(QPointF(0, 0), QSizeF(size()));
    if (paneCount() == 1) return all;
    const double half = all.width() / 2.0;
    return pane == 0 ? QRectF(0, 0, half, all.height()) : QRectF(half, 0, all.width() - half, all.height());
}

int CompareViewer::paneAt(const QPointF& widgetPos) const { return paneCount() == 2 && widgetPos.x() >= paneRect(1).left() ? 1 : 0; }

QPointF CompareViewer::paneOrigin(int pane) const
{
    const QSizeF image(imageSize());
    return paneRect(pane).center() - QPointF(image.width(), image.height()) * (m_zoom / 2.0) + m_pan;
}

QRectF CompareViewer::imageRectInWidget(int pane) const { return QRectF(paneOrigin(pane), QSizeF(imageSize()) * m_zoom); }

QPointF CompareViewer::imagePointAt(const QPointF& widgetPos) const { return (widgetPos - paneOrigin(paneAt(widgetPos))) / m_zoom; }

QPointF CompareViewer::widgetPointFor(const QPointF& imagePos, int pane) const
{
    return paneOrigin(std::clamp(pane, 0, paneCount() - 1)) + imagePos * m_zoom;
}

bool CompareViewer::showingSource() const { return m_mode == Mode::Toggle && (m_spaceHeld || m_mouseHeld); }

double CompareViewer::fitZoom() const
{
    const QSize image = imageSize();
    const QRectF pane = paneRect(0);
    if (image.isEmpty() || pane.isEmpty()) return 1.0;
    return clampZoom(std::min(pane.width() / image.width(), pane.height() / image.height()));
}

void CompareViewer::applyFit()
{
    const double factor = fitZoom();
    m_pan = QPointF();
    if (fuzzyDiffers(factor, m_zoom)) {
        m_zoom = factor;
        Q_EMIT zoomChanged(factor);
    }
}

void CompareViewer::applyZoom(double factor, const QPointF& anchor, bool leaveFit)
{
    factor = clampZoom(factor);
    if (leaveFit) m_fitMode = false;
    if (!fuzzyDiffers(factor, m_zoom)) return;
    // Solve widget = paneCentre - size * zoom / 2 + pan + image * zoom for the pan that keeps
    // the image point under `anchor` there at the new zoom.
    const int pane = paneAt(anchor);
    const QPointF imagePoint = imagePointAt(anchor);
    const QSizeF image(imageSize());
    const QPointF halfImage(image.width() / 2.0, image.height() / 2.0);
    m_pan = anchor - paneRect(pane).center() - (imagePoint - halfImage) * factor;
    m_zoom = factor;
    update();
    Q_EMIT zoomChanged(factor);
}

void CompareViewer::zoomBy(double factor, const QPointF& anchor) { applyZoom(m_zoom * factor, anchor, true); }

double CompareViewer::dividerX() const { return widgetPointFor(QPointF(m_split * imageSize().width(), 0)).x(); }

bool CompareViewer::nearDivider(const QPointF& widgetPos) const
{
    if (m_mode != Mode::Split || imageSize().isEmpty()) return false;
    const QRectF image = imageRectInWidget(0);
    return std::abs(widgetPos.x() - dividerX()) <= dividerGrabDistance && widgetPos.y() >= image.top() && widgetPos.y() <= image.bottom();
}

void CompareViewer::setSourceHeld(bool held, bool byMouse)
{
    const bool before = showingSource();
    (byMouse ? m_mouseHeld : m_spaceHeld) = held;
    if (showingSource() != before) update();
}

const QImage& CompareViewer::differenceImage() const
{
    if (m_differenceValid) return m_difference;
    m_differenceValid = true;
    m_difference = QImage();
    if (m_source.isNull() || m_restored.isNull() || m_source.size() != m_restored.size()) return m_difference;
    // Alpha is ignored: video frames are opaque, and RGB32 gives a fixed layout to read.
    const QImage a = m_source.convertToFormat(QImage::Format_RGB32);
    const QImage b = m_restored.convertToFormat(QImage::Format_RGB32);
    m_difference = QImage(a.size(), QImage::Format_RGB32);
    const auto channel = [](int x, int y) { return std::min(255, differenceGain * std::abs(x - y)); };
    for (int y = 0; y < a.height(); ++y) {
        const auto* rowA = reinterpret_cast<const QRgb*>(a.constScanLine(y));
        const auto* rowB = reinterpret_cast<const QRgb*>(b.constScanLine(y));
        auto* out = reinterpret_cast<QRgb*>(m_difference.scanLine(y));
        for (int x = 0; x < a.width(); ++x)
            out[x] = qRgb(channel(qRed(rowA[x]), qRed(rowB[x])), channel(qGreen(rowA[x]), qGreen(rowB[x])),
                          channel(qBlue(rowA[x]), qBlue(rowB[x])));
    }
    return m_difference;
}

void CompareViewer::updateCursor(const QPointF& widgetPos)
{
    if (m_drag == Drag::Pan)
        setCursor(Qt::ClosedHandCursor);
    else if (m_drag == Drag::Divider || nearDivider(widgetPos))
        setCursor(Qt::SplitHCursor);
    else
        unsetCursor();
}

// --- painting -------------------------------------------------------------------------------

void CompareViewer::drawHint(QPainter& painter, const QRectF& area, const QString& text) const
{
    if (area.isEmpty()) return;
    painter.save();
    painter.setClipRect(area);
    painter.setPen(hintColor);
    painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, text);
    painter.restore();
}

void CompareViewer::drawLayer(QPainter& painter, const QImage& image, int pane, const QRectF& clip, const QString& hint) const
{
    const QRectF target = imageRectInWidget(pane);
    const QRectF visible = clip & target;
    if (visible.isEmpty()) return;
    if (image.isNull()) {
        drawHint(painter, visible, hint);
        return;
    }
    // Draw only the visible whole pixels: at 16x on a 4K frame this keeps the work to the
    // screen's size, and whole pixels keep nearest-neighbour blocks aligned with the grid.
    const QPointF topLeft = (visible.topLeft() - target.topLeft()) / m_zoom;
    const QPointF bottomRight = (visible.bottomRight() - target.topLeft()) / m_zoom;
    QRectF source(QPointF(std::floor(topLeft.x()), std::floor(topLeft.y())),
                  QPointF(std::ceil(bottomRight.x()), std::ceil(bottomRight.y())));
    source &= QRectF(QPointF(0, 0), QSizeF(image.size()));
    if (source.isEmpty()) return;
    const QRectF dest(target.topLeft() + source.topLeft() * m_zoom, source.size() * m_zoom);
    painter.save();
    painter.setClipRect(clip, Qt::IntersectClip);
    // Magnified pixels stay crisp so artefacts are judged per pixel; minified ones are smoothed.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, m_zoom < 1.0);
    painter.drawImage(dest, image, source);
    painter.restore();
}

void CompareViewer::drawLabel(QPainter& painter, const QRectF& area, const QString& text, Qt::Alignment corner) const
{
    const QFontMetricsF metrics(painter.font());
    const double margin = 8.0;
    const QSizeF box(metrics.horizontalAdvance(text) + 12.0, metrics.height() + 6.0);
    if (box.width() + 2 * margin > area.width() || box.height() + 2 * margin > area.height()) return;
    const double x = (corner & Qt::AlignRight) ? area.right() - margin - box.width() : area.left() + margin;
    const double y = (corner & Qt::AlignBottom) ? area.bottom() - margin - box.height() : area.top() + margin;
    const QRectF rect(QPointF(x, y), box);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0, 0, 0, 150));
    painter.drawRoundedRect(rect, 4, 4);
    painter.setPen(Qt::white);
    painter.drawText(rect, Qt::AlignCenter, text);
    painter.restore();
}

void CompareViewer::drawDivider(QPainter& painter) const
{
    const double x = dividerX();
    const QRectF image = imageRectInWidget(0) & QRectF(rect());
    if (image.isEmpty() || x < image.left() - 1 || x > image.right() + 1) return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    // A dark edge around a light core keeps the line visible over both bright and dark frames.
    painter.setPen(QPen(QColor(0, 0, 0, 140), 4));
    painter.drawLine(QPointF(x, image.top()), QPointF(x, image.bottom()));
    painter.setPen(QPen(Qt::white, 2));
    painter.drawLine(QPointF(x, image.top()), QPointF(x, image.bottom()));

    const QPointF centre(x, image.center().y());
    painter.setPen(QPen(QColor(0, 0, 0, 140), 1.5));
    painter.setBrush(Qt::white);
    painter.drawEllipse(centre, handleRadius, handleRadius);
    // Two arrowheads say "drag sideways".
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(60, 60, 60));
    for (const double dir : {-1.0, 1.0}) {
        QPainterPath arrow;
        arrow.moveTo(centre + QPointF(dir * 7.5, 0));
        arrow.lineTo(centre + QPointF(dir * 2.5, -4.5));
        arrow.lineTo(centre + QPointF(dir * 2.5, 4.5));
        arrow.closeSubpath();
        painter.drawPath(arrow);
    }
    painter.restore();
}

void CompareViewer::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const QRectF all(rect());
    painter.fillRect(all, backgroundColor);
    if (all.isEmpty()) return;
    if (m_source.isNull() && m_restored.isNull()) {
        drawHint(painter, all, tr("No frame"));
        return;
    }
    const QString sourceLabel = tr("Source");
    const QString restoredLabel = tr("Restored");
    const QString noSource = tr("No source frame");
    const QString noRestored = tr("No restored frame");

    switch (m_mode) {
    case Mode::Split: {
        const double x = std::clamp(dividerX(), all.left(), all.right());
        drawLayer(painter, m_source, 0, QRectF(all.left(), all.top(), x - all.left(), all.height()), noSource);
        drawLayer(painter, m_restored, 0, QRectF(x, all.top(), all.right() - x, all.height()), noRestored);
        drawDivider(painter);
        drawLabel(painter, all, sourceLabel, Qt::AlignTop | Qt::AlignLeft);
        drawLabel(painter, all, restoredLabel, Qt::AlignTop | Qt::AlignRight);
        break;
    }
    case Mode::SideBySide: {
        const QRectF left = paneRect(0);
        const QRectF right = paneRect(1);
        drawLayer(painter, m_source, 0, left, noSource);
        drawLayer(painter, m_restored, 1, right, noRestored);
        painter.setPen(QPen(QColor(0, 0, 0), 1));
        painter.drawLine(QPointF(right.left(), all.top()), QPointF(right.left(), all.bottom()));
        drawLabel(painter, left, sourceLabel, Qt::AlignTop | Qt::AlignLeft);
        drawLabel(painter, right, restoredLabel, Qt::AlignTop | Qt::AlignLeft);
        break;
    }
    case Mode::Toggle: {
        const bool source = showingSource();
        drawLayer(painter, source ? m_source : m_restored, 0, all, source ? noSource : noRestored);
        drawLabel(painter, all, source ? sourceLabel : restoredLabel, Qt::AlignTop | Qt::AlignLeft);
        break;
    }
    case Mode::Difference:
        drawLayer(painter, differenceImage(), 0, all, tr("Difference needs both frames"));
        drawLabel(painter, all, tr("Difference \u00d7%1").arg(differenceGain), Qt::AlignTop | Qt::AlignLeft);
        break;
    }
    drawLabel(painter, all, tr("%1 %").arg(qRound(m_zoom * 100.0)), Qt::AlignBottom | Qt::AlignRight);
}

// --- input ----------------------------------------------------------------------------------

void CompareViewer::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (m_fitMode) applyFit();
}

void CompareViewer::wheelEvent(QWheelEvent* event)
{
    const QPoint degrees = event->angleDelta();
    const int delta = degrees.y() != 0 ? degrees.y() : degrees.x();
    if (delta == 0) {
        event->ignore();
        return;
    }
    // 120 units = one notch; smooth-scrolling devices send fractions of that.
    zoomBy(std::pow(zoomStep, delta / 120.0), event->position());
    event->accept();
}

void CompareViewer::keyPressEvent(QKeyEvent* event)
{
    const QPointF centre = paneRect(0).center();
    switch (event->key()) {
    case Qt::Key_Space:
        if (!event->isAutoRepeat()) setSourceHeld(true, false);
        break;
    case Qt::Key_F: zoomToFit(); break;
    case Qt::Key_1: setZoom(1.0); break;
    case Qt::Key_2: setZoom(2.0); break;
    case Qt::Key_4: setZoom(4.0); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: // '+' without Shift on most layouts
        zoomBy(zoomStep, centre);
        break;
    case Qt::Key_Minus: zoomBy(1.0 / zoomStep, centre); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

void CompareViewer::keyReleaseEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space) {
        if (!event->isAutoRepeat()) setSourceHeld(false, false);
        event->accept();
        return;
    }
    QWidget::keyReleaseEvent(event);
}

void CompareViewer::mousePressEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    if (event->button() == Qt::LeftButton && m_mode == Mode::Toggle && (event->modifiers() & Qt::ShiftModifier)) {
        setSourceHeld(true, true);
    } else if (event->button() == Qt::LeftButton && nearDivider(pos)) {
        m_drag = Drag::Divider;
    } else if (event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton) {
        m_drag = Drag::Pan;
    } else {
        QWidget::mousePressEvent(event);
        return;
    }
    m_lastMousePos = pos;
    updateCursor(pos);
    event->accept();
}

void CompareViewer::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    if (m_drag == Drag::Divider) {
        const int width = imageSize().width();
        if (width > 0) setSplitPosition(imagePointAt(pos).x() / width);
    } else if (m_drag == Drag::Pan) {
        setPan(m_pan + (pos - m_lastMousePos));
    }
    m_lastMousePos = pos;
    updateCursor(pos);
}

void CompareViewer::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) setSourceHeld(false, true);
    if (event->buttons() == Qt::NoButton) m_drag = Drag::None;
    updateCursor(event->position());
    event->accept();
}

void CompareViewer::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || nearDivider(event->position())) {
        QWidget::mouseDoubleClickEvent(event);
        return;
    }
    // Quick look at the pixels under the cursor, and back.
    if (m_fitMode)
        applyZoom(1.0, event->position(), true);
    else
        zoomToFit();
    event->accept();
}

void CompareViewer::focusOutEvent(QFocusEvent* event)
{
    // The Space release goes to whoever has focus then; don't stay stuck on the source.
    setSourceHeld(false, false);
    QWidget::focusOutEvent(event);
}

} // namespace dualx::ui
