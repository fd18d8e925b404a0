#pragma once
// Video-codec degradation (RealBasicVSR): a clip goes through a real encoder at a low bit rate
// and back through its decoder, in memory with libavcodec (no files, no subprocess), so the
// network learns blocking, ringing and temporal artefacts that codecs actually make.
#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace dualx::train {

struct CompressionSettings {
    // "libx264" (high profile), "h264" (x264 baseline profile), "mpeg4" (ASP) or "mpeg2video".
    std::string codec = "libx264";
    int64_t bitRate = 0; // bit/s; used when quality is 0
    // Constant quality instead of a bit rate, as cameras and home encoders run: x264's CRF
    // (0-51) or the MPEG encoders' fixed quantiser (2-31). 0: rate control by bitRate.
    int quality = 0;
    // Field-based coding (interlaced DCT and motion estimation, top field first), as DVD and
    // broadcast MPEG-2 and interlaced H.264 store SD video.
    bool interlaced = false;
};

// frames: RGB CV_8UC3, all the same size (odd sizes are padded and cropped back). Deterministic:
// one encoder thread, and x264 on its CPU-independent code paths. Throws
// dualx::Error(InvalidArgument) for unknown codecs or settings, Internal for codec failures.
std::vector<cv::Mat> compressVideo(const std::vector<cv::Mat>& frames, const CompressionSettings& settings);
std::vector<cv::Mat> compressVideo(const std::vector<cv::Mat>& frames, const std::string& codec, int64_t bitRate);

} // namespace dualx::train
