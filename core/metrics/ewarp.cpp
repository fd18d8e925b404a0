#include "metrics/ewarp.h"

#include "dualx/errors.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>

namespace dualx::metrics {

namespace {

cv::Mat toMat(const torch::Tensor& rgb) // [3, H, W] -> CV_32FC3
{
    auto hwc = rgb.to(torch::kFloat32).clamp(0, 1).permute({1, 2, 0}).contiguous();
    return cv::Mat(static_cast<int>(hwc.size(0)), static_cast<int>(hwc.size(1)), CV_32FC3, hwc.data_ptr<float>()).clone();
}

cv::Mat toGrey8(const torch::Tensor& rgb)
{
    cv::Mat f = toMat(rgb), grey, grey8;
    cv::cvtColor(f, grey, cv::COLOR_RGB2GRAY);
    grey.convertTo(grey8, CV_8U, 255.0);
    return grey8;
}

// Samples `image` at x + flow(x) (bilinear).
cv::Mat warp(const cv::Mat& image, const cv::Mat& flow)
{
    cv::Mat map(flow.size(), CV_32FC2);
    for (int y = 0; y < flow.rows; ++y)
        for (int x = 0; x < flow.cols; ++x) {
            const auto f = flow.at<cv::Vec2f>(y, x);
            map.at<cv::Vec2f>(y, x) = cv::Vec2f(static_cast<float>(x) + f[0], static_cast<float>(y) + f[1]);
        }
    cv::Mat out;
    cv::remap(image, out, map, cv::noArray(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return out;
}

} // namespace

double ewarp(const torch::Tensor& output, const torch::Tensor& reference)
{
    if (output.dim() != 4 || output.sizes() != reference.sizes() || output.size(1) != 3)
        throw Error(ErrorCode::InvalidArgument, "E_warp needs output and reference of the same [N, 3, H, W] size, got "
                                                    + std::string(c10::str(output.sizes())) + " and "
                                                    + std::string(c10::str(reference.sizes())));
    if (output.size(0) < 2) throw Error(ErrorCode::InvalidArgument, "E_warp needs at least two frames");
    auto dis = cv::DISOpticalFlow::create(cv::DISOpticalFlow::PRESET_MEDIUM);
    double total = 0;
    int pairs = 0;
    for (int64_t t = 1; t < output.size(0); ++t) {
        const cv::Mat prev = toGrey8(reference[t - 1]), next = toGrey8(reference[t]);
        cv::Mat forward, backward; // t-1 -> t and t -> t-1
        dis->calc(prev, next, forward);
        dis->calc(next, prev, backward);
        // Forward-backward consistency (Sundaram et al.): occluded where the round trip misses.
        const cv::Mat backAtForward = warp(backward, forward);
        const cv::Mat warped = warp(toMat(output[t]), forward);
        const cv::Mat previous = toMat(output[t - 1]);
        double sum = 0;
        int64_t count = 0;
        for (int y = 0; y < forward.rows; ++y)
            for (int x = 0; x < forward.cols; ++x) {
                const auto f = forward.at<cv::Vec2f>(y, x), b = backAtForward.at<cv::Vec2f>(y, x);
                const double miss = (f + b).dot(f + b), size = f.dot(f) + b.dot(b);
                if (miss > 0.01 * size + 0.5) continue;
                const cv::Vec3f d = warped.at<cv::Vec3f>(y, x) - previous.at<cv::Vec3f>(y, x);
                sum += (d[0] * d[0] + d[1] * d[1] + d[2] * d[2]) / 3.0;
                ++count;
            }
        if (count == 0) continue; // everything occluded: the pair says nothing
        total += sum / static_cast<double>(count);
        ++pairs;
    }
    return pairs == 0 ? 0.0 : 1000.0 * total / pairs;
}

} // namespace dualx::metrics
