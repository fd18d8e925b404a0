#pragma once
// Draws the queue's progress column as a progress bar (the model gives a percentage).
#include <QStyledItemDelegate>

namespace dualx::ui {

class ProgressDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace dualx::ui
