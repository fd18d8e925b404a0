#include "preset_editor.h"

#include "dualx/errors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFont>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace dualx::ui {

namespace {

// Combo items added for a value outside the offered list (a hand-written preset); they are
// dropped again when another preset is shown.
constexpr int ExtraItemRole = Qt::UserRole + 1;
constexpr int MaxKbit = 2'000'000;

QString qs(const std::string& s) { return QString::fromStdString(s); }
std::string ss(const QString& s) { return s.toStdString(); }

// The id is also the file name and the CLI argument, so the editor keeps it to a plain word.
bool isPlainId(const QString& id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    return pattern.match(id).hasMatch();
}

bool samePath(const QString& a, const QString& b)
{
    return QDir::cleanPath(QFileInfo(a).absoluteFilePath()) == QDir::cleanPath(QFileInfo(b).absoluteFilePath());
}

QString defaultExtension(const QString& container)
{
    if (container == QLatin1String("mp4")) return QStringLiteral(".mp4");
    if (container == QLatin1String("matroska")) return QStringLiteral(".mkv");
    if (container == QLatin1String("mov")) return QStringLiteral(".mov");
    return {};
}

// Pixel formats each encoder takes (the first is the one a switch to it picks) and its speed presets.
QStringList pixelFormatsFor(const QString& codec)
{
    if (codec == QLatin1String("libx264"))
        return {QStringLiteral("yuv420p"),     QStringLiteral("yuv422p"),     QStringLiteral("yuv444p"),
                QStringLiteral("yuv420p10le"), QStringLiteral("yuv422p10le"), QStringLiteral("yuv444p10le")};
    if (codec == QLatin1String("libx265"))
        return {QStringLiteral("yuv420p10le"), QStringLiteral("yuv420p"), QStringLiteral("yuv422p10le"), QStringLiteral("yuv444p10le"),
                QStringLiteral("yuv420p12le"), QStringLiteral("yuv422p"), QStringLiteral("yuv444p")};
    if (codec == QLatin1String("libsvtav1")) return {QStringLiteral("yuv420p10le"), QStringLiteral("yuv420p")};
    if (codec == QLatin1String("ffv1"))
        return {QStringLiteral("yuv444p10le"), QStringLiteral("yuv420p"),     QStringLiteral("yuv422p"),     QStringLiteral("yuv444p"),
                QStringLiteral("yuv420p10le"), QStringLiteral("yuv422p10le"), QStringLiteral("yuv444p16le"), QStringLiteral("gbrp10le")};
    if (codec == QLatin1String("prores_ks")) return {QStringLiteral("yuv422p10le"), QStringLiteral("yuv444p10le")};
    return {QStringLiteral("yuv420p"), QStringLiteral("yuv420p10le"), QStringLiteral("yuv422p10le"), QStringLiteral("yuv444p10le")};
}

QStringList encoderPresetsFor(const QString& codec)
{
    if (codec == QLatin1String("libx264") || codec == QLatin1String("libx265"))
        return {QStringLiteral("ultrafast"), QStringLiteral("superfast"), QStringLiteral("veryfast"), QStringLiteral("faster"),
                QStringLiteral("fast"),      QStringLiteral("medium"),    QStringLiteral("slow"),     QStringLiteral("slower"),
                QStringLiteral("veryslow"),  QStringLiteral("placebo")};
    if (codec == QLatin1String("libsvtav1")) {
        QStringList speeds;
        for (int i = 0; i <= 13; ++i) speeds << QString::number(i);
        return speeds;
    }
    return {}; // ffv1 and prores_ks have no speed preset
}

QString defaultEncoderPreset(const QString& codec)
{
    if (codec == QLatin1String("libx264") || codec == QLatin1String("libx265")) return QStringLiteral("medium");
    if (codec == QLatin1String("libsvtav1")) return QStringLiteral("8");
    return {};
}

void selectData(QComboBox* box, const QString& value)
{
    for (int i = box->count() - 1; i >= 0; --i)
        if (box->itemData(i, ExtraItemRole).toBool()) box->removeItem(i);
    int i = box->findData(value);
    if (i < 0) {
        box->addItem(value, value);
        i = box->count() - 1;
        box->setItemData(i, true, ExtraItemRole);
    }
    box->setCurrentIndex(i);
}

void fillEditable(QComboBox* box, const QStringList& items, const QString& value)
{
    box->clear();
    box->addItems(items);
    const int i = box->findText(value);
    if (i >= 0)
        box->setCurrentIndex(i);
    else
        box->setEditText(value);
}

// Bit rates are edited in kbit/s; a value the user did not touch keeps its exact bits.
int kbitFromBits(int64_t bits) { return int(std::clamp<int64_t>((bits + 500) / 1000, 0, MaxKbit)); }
int64_t bitsFromKbit(int kbit, int64_t previous) { return kbitFromBits(previous) == kbit ? previous : int64_t(kbit) * 1000; }

QString policyName(StreamPolicy p) { return qs(std::string(streamPolicyName(p))); }

StreamPolicy policyFromData(const QVariant& v)
{
    const QString s = v.toString();
    if (s == QLatin1String("transcode")) return StreamPolicy::Transcode;
    if (s == QLatin1String("drop")) return StreamPolicy::Drop;
    return StreamPolicy::Copy;
}

QString scaleModeName(OutputScaleMode m)
{
    switch (m) {
    case OutputScaleMode::Factor: return QStringLiteral("factor");
    case OutputScaleMode::Height: return QStringLiteral("height");
    case OutputScaleMode::None: break;
    }
    return QStringLiteral("none");
}

QString optionsText(const std::map<std::string, std::string>& options)
{
    QStringList lines;
    for (const auto& [key, value] : options) lines << qs(key) + QLatin1Char('=') + qs(value);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

bool PresetEditor::Entry::dirty() const { return !stored || stored->toJson() != preset.toJson(); }

PresetEditor::PresetEditor(QString folder, QWidget* parent) : QDialog(parent), m_folder(std::move(folder))
{
    setWindowTitle(tr("Export presets"));
    setObjectName(QStringLiteral("presetEditor"));
    m_lastDir = QDir::homePath();
    buildUi();
    loadEntries();
    rebuildList();
    if (!m_entries.empty()) selectRow(0);
    updateButtons();
}

namespace {

void named(QWidget* w, const char* objectName, const QString& accessible)
{
    w->setObjectName(QLatin1String(objectName));
    w->setAccessibleName(accessible);
}

} // namespace

void PresetEditor::buildUi()
{
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildListPanel());
    splitter->addWidget(buildFormPanel());
    splitter->addWidget(buildPreviewPanel());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 4);
    splitter->setStretchFactor(2, 3);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({280, 500, 380});

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();

