#include "engine/neighbour_alignment.h"

#include "dualx/errors.h"
#include "engine/optical_flow.h"

#include <ATen/Parallel.h>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

#include <torch/torch.h>

#include <vector>

namespace dualx::engine {

namespace {
constexpr int kFlowUpscale = 2; // the flow runs on the luma at this multiple of the input's size
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
    const cv::Mat grid = pixelGrid(size);
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
                cv::add(grid, flowAtSize(*dis, luma[t], luma[u], size), map);
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
