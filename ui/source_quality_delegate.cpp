#include "source_quality_delegate.h"

#include "job.h"

#include <QComboBox>

namespace dualx::ui {

void showSourceQuality(QComboBox* box, double condition)
{
    box->clear();
    for (const auto& choice : sourceQualityChoices()) box->addItem(choice.label, choice.condition);
    if (box->findData(condition) < 0) box->addItem(sourceQualityName(condition), condition);
    box->setCurrentIndex(box->findData(condition));
}

QWidget* SourceQualityDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const
{
    auto* box = new QComboBox(parent);
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
    showSourceQuality(static_cast<QComboBox*>(editor), index.data(Qt::EditRole).toDouble());
}

void SourceQualityDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    model->setData(index, static_cast<QComboBox*>(editor)->currentData(), Qt::EditRole);
}

} // namespace dualx::ui
