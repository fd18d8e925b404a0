#include "metrics/brisque.h"

#include "dualx/errors.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/quality/qualitybrisque.hpp>

#include <cstdlib>
#include <filesystem>

namespace dualx::metrics {

namespace {

cv::Mat toBgr8(const torch::Tensor& rgb)
{
    if (rgb.dim() != 3 || rgb.size(0) != 3)
        throw Error(ErrorCode::InvalidArgument, "BRISQUE expects a [3, H, W] RGB frame, got " + std::string(c10::str(rgb.sizes())));
    auto hwc = (rgb.clamp(0, 1) * 255.0).round().to(torch::kUInt8).permute({1, 2, 0}).contiguous();
    cv::Mat image(static_cast<int>(hwc.size(0)), static_cast<int>(hwc.size(1)), CV_8UC3, hwc.data_ptr<uint8_t>());
    cv::Mat bgr;
    cv::cvtColor(image, bgr, cv::COLOR_RGB2BGR);
    return bgr;
}

} // namespace

std::string brisqueModelFolder()
{
    const char* env = std::getenv("DUALX_BRISQUE_DIR");
    const std::string folder = env && *env ? env : "/usr/share/opencv4/quality";
    for (const char* file : {"brisque_model_live.yml", "brisque_range_live.yml"})
        if (!std::filesystem::exists(std::filesystem::path(folder) / file))
            throw Error(ErrorCode::FileNotFound, std::string("BRISQUE model ") + file + " is not in " + folder
                                                     + " (Debian package opencv-data, or set DUALX_BRISQUE_DIR)");
    return folder;
}

double brisque(const torch::Tensor& rgb)
{
    const auto folder = brisqueModelFolder();
    const cv::Mat bgr = toBgr8(rgb);
    if (bgr.rows < 16 || bgr.cols < 16)
        throw Error(ErrorCode::InvalidArgument,
                    "BRISQUE needs at least 16x16 pixels, got " + std::to_string(bgr.cols) + "x" + std::to_string(bgr.rows));
    return cv::quality::QualityBRISQUE::compute(bgr, folder + "/brisque_model_live.yml", folder + "/brisque_range_live.yml")[0];
}

double meanBrisque(const torch::Tensor& frames)
{
    double sum = 0;
    for (int64_t i = 0; i < frames.size(0); ++i) sum += brisque(frames[i]);
    return sum / static_cast<double>(frames.size(0));
}

} // namespace dualx::metrics