    m_revertButton = new QPushButton(tr("Re&vert"), this);
    named(m_revertButton, "revertButton", tr("Revert unsaved changes"));
    m_saveButton = new QPushButton(tr("Save"), this);
    named(m_saveButton, "saveButton", tr("Save preset"));
    m_saveButton->setToolTip(tr("Check the preset and write it to %1 (Ctrl+S)").arg(QDir::toNativeSeparators(m_folder)));
    m_closeButton = new QPushButton(tr("Close"), this);
    named(m_closeButton, "closeButton", tr("Close"));
    // Enter in a field must not close the dialog; it saves (Save is disabled where that means nothing).
    for (auto* b : {m_newButton, m_duplicateButton, m_deleteButton, m_importButton, m_exportButton, m_revertButton, m_closeButton})
        b->setAutoDefault(false);
    m_saveButton->setDefault(true);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_revertButton);
    bottom->addStretch(1);
    bottom->addWidget(m_saveButton);
    bottom->addWidget(m_closeButton);

    auto* root = new QVBoxLayout(this);
    root->addWidget(splitter, 1);
    root->addWidget(m_message);
    root->addLayout(bottom);
    resize(1200, 720);

    m_editors = {m_id,          m_name,          m_description,  m_container,   m_extension,  m_codec,        m_pixelFormat,    m_crf,
                 m_bitRate,     m_encoderPreset, m_options,      m_audioPolicy, m_audioCodec, m_audioBitRate, m_subtitlePolicy, m_scaleMode,
                 m_scaleFactor, m_targetHeight,  m_squarePixels, m_bakeRotation};

    connectEditors();
}

// Left: the presets and what can be done with them as a whole.
QWidget* PresetEditor::buildListPanel()
{
    auto* listPanel = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listPanel);
    listLayout->setContentsMargins(0, 0, 0, 0);
    auto* listLabel = new QLabel(tr("&Presets"), listPanel);
    m_list = new QListWidget(listPanel);
    m_list->setAlternatingRowColors(true);
    m_list->setTextElideMode(Qt::ElideRight);
    named(m_list, "presetList", tr("Presets"));
    listLabel->setBuddy(m_list);
    listLayout->addWidget(listLabel);
    listLayout->addWidget(m_list, 1);
    auto* listButtons = new QGridLayout;
    m_newButton = new QPushButton(tr("Ne&w"), listPanel);
    m_duplicateButton = new QPushButton(tr("&Duplicate"), listPanel);
    m_deleteButton = new QPushButton(tr("De&lete"), listPanel);
    m_importButton = new QPushButton(tr("I&mport…"), listPanel);
    m_exportButton = new QPushButton(tr("E&xport…"), listPanel);
    named(m_newButton, "newButton", tr("New preset"));
    named(m_duplicateButton, "duplicateButton", tr("Duplicate preset"));
    named(m_deleteButton, "deleteButton", tr("Delete preset"));
    named(m_importButton, "importButton", tr("Import preset"));
    named(m_exportButton, "exportButton", tr("Export preset"));
    m_newButton->setToolTip(tr("Start a new preset from common settings"));
    m_duplicateButton->setToolTip(tr("Make an editable copy of the selected preset"));
    m_deleteButton->setToolTip(tr("Delete the selected user preset file"));
    m_importButton->setToolTip(tr("Add a preset .json file to your presets"));
    m_exportButton->setToolTip(tr("Write the selected preset to a .json file"));
    listButtons->addWidget(m_newButton, 0, 0);
    listButtons->addWidget(m_duplicateButton, 0, 1);
    listButtons->addWidget(m_deleteButton, 0, 2);
    listButtons->addWidget(m_importButton, 1, 0);
    listButtons->addWidget(m_exportButton, 1, 1);
    listLayout->addLayout(listButtons);
    return listPanel;
}

// Middle: the form, in a scroll area.
QWidget* PresetEditor::buildFormPanel()
{
    auto* formPanel = new QWidget(this);
    auto* formLayout = new QVBoxLayout(formPanel);
    m_readOnlyNote = new QLabel(tr("Built-in presets are read-only. Use Duplicate to make an editable copy."), formPanel);
    m_readOnlyNote->setObjectName(QStringLiteral("readOnlyNote"));
    m_readOnlyNote->setWordWrap(true);
    formLayout->addWidget(m_readOnlyNote);

    for (QGroupBox* group :
         {buildGeneralGroup(formPanel), buildVideoGroup(formPanel), buildStreamsGroup(formPanel), buildScaleGroup(formPanel)})
        formLayout->addWidget(group);
    formLayout->addStretch(1);

    auto* formScroll = new QScrollArea(this);
    formScroll->setWidget(formPanel);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    formScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    return formScroll;
}

QGroupBox* PresetEditor::buildGeneralGroup(QWidget* parent)
{
    auto* general = new QGroupBox(tr("General"), parent);
    auto* generalForm = new QFormLayout(general);
    m_id = new QLineEdit(general);
    named(m_id, "idEdit", tr("Preset id"));
    m_id->setToolTip(tr("Short name used by the command line and as the file name (<id>.json): letters, digits, '-', '_' and '.'"));
    generalForm->addRow(tr("&Id"), m_id);
    m_name = new QLineEdit(general);
    named(m_name, "nameEdit", tr("Preset name"));
    generalForm->addRow(tr("&Name"), m_name);
    m_description = new QPlainTextEdit(general);
    named(m_description, "descriptionEdit", tr("Description"));
    m_description->setTabChangesFocus(true);
    m_description->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 3 + 12);
    generalForm->addRow(tr("Descrip&tion"), m_description);
    m_container = new QComboBox(general);
    named(m_container, "containerCombo", tr("Container"));
    m_container->addItem(tr("MP4 (mp4)"), QStringLiteral("mp4"));
    m_container->addItem(tr("Matroska (matroska)"), QStringLiteral("matroska"));
    m_container->addItem(tr("QuickTime (mov)"), QStringLiteral("mov"));
    generalForm->addRow(tr("&Container"), m_container);
    m_extension = new QLineEdit(general);
    named(m_extension, "extensionEdit", tr("File extension"));
    m_extension->setToolTip(tr("Extension of the output files, starting with '.'"));
    generalForm->addRow(tr("E&xtension"), m_extension);
    return general;
}

