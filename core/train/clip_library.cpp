#include "train/clip_library.h"

#include "dualx/errors.h"
#include "file_extension.h"
#include "train/recipe.h"
#include "video/video_frame_reader.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <numbers>
#include <regex>

namespace dualx::train {

namespace fs = std::filesystem;

namespace {

constexpr int kMinVideoSide = 256;
const std::set<std::string> kPhotoExtensions = {".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tif", ".tiff"};
const std::set<std::string> kVideoExtensions = {".mp4", ".avi", ".mkv", ".mov", ".ogv", ".webm", ".m4v", ".mpg", ".mpeg"};

std::vector<std::string> listFiles(const std::vector<std::string>& paths, const std::set<std::string>& extensions, const char* kind,
                                   const std::set<std::string>& excluded)
{
    std::vector<fs::path> found;
    for (const auto& p : paths) {
        std::error_code ec;
        requireDataPath(p);
        if (fs::is_directory(p, ec)) {
            for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
                 it != fs::recursive_directory_iterator(); it.increment(ec))
                if (it->is_regular_file(ec) && extensions.count(lowercaseExtension(it->path().string()))) found.push_back(it->path());
        } else if (extensions.count(lowercaseExtension(p))) {
            found.emplace_back(p);
        } else {
            // A file named on its own is meant to be read: one of the wrong kind is a recipe error.
            throw Error(ErrorCode::InvalidArgument, "training data '" + p + "' is not a " + kind + " file (by its extension)");
        }
    }
    // One picture at several resolutions (e.g. Plasma wallpapers' contents/images/1920x1080.jpg):
    // keep the largest per folder.
    static const std::regex resolutionName(R"((\d+)x(\d+))");
    std::map<fs::path, std::pair<int64_t, fs::path>> largestPerFolder;
    std::vector<std::string> out;
    for (const auto& f : found) {
        if (excluded.count(fs::weakly_canonical(f).string())) continue;
        std::smatch m;
        const std::string stem = f.stem().string();
        if (std::regex_match(stem, m, resolutionName)) {
            const int64_t pixels = std::stoll(m[1]) * std::stoll(m[2]);
            auto& best = largestPerFolder[f.parent_path()];
            if (pixels > best.first) best = {pixels, f};
            continue;
        }
        out.push_back(f.string());
    }
    for (const auto& [_, best] : largestPerFolder) out.push_back(best.second.string());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

cv::Mat loadPhoto(const std::string& path, int maxSide)
{
    cv::Mat bgr = cv::imread(path, cv::IMREAD_COLOR);
    if (bgr.empty()) return {};
    const int longSide = std::max(bgr.cols, bgr.rows);
    if (longSide > maxSide) {
        const double s = static_cast<double>(maxSide) / longSide;
        cv::resize(bgr, bgr, cv::Size(), s, s, cv::INTER_AREA);
    }
    cv::Mat rgb;
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    return rgb;
}

std::vector<cv::Mat> loadVideo(const std::string& path, const DataSpec& spec)
{
    std::vector<cv::Mat> frames;
    for (auto& f : video::readAllFrames(path, spec.maxVideoFrames)) {
        cv::Mat rgb(f.height, f.width, CV_8UC3, f.rgb.data());
        // Downscaling cleans compression artefacts out of the ground truth, but small videos
        // keep a short side of at least kMinVideoSide (or their own size).
        const int shortSide = std::min(f.width, f.height);
        const double scale = std::min(1.0, std::max(spec.videoScale, static_cast<double>(kMinVideoSide) / shortSide));
        cv::Mat scaled;
        if (scale < 1.0)
            cv::resize(rgb, scaled, cv::Size(), scale, scale, cv::INTER_AREA);
        else
            scaled = rgb.clone();
        frames.push_back(scaled);
    }
    return frames;
}

double uniform(std::mt19937_64& rng, double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); }

} // namespace

bool isVideoPath(const std::string& path) { return kVideoExtensions.count(lowercaseExtension(path)) > 0; }

void requireDataPath(const std::string& path)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw Error(ErrorCode::FileNotFound, "training data '" + path
                                                 + "' does not exist (packaging/install-training-data.sh installs what the "
                                                   "committed recipes read)");
}

