#pragma once
// Video-codec degradation (RealBasicVSR): a clip goes through a real encoder at a low bit rate
// and back through its decoder, in memory with libavcodec (no files, no subprocess), so the
// network learns blocking, ringing and temporal artefacts that codecs actually make.
#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace dualx::train {

// frames: RGB CV_8UC3, all the same size (odd sizes are padded and cropped back).
// codec: "libx264" (high profile), "h264" (x264 baseline profile) or "mpeg4". Deterministic: one
// encoder thread. Throws dualx::Error(InvalidArgument) for unknown codecs, Internal for codec failures.
std::vector<cv::Mat> compressVideo(const std::vector<cv::Mat>& frames, const std::string& codec, int64_t bitRate);

} // namespace dualx::train