QGroupBox* PresetEditor::buildVideoGroup(QWidget* parent)
{
    auto* video = new QGroupBox(tr("Video"), parent);
    auto* videoForm = new QFormLayout(video);
    m_codec = new QComboBox(video);
    named(m_codec, "codecCombo", tr("Video codec"));
    m_codec->addItem(tr("H.264 (libx264)"), QStringLiteral("libx264"));
    m_codec->addItem(tr("HEVC (libx265)"), QStringLiteral("libx265"));
    m_codec->addItem(tr("AV1 (libsvtav1)"), QStringLiteral("libsvtav1"));
    m_codec->addItem(tr("FFV1, lossless (ffv1)"), QStringLiteral("ffv1"));
    m_codec->addItem(tr("ProRes (prores_ks)"), QStringLiteral("prores_ks"));
    videoForm->addRow(tr("C&odec"), m_codec);
    m_pixelFormat = new QComboBox(video);
    m_pixelFormat->setEditable(true);
    m_pixelFormat->setInsertPolicy(QComboBox::NoInsert);
    named(m_pixelFormat, "pixelFormatCombo", tr("Pixel format"));
    m_pixelFormat->setToolTip(tr("FFmpeg pixel format, e.g. yuv420p (8-bit) or yuv420p10le (10-bit)"));
    videoForm->addRow(tr("Pixel &format"), m_pixelFormat);
    m_crf = new QSpinBox(video);
    named(m_crf, "crfSpin", tr("Constant quality (CRF)"));
    m_crf->setRange(-1, 63);
    m_crf->setSpecialValueText(tr("not used"));
    m_crf->setToolTip(tr("Lower is better quality and larger files; \"not used\" leaves it to the bit rate or the encoder"));
    videoForm->addRow(tr("C&RF"), m_crf);
    m_bitRate = new QSpinBox(video);
    named(m_bitRate, "bitRateSpin", tr("Video bit rate in kbit/s"));
    m_bitRate->setRange(0, MaxKbit);
    m_bitRate->setSingleStep(500);
    m_bitRate->setSuffix(tr(" kbit/s"));
    m_bitRate->setSpecialValueText(tr("not used"));
    videoForm->addRow(tr("&Bit rate"), m_bitRate);
    m_encoderPreset = new QComboBox(video);
    m_encoderPreset->setEditable(true);
    m_encoderPreset->setInsertPolicy(QComboBox::NoInsert);
    named(m_encoderPreset, "encoderPresetCombo", tr("Encoder speed preset"));
    m_encoderPreset->lineEdit()->setPlaceholderText(tr("encoder default"));
    videoForm->addRow(tr("Encoder pre&set"), m_encoderPreset);
    m_options = new QPlainTextEdit(video);
    named(m_options, "optionsEdit", tr("Encoder and muxer options"));
    m_options->setTabChangesFocus(true);
    m_options->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_options->setPlaceholderText(tr("one key=value per line, e.g. movflags=+faststart"));
    m_options->setFixedHeight(m_options->fontMetrics().lineSpacing() * 3 + 12);
    videoForm->addRow(tr("Options"), m_options);
    return video;
}

QGroupBox* PresetEditor::buildStreamsGroup(QWidget* parent)
{
    auto* streams = new QGroupBox(tr("Audio and subtitles"), parent);
    auto* streamsForm = new QFormLayout(streams);
    auto policyCombo = [this](QWidget* parent) {
        auto* box = new QComboBox(parent);
        box->addItem(tr("Copy"), QStringLiteral("copy"));
        box->addItem(tr("Transcode"), QStringLiteral("transcode"));
        box->addItem(tr("Drop"), QStringLiteral("drop"));
        return box;
    };
    m_audioPolicy = policyCombo(streams);
    named(m_audioPolicy, "audioPolicyCombo", tr("Audio policy"));
    m_audioPolicy->setToolTip(tr("Copy keeps the original audio (transcoded to the fallback codec where the container cannot hold it)"));
    streamsForm->addRow(tr("&Audio"), m_audioPolicy);
    m_audioCodec = new QComboBox(streams);
    m_audioCodec->setEditable(true);
    m_audioCodec->setInsertPolicy(QComboBox::NoInsert);
    m_audioCodec->addItems({QStringLiteral("aac"), QStringLiteral("libopus"), QStringLiteral("flac"), QStringLiteral("alac"),
                            QStringLiteral("ac3"), QStringLiteral("pcm_s16le"), QStringLiteral("pcm_s24le")});
    named(m_audioCodec, "audioCodecCombo", tr("Audio fallback codec"));
    streamsForm->addRow(tr("Audio fallbac&k codec"), m_audioCodec);
    m_audioBitRate = new QSpinBox(streams);
    named(m_audioBitRate, "audioBitRateSpin", tr("Audio fallback bit rate in kbit/s"));
    m_audioBitRate->setRange(0, 10000);
    m_audioBitRate->setSingleStep(32);
    m_audioBitRate->setSuffix(tr(" kbit/s"));
    m_audioBitRate->setSpecialValueText(tr("codec default"));
    streamsForm->addRow(tr("Audio fallback bit rate"), m_audioBitRate);
    m_subtitlePolicy = policyCombo(streams);
    named(m_subtitlePolicy, "subtitlePolicyCombo", tr("Subtitle policy"));
    streamsForm->addRow(tr("S&ubtitles"), m_subtitlePolicy);
    return streams;
}

