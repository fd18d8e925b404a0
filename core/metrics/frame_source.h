#pragma once
// Frames of a video, or of the images in a folder in name order, as [3, H, W] float tensors in
// [0, 1]: what the metrics and the benchmark read references and results from.
#include "video/video_frame_reader.h"

#include <torch/types.h>

#include <memory>
#include <string>
#include <vector>

namespace dualx::metrics {

class FrameSource {
public:
    // Throws InvalidArgument for a folder without images, the reader's errors for a video.
    explicit FrameSource(const std::string& path);
    bool next(torch::Tensor& frame); // false at the end; FileUnreadable for a bad image
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
    std::unique_ptr<video::VideoFrameReader> m_reader;
    video::RgbFrame m_frame;
    std::vector<std::string> m_images;
    size_t m_next = 0;
};

// True for the still-image files an image-sequence folder is made of (by extension).
bool isImageFile(const std::string& path);

// Up to maxFrames frames (all when <= 0) as [N, 3, H, W]; InvalidArgument if there are none.
torch::Tensor readFrames(const std::string& path, int64_t maxFrames);

} // namespace dualx::metrics