std::set<std::string> heldOutSet(const std::vector<std::string>& validation)
{
    std::set<std::string> out;
    for (const auto& p : validation) {
        requireDataPath(p);
        out.insert(fs::weakly_canonical(p).string());
    }
    return out;
}

std::vector<std::string> listPhotoFiles(const std::vector<std::string>& paths, const std::set<std::string>& excluded)
{
    return listFiles(paths, kPhotoExtensions, "photo", excluded);
}

std::vector<std::string> listVideoFiles(const std::vector<std::string>& paths, const std::set<std::string>& excluded)
{
    return listFiles(paths, kVideoExtensions, "video", excluded);
}

torch::Tensor matToTensor(const cv::Mat& rgb)
{
    cv::Mat continuous = rgb.isContinuous() ? rgb : rgb.clone();
    return torch::from_blob(continuous.data, {continuous.rows, continuous.cols, 3}, torch::kUInt8)
        .permute({2, 0, 1})
        .to(torch::kFloat32)
        .div(255.0);
}

ClipLibrary::ClipLibrary(const std::vector<std::string>& photos, const std::vector<std::string>& videos, const DataSpec& spec,
                         const Logger& log)
    : m_videoFraction(spec.videoFraction),
      m_photoSpeed(spec.photoSpeed),
      m_photoScaleMin(spec.photoScaleMin),
      m_photoScaleMax(spec.photoScaleMax),
      m_photoSupersample(spec.photoSupersample)
{
    for (const auto& path : photos) {
        auto img = loadPhoto(path, spec.maxPhotoSide);
        if (img.empty()) {
            if (log) log("skipping unreadable photo " + path);
            continue;
        }
        m_photos.push_back(img);
    }
    for (const auto& path : videos) {
        try {
            auto frames = loadVideo(path, spec);
            if (frames.empty()) {
                if (log) log("skipping video without frames " + path);
                continue;
            }
            m_videos.push_back(std::move(frames));
        } catch (const Error& e) {
            if (log) log(std::string("skipping video: ") + e.what());
        }
    }
    if (m_photos.empty() && m_videos.empty()) throw Error(ErrorCode::InvalidArgument, "no usable photos or videos in the data lists");
}

int64_t ClipLibrary::videoFrameCount() const
{
    int64_t n = 0;
    for (const auto& v : m_videos) n += static_cast<int64_t>(v.size());
    return n;
}

torch::Tensor ClipLibrary::sampleClip(std::mt19937_64& rng, int frames, int gtSize) const
{
    const bool useVideo = m_photos.empty() || (!m_videos.empty() && uniform(rng, 0, 1) < m_videoFraction);
    return useVideo ? sampleVideoClip(rng, frames, gtSize) : samplePhotoClip(rng, frames, gtSize);
}