QGroupBox* PresetEditor::buildScaleGroup(QWidget* parent)
{
    auto* scale = new QGroupBox(tr("Final scale"), parent);
    auto* scaleForm = new QFormLayout(scale);
    auto* scaleRow = new QHBoxLayout;
    m_scaleMode = new QComboBox(scale);
    named(m_scaleMode, "scaleModeCombo", tr("Final scale"));
    m_scaleMode->addItem(tr("None (keep the ×4 size)"), QStringLiteral("none"));
    m_scaleMode->addItem(tr("Factor of the ×4 result"), QStringLiteral("factor"));
    m_scaleMode->addItem(tr("Target height"), QStringLiteral("height"));
    m_scaleFactor = new QDoubleSpinBox(scale);
    named(m_scaleFactor, "scaleFactorSpin", tr("Scale factor"));
    m_scaleFactor->setDecimals(3);
    m_scaleFactor->setRange(0.051, 1.0); // the preset format takes (0.05, 1]
    m_scaleFactor->setSingleStep(0.05);
    m_scaleFactor->setToolTip(tr("Applied to the ×4 result: 0.5 gives ×2"));
    m_targetHeight = new QSpinBox(scale);
    named(m_targetHeight, "targetHeightSpin", tr("Target height in pixels"));
    m_targetHeight->setRange(16, 16384);
    m_targetHeight->setSuffix(tr(" px"));
    m_targetHeight->setToolTip(tr("Final height; the width keeps the aspect ratio"));
    scaleRow->addWidget(m_scaleMode, 1);
    scaleRow->addWidget(m_scaleFactor);
    scaleRow->addWidget(m_targetHeight);
    scaleForm->addRow(tr("Output si&ze"), scaleRow);
    m_squarePixels = new QCheckBox(tr("Resample anamorphic sources to square pixels"), scale);
    named(m_squarePixels, "squarePixelsCheck", tr("Square pixels"));
    m_squarePixels->setToolTip(tr("DV and DVD store 4:3 or 16:9 pictures in non-square pixels; by default the output keeps "
                                  "that pixel aspect, which players honour; this resamples the width instead"));
    scaleForm->addRow(tr("Pixel aspect"), m_squarePixels);
    m_bakeRotation = new QCheckBox(tr("Turn rotated phone videos upright in the pixels"), scale);
    named(m_bakeRotation, "bakeRotationCheck", tr("Bake rotation"));
    m_bakeRotation->setToolTip(tr("By default the rotation tag is copied (lossless); some players ignore it. Matroska "
                                  "cannot hold the tag, so its outputs are always turned"));
    scaleForm->addRow(tr("Rotation"), m_bakeRotation);
    return scale;
}

// Right: what will be written, live.
QWidget* PresetEditor::buildPreviewPanel()
{
    auto* previewPanel = new QWidget(this);
    auto* previewLayout = new QVBoxLayout(previewPanel);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    auto* previewLabel = new QLabel(tr("&JSON preview"), previewPanel);
    m_preview = new QPlainTextEdit(previewPanel);
    named(m_preview, "jsonPreview", tr("JSON preview"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    previewLabel->setBuddy(m_preview);
    previewLayout->addWidget(previewLabel);
    previewLayout->addWidget(m_preview, 1);

    return previewPanel;
}

void PresetEditor::connectEditors()
{
    // Every change goes to the working copy at once: the preview, the list and switching between
    // presets never lose an edit.
    auto edited = [this] { onFormEdited(); };
    for (auto* e : {m_id, m_name, m_extension}) connect(e, &QLineEdit::textChanged, this, edited);
    for (auto* e : {m_description, m_options}) connect(e, &QPlainTextEdit::textChanged, this, edited);
    for (auto* c : {m_pixelFormat, m_encoderPreset, m_audioCodec}) connect(c, &QComboBox::currentTextChanged, this, edited);
    for (auto* c : {m_audioPolicy, m_subtitlePolicy}) connect(c, &QComboBox::currentIndexChanged, this, edited);
    for (auto* c : {m_squarePixels, m_bakeRotation}) connect(c, &QCheckBox::toggled, this, edited);
    connect(m_container, &QComboBox::currentIndexChanged, this, [this] { onContainerChanged(); });
    connect(m_codec, &QComboBox::currentIndexChanged, this, [this] { onCodecChanged(); });
    connect(m_scaleMode, &QComboBox::currentIndexChanged, this, [this] {
        updateScaleWidgets();
        onFormEdited();
    });
    for (auto* s : {m_crf, m_bitRate, m_audioBitRate, m_targetHeight}) connect(s, &QSpinBox::valueChanged, this, edited);
    connect(m_scaleFactor, &QDoubleSpinBox::valueChanged, this, edited);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) { showEntry(row); });
    connect(m_newButton, &QPushButton::clicked, this, [this] { newPreset(); });
    connect(m_duplicateButton, &QPushButton::clicked, this, [this] { duplicateSelected(); });
    connect(m_deleteButton, &QPushButton::clicked, this, [this] { deleteSelected(); });
    connect(m_importButton, &QPushButton::clicked, this, [this] { importWithDialog(); });
    connect(m_exportButton, &QPushButton::clicked, this, [this] { exportWithDialog(); });
    connect(m_revertButton, &QPushButton::clicked, this, [this] { revertCurrent(); });
    connect(m_saveButton, &QPushButton::clicked, this, [this] { saveCurrent(); });
    connect(m_closeButton, &QPushButton::clicked, this, [this] { reject(); });
    auto* deleteShortcut = new QShortcut(QKeySequence::Delete, m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(deleteShortcut, &QShortcut::activated, this, [this] {
        if (m_deleteButton->isEnabled()) deleteSelected();
    });
    auto* saveShortcut = new QShortcut(QKeySequence::Save, this);
    connect(saveShortcut, &QShortcut::activated, this, [this] {
        if (m_saveButton->isEnabled()) saveCurrent();
    });
}

void PresetEditor::loadEntries()
{
    std::vector<std::string> problems;
    try {
        for (auto& p : builtInPresets()) addEntry({p, p, QString()});
    } catch (const Error& e) {
        problems.push_back(e.what()); // a broken build; the user presets are still worth showing
    }
    for (auto& p : loadPresetFolder(ss(m_folder), &problems)) {
        // The CLI ignores such a file (allPresets), so the editor must not offer it as usable.
        if (isBuiltIn(qs(p.id))) {
            problems.push_back("preset " + p.sourcePath + ": id '" + p.id + "' is taken by a built-in preset");
            continue;
        }
        const QString path = qs(p.sourcePath);
        addEntry({p, p, path});
    }
    if (!problems.empty()) {
        QStringList lines;
        for (const auto& p : problems) lines << qs(p);
        showMessage(tr("Some preset files were skipped (the command line skips them too):\n%1").arg(lines.join(QLatin1Char('\n'))),
                    MessageKind::Warning);
    }
}

int PresetEditor::addEntry(Entry entry)
{
    m_entries.push_back(std::move(entry));
    return int(m_entries.size()) - 1;
}

int PresetEditor::indexOf(const QString& id) const
{
    for (size_t i = 0; i < m_entries.size(); ++i)
        if (qs(m_entries[i].preset.id) == id) return int(i);
    return -1;
}

QStringList PresetEditor::presetIds() const
{
    QStringList ids;
    for (const auto& e : m_entries) ids << qs(e.preset.id);
    return ids;
}

QString PresetEditor::currentId() const
{
    return m_current >= 0 && m_current < int(m_entries.size()) ? qs(m_entries[m_current].preset.id) : QString();
}

std::optional<ExportPreset> PresetEditor::preset(const QString& id) const
{
    const int row = indexOf(id);
    if (row < 0) return std::nullopt;
    return m_entries[row].preset;
}

bool PresetEditor::isBuiltIn(const QString& id) const
{
    for (const auto& e : m_entries)
        if (e.preset.builtIn && qs(e.preset.id) == id) return true;
    return false;
}

bool PresetEditor::hasUnsavedChanges() const
{
    return std::any_of(m_entries.begin(), m_entries.end(), [](const Entry& e) { return !e.preset.builtIn && e.dirty(); });
}

QString PresetEditor::message() const { return m_message->text(); }

void PresetEditor::rebuildList()
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (size_t i = 0; i < m_entries.size(); ++i) {
        m_list->addItem(QString());
        updateItem(int(i));
    }
    if (m_current >= 0 && m_current < int(m_entries.size())) m_list->setCurrentRow(m_current);
}

