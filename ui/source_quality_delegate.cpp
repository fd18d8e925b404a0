#include "source_quality_delegate.h"

#include "job.h"

#include <QComboBox>

namespace dualx::ui {

QWidget* SourceQualityDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const
{
    auto* box = new QComboBox(parent);
    for (const auto& choice : sourceQualityChoices()) box->addItem(choice.label, choice.condition);
    // Commit as soon as a quality is picked, as a menu would.
    connect(box, &QComboBox::activated, this, [this, box] {
        auto* self = const_cast<SourceQualityDelegate*>(this);
        Q_EMIT self->commitData(box);
        Q_EMIT self->closeEditor(box);
    });
    return box;
}

void SourceQualityDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    auto* box = static_cast<QComboBox*>(editor);
    const double condition = index.data(Qt::EditRole).toDouble();
    int row = box->findData(condition);
    if (row < 0) { // a value between the named ones (from the CLI's scale or an older setting): keep it
        box->addItem(sourceQualityName(condition), condition);
        row = box->count() - 1;
    }
    box->setCurrentIndex(row);
}

void SourceQualityDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    model->setData(index, static_cast<QComboBox*>(editor)->currentData(), Qt::EditRole);
}

} // namespace dualx::ui
