#include "engine/neighbour_alignment.h"

#include "dualx/errors.h"

#include <ATen/Parallel.h>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>

#include <torch/torch.h>

#include <vector>

namespace dualx::engine {

namespace {

constexpr int kFlowUpscale = 2;  // the flow runs on the luma at this multiple of the input's size
constexpr int kMinFlowSide = 16; // below this (upscaled) no flow is estimated: zero motion

// Where each pixel of `from` lies in `to` (CV_32FC2, input pixels), from upscaled 8-bit lumas.
cv::Mat flowBetween(cv::DISOpticalFlow& dis, const cv::Mat& from, const cv::Mat& to, cv::Size size)
{
    if (from.cols < kMinFlowSide || from.rows < kMinFlowSide) return cv::Mat::zeros(size, CV_32FC2);
    cv::Mat fine, flow;
    dis.calc(from, to, fine);
    cv::resize(fine, flow, size, 0, 0, cv::INTER_AREA);
    return flow * (1.0 / kFlowUpscale);
}

} // namespace

torch::Tensor alignedNeighbours(const torch::Tensor& clip)
{
    if (clip.dim() != 5 || clip.size(2) != 3)
        throw Error(ErrorCode::InvalidArgument,
                    "aligned neighbours: the clip must be [B, N, 3, H, W], got " + std::string(c10::str(clip.sizes())));
    cv::setNumThreads(at::get_num_threads()); // OpenCV's own pool would take every core
    const int64_t b = clip.size(0), n = clip.size(1);
    const int h = static_cast<int>(clip.size(3)), w = static_cast<int>(clip.size(4));
    const auto hwc = clip.detach().to(torch::kCPU, torch::kFloat32).permute({0, 1, 3, 4, 2}).contiguous();
    auto result = torch::empty({b, n, h, w, 6}, torch::kFloat32);
    const cv::Size size(w, h);
    cv::Mat grid(size, CV_32FC2);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) grid.at<cv::Vec2f>(y, x) = cv::Vec2f(static_cast<float>(x), static_cast<float>(y));
    auto dis = cv::DISOpticalFlow::create(cv::DISOpticalFlow::PRESET_FAST);

    for (int64_t i = 0; i < b; ++i) {
        std::vector<cv::Mat> rgb(static_cast<size_t>(n)), luma(static_cast<size_t>(n));
        for (int64_t t = 0; t < n; ++t) {
            rgb[t] = cv::Mat(h, w, CV_32FC3, hwc[i][t].data_ptr<float>());
            cv::Mat grey, fine;
            cv::cvtColor(rgb[t], grey, cv::COLOR_RGB2GRAY);
            cv::resize(grey, fine, cv::Size(w * kFlowUpscale, h * kFlowUpscale), 0, 0, cv::INTER_CUBIC);
            fine.convertTo(luma[t], CV_8U, 255.0);
        }
        for (int64_t t = 0; t < n; ++t) {
            cv::Mat out(h, w, CV_32FC(6), result[i][t].data_ptr<float>());
            cv::Mat sides[2];
            for (int side = 0; side < 2; ++side) {
                const int64_t u = side == 0 ? t - 1 : t + 1;
                if (u < 0 || u >= n) {
                    sides[side] = rgb[t];
                    continue;
                }
                cv::Mat map;
                cv::add(grid, flowBetween(*dis, luma[t], luma[u], size), map);
                cv::remap(rgb[u], sides[side], map, cv::noArray(), cv::INTER_CUBIC, cv::BORDER_REPLICATE);
            }
            cv::merge(sides, 2, out);
        }
    }
    return result.permute({0, 1, 4, 2, 3}).to(clip.device(), clip.scalar_type()).clamp_(0, 1);
}

torch::Tensor forwardNetwork(model::DualXVSR& net, const torch::Tensor& clip, const torch::Tensor& sourceCondition)
{
    if (!net->config().neighbourInput) return net->forward(clip, sourceCondition);
    return net->forward(clip, sourceCondition, alignedNeighbours(clip));
}

} // namespace dualx::engine