void PresetEditor::updateItem(int row)
{
    if (row < 0 || row >= m_list->count()) return;
    const Entry& e = m_entries[row];
    const QString name = qs(e.preset.name), id = qs(e.preset.id);
    // Name above, id (what the CLI takes) and state below: both stay readable in a narrow list.
    QString second;
    if (e.preset.builtIn)
        second = tr("%1 (built-in)").arg(id);
    else if (!e.stored)
        second = tr("%1 (unsaved)").arg(id);
    else if (e.dirty())
        second = tr("%1 (modified)").arg(id);
    else
        second = id;
    const QString text = name + QLatin1Char('\n') + second;
    auto* item = m_list->item(row);
    item->setText(text);
    item->setData(Qt::UserRole, id);
    item->setToolTip(e.storedPath.isEmpty() ? qs(e.preset.description)
                                            : tr("%1\n%2").arg(qs(e.preset.description), QDir::toNativeSeparators(e.storedPath)));
    QFont font = item->font();
    font.setItalic(e.preset.builtIn);
    item->setFont(font);
}

void PresetEditor::selectPreset(const QString& id)
{
    const int row = indexOf(id);
    if (row >= 0) selectRow(row);
}

void PresetEditor::selectRow(int row)
{
    m_list->setCurrentRow(row);
    // The list may already have had that row current while its signals were blocked.
    if (m_current != row) showEntry(row);
}

void PresetEditor::showEntry(int row)
{
    if (row < 0 || row >= int(m_entries.size())) {
        m_current = -1;
        updateButtons();
        return;
    }
    m_current = row;
    m_errorShown = false;
    if (m_messageKind != MessageKind::Warning) clearMessage(); // messages were about the previous preset
    const Entry& e = m_entries[row];
    fillForm(e.preset);
    setFormEditable(!e.preset.builtIn);
    m_readOnlyNote->setVisible(e.preset.builtIn);
    updateButtons();
}

void PresetEditor::fillForm(const ExportPreset& p)
{
    const bool wasLoading = m_loading;
    m_loading = true;
    m_id->setText(qs(p.id));
    m_name->setText(qs(p.name));
    m_description->setPlainText(qs(p.description));
    selectData(m_container, qs(p.container));
    m_extension->setText(qs(p.extension));
    selectData(m_codec, qs(p.videoCodec));
    fillCodecLists(qs(p.videoCodec), qs(p.pixelFormat), qs(p.encoderPreset));
    m_crf->setValue(std::clamp(p.crf, -1, 63));
    m_bitRate->setValue(kbitFromBits(p.videoBitRate));
    m_options->setPlainText(optionsText(p.videoOptions));
    m_optionsError.clear();
    selectData(m_audioPolicy, policyName(p.audio));
    const int audioCodec = m_audioCodec->findText(qs(p.audioFallbackCodec));
    if (audioCodec >= 0)
        m_audioCodec->setCurrentIndex(audioCodec);
    else
        m_audioCodec->setEditText(qs(p.audioFallbackCodec));
    m_audioBitRate->setValue(std::min(kbitFromBits(p.audioFallbackBitRate), m_audioBitRate->maximum()));
    selectData(m_subtitlePolicy, policyName(p.subtitles));
    selectData(m_scaleMode, scaleModeName(p.scaleMode));
    m_scaleFactor->setValue(p.scaleMode == OutputScaleMode::Factor ? p.scaleFactor : 0.5);
    m_targetHeight->setValue(p.scaleMode == OutputScaleMode::Height ? p.targetHeight : 1080);
    m_squarePixels->setChecked(p.squarePixels);
    m_bakeRotation->setChecked(p.bakeRotation);
    updateScaleWidgets();
    m_loading = wasLoading;
    m_preview->setPlainText(qs(p.toJson()));
}

