#include "engine/optical_flow.h"

#include <opencv2/imgproc.hpp>

namespace dualx::engine {

namespace {
constexpr int kMinFlowSide = 16; // below this DIS has too little to match: zero motion
} // namespace

cv::Mat flowAtSize(cv::DISOpticalFlow& dis, const cv::Mat& from, const cv::Mat& to, cv::Size size)
{
    if (from.cols < kMinFlowSide || from.rows < kMinFlowSide) return cv::Mat::zeros(size, CV_32FC2);
    cv::Mat estimated, result;
    dis.calc(from, to, estimated);
    cv::resize(estimated, result, size, 0, 0, cv::INTER_LINEAR);
    // Displacements in the estimate's pixels, rescaled to the result's.
    return result.mul(cv::Scalar(static_cast<double>(size.width) / from.cols, static_cast<double>(size.height) / from.rows));
}

cv::Mat pixelGrid(cv::Size size)
{
    cv::Mat grid(size, CV_32FC2);
    for (int y = 0; y < size.height; ++y)
        for (int x = 0; x < size.width; ++x) grid.at<cv::Vec2f>(y, x) = cv::Vec2f(static_cast<float>(x), static_cast<float>(y));
    return grid;
}

} // namespace dualx::engine
