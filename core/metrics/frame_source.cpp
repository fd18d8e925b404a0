#include "metrics/frame_source.h"

#include "dualx/errors.h"
#include "file_extension.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <filesystem>

namespace dualx::metrics {

namespace fs = std::filesystem;

bool isImageFile(const std::string& path)
{
    const auto ext = lowercaseExtension(path);
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".bmp" || ext == ".tif" || ext == ".tiff";
}

FrameSource::FrameSource(const std::string& path) : m_path(path)
{
    if (fs::is_directory(path)) {
        for (const auto& e : fs::directory_iterator(path))
            if (isImageFile(e.path().string())) m_images.push_back(e.path().string());
        std::sort(m_images.begin(), m_images.end());
        if (m_images.empty()) throw Error(ErrorCode::InvalidArgument, "folder '" + path + "' holds no images");
    } else {
        m_reader = std::make_unique<video::VideoFrameReader>(path);
    }
}

bool FrameSource::next(torch::Tensor& frame)
{
    cv::Mat rgb;
    if (m_reader) {
        if (!m_reader->read(m_frame)) return false;
        rgb = cv::Mat(m_frame.height, m_frame.width, CV_8UC3, m_frame.rgb.data());
    } else {
        if (m_next >= m_images.size()) return false;
        cv::Mat bgr = cv::imread(m_images[m_next], cv::IMREAD_COLOR);
        if (bgr.empty()) throw Error(ErrorCode::FileUnreadable, "image '" + m_images[m_next] + "' cannot be read");
        ++m_next;
        cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    }
    frame = torch::from_blob(rgb.data, {rgb.rows, rgb.cols, 3}, torch::kUInt8).permute({2, 0, 1}).to(torch::kFloat32).div(255.0);
    return true;
}

torch::Tensor readFrames(const std::string& path, int64_t maxFrames)
{
    FrameSource source(path);
    std::vector<torch::Tensor> frames;
    torch::Tensor f;
    while ((maxFrames <= 0 || static_cast<int64_t>(frames.size()) < maxFrames) && source.next(f)) frames.push_back(f.clone());
    if (frames.empty()) throw Error(ErrorCode::InvalidArgument, "'" + path + "' has no frames");
    return torch::stack(frames);
}

} // namespace dualx::metrics
