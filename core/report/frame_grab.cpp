#include "report/frame_grab.h"

#include "dualx/errors.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace dualx::report {

namespace {

cv::Mat toBgr8(const torch::Tensor& chw)
{
    auto hwc = (chw.clamp(0, 1) * 255.0).round().to(torch::kUInt8).permute({1, 2, 0}).contiguous();
    cv::Mat rgb(static_cast<int>(hwc.size(0)), static_cast<int>(hwc.size(1)), CV_8UC3, hwc.data_ptr<uint8_t>());
    cv::Mat bgr;
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
    return bgr;
}

// The crop window with the most gradient energy in the reference: where methods differ most.
cv::Rect busiestWindow(const cv::Mat& bgr, int side)
{
    cv::Mat grey, gx, gy, energy, integral;
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    cv::Sobel(grey, gx, CV_32F, 1, 0);
    cv::Sobel(grey, gy, CV_32F, 0, 1);
    energy = gx.mul(gx) + gy.mul(gy);
    cv::integral(energy, integral, CV_64F);
    cv::Rect best(0, 0, side, side);
    double bestSum = -1;
    const int step = std::max(1, side / 4);
    for (int y = 0; y + side <= bgr.rows; y += step)
        for (int x = 0; x + side <= bgr.cols; x += step) {
            const double sum = integral.at<double>(y + side, x + side) - integral.at<double>(y, x + side) - integral.at<double>(y + side, x)
                               + integral.at<double>(y, x);
            if (sum > bestSum) bestSum = sum, best = cv::Rect(x, y, side, side);
        }
    return best;
}

} // namespace

void writeFrameGrab(const std::vector<std::pair<std::string, torch::Tensor>>& panels, const std::string& pngPath, int cropSide, int zoom)
{
    if (panels.empty()) throw Error(ErrorCode::InvalidArgument, "a frame grab needs at least one panel");
    const cv::Mat reference = toBgr8(panels.front().second);
    const int side = std::min({cropSide, reference.rows, reference.cols});
    const cv::Rect window = busiestWindow(reference, side);
    constexpr int kLabelHeight = 28, kGap = 4;
    const int panelSide = side * zoom;
    cv::Mat sheet(panelSide + kLabelHeight, static_cast<int>(panels.size()) * (panelSide + kGap) - kGap, CV_8UC3, cv::Scalar::all(255));
    for (size_t i = 0; i < panels.size(); ++i) {
        const auto& [label, frame] = panels[i];
        if (frame.sizes() != panels.front().second.sizes())
            throw Error(ErrorCode::InvalidArgument, "frame grab panel '" + label + "' differs in size from '" + panels.front().first + "'");
        cv::Mat crop;
        cv::resize(toBgr8(frame)(window), crop, {panelSide, panelSide}, 0, 0, cv::INTER_NEAREST);
        const int x = static_cast<int>(i) * (panelSide + kGap);
        crop.copyTo(sheet(cv::Rect(x, kLabelHeight, panelSide, panelSide)));
        cv::putText(sheet, label, {x + 4, 20}, cv::FONT_HERSHEY_SIMPLEX, 0.55, cv::Scalar::all(0), 1, cv::LINE_AA);
    }
    if (!cv::imwrite(pngPath, sheet)) throw Error(ErrorCode::FileUnwritable, "cannot write '" + pngPath + "'");
}

} // namespace dualx::report
