#pragma once
// The export-preset manager: lists the built-in and user presets, edits user presets in a form
// with a live JSON preview, and saves, imports, exports and deletes them. Every file goes through
// dualx/export_preset.h so that what the editor writes is exactly what the CLI (`dualx presets`)
// reads: one `<folder>/<id>.json` per user preset.
#include "dualx/export_preset.h"

#include <QDialog>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QWidget;

namespace dualx::ui {

class PresetEditor : public QDialog {
    Q_OBJECT
public:
    // `folder` holds the user presets; built-ins are always listed and read-only.
    explicit PresetEditor(QString folder = QString::fromStdString(userPresetFolder()), QWidget* parent = nullptr);

    QString folder() const { return m_folder; }
    // Ids in list order: built-ins first, then user presets and unsaved drafts.
    QStringList presetIds() const;
    QString currentId() const;
    // The preset as the editor holds it now (unsaved edits included); nullopt for an unknown id.
    std::optional<ExportPreset> preset(const QString& id) const;
    bool isBuiltIn(const QString& id) const;
    bool hasUnsavedChanges() const;
    // The text of the message line under the form (errors, "saved", skipped files).
    QString message() const;

    void selectPreset(const QString& id);
    // A fresh editable draft (not written until saved).
    void newPreset();
    // An editable draft copy of the selected preset: id "<id>-copy" (then "-copy-2", …),
    // name "<name> (copy)"; it becomes the selection.
    void duplicateSelected();
    // Removes the selected user preset's file (after asking, see setConfirmDeletes) or drops an
    // unsaved draft. False for built-ins, on refusal or when the file cannot be removed.
    bool deleteSelected();
    // Validates the selected preset (JSON round trip, FFmpeg availability, free id that is not a
    // built-in's) and writes it; on failure the reason is shown in the dialog and nothing is written.
    bool saveCurrent(QString* error = nullptr);
    // Drops the unsaved edits of the selected preset.
    void revertCurrent();
    // Adds a preset .json file to the user folder; an id that is taken gets a free one ("<id>-2").
    bool importFile(const QString& path, QString* error = nullptr);
    // Writes a preset (as currently edited) to `path` as JSON.
    bool exportPreset(const QString& id, const QString& path, QString* error = nullptr);

    // Deleting a file and discarding unsaved edits on close ask first; tests switch that off.
    void setConfirmDeletes(bool confirm) { m_confirm = confirm; }

    // Closing with unsaved edits asks whether to discard them.
    void done(int result) override;

Q_SIGNALS:
    // A preset file was written or removed (save, import, delete).
    void presetsChanged();

private:
    struct Entry {
        ExportPreset preset;                // what the form shows
        std::optional<ExportPreset> stored; // as on disk; nullopt for a draft never saved
        QString storedPath;                 // its file; empty for built-ins and drafts
        bool dirty() const;
    };
    enum class MessageKind { None, Info, Warning, Error };

    void buildUi();
    QWidget* buildListPanel();
    QWidget* buildFormPanel(); // in a scroll area
    QGroupBox* buildGeneralGroup(QWidget* parent);
    QGroupBox* buildVideoGroup(QWidget* parent);
    QGroupBox* buildStreamsGroup(QWidget* parent);
    QGroupBox* buildScaleGroup(QWidget* parent);
    QWidget* buildPreviewPanel();
    void connectEditors();
    void loadEntries();
    int addEntry(Entry entry);
    int indexOf(const QString& id) const;
    void rebuildList();
    void updateItem(int row);
    void selectRow(int row);
    void showEntry(int row);
    void fillForm(const ExportPreset& p);
    void syncFromForm();
    void onFormEdited();
    void onCodecChanged();
    void onContainerChanged();
    void fillCodecLists(const QString& codec, const QString& pixelFormat, const QString& encoderPreset);
    void updateScaleWidgets();
    void updateButtons();
    void setFormEditable(bool editable);
    QString validate(int row) const;
    bool idTaken(const QString& id, int exceptRow) const;
    QString uniqueId(const QString& first, const QString& stem, int exceptRow) const;
    void showMessage(const QString& text, MessageKind kind);
    void clearMessage();
    void importWithDialog();
    void exportWithDialog();

    QString m_folder;
    std::vector<Entry> m_entries;
    int m_current = -1;
    bool m_loading = false; // filling the form: its change signals are not edits
    bool m_confirm = true;
    MessageKind m_messageKind = MessageKind::None;
    bool m_errorShown = false; // a save error is on screen: re-check it live while the user fixes it
    QString m_lastDir;         // where the last import/export file dialog was
    QString m_optionsError;    // a line of the options box that is not key=value

    QListWidget* m_list = nullptr;
    QLineEdit *m_id = nullptr, *m_name = nullptr, *m_extension = nullptr;
    QPlainTextEdit *m_description = nullptr, *m_options = nullptr, *m_preview = nullptr;
    QComboBox *m_container = nullptr, *m_codec = nullptr, *m_pixelFormat = nullptr, *m_encoderPreset = nullptr;
    QComboBox *m_audioPolicy = nullptr, *m_subtitlePolicy = nullptr, *m_audioCodec = nullptr, *m_scaleMode = nullptr;
    QSpinBox *m_crf = nullptr, *m_bitRate = nullptr, *m_audioBitRate = nullptr, *m_targetHeight = nullptr;
    QDoubleSpinBox* m_scaleFactor = nullptr;
    QCheckBox *m_squarePixels = nullptr, *m_bakeRotation = nullptr;
    QLabel *m_readOnlyNote = nullptr, *m_message = nullptr;
    QPushButton *m_newButton = nullptr, *m_duplicateButton = nullptr, *m_deleteButton = nullptr;
    QPushButton *m_importButton = nullptr, *m_exportButton = nullptr, *m_revertButton = nullptr;
    QPushButton *m_saveButton = nullptr, *m_closeButton = nullptr;
    std::vector<QWidget*> m_editors; // the inputs that built-ins disable
};

} // namespace dualx::ui
