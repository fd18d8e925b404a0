#pragma once
// Ground-truth training clips from real material: video files (decoded with the project's own
// FFmpeg reader) and photos turned into short videos by synthetic camera motion (sub-pixel
// pans, slow zooms, small rotations, per-frame jitter), so the network sees real textures move.
#include <opencv2/core/mat.hpp>
#include <torch/types.h>

#include <functional>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace dualx::train {

struct DataSpec;

// Expands files and folders (recursively) into media files, skipping `excluded` ones. In a
// folder holding one picture at several resolutions (files named WIDTHxHEIGHT.ext), only the
// largest is kept. A listed path that does not exist throws FileNotFound, a listed file of the
// other kind InvalidArgument: a recipe never trains silently on less than it names.
std::vector<std::string> listPhotoFiles(const std::vector<std::string>& paths, const std::set<std::string>& excluded);
std::vector<std::string> listVideoFiles(const std::vector<std::string>& paths, const std::set<std::string>& excluded);
bool isVideoPath(const std::string& path);
// Throws FileNotFound naming `path` (and the install script) when it does not exist.
void requireDataPath(const std::string& path);
// A recipe's held-out files, each required to exist, as canonical paths: the `excluded` set of
// the listings above.
std::set<std::string> heldOutSet(const std::vector<std::string>& validation);

class ClipLibrary {
public:
    using Logger = std::function<void(const std::string&)>;

    // Decodes and caches the material (photos downscaled to spec.maxPhotoSide, videos scaled by
    // spec.videoScale and capped at spec.maxVideoFrames). Throws InvalidArgument when nothing
    // usable was found; skips (and logs) unreadable files.
    ClipLibrary(const std::vector<std::string>& photos, const std::vector<std::string>& videos, const DataSpec& spec, const Logger& log);

    // A clip of `frames` RGB frames of gtSize x gtSize in [0, 1]: [frames, 3, gtSize, gtSize],
    // from a video with probability spec.videoFraction when there are both videos and photos.
    torch::Tensor sampleClip(std::mt19937_64& rng, int frames, int gtSize) const;
    torch::Tensor samplePhotoClip(std::mt19937_64& rng, int frames, int gtSize) const;
    torch::Tensor sampleVideoClip(std::mt19937_64& rng, int frames, int gtSize) const;

    size_t photoCount() const { return m_photos.size(); }
    size_t videoCount() const { return m_videos.size(); }
    int64_t videoFrameCount() const;
    // The decoded material (what a source pack carries elsewhere, source_pack_packing.h).
    const std::vector<cv::Mat>& photos() const { return m_photos; }
    const std::vector<std::vector<cv::Mat>>& videos() const { return m_videos; }

private:
    std::vector<cv::Mat> m_photos;              // RGB, 8-bit
    std::vector<std::vector<cv::Mat>> m_videos; // RGB, 8-bit, per video
    double m_videoFraction = 0.5;
    double m_photoSpeed = 2.5; // GT pixels per frame, at most, each axis
    double m_photoScaleMin = 0.35, m_photoScaleMax = 1.0;
    bool m_photoSupersample = false; // warp at the photo's resolution, then area-average down
};

// [H, W, 3] RGB uint8 Mat -> [3, H, W] float tensor in [0, 1] (a copy).
torch::Tensor matToTensor(const cv::Mat& rgb);

} // namespace dualx::train
