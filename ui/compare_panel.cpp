#include "compare_panel.h"

#include "compare_viewer.h"
#include "job.h"

#include "dualx/errors.h"
#include "dualx/media_probe.h"
#include "dualx/preview.h"
#include "dualx/shipped_models.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QThreadPool>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <optional>

namespace dualx::ui {

namespace {

QImage toQImage(const RgbImage& img)
{
    if (img.empty()) return {};
    return QImage(img.rgb.data(), img.width, img.height, img.width * 3, QImage::Format_RGB888).copy();
}

// An upright frame of a source with non-square pixels, resampled to square pixels so that it
// shows at its display aspect (NTSC DV 720x480 at 8:9 as 640x480, i.e. 4:3).
QImage toDisplayImage(const RgbImage& img, const MediaSummary& summary)
{
    QImage image = toQImage(img);
    if (image.isNull() || summary.sarNum <= 0 || summary.sarDen <= 0 || summary.sarNum == summary.sarDen) return image;
    // The frame is upright already; displayAspect() is the upright picture's width : height.
    return image.scaled(std::max(1, static_cast<int>(std::lround(image.height() * summary.displayAspect()))), image.height(),
                        Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

QString timestamp(double seconds)
{
    const int ms = static_cast<int>(seconds * 1000 + 0.5);
    return QStringLiteral("%1:%2.%3").arg(ms / 60000).arg(ms / 1000 % 60, 2, 10, QChar('0')).arg(ms % 1000, 3, 10, QChar('0'));
}

} // namespace

ComparePanel::ComparePanel(QWidget* parent) : QWidget(parent), m_viewer(new CompareViewer(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    auto* modes = new QButtonGroup(this);
    const std::pair<QString, CompareViewer::Mode> modeButtons[] = {{tr("Split"), CompareViewer::Mode::Split},
                                                                   {tr("Side by side"), CompareViewer::Mode::SideBySide},
                                                                   {tr("Toggle (hold Space)"), CompareViewer::Mode::Toggle},
                                                                   {tr("Difference"), CompareViewer::Mode::Difference}};
    for (const auto& [label, mode] : modeButtons) {
        auto* b = new QToolButton(this);
        b->setText(label);
        b->setCheckable(true);
        b->setChecked(mode == CompareViewer::Mode::Split);
        modes->addButton(b);
        const auto m = mode;
        connect(b, &QToolButton::clicked, this, [this, m] { m_viewer->setMode(m); });
        bar->addWidget(b);
    }
    bar->addSpacing(16);
    const std::pair<QString, double> zooms[] = {{tr("Fit"), 0}, {tr("100%"), 1}, {tr("200%"), 2}, {tr("400%"), 4}};
    for (const auto& [label, factor] : zooms) {
        auto* b = new QToolButton(this);
        b->setText(label);
        const double f = factor;
        connect(b, &QToolButton::clicked, this, [this, f] { f > 0 ? m_viewer->setZoom(f) : m_viewer->zoomToFit(); });
        bar->addWidget(b);
    }
    bar->addStretch(1);
    m_previewButton = new QPushButton(tr("Preview this frame"), this);
    m_previewButton->setToolTip(tr("Restore the current frame with the job's model and settings"));
    connect(m_previewButton, &QPushButton::clicked, this, &ComparePanel::previewCurrentFrame);
    bar->addWidget(m_previewButton);
    layout->addLayout(bar);
    layout->addWidget(m_viewer, 1);

    auto* frames = new QHBoxLayout;
    auto* back = new QToolButton(this);
    back->setText(QStringLiteral("◀"));
    back->setAccessibleName(tr("Previous frame"));
    auto* forward = new QToolButton(this);
    forward->setText(QStringLiteral("▶"));
    forward->setAccessibleName(tr("Next frame"));
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setAccessibleName(tr("Frame"));
    m_slider->setRange(0, 0);
    m_frameLabel = new QLabel(this);
    m_frameLabel->setMinimumWidth(170);
    m_status = new QLabel(this);
    connect(back, &QToolButton::clicked, this, [this] { m_slider->setValue(m_slider->value() - 1); });
    connect(forward, &QToolButton::clicked, this, [this] { m_slider->setValue(m_slider->value() + 1); });
    connect(m_slider, &QSlider::valueChanged, this, [this] { loadFrames(); });
    frames->addWidget(back);
    frames->addWidget(m_slider, 1);
    frames->addWidget(forward);
    frames->addWidget(m_frameLabel);
    layout->addLayout(frames);
    layout->addWidget(m_status);
    showJob(nullptr);
}

ComparePanel::~ComparePanel()
{
    if (m_cancelPreview) *m_cancelPreview = true;
    m_pool.waitForDone();
}

int ComparePanel::frameIndex() const { return m_slider->value(); }
void ComparePanel::setFrameIndex(int index) { m_slider->setValue(index); }

void ComparePanel::showJob(const Job* job)
{
    if (m_cancelPreview) *m_cancelPreview = true;
    const QString input = job ? job->input : QString();
    const bool outputReady = job && job->state == JobState::Done;
    if (job) m_sourceCondition = job->sourceCondition; // takes effect at the next preview
    if (job && input == m_input && outputReady == m_outputReady && job->model == m_model) return;
    m_input = input;
    m_output = job ? job->output : QString();
    m_model = job ? job->model : QString();
    m_outputReady = outputReady;
    m_previewButton->setEnabled(job && job->state != JobState::Refused);
    m_slider->blockSignals(true);
    m_slider->setRange(0, job && job->framesTotal > 0 ? static_cast<int>(job->framesTotal - 1) : 0);
    m_slider->setValue(0);
    m_slider->blockSignals(false);
    if (!job || job->state == JobState::Refused) {
        m_viewer->setImages({}, {});
        m_frameLabel->clear();
        m_status->setText(job ? job->message : tr("Select a job to compare its source and result."));
        return;
    }
    // The frame count comes from the probe; until a job has run it may be unknown here.
    const int generation = ++m_generation;
    ComparePanel* self = this;
    const QString path = m_input;
    m_pool.start([self, path, generation] {
        qint64 frames = 0;
        try {
            frames = probeMedia(path.toStdString()).frameCountEstimate;
        } catch (const std::exception&) {
        }
        QMetaObject::invokeMethod(
            self,
            [self, frames, generation] {
                if (generation != self->m_generation) return;
                if (frames > 0) self->m_slider->setRange(0, static_cast<int>(frames - 1));
                self->loadFrames();
            },
            Qt::QueuedConnection);
    });
}

void ComparePanel::loadFrames()
{
    if (m_input.isEmpty()) return;
    const int index = m_slider->value();
    const int generation = ++m_generation;
    m_frameLabel->setText(tr("frame %1 / %2").arg(index + 1).arg(m_slider->maximum() + 1));
    m_status->setText(m_outputReady ? tr("Source and finished output, frame-synchronised.")
                                    : tr("Source only: press \"Preview this frame\" to see the restored frame."));
    ComparePanel* self = this;
    const QString input = m_input, output = m_outputReady ? m_output : QString();
    m_pool.start([self, input, output, index, generation] {
        QImage source, restored;
        double seconds = 0;
        QString error;
        try {
            FrameGrabber sourceGrabber(input.toStdString());
            const RgbImage s = sourceGrabber.frame(index);
            source = toDisplayImage(s, sourceGrabber.summary());
            seconds = s.timeSeconds;
            if (!output.isEmpty()) {
                FrameGrabber outputGrabber(output.toStdString());
                restored = toDisplayImage(outputGrabber.frame(index), outputGrabber.summary());
            }
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(
            self,
            [self, source, restored, seconds, index, generation, error] {
                if (generation != self->m_generation) return;
                self->m_viewer->setImages(source, restored.isNull() ? source : restored);
                self->m_frameLabel->setText(
                    tr("frame %1 / %2  %3").arg(index + 1).arg(self->m_slider->maximum() + 1).arg(timestamp(seconds)));
                if (!error.isEmpty()) self->m_status->setText(error);
            },
            Qt::QueuedConnection);
    });
}

void ComparePanel::previewCurrentFrame()
{
    if (m_input.isEmpty()) return;
    if (m_cancelPreview) *m_cancelPreview = true;
    m_cancelPreview = std::make_shared<std::atomic<bool>>(false);
    const int generation = ++m_generation;
    const int index = m_slider->value();
    EngineSettings settings = m_settings.engineFor(m_model, m_sourceCondition);
    try {
        validateEngineSettings(settings);
        settings.model = resolveModel(settings.model);
    } catch (const Error& e) {
        m_status->setText(QString::fromStdString(e.what()));
        return;
    }
    // A short window first, so a picture comes within seconds; then the job's own window, which
    // is what the job will produce, replaces it.
    const int quickFrames = std::min(settings.windowFrames, kQuickPreviewFrames);
    m_status->setText(tr("Restoring frame %1 with a %2-frame window…").arg(index + 1).arg(quickFrames));
    ComparePanel* self = this;
    const QString input = m_input;
    auto cancel = m_cancelPreview;
    m_pool.start([self, input, index, settings, quickFrames, generation, cancel] {
        // Posts one result (or the error) to the panel; false once there is nothing more to do.
        // The restored frame has the source's pixel aspect; one probe serves both passes.
        std::optional<MediaSummary> summary;
        auto post = [&](int windowFrames, bool final) {
            QImage source, restored;
            QString error;
            try {
                EngineSettings pass = settings;
                pass.windowFrames = windowFrames;
                const auto r = previewFrame(input.toStdString(), index, pass, cancel.get());
                if (!summary) summary = probeMedia(input.toStdString());
                source = toDisplayImage(r.source, *summary);
                restored = toDisplayImage(r.restored, *summary);
            } catch (const std::exception& e) {
                error = QString::fromStdString(e.what());
            }
            QMetaObject::invokeMethod(
                self,
                [self, source, restored, generation, error, index, windowFrames, final] {
                    if (generation != self->m_generation) return;
                    if (!error.isEmpty()) {
                        self->m_status->setText(error);
                        Q_EMIT self->logMessage(tr("Preview failed: %1").arg(error));
                        return;
                    }
                    self->m_viewer->setImages(source, restored);
                    self->m_status->setText(final ? tr("Preview of frame %1: source left, restored right.").arg(index + 1)
                                                  : tr("Quick preview of frame %1 (%2-frame window): refining with the job's window…")
                                                        .arg(index + 1)
                                                        .arg(windowFrames));
                    Q_EMIT self->previewShown(index, windowFrames);
                },
                Qt::QueuedConnection);
            return error.isEmpty() && !cancel->load();
        };
        if (quickFrames < settings.windowFrames && !post(quickFrames, false)) return;
        post(settings.windowFrames, true);
    });
}

} // namespace dualx::ui
