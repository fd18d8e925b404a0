// The export-preset editor: built-ins are listed read-only; a duplicate edited and saved is what
// the CLI then finds; a built-in id, a bad field or a malformed import writes nothing; an import
// never replaces a preset; an export reads back equal; delete removes the file.
#include "ui/preset_editor.h"

#include "dualx/errors.h"
#include "dualx/export_preset.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <cstdlib>

using namespace dualx;
using namespace dualx::ui;

namespace {

const QStringList BuiltInIds = {QStringLiteral("web-h264"), QStringLiteral("hevc-10bit"), QStringLiteral("av1"),
                                QStringLiteral("archive-ffv1"), QStringLiteral("prores-hq")};

QString qs(const std::string& s) { return QString::fromStdString(s); }

QStringList folderFiles(const QString& folder) { return QDir(folder).entryList(QDir::Files, QDir::Name); }

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

template <class T> T* child(const PresetEditor& editor, const char* name) { return editor.findChild<T*>(QLatin1String(name)); }

void selectData(QComboBox* box, const QString& data) { box->setCurrentIndex(box->findData(data)); }

} // namespace

class TestUiPresetEditor : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_folder;  // the user preset folder (also $DUALX_PRESET_DIR, as the CLI sees it)
    QString m_outside; // files the user imports and exports

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_folder = m_dir.filePath(QStringLiteral("presets")); // not there yet: saving creates it
        m_outside = m_dir.filePath(QStringLiteral("outside"));
        QVERIFY(QDir().mkpath(m_outside));
        ::setenv("DUALX_PRESET_DIR", m_folder.toUtf8().constData(), 1);
    }

    void builtInsAreListedReadOnly()
    {
        PresetEditor editor(m_folder);
        editor.setConfirmDeletes(false);
        QCOMPARE(editor.presetIds().size(), BuiltInIds.size()); // the user folder is empty
        auto* list = child<QListWidget>(editor, "presetList");
        auto* name = child<QLineEdit>(editor, "nameEdit");
        auto* preview = child<QPlainTextEdit>(editor, "jsonPreview");
        QVERIFY(list && name && preview);
        for (const QString& id : BuiltInIds) {
            QVERIFY2(editor.presetIds().contains(id), qPrintable(id));
            editor.selectPreset(id);
            QCOMPARE(editor.currentId(), id);
            QVERIFY(editor.isBuiltIn(id));
            QVERIFY2(list->currentItem()->text().contains(QStringLiteral("(built-in)")), qPrintable(list->currentItem()->text()));
            for (const char* field : {"idEdit", "nameEdit", "descriptionEdit", "containerCombo", "extensionEdit", "codecCombo",
                                      "pixelFormatCombo", "crfSpin", "bitRateSpin", "encoderPresetCombo", "audioPolicyCombo",
                                      "subtitlePolicyCombo", "audioCodecCombo", "audioBitRateSpin", "scaleModeCombo"}) {
                auto* w = child<QWidget>(editor, field);
                QVERIFY2(w, field);
                QVERIFY2(!w->isEnabled(), field);
                QVERIFY2(!w->accessibleName().isEmpty(), field);
            }
            QVERIFY(!child<QPushButton>(editor, "saveButton")->isEnabled());
            QVERIFY(!child<QPushButton>(editor, "deleteButton")->isEnabled());
            QVERIFY(child<QPushButton>(editor, "duplicateButton")->isEnabled());
            QCOMPARE(name->text(), qs(findPreset(id.toStdString()).name));
            QCOMPARE(preview->toPlainText(), qs(findPreset(id.toStdString()).toJson()));

            // Even text forced into a disabled field does not reach a built-in, and it cannot be saved or deleted.
            name->setText(QStringLiteral("hacked"));
            QCOMPARE(qs(editor.preset(id)->name), qs(findPreset(id.toStdString()).name));
            QString error;
            QVERIFY(!editor.saveCurrent(&error));
            QVERIFY2(error.contains(QStringLiteral("read-only")), qPrintable(error));
            QVERIFY(!editor.deleteSelected());
            QVERIFY(editor.presetIds().contains(id));
        }
        QVERIFY(!editor.hasUnsavedChanges());
        QVERIFY(folderFiles(m_folder).isEmpty());
    }

    void duplicateEditSaveRoundTrip()
    {
        PresetEditor editor(m_folder);
        editor.setConfirmDeletes(false);
        QSignalSpy changed(&editor, &PresetEditor::presetsChanged);
        editor.selectPreset(QStringLiteral("web-h264"));
        editor.duplicateSelected();
        QCOMPARE(editor.currentId(), QStringLiteral("web-h264-copy"));
        QVERIFY(!editor.isBuiltIn(editor.currentId()));

        auto* name = child<QLineEdit>(editor, "nameEdit");
        auto* crf = child<QSpinBox>(editor, "crfSpin");
        auto* scaleMode = child<QComboBox>(editor, "scaleModeCombo");
        auto* height = child<QSpinBox>(editor, "targetHeightSpin");
        auto* preview = child<QPlainTextEdit>(editor, "jsonPreview");
        auto* list = child<QListWidget>(editor, "presetList");
        QVERIFY(name && crf && scaleMode && height && preview && list);
        QCOMPARE(name->text(), QStringLiteral("Web (MP4, H.264) (copy)"));
        QVERIFY(name->isEnabled() && crf->isEnabled());
        QVERIFY(list->currentItem()->text().contains(QStringLiteral("(unsaved)")));
        QVERIFY(folderFiles(m_folder).isEmpty()); // a copy is a draft until it is saved
        QVERIFY(editor.hasUnsavedChanges());

        name->setText(QStringLiteral("Web, quality 23"));
        crf->setValue(23);
        selectData(scaleMode, QStringLiteral("height"));
        height->setValue(720);
        // The preview follows every edit.
        const QJsonObject shown = QJsonDocument::fromJson(preview->toPlainText().toUtf8()).object();
        QCOMPARE(shown.value(QStringLiteral("name")).toString(), QStringLiteral("Web, quality 23"));
        QCOMPARE(shown.value(QStringLiteral("video")).toObject().value(QStringLiteral("crf")).toInt(), 23);
        QCOMPARE(shown.value(QStringLiteral("output_scale")).toObject().value(QStringLiteral("height")).toInt(), 720);

        QString error;
        QVERIFY2(editor.saveCurrent(&error), qPrintable(error));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(folderFiles(m_folder), QStringList{QStringLiteral("web-h264-copy.json")});
        QVERIFY(!editor.hasUnsavedChanges());
        QVERIFY(!list->currentItem()->text().contains(QStringLiteral("(unsaved)")));

        // What the CLI finds is the edited preset, the rest exactly as in the original.
        const auto found = findPreset("web-h264-copy");
        QVERIFY(!found.builtIn);
        QCOMPARE(qs(found.name), QStringLiteral("Web, quality 23"));
        QCOMPARE(found.crf, 23);
        QVERIFY(found.scaleMode == OutputScaleMode::Height);
        QCOMPARE(found.targetHeight, 720);
        QCOMPARE(qs(found.videoOptions.at("movflags")), QStringLiteral("+faststart"));
        auto expected = findPreset("web-h264");
        expected.id = "web-h264-copy";
        expected.name = "Web, quality 23";
        expected.crf = 23;
        expected.scaleMode = OutputScaleMode::Height;
        expected.targetHeight = 720;
        QCOMPARE(qs(found.toJson()), qs(expected.toJson()));

        // The next copy takes the next free id; an unsaved copy is dropped without touching the folder.
        editor.selectPreset(QStringLiteral("web-h264"));
        editor.duplicateSelected();
        QCOMPARE(editor.currentId(), QStringLiteral("web-h264-copy-2"));
        QVERIFY(editor.deleteSelected());
        QVERIFY(!editor.presetIds().contains(QStringLiteral("web-h264-copy-2")));
        QCOMPARE(folderFiles(m_folder), QStringList{QStringLiteral("web-h264-copy.json")});
        QCOMPARE(changed.count(), 1);

        // A new editor (or the app after a restart) lists it as an editable user preset.
        PresetEditor again(m_folder);
        QVERIFY(again.presetIds().contains(QStringLiteral("web-h264-copy")));
        again.selectPreset(QStringLiteral("web-h264-copy"));
        QVERIFY(!again.isBuiltIn(again.currentId()));
        QCOMPARE(child<QLineEdit>(again, "nameEdit")->text(), QStringLiteral("Web, quality 23"));
        QVERIFY(child<QLineEdit>(again, "nameEdit")->isEnabled());
        QCOMPARE(child<QSpinBox>(again, "crfSpin")->value(), 23);
    }

    void invalidPresetsAreRefusedAndNothingIsWritten()
    {
        PresetEditor editor(m_folder);
        editor.setConfirmDeletes(false);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QSignalSpy changed(&editor, &PresetEditor::presetsChanged);
        const QStringList before = folderFiles(m_folder);
        auto* id = child<QLineEdit>(editor, "idEdit");
        auto* extension = child<QLineEdit>(editor, "extensionEdit");
        auto* pixelFormat = child<QComboBox>(editor, "pixelFormatCombo");
        auto* message = child<QLabel>(editor, "messageLabel");
        QVERIFY(id && extension && pixelFormat && message);

        editor.selectPreset(QStringLiteral("av1"));
        editor.duplicateSelected();
        QString error;
        id->setText(QStringLiteral("av1"));
        QVERIFY(!editor.saveCurrent(&error));
        QVERIFY2(error.contains(QStringLiteral("built-in")), qPrintable(error));
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QStringLiteral("built-in")), qPrintable(message->text()));
        QCOMPARE(folderFiles(m_folder), before);

        id->setText(QStringLiteral("web-h264-copy")); // another user preset's
        QVERIFY(!editor.saveCurrent(&error));
        QVERIFY2(error.contains(QStringLiteral("already used")), qPrintable(error));
        id->setText(QStringLiteral("my av1"));
        QVERIFY(!editor.saveCurrent(&error));
        QVERIFY2(error.contains(QStringLiteral("my av1")), qPrintable(error));

        id->setText(QStringLiteral("my-av1"));
        extension->setText(QStringLiteral("mkv"));
        QVERIFY(!editor.saveCurrent(&error));
        QVERIFY2(error.contains(QStringLiteral("extension")), qPrintable(error));
        extension->setText(QStringLiteral(".mkv"));
        pixelFormat->setEditText(QStringLiteral("yuv999p"));
        QVERIFY(!editor.saveCurrent(&error));
        QVERIFY2(error.contains(QStringLiteral("pixel format")), qPrintable(error));
        QVERIFY(message->isVisible());
        QCOMPARE(folderFiles(m_folder), before);
        QCOMPARE(changed.count(), 0);

        pixelFormat->setEditText(QStringLiteral("yuv420p10le"));
        auto* options = child<QPlainTextEdit>(editor, "optionsEdit");
        QVERIFY(options);
        options->setPlainText(QStringLiteral("crf-ish"));
        QVERIFY(!editor.saveCurrent(&error));
        QVERIFY2(error.contains(QStringLiteral("key=value")) && error.contains(QStringLiteral("crf-ish")), qPrintable(error));
        QCOMPARE(folderFiles(m_folder), before);
        QCOMPARE(changed.count(), 0);

        // The message follows the fix live, and then the preset saves.
        options->setPlainText(QStringLiteral("svtav1-params = tune=0"));
        QVERIFY2(!message->text().contains(QStringLiteral("pixel format")), qPrintable(message->text()));
        QVERIFY2(!message->text().contains(QStringLiteral("key=value")), qPrintable(message->text()));
        QVERIFY2(editor.saveCurrent(&error), qPrintable(error));
        QVERIFY(QFile::exists(QDir(m_folder).filePath(QStringLiteral("my-av1.json"))));
        QCOMPARE(qs(findPreset("my-av1").videoOptions.at("svtav1-params")), QStringLiteral("tune=0"));
        QCOMPARE(qs(findPreset("my-av1").pixelFormat), QStringLiteral("yuv420p10le"));
        QVERIFY(editor.deleteSelected());
        QCOMPARE(folderFiles(m_folder), before);
    }

    void switchingCodecOrContainerKeepsThePresetUsable()
    {
        PresetEditor editor(m_folder);
        editor.setConfirmDeletes(false);
        editor.newPreset();
        QVERIFY(!editor.isBuiltIn(editor.currentId()));
        auto* container = child<QComboBox>(editor, "containerCombo");
        auto* codec = child<QComboBox>(editor, "codecCombo");
        QVERIFY(container && codec);
        child<QLineEdit>(editor, "idEdit")->setText(QStringLiteral("edit-master"));
        selectData(container, QStringLiteral("mov"));
        QCOMPARE(child<QLineEdit>(editor, "extensionEdit")->text(), QStringLiteral(".mov")); // followed the container
        selectData(codec, QStringLiteral("prores_ks"));
        // x264's yuv420p and "medium" mean nothing to ProRes: the editor offers what it takes.
        QCOMPARE(child<QComboBox>(editor, "pixelFormatCombo")->currentText(), QStringLiteral("yuv422p10le"));
        QCOMPARE(child<QComboBox>(editor, "encoderPresetCombo")->currentText(), QString());
        child<QSpinBox>(editor, "crfSpin")->setValue(-1);
        selectData(child<QComboBox>(editor, "audioPolicyCombo"), QStringLiteral("transcode"));
        child<QComboBox>(editor, "audioCodecCombo")->setEditText(QStringLiteral("pcm_s24le"));
        selectData(child<QComboBox>(editor, "subtitlePolicyCombo"), QStringLiteral("drop"));
        selectData(child<QComboBox>(editor, "scaleModeCombo"), QStringLiteral("factor"));
        child<QDoubleSpinBox>(editor, "scaleFactorSpin")->setValue(0.5);
        QString error;
        QVERIFY2(editor.saveCurrent(&error), qPrintable(error));
        const auto saved = findPreset("edit-master");
        QCOMPARE(qs(saved.container), QStringLiteral("mov"));
        QCOMPARE(qs(saved.extension), QStringLiteral(".mov"));
        QCOMPARE(qs(saved.videoCodec), QStringLiteral("prores_ks"));
        QCOMPARE(qs(saved.pixelFormat), QStringLiteral("yuv422p10le"));
        QCOMPARE(saved.crf, -1);
        QVERIFY(saved.audio == StreamPolicy::Transcode);
        QCOMPARE(qs(saved.audioFallbackCodec), QStringLiteral("pcm_s24le"));
        QVERIFY(saved.subtitles == StreamPolicy::Drop);
        QVERIFY(saved.scaleMode == OutputScaleMode::Factor);
        QCOMPARE(saved.scaleFactor, 0.5);
        QVERIFY(editor.deleteSelected());
        QVERIFY(!QFile::exists(QDir(m_folder).filePath(QStringLiteral("edit-master.json"))));
    }

    void malformedImportFailsAndWritesNothing()
    {
        PresetEditor editor(m_folder);
        QSignalSpy changed(&editor, &PresetEditor::presetsChanged);
        const QStringList files = folderFiles(m_folder), ids = editor.presetIds();
        QString error;

        const QString truncated = QDir(m_outside).filePath(QStringLiteral("truncated.json"));
        QVERIFY(writeFile(truncated, "{\"id\": \"broken\", \"container\": \"mp4\""));
        QVERIFY(!editor.importFile(truncated, &error));
        QVERIFY2(error.contains(QStringLiteral("not valid JSON")) && error.contains(QStringLiteral("truncated.json")), qPrintable(error));

        QJsonObject noExtension{{QStringLiteral("id"), QStringLiteral("no-extension")},
                                {QStringLiteral("container"), QStringLiteral("mp4")},
                                {QStringLiteral("video"), QJsonObject{{QStringLiteral("codec"), QStringLiteral("libx264")},
                                                                      {QStringLiteral("pixel_format"), QStringLiteral("yuv420p")}}}};
        const QString missing = QDir(m_outside).filePath(QStringLiteral("missing-field.json"));
        QVERIFY(writeFile(missing, QJsonDocument(noExtension).toJson()));
        QVERIFY(!editor.importFile(missing, &error));
        QVERIFY2(error.contains(QStringLiteral("extension")), qPrintable(error));

        QJsonObject badPolicy = noExtension;
        badPolicy[QStringLiteral("extension")] = QStringLiteral(".mp4");
        badPolicy[QStringLiteral("audio")] = QJsonObject{{QStringLiteral("policy"), QStringLiteral("keep")}};
        const QString policy = QDir(m_outside).filePath(QStringLiteral("bad-policy.json"));
        QVERIFY(writeFile(policy, QJsonDocument(badPolicy).toJson()));
        QVERIFY(!editor.importFile(policy, &error));
        QVERIFY2(error.contains(QStringLiteral("policy")) && error.contains(QStringLiteral("keep")), qPrintable(error));
        QVERIFY2(editor.message().contains(QStringLiteral("keep")), qPrintable(editor.message()));

        QVERIFY(!editor.importFile(QDir(m_outside).filePath(QStringLiteral("not-there.json")), &error));
        QVERIFY(!error.isEmpty());

        QCOMPARE(folderFiles(m_folder), files);
        QCOMPARE(editor.presetIds(), ids);
        QCOMPARE(changed.count(), 0);
    }

    void importGivesATakenIdAFreeOne()
    {
        PresetEditor editor(m_folder);
        QSignalSpy changed(&editor, &PresetEditor::presetsChanged);
        QString error;

        const QString mine = QDir(m_outside).filePath(QStringLiteral("mine.json"));
        QVERIFY2(editor.exportPreset(QStringLiteral("web-h264-copy"), mine, &error), qPrintable(error));
        QVERIFY2(editor.importFile(mine, &error), qPrintable(error));
        QCOMPARE(editor.currentId(), QStringLiteral("web-h264-copy-2"));
        QVERIFY(editor.message().contains(QStringLiteral("web-h264-copy-2")));
        QVERIFY(QFile::exists(QDir(m_folder).filePath(QStringLiteral("web-h264-copy-2.json"))));
        QCOMPARE(qs(findPreset("web-h264-copy-2").name), QStringLiteral("Web, quality 23"));
        QCOMPARE(qs(findPreset("web-h264-copy").name), QStringLiteral("Web, quality 23")); // the original is untouched
        QCOMPARE(changed.count(), 1);

        // A built-in's id: the copy becomes a user preset beside it.
        const QString hevc = QDir(m_outside).filePath(QStringLiteral("hevc.json"));
        QVERIFY2(editor.exportPreset(QStringLiteral("hevc-10bit"), hevc, &error), qPrintable(error));
        QVERIFY2(editor.importFile(hevc, &error), qPrintable(error));
        QCOMPARE(editor.currentId(), QStringLiteral("hevc-10bit-2"));
        QVERIFY(!editor.isBuiltIn(QStringLiteral("hevc-10bit-2")));
        QVERIFY(findPreset("hevc-10bit").builtIn);
        QCOMPARE(qs(findPreset("hevc-10bit-2").videoCodec), QStringLiteral("libx265"));

        // A free id is kept.
        QJsonObject fresh = QJsonDocument::fromJson(readFile(hevc)).object();
        fresh[QStringLiteral("id")] = QStringLiteral("fresh-one");
        const QString freshPath = QDir(m_outside).filePath(QStringLiteral("fresh.json"));
        QVERIFY(writeFile(freshPath, QJsonDocument(fresh).toJson()));
        QVERIFY2(editor.importFile(freshPath, &error), qPrintable(error));
        QCOMPARE(editor.currentId(), QStringLiteral("fresh-one"));
        QCOMPARE(changed.count(), 3);
        QVERIFY(!editor.hasUnsavedChanges());
    }

    void exportReadsBackEqual()
    {
        PresetEditor editor(m_folder);
        QString error;
        for (const QString& id : editor.presetIds()) {
            const QString path = QDir(m_outside).filePath(QStringLiteral("export-%1.json").arg(id));
            QVERIFY2(editor.exportPreset(id, path, &error), qPrintable(error));
            const auto back = ExportPreset::fromJson(readFile(path).toStdString(), path.toStdString());
            QCOMPARE(qs(back.toJson()), qs(editor.preset(id)->toJson()));
            QCOMPARE(qs(back.toJson()), qs(findPreset(id.toStdString()).toJson()));
        }
        QVERIFY(!editor.exportPreset(QStringLiteral("no-such-preset"), QDir(m_outside).filePath(QStringLiteral("x.json")), &error));
        QVERIFY(error.contains(QStringLiteral("no-such-preset")));
    }

    void editsSurviveSwitchingAndCanBeReverted()
    {
        PresetEditor editor(m_folder);
        editor.setConfirmDeletes(false);
        auto* name = child<QLineEdit>(editor, "nameEdit");
        auto* list = child<QListWidget>(editor, "presetList");
        editor.selectPreset(QStringLiteral("fresh-one"));
        const QString original = name->text();
        name->setText(QStringLiteral("Changed"));
        QVERIFY(editor.hasUnsavedChanges());
        QVERIFY(list->currentItem()->text().contains(QStringLiteral("(modified)")));
        editor.selectPreset(QStringLiteral("av1"));
        editor.selectPreset(QStringLiteral("fresh-one"));
        QCOMPARE(name->text(), QStringLiteral("Changed"));
        editor.revertCurrent();
        QCOMPARE(name->text(), original);
        QVERIFY(!editor.hasUnsavedChanges());

        // A new id moves the file rather than leaving the preset listed twice.
        child<QLineEdit>(editor, "idEdit")->setText(QStringLiteral("fresh-two"));
        QString error;
        QVERIFY2(editor.saveCurrent(&error), qPrintable(error));
        QVERIFY(QFile::exists(QDir(m_folder).filePath(QStringLiteral("fresh-two.json"))));
        QVERIFY(!QFile::exists(QDir(m_folder).filePath(QStringLiteral("fresh-one.json"))));
    }

    void deleteRemovesTheFile()
    {
        PresetEditor editor(m_folder);
        editor.setConfirmDeletes(false);
        QSignalSpy changed(&editor, &PresetEditor::presetsChanged);
        const QString file = QDir(m_folder).filePath(QStringLiteral("web-h264-copy-2.json"));
        QVERIFY(QFile::exists(file));
        editor.selectPreset(QStringLiteral("web-h264-copy-2"));
        QVERIFY(editor.deleteSelected());
        QVERIFY(!QFile::exists(file));
        QVERIFY(!editor.presetIds().contains(QStringLiteral("web-h264-copy-2")));
        QCOMPARE(changed.count(), 1);
        try {
            findPreset("web-h264-copy-2");
            QFAIL("the deleted preset is still found");
        } catch (const Error& e) {
            QVERIFY(e.code() == ErrorCode::InvalidArgument);
        }
        QVERIFY(!PresetEditor(m_folder).presetIds().contains(QStringLiteral("web-h264-copy-2")));
        QVERIFY(QFile::exists(QDir(m_folder).filePath(QStringLiteral("web-h264-copy.json")))); // only that one went
    }

    void unreadableFilesAreReportedAndNotReplaced()
    {
        const QString garbage = QDir(m_folder).filePath(QStringLiteral("garbage.json"));
        QVERIFY(writeFile(garbage, "this is not a preset"));
        PresetEditor editor(m_folder);
        editor.setConfirmDeletes(false);
        QVERIFY2(editor.message().contains(QStringLiteral("garbage.json")), qPrintable(editor.message()));
        QVERIFY(!editor.presetIds().contains(QStringLiteral("garbage")));
        editor.newPreset();
        QVERIFY(!editor.currentId().isEmpty());
        child<QLineEdit>(editor, "idEdit")->setText(QStringLiteral("garbage"));
        QString error;
        QVERIFY(!editor.saveCurrent(&error));
        QVERIFY2(error.contains(QStringLiteral("already used")), qPrintable(error));
        QCOMPARE(readFile(garbage), QByteArray("this is not a preset"));
        child<QLineEdit>(editor, "idEdit")->setText(QStringLiteral("my-new"));
        QVERIFY2(editor.saveCurrent(&error), qPrintable(error));
        QCOMPARE(findPreset("my-new").videoCodec, std::string("libx264"));
        QVERIFY(QFile::remove(garbage));
    }
};

QTEST_MAIN(TestUiPresetEditor)
#include "test_ui_preset_editor.moc"