void PresetEditor::fillCodecLists(const QString& codec, const QString& pixelFormat, const QString& encoderPreset)
{
    const bool wasLoading = m_loading;
    m_loading = true;
    fillEditable(m_pixelFormat, pixelFormatsFor(codec), pixelFormat);
    fillEditable(m_encoderPreset, encoderPresetsFor(codec), encoderPreset);
    m_loading = wasLoading;
}

void PresetEditor::syncFromForm()
{
    if (m_loading || m_current < 0) return;
    Entry& e = m_entries[m_current];
    if (e.preset.builtIn) return;
    ExportPreset& p = e.preset;
    p.id = ss(m_id->text().trimmed());
    p.name = ss(m_name->text().trimmed());
    p.description = ss(m_description->toPlainText().trimmed());
    p.container = ss(m_container->currentData().toString());
    p.extension = ss(m_extension->text().trimmed());
    p.videoCodec = ss(m_codec->currentData().toString());
    p.pixelFormat = ss(m_pixelFormat->currentText().trimmed());
    p.crf = m_crf->value();
    p.videoBitRate = bitsFromKbit(m_bitRate->value(), p.videoBitRate);
    p.encoderPreset = ss(m_encoderPreset->currentText().trimmed());

    m_optionsError.clear();
    std::map<std::string, std::string> options;
    const QStringList lines = m_options->toPlainText().split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty()) continue;
        const int eq = line.indexOf(QLatin1Char('='));
        const QString key = eq > 0 ? line.left(eq).trimmed() : QString();
        if (key.isEmpty()) {
            if (m_optionsError.isEmpty()) m_optionsError = tr("option line %1 is not key=value: '%2'").arg(i + 1).arg(line);
            continue;
        }
        options[ss(key)] = ss(line.mid(eq + 1).trimmed());
    }
    p.videoOptions = std::move(options);

    p.audio = policyFromData(m_audioPolicy->currentData());
    p.audioFallbackCodec = ss(m_audioCodec->currentText().trimmed());
    p.audioFallbackBitRate = bitsFromKbit(m_audioBitRate->value(), p.audioFallbackBitRate);
    p.subtitles = policyFromData(m_subtitlePolicy->currentData());
    const QString mode = m_scaleMode->currentData().toString();
    p.scaleMode = mode == QLatin1String("factor")   ? OutputScaleMode::Factor
                  : mode == QLatin1String("height") ? OutputScaleMode::Height
                                                    : OutputScaleMode::None;
    // An untouched factor keeps its exact value rather than the spin box's three decimals.
    if (std::abs(m_scaleFactor->value() - p.scaleFactor) >= 0.0005) p.scaleFactor = m_scaleFactor->value();
    p.targetHeight = m_targetHeight->value();
    p.squarePixels = m_squarePixels->isChecked();
    p.bakeRotation = m_bakeRotation->isChecked();
}

void PresetEditor::onFormEdited()
{
    if (m_loading || m_current < 0) return;
    syncFromForm();
    const Entry& e = m_entries[m_current];
    auto* bar = m_preview->verticalScrollBar();
    const int scroll = bar->value();
    m_preview->setPlainText(qs(e.preset.toJson()));
    bar->setValue(scroll);
    updateItem(m_current);
    updateButtons();
    if (m_errorShown) {
        // Re-check the shown problem so the message goes away as soon as it is fixed.
        const QString problem = validate(m_current);
        if (problem.isEmpty()) {
            m_errorShown = false;
            showMessage(tr("Ready to save."), MessageKind::Info);
        } else {
            showMessage(tr("Not saved: %1").arg(problem), MessageKind::Error);
        }
    }
}

void PresetEditor::onCodecChanged()
{
    if (!m_loading && m_current >= 0) {
        // Offer the new encoder's pixel formats and speeds; keep the user's values where they still apply.
        const QString codec = m_codec->currentData().toString();
        const QStringList formats = pixelFormatsFor(codec), speeds = encoderPresetsFor(codec);
        QString format = m_pixelFormat->currentText().trimmed(), speed = m_encoderPreset->currentText().trimmed();
        if (!formats.contains(format)) format = formats.value(0);
        if (!speeds.contains(speed)) speed = defaultEncoderPreset(codec);
        fillCodecLists(codec, format, speed);
    }
    onFormEdited();
}

void PresetEditor::onContainerChanged()
{
    if (!m_loading && m_current >= 0) {
        // Follow the container with the extension unless the user chose an unusual one.
        const QString previous = defaultExtension(qs(m_entries[m_current].preset.container));
        const QString current = m_extension->text().trimmed();
        const QString next = defaultExtension(m_container->currentData().toString());
        if (!next.isEmpty() && (current.isEmpty() || current == previous)) {
            m_loading = true;
            m_extension->setText(next);
            m_loading = false;
        }
    }
    onFormEdited();
}

void PresetEditor::updateScaleWidgets()
{
    const QString mode = m_scaleMode->currentData().toString();
    m_scaleFactor->setVisible(mode == QLatin1String("factor"));
    m_targetHeight->setVisible(mode == QLatin1String("height"));
}

void PresetEditor::setFormEditable(bool editable)
{
    for (auto* w : m_editors) w->setEnabled(editable);
}

void PresetEditor::updateButtons()
{
    const bool has = m_current >= 0 && m_current < int(m_entries.size());
    const bool builtIn = has && m_entries[m_current].preset.builtIn;
    const bool user = has && !builtIn;
    m_duplicateButton->setEnabled(has);
    m_exportButton->setEnabled(has);
    m_deleteButton->setEnabled(user);
    m_saveButton->setEnabled(user && m_entries[m_current].dirty());
    m_revertButton->setEnabled(user && m_entries[m_current].stored && m_entries[m_current].dirty());
}