torch::Tensor ClipLibrary::samplePhotoClip(std::mt19937_64& rng, int frames, int gtSize) const
{
    if (m_photos.empty()) throw Error(ErrorCode::InvalidArgument, "no photos to sample from");
    const cv::Mat& photo = m_photos[std::uniform_int_distribution<size_t>(0, m_photos.size() - 1)(rng)];

    // Camera: photo-to-GT scale, start point, velocity (GT px/frame), zoom and rotation rates.
    // Never so small that the clip's frame reaches past the photo (the border would be mirrored in).
    const double cover = std::min(1.0, gtSize * 1.25 / std::min(photo.cols, photo.rows));
    const double scale = std::max(cover, uniform(rng, m_photoScaleMin, m_photoScaleMax));
    const bool still = uniform(rng, 0, 1) < 0.15;
    const double vx = still ? 0 : uniform(rng, -m_photoSpeed, m_photoSpeed), vy = still ? 0 : uniform(rng, -m_photoSpeed, m_photoSpeed);
    const double zoomRate = still ? 0 : uniform(rng, -0.012, 0.012);
    const double spinRate = still ? 0 : uniform(rng, -0.4, 0.4) * std::numbers::pi / 180.0;
    std::normal_distribution<double> jitter(0.0, 0.25);

    // Work on the photo region the clip can touch. Plain: scaled once with area averaging so the
    // warp below only resamples near 1:1 (no aliasing). Supersampled: warped at the photo's own
    // resolution (`fine` photo pixels per GT pixel) and area-averaged down to the GT's.
    const double reach = (gtSize * 1.6 + frames * 4.0 * (std::abs(vx) + std::abs(vy) + 2.0)) / scale;
    const int roiW = std::min(photo.cols, static_cast<int>(std::ceil(reach)));
    const int roiH = std::min(photo.rows, static_cast<int>(std::ceil(reach)));
    const int x0 = std::uniform_int_distribution<int>(0, photo.cols - roiW)(rng);
    const int y0 = std::uniform_int_distribution<int>(0, photo.rows - roiH)(rng);
    const double fine = m_photoSupersample ? 1.0 / scale : 1.0;
    cv::Mat region = photo(cv::Rect(x0, y0, roiW, roiH));
    if (!m_photoSupersample) cv::resize(region, region, cv::Size(), scale, scale, cv::INTER_AREA);

    const double cx = region.cols / 2.0 - fine * vx * frames / 2.0, cy = region.rows / 2.0 - fine * vy * frames / 2.0;
    const int fineSize = static_cast<int>(std::lround(gtSize * fine));
    std::vector<torch::Tensor> out;
    cv::Mat warped, frame;
    for (int i = 0; i < frames; ++i) {
        const double zoom = std::pow(1.0 + zoomRate, i), angle = spinRate * i;
        const double c = std::cos(angle) / zoom, s = std::sin(angle) / zoom;
        const double px = cx + fine * vx * i + fine * jitter(rng), py = cy + fine * vy * i + fine * jitter(rng);
        // Inverse map: warp pixel (x, y) -> region point centre + R(angle)/zoom * (x - F/2, y - F/2).
        const double half = fineSize / 2.0;
        cv::Matx23d m(c, -s, px - c * half + s * half, s, c, py - s * half - c * half);
        cv::warpAffine(region, warped, m, cv::Size(fineSize, fineSize), cv::INTER_CUBIC | cv::WARP_INVERSE_MAP, cv::BORDER_REFLECT101);
        if (fineSize != gtSize)
            cv::resize(warped, frame, cv::Size(gtSize, gtSize), 0, 0, cv::INTER_AREA);
        else
            frame = warped;
        out.push_back(matToTensor(frame));
    }
    return torch::stack(out);
}

torch::Tensor ClipLibrary::sampleVideoClip(std::mt19937_64& rng, int frames, int gtSize) const
{
    if (m_videos.empty()) throw Error(ErrorCode::InvalidArgument, "no videos to sample from");
    const auto& video = m_videos[std::uniform_int_distribution<size_t>(0, m_videos.size() - 1)(rng)];
    const int64_t count = static_cast<int64_t>(video.size());
    const int64_t start = std::uniform_int_distribution<int64_t>(0, std::max<int64_t>(0, count - frames))(rng);
    const cv::Mat& first = video[static_cast<size_t>(start)];
    // Frames smaller than the crop are enlarged: rare, only for tiny sources.
    const double enlarge = std::max(1.0, static_cast<double>(gtSize) / std::min(first.cols, first.rows));
    const int w = static_cast<int>(std::ceil(first.cols * enlarge)), h = static_cast<int>(std::ceil(first.rows * enlarge));
    const int x0 = std::uniform_int_distribution<int>(0, w - gtSize)(rng);
    const int y0 = std::uniform_int_distribution<int>(0, h - gtSize)(rng);
    std::vector<torch::Tensor> out;
    for (int i = 0; i < frames; ++i) {
        // Short clips play back and forth rather than repeat a frame.
        int64_t idx = start + i;
        if (count > 1) {
            const int64_t period = 2 * (count - 1);
            idx %= period;
            if (idx >= count) idx = period - idx;
        } else {
            idx = 0;
        }
        cv::Mat frame = video[static_cast<size_t>(idx)];
        if (enlarge > 1.0) cv::resize(frame, frame, cv::Size(w, h), 0, 0, cv::INTER_CUBIC);
        out.push_back(matToTensor(frame(cv::Rect(x0, y0, gtSize, gtSize))));
    }
    return torch::stack(out);
}

} // namespace dualx::train
