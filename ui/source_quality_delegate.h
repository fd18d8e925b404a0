#pragma once
// Edits the queue's source-quality column with the named qualities (clean, unknown, degraded)
// in a combo box, keeping a job's custom value as an extra entry; writes the condition (0..1).
#include <QStyledItemDelegate>

class QComboBox;

namespace dualx::ui {

// Fills `box` with the named source qualities and selects `condition`; a value between the named
// ones (from the CLI's scale or set by hand) is kept as an extra "Custom" entry. Also used by
// the settings dialog.
void showSourceQuality(QComboBox* box, double condition);

class SourceQualityDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
};

} // namespace dualx::ui
