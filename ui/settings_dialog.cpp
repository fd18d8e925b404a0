#include "settings_dialog.h"

#include "source_quality_delegate.h"
#include "translations.h"

#include "dualx/device.h"
#include "dualx/engine_settings.h"
#include "dualx/export_preset.h"
#include "dualx/source_quality.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QThread>

namespace dualx::ui {

namespace {

QSpinBox* spin(int lo, int hi, int value, QWidget* parent, const QString& special = {})
{
    auto* s = new QSpinBox(parent);
    s->setRange(lo, hi);
    s->setValue(value);
    if (!special.isEmpty()) s->setSpecialValueText(special);
    return s;
}

void select(QComboBox* box, const QString& data)
{
    const int i = box->findData(data);
    if (i >= 0) box->setCurrentIndex(i);
}

} // namespace

SettingsDialog::SettingsDialog(const AppSettings& s, QWidget* parent) : QDialog(parent), m_original(s)
{
    setWindowTitle(tr("Settings"));
    // Three pages, so the dialog fits a laptop screen: the engine, new jobs and their
    // outputs, and the cluster that Send to cluster uses.
    auto* form = new QFormLayout;

    m_device = new QComboBox(this);
    m_device->addItem(tr("Automatic (GPU if available)"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    const auto gpus = listCudaDevices();
    for (size_t i = 0; i < gpus.size(); ++i)
        m_device->addItem(QString::fromStdString(gpus[i]),
                          QString::fromStdString(devicePreferenceName({DevicePreference::Cuda, static_cast<int>(i)})));
    select(m_device, QString::fromStdString(devicePreferenceName(s.engine.device)));
    form->addRow(tr("Device"), m_device);
    m_threads = spin(0, 256, s.threads, this, tr("all %1 cores").arg(QThread::idealThreadCount()));
    form->addRow(tr("CPU threads"), m_threads);
    m_tile = spin(0, 1024, s.engine.tileLr, this, tr("default (CPU: 112 MSE, 64 GAN; GPU: 512)"));
    form->addRow(tr("Tile size (input pixels)"), m_tile);
    m_tileOverlap = spin(0, 256, s.engine.tileOverlapLr, this);
    form->addRow(tr("Tile overlap"), m_tileOverlap);
    m_frames = spin(1, 64, s.engine.windowFrames, this);
    form->addRow(tr("Temporal window (frames)"), m_frames);
    m_frameOverlap = spin(0, 63, s.engine.windowOverlap, this);
    form->addRow(tr("Window overlap (frames)"), m_frameOverlap);
    m_ensemble = new QComboBox(this);
    m_ensemble->setObjectName(QStringLiteral("ensemble"));
    for (int copies : kEnsembleSizes) m_ensemble->addItem(copies == 1 ? tr("Off") : tr("%1 passes (%1× slower)").arg(copies), copies);
    m_ensemble->setToolTip(tr("Runs the model on flipped, transposed and time-reversed copies and averages them "
                              "(with the MSE model, 8 copies gain about 0.1 dB)"));
    m_ensemble->setCurrentIndex(std::max(0, m_ensemble->findData(s.engine.ensemble)));
    form->addRow(tr("Self-ensemble (TTA)"), m_ensemble);
    m_fusion = new QComboBox(this);
    m_fusion->setObjectName(QStringLiteral("temporalFusion"));
    m_fusion->addItem(tr("Automatic (MSE model on the CPU: 3 frames each side; off for GAN models and on a GPU)"), kFusionAuto);
    m_fusion->addItem(tr("Off"), 0);
    for (int radius : {1, 2, 3, 4, 6, 8}) m_fusion->addItem(tr("%n frame(s) on each side", nullptr, radius), radius);
    m_fusion->setToolTip(tr("Averages each restored frame with its neighbours, aligned by optical flow, where they agree: "
                            "less noise and flicker, most on home video"));
    m_fusion->setCurrentIndex(std::max(0, m_fusion->findData(s.engine.temporalFusion)));
    form->addRow(tr("Temporal fusion"), m_fusion);
    m_deinterlace = new QComboBox(this);
    m_deinterlace->setObjectName(QStringLiteral("deinterlace"));
    m_deinterlace->addItem(tr("Automatic (interlaced: one frame per field; film: remove pulldown)"), QStringLiteral("auto"));
    m_deinterlace->addItem(tr("Always, one frame per field (25i to 50p)"), QStringLiteral("field"));
    m_deinterlace->addItem(tr("Always, one frame per frame (25i to 25p)"), QStringLiteral("frame"));
    m_deinterlace->addItem(tr("Off"), QStringLiteral("off"));
    m_deinterlace->setToolTip(tr("Interlaced tapes, DVDs and broadcasts are deinterlaced before restoration, "
                                 "found from the file's field order and its first frames"));
    m_deinterlace->setCurrentIndex(
        std::max(0, m_deinterlace->findData(QString::fromStdString(std::string(deinterlaceModeName(s.engine.deinterlace))))));
    form->addRow(tr("Deinterlacing"), m_deinterlace);
    auto* engineForm = form;
    form = new QFormLayout;
    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("source"));
    m_source->setToolTip(tr("Tells a source-aware model what the videos are like, so it neither smooths away real "
                            "detail nor keeps compression artefacts; models without source awareness ignore it"));
    showSourceQuality(m_source, s.engine.sourceCondition);
    form->addRow(tr("Source quality for new jobs"), m_source);

    m_model = new QComboBox(this);
    m_model->addItem(tr("MSE (faithful)"), QStringLiteral("mse"));
    m_model->addItem(tr("GAN (sharp)"), QStringLiteral("gan"));
    select(m_model, QString::fromStdString(s.engine.model));
    form->addRow(tr("Model for new jobs"), m_model);
    m_preset = new QComboBox(this);
    for (const auto& p : allPresets()) m_preset->addItem(QString::fromStdString(p.name), QString::fromStdString(p.id));
    select(m_preset, s.defaultPreset);
    form->addRow(tr("Preset for new jobs"), m_preset);

    auto* folderRow = new QHBoxLayout;
    m_folder = new QLineEdit(s.outputFolder, this);
    m_folder->setPlaceholderText(tr("beside each source"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const auto folder = QFileDialog::getExistingDirectory(this, tr("Output folder"), m_folder->text());
        if (!folder.isEmpty()) m_folder->setText(folder);
    });
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    form->addRow(tr("Output folder"), folderRow);
    m_naming = new QLineEdit(s.namingTemplate, this);
    m_naming->setToolTip(tr("{name} is the source file name without its extension"));
    form->addRow(tr("Output name"), m_naming);
    m_parallel = spin(1, 8, s.parallelJobs, this);
    form->addRow(tr("Jobs at a time"), m_parallel);
    m_quit = new QCheckBox(tr("Quit when the queue is done"), this);
    m_quit->setChecked(s.quitWhenQueueDone);
    form->addRow(QString(), m_quit);
    m_language = new QComboBox(this);
    m_language->addItem(tr("System language"), QString());
    for (const auto& [code, name] : availableLanguages()) m_language->addItem(name, code);
    select(m_language, s.language);
    form->addRow(tr("Language"), m_language);

    // Send to cluster: where its batches go and what each task asks Slurm for.
    auto* clusterForm = new QFormLayout;
    m_clusterEngine = new QComboBox(this);
    m_clusterEngine->addItem(QStringLiteral("Slurm"), QStringLiteral("slurm"));
    select(m_clusterEngine, s.clusterEngine);
    clusterForm->addRow(tr("Scheduler"), m_clusterEngine);
    m_clusterPartition = new QLineEdit(s.clusterPartition, this);
    m_clusterPartition->setPlaceholderText(tr("the cluster's default"));
    clusterForm->addRow(tr("Partition"), m_clusterPartition);
    m_clusterCpus = spin(0, 256, s.clusterCpusPerTask, this);
    m_clusterCpus->setSpecialValueText(tr("Slurm's default"));
    clusterForm->addRow(tr("CPUs per task"), m_clusterCpus);
    m_clusterGpus = spin(0, 16, s.clusterGpusPerTask, this);
    clusterForm->addRow(tr("GPUs per task"), m_clusterGpus);
    m_clusterParallel = spin(0, 10000, s.clusterMaxParallel, this);
    m_clusterParallel->setSpecialValueText(tr("no limit"));
    clusterForm->addRow(tr("Tasks at a time"), m_clusterParallel);
    m_clusterSplit = spin(0, 36000, static_cast<int>(s.clusterSplitSeconds), this);
    m_clusterSplit->setSpecialValueText(tr("one task per file"));
    m_clusterSplit->setSuffix(tr(" s"));
    m_clusterSplit->setToolTip(tr("Files at least twice this long are restored as ranges of this length on separate tasks and "
                                  "joined without re-encoding; the result is the same as one run"));
    clusterForm->addRow(tr("Split long files into"), m_clusterSplit);
    m_clusterAttempts = spin(1, 20, s.clusterAttempts, this);
    clusterForm->addRow(tr("Attempts per task"), m_clusterAttempts);
    m_clusterFolder = new QLineEdit(s.clusterBatchFolder, this);
    m_clusterFolder->setPlaceholderText(tr("the output folder"));
    m_clusterFolder->setToolTip(tr("Every node must see this folder, the sources, the outputs and the model at the same paths"));
    clusterForm->addRow(tr("Batch folders in"), m_clusterFolder);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    auto* pages = new QTabWidget(this);
    const std::pair<QFormLayout*, QString> tabs[]
        = {{engineForm, tr("Engine")}, {form, tr("Jobs and output")}, {clusterForm, tr("Cluster")}};
    for (const auto& [tabForm, title] : tabs) {
        auto* page = new QWidget(pages);
        page->setLayout(tabForm);
        pages->addTab(page, title);
    }
    layout->addWidget(pages);
    layout->addWidget(buttons);
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s = m_original;
    EngineSettings& e = s.engine;
    e.device = devicePreferenceFromName(m_device->currentData().toString().toStdString());
    s.threads = m_threads->value();
    e.tileLr = m_tile->value();
    e.tileOverlapLr = m_tileOverlap->value();
    e.windowFrames = m_frames->value();
    e.windowOverlap = std::min(m_frameOverlap->value(), e.windowFrames - 1);
    e.ensemble = m_ensemble->currentData().toInt();
    e.temporalFusion = m_fusion->currentData().toInt();
    e.sourceCondition = m_source->currentData().toDouble();
    e.deinterlace = parseDeinterlaceMode(m_deinterlace->currentData().toString().toStdString());
    e.model = m_model->currentData().toString().toStdString();
    s.defaultPreset = m_preset->currentData().toString();
    s.outputFolder = m_folder->text();
    s.namingTemplate = m_naming->text();
    s.parallelJobs = m_parallel->value();
    s.quitWhenQueueDone = m_quit->isChecked();
    s.language = m_language->currentData().toString();
    s.clusterEngine = m_clusterEngine->currentData().toString();
    s.clusterPartition = m_clusterPartition->text().trimmed();
    s.clusterCpusPerTask = m_clusterCpus->value();
    s.clusterGpusPerTask = m_clusterGpus->value();
    s.clusterMaxParallel = m_clusterParallel->value();
    s.clusterSplitSeconds = m_clusterSplit->value();
    s.clusterAttempts = m_clusterAttempts->value();
    s.clusterBatchFolder = m_clusterFolder->text().trimmed();
    return s;
}

} // namespace dualx::ui