bool PresetEditor::idTaken(const QString& id, int exceptRow) const
{
    for (size_t i = 0; i < m_entries.size(); ++i) {
        if (int(i) == exceptRow) continue;
        const Entry& e = m_entries[i];
        if (qs(e.preset.id) == id || (e.stored && qs(e.stored->id) == id)) return true;
    }
    // A file of that name that the list does not show (unreadable, or an id clash) is not ours to replace.
    const QString path = QDir(m_folder).filePath(id + QStringLiteral(".json"));
    if (QFileInfo::exists(path)) {
        const bool own = exceptRow >= 0 && !m_entries[exceptRow].storedPath.isEmpty() && samePath(m_entries[exceptRow].storedPath, path);
        if (!own) return true;
    }
    return false;
}

QString PresetEditor::uniqueId(const QString& first, const QString& stem, int exceptRow) const
{
    if (!idTaken(first, exceptRow)) return first;
    for (int n = 2;; ++n) {
        const QString candidate = stem + QLatin1Char('-') + QString::number(n);
        if (!idTaken(candidate, exceptRow)) return candidate;
    }
}

QString PresetEditor::validate(int row) const
{
    const Entry& e = m_entries[row];
    const QString id = qs(e.preset.id);
    if (e.preset.builtIn) return tr("built-in presets are read-only; use Duplicate to make an editable copy.");
    if (id.isEmpty()) return tr("the id is empty.");
    if (!isPlainId(id))
        return tr("the id '%1' may only contain letters, digits, '-', '_' and '.', starting with a letter or digit "
                  "(it is the file name and the command-line name).")
            .arg(id);
    if (isBuiltIn(id)) return tr("the id '%1' belongs to a built-in preset; choose another id.").arg(id);
    if (idTaken(id, row)) return tr("the id '%1' is already used by another preset; choose another id.").arg(id);
    if (e.preset.name.empty()) return tr("the name is empty.");
    if (row == m_current && !m_optionsError.isEmpty()) return m_optionsError;
    try {
        // The file must read back as exactly this preset, and this FFmpeg must be able to use it.
        const std::string json = e.preset.toJson();
        const auto back = ExportPreset::fromJson(json, "'" + e.preset.id + "'");
        if (back.toJson() != json) return tr("the preset does not read back unchanged from its JSON.");
        back.checkAvailable();
    } catch (const Error& ex) {
        return qs(ex.what());
    }
    return {};
}

bool PresetEditor::saveCurrent(QString* error)
{
    auto fail = [&](const QString& text) {
        showMessage(text, MessageKind::Error);
        m_errorShown = true;
        if (error) *error = text;
        return false;
    };
    if (m_current < 0 || m_current >= int(m_entries.size())) return fail(tr("No preset is selected."));
    syncFromForm();
    const QString problem = validate(m_current);
    if (!problem.isEmpty()) return fail(tr("Not saved: %1").arg(problem));

    Entry& e = m_entries[m_current];
    ExportPreset p = e.preset;
    p.builtIn = false;
    try {
        saveUserPreset(p, ss(m_folder));
    } catch (const Error& ex) {
        return fail(tr("Not saved: %1").arg(qs(ex.what())));
    }
    const QString path = QDir(m_folder).filePath(qs(p.id) + QStringLiteral(".json"));
    QString note;
    // A changed id moves the file: the old one would list the preset twice.
    if (!e.storedPath.isEmpty() && !samePath(e.storedPath, path)) {
        QFile old(e.storedPath);
        if (old.exists() && !old.remove())
            note = tr(" The old file %1 could not be removed: %2").arg(QDir::toNativeSeparators(e.storedPath), old.errorString());
    }
    p.sourcePath = ss(path);
    e.preset.sourcePath = p.sourcePath;
    e.stored = p;
    e.storedPath = path;
    m_errorShown = false;
    showMessage(tr("Saved to %1.").arg(QDir::toNativeSeparators(path)) + note, note.isEmpty() ? MessageKind::Info : MessageKind::Warning);
    updateItem(m_current);
    updateButtons();
    Q_EMIT presetsChanged();
    return true;
}

void PresetEditor::revertCurrent()
{
    if (m_current < 0) return;
    Entry& e = m_entries[m_current];
    if (e.preset.builtIn || !e.stored) return;
    e.preset = *e.stored;
    m_errorShown = false;
    clearMessage();
    fillForm(e.preset);
    updateItem(m_current);
    updateButtons();
}

void PresetEditor::newPreset()
{
    ExportPreset p;
    p.id = ss(uniqueId(QStringLiteral("my-preset"), QStringLiteral("my-preset"), -1));
    p.name = ss(tr("My preset"));
    p.container = "mp4";
    p.extension = ".mp4";
    p.videoCodec = "libx264";
    p.pixelFormat = "yuv420p";
    p.crf = 18;
    p.encoderPreset = "medium";
    const int row = addEntry({p, std::nullopt, QString()});
    rebuildList();
    selectRow(row);
    showMessage(tr("New preset '%1': edit it and save it to use it.").arg(qs(p.id)), MessageKind::Info);
    m_name->setFocus();
    m_name->selectAll();
}

void PresetEditor::duplicateSelected()
{
    if (m_current < 0 || m_current >= int(m_entries.size())) return;
    ExportPreset p = m_entries[m_current].preset;
    const QString stem = qs(p.id) + QStringLiteral("-copy");
    p.id = ss(uniqueId(stem, stem, -1));
    p.name = ss(tr("%1 (copy)").arg(qs(p.name)));
    p.builtIn = false;
    p.sourcePath.clear();
    const int row = addEntry({p, std::nullopt, QString()});
    rebuildList();
    selectRow(row);
    showMessage(tr("Copy '%1' made: edit it and save it to use it.").arg(qs(p.id)), MessageKind::Info);
    m_name->setFocus();
}

