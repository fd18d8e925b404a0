#include "progress_delegate.h"

#include <QApplication>
#include <QStyle>
#include <QStyleOptionProgressBar>

namespace dualx::ui {

void ProgressDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyledItemDelegate::paint(painter, option, QModelIndex()); // background and selection only
    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(4, option.rect.height() / 2 - 9, -4, -(option.rect.height() / 2 - 9));
    bar.minimum = 0;
    bar.maximum = 100;
    bar.progress = index.data().toInt();
    bar.text = QStringLiteral("%1 %").arg(bar.progress);
    bar.textVisible = true;
    bar.state = option.state | QStyle::State_Horizontal;
    const QWidget* widget = option.widget;
    (widget ? widget->style() : QApplication::style())->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}

} // namespace dualx::ui