bool PresetEditor::deleteSelected()
{
    if (m_current < 0 || m_current >= int(m_entries.size())) return false;
    const Entry& e = m_entries[m_current];
    const QString id = qs(e.preset.id);
    if (e.preset.builtIn) {
        showMessage(tr("Built-in presets cannot be deleted."), MessageKind::Error);
        return false;
    }
    const bool onDisk = !e.storedPath.isEmpty();
    if (m_confirm) {
        const QString question = onDisk
                                     ? tr("Delete the preset '%1'?\n\nIts file %2 is removed; the command line will not find it any more.")
                                           .arg(qs(e.preset.name), QDir::toNativeSeparators(e.storedPath))
                                     : tr("Discard the unsaved preset '%1'?").arg(qs(e.preset.name));
        if (QMessageBox::question(this, tr("Delete preset"), question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            != QMessageBox::Yes)
            return false;
    }
    if (onDisk) {
        QFile file(e.storedPath);
        if (file.exists() && !file.remove()) {
            showMessage(tr("Cannot delete %1: %2").arg(QDir::toNativeSeparators(e.storedPath), file.errorString()), MessageKind::Error);
            return false;
        }
    }
    const int row = m_current;
    m_entries.erase(m_entries.begin() + row);
    m_current = -1;
    rebuildList();
    selectRow(std::min(row, int(m_entries.size()) - 1));
    showMessage(onDisk ? tr("Deleted '%1'.").arg(id) : tr("Discarded '%1'.").arg(id), MessageKind::Info);
    if (onDisk) Q_EMIT presetsChanged();
    return true;
}

bool PresetEditor::importFile(const QString& path, QString* error)
{
    auto fail = [&](const QString& text) {
        showMessage(text, MessageKind::Error);
        if (error) *error = text;
        return false;
    };
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return fail(tr("Cannot import %1: %2").arg(shown, file.errorString()));
    const QByteArray bytes = file.readAll();
    ExportPreset p;
    try {
        p = ExportPreset::fromJson(bytes.toStdString(), ss(QFileInfo(path).fileName()));
    } catch (const Error& ex) {
        return fail(tr("Cannot import %1: %2").arg(shown, qs(ex.what())));
    }
    const QString wanted = qs(p.id);
    if (!isPlainId(wanted))
        return fail(tr("Cannot import %1: the id '%2' may only contain letters, digits, '-', '_' and '.'.").arg(shown, wanted));
    // Never replace a preset: a taken id (built-in, listed or a file in the folder) gets a free one.
    const QString id = uniqueId(wanted, wanted, -1);
    p.id = ss(id);
    p.builtIn = false;
    try {
        saveUserPreset(p, ss(m_folder));
    } catch (const Error& ex) {
        return fail(tr("Cannot import %1: %2").arg(shown, qs(ex.what())));
    }
    const QString stored = QDir(m_folder).filePath(id + QStringLiteral(".json"));
    p.sourcePath = ss(stored);
    const int row = addEntry({p, p, stored});
    rebuildList();
    selectRow(row);

    QString text = id == wanted ? tr("Imported '%1'.").arg(id) : tr("Imported as '%1': the id '%2' was taken.").arg(id, wanted);
    MessageKind kind = MessageKind::Info;
    try {
        p.checkAvailable();
    } catch (const Error& ex) {
        // Kept: the file is valid and may be meant for another FFmpeg build; saving edits will ask for a fix.
        text += QLatin1Char(' ') + tr("Warning: %1").arg(qs(ex.what()));
        kind = MessageKind::Warning;
    }
    showMessage(text, kind);
    Q_EMIT presetsChanged();
    return true;
}

bool PresetEditor::exportPreset(const QString& id, const QString& path, QString* error)
{
    auto fail = [&](const QString& text) {
        showMessage(text, MessageKind::Error);
        if (error) *error = text;
        return false;
    };
    const int row = indexOf(id);
    if (row < 0) return fail(tr("Not exported: there is no preset '%1'.").arg(id));
    if (row == m_current && !m_optionsError.isEmpty()) return fail(tr("Not exported: %1").arg(m_optionsError));
    const ExportPreset& p = m_entries[row].preset;
    const std::string json = p.toJson();
    try {
        ExportPreset::fromJson(json, "'" + p.id + "'"); // another computer's editor or CLI must read it
    } catch (const Error& ex) {
        return fail(tr("Not exported: %1").arg(qs(ex.what())));
    }
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Text))
        return fail(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), out.errorString()));
    out.write(QByteArray::fromStdString(json + "\n"));
    if (!out.commit()) return fail(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), out.errorString()));
    showMessage(tr("Exported '%1' to %2.").arg(id, QDir::toNativeSeparators(path)), MessageKind::Info);
    return true;
}

void PresetEditor::importWithDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import preset"), m_lastDir, tr("Export presets (*.json);;All files (*)"));
    if (path.isEmpty()) return;
    m_lastDir = QFileInfo(path).absolutePath();
    QString error;
    if (!importFile(path, &error)) QMessageBox::warning(this, tr("Import failed"), error);
}

void PresetEditor::exportWithDialog()
{
    const QString id = currentId();
    if (id.isEmpty()) return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export preset"), QDir(m_lastDir).filePath(id + QStringLiteral(".json")),
                                                      tr("Export presets (*.json)"));
    if (path.isEmpty()) return;
    m_lastDir = QFileInfo(path).absolutePath();
    QString error;
    const QString target = QFileInfo(path).suffix().isEmpty() ? path + QStringLiteral(".json") : path;
    if (!exportPreset(id, target, &error)) QMessageBox::warning(this, tr("Export failed"), error);
}

void PresetEditor::done(int result)
{
    if (m_confirm && hasUnsavedChanges()) {
        const int count
            = int(std::count_if(m_entries.begin(), m_entries.end(), [](const Entry& e) { return !e.preset.builtIn && e.dirty(); }));
        const auto answer = QMessageBox::question(this, tr("Unsaved presets"),
                                                  tr("%n preset(s) have unsaved changes. Close and discard them?", nullptr, count),
                                                  QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) return;
    }
    QDialog::done(result);
}

void PresetEditor::showMessage(const QString& text, MessageKind kind)
{
    m_messageKind = kind;
    m_message->setText(text);
    switch (kind) {
    case MessageKind::Error: m_message->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }")); break;
    case MessageKind::Warning: m_message->setStyleSheet(QStringLiteral("QLabel { color: #8a5a00; }")); break;
    default: m_message->setStyleSheet(QString()); break;
    }
    m_message->setAccessibleDescription(text);
    m_message->setVisible(!text.isEmpty());
}

void PresetEditor::clearMessage()
{
    m_messageKind = MessageKind::None;
    m_message->clear();
    m_message->hide();
}

} // namespace dualx::ui
