#include "train/device_clip_sampler.h"

#include "dualx/errors.h"
#include "train/augmentation.h"

#include <cmath>

namespace dualx::train {

namespace F = torch::nn::functional;

namespace {

double uniform(std::mt19937_64& rng, double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); }

constexpr int kTextureAttempts = 4;
constexpr double kMinTexture = 0.01; // mean absolute luma step between neighbours, [0, 1] scale

// uint8 [N, H, W, 3] -> float [N, 3, H, W] in [0, 1].
torch::Tensor toFloat(const torch::Tensor& hwc) { return hwc.permute({0, 3, 1, 2}).to(torch::kFloat32).div(255.0); }

} // namespace

double DeviceClipSampler::textureOf(const torch::Tensor& clip)
{
    const auto luma = clip.select(1, 0) * 0.299 + clip.select(1, 1) * 0.587 + clip.select(1, 2) * 0.114;
    const auto dx = (luma.narrow(2, 1, luma.size(2) - 1) - luma.narrow(2, 0, luma.size(2) - 1)).abs().mean();
    const auto dy = (luma.narrow(1, 1, luma.size(1) - 1) - luma.narrow(1, 0, luma.size(1) - 1)).abs().mean();
    return (dx + dy).item<double>();
}

DeviceClipSampler::DeviceClipSampler(const SourcePack& pack, bool validation, const DeviceClipSettings& settings, torch::Device device)
    : m_pack(pack),
      m_settings(settings)
{
    if (settings.frames < 1 || settings.gtSize < 4)
        throw Error(ErrorCode::InvalidArgument, "clip sampler: frames >= 1 and a GT side >= 4 are needed");
    m_pack.pixels = pack.pixels.to(device);
    // A photo needs room for its zoomed, rotated window; a video item enough frames and area.
    const double photoNeed = settings.gtSize * 2.0;
    for (size_t i = 0; i < m_pack.items.size(); ++i) {
        const auto& item = m_pack.items[i];
        if (item.validation != validation) continue;
        if (item.frames == 1) {
            if (item.width >= photoNeed && item.height >= photoNeed) m_photos.push_back(i);
        } else if (item.frames >= settings.frames && item.width >= settings.gtSize && item.height >= settings.gtSize) {
            m_videos.push_back(i);
        }
    }
    if (m_photos.empty() && m_videos.empty())
        throw Error(ErrorCode::InvalidArgument, std::string("source pack: no ") + (validation ? "validation" : "training")
                                                    + " item is large enough for " + std::to_string(settings.frames) + "-frame clips of "
                                                    + std::to_string(settings.gtSize) + " px");
}

torch::Tensor DeviceClipSampler::sample(std::mt19937_64& rng) const
{
    // Wallpapers are mostly smooth gradients; a clip with next to no detail teaches nothing, so
    // a few redraws look for one that has some (the last draw is kept regardless).
    torch::Tensor clip;
    for (int attempt = 0; attempt < kTextureAttempts; ++attempt) {
        const bool video = m_photos.empty() || (!m_videos.empty() && uniform(rng, 0, 1) < m_settings.videoFraction);
        clip = video ? sampleVideo(rng) : samplePhoto(rng);
        if (textureOf(clip) >= kMinTexture) break;
    }
    return augmentClip(clip, rng);
}

torch::Tensor DeviceClipSampler::sampleVideo(std::mt19937_64& rng) const
{
    if (m_videos.empty()) throw Error(ErrorCode::InvalidArgument, "clip sampler: no video item");
    const size_t index = m_videos[std::uniform_int_distribution<size_t>(0, m_videos.size() - 1)(rng)];
    const auto& item = m_pack.items[index];
    const int t = m_settings.frames, g = m_settings.gtSize;
    // Every other frame now and then: faster motion from the same material.
    const int64_t stride = item.frames >= 2 * t && uniform(rng, 0, 1) < 0.3 ? 2 : 1;
    const int64_t span = (t - 1) * stride + 1;
    const int64_t first = std::uniform_int_distribution<int64_t>(0, item.frames - span)(rng);
    const int64_t y = std::uniform_int_distribution<int64_t>(0, item.height - g)(rng);
    const int64_t x = std::uniform_int_distribution<int64_t>(0, item.width - g)(rng);
    auto frames = m_pack.frames(index, first, span).slice(0, 0, span, stride).narrow(1, y, g).narrow(2, x, g);
    return toFloat(frames).contiguous();
}

torch::Tensor DeviceClipSampler::samplePhoto(std::mt19937_64& rng) const
{
    if (m_photos.empty()) throw Error(ErrorCode::InvalidArgument, "clip sampler: no photo item");
    const size_t index = m_photos[std::uniform_int_distribution<size_t>(0, m_photos.size() - 1)(rng)];
    const auto& item = m_pack.items[index];
    const int t = m_settings.frames, g = m_settings.gtSize;
    const double w = static_cast<double>(item.width), h = static_cast<double>(item.height);
    // The camera: zoom z (source pixels per output pixel) and rotation drifting slowly, a pan.
    const double zoom0 = uniform(rng, 0.95, 1.2), zoomStep = uniform(rng, -0.01, 0.01);
    const double angle0 = uniform(rng, -0.05, 0.05), angleStep = uniform(rng, -0.006, 0.006);
    double vx = uniform(rng, -m_settings.photoSpeed, m_settings.photoSpeed),
           vy = uniform(rng, -m_settings.photoSpeed, m_settings.photoSpeed);
    // The window's half-diagonal at the largest zoom bounds how near an edge its centre may go.
    const double reach = std::sqrt(2.0) * 0.5 * g * (zoom0 + std::abs(zoomStep) * t) + 2;
    const double roomX = std::max(0.0, w - 2 * reach), roomY = std::max(0.0, h - 2 * reach);
    vx = std::clamp(vx, -roomX / std::max(1, t), roomX / std::max(1, t));
    vy = std::clamp(vy, -roomY / std::max(1, t), roomY / std::max(1, t));
    const double travelX = std::abs(vx) * (t - 1), travelY = std::abs(vy) * (t - 1);
    const double startX = reach + uniform(rng, 0, std::max(0.0, roomX - travelX)) + (vx < 0 ? travelX : 0);
    const double startY = reach + uniform(rng, 0, std::max(0.0, roomY - travelY)) + (vy < 0 ? travelY : 0);

    // Only the region the camera covers is converted and resampled.
    const int64_t x0 = std::max<int64_t>(0, static_cast<int64_t>(std::floor(std::min(startX, startX + vx * (t - 1)) - reach)));
    const int64_t y0 = std::max<int64_t>(0, static_cast<int64_t>(std::floor(std::min(startY, startY + vy * (t - 1)) - reach)));
    const int64_t x1 = std::min<int64_t>(item.width, static_cast<int64_t>(std::ceil(std::max(startX, startX + vx * (t - 1)) + reach)));
    const int64_t y1 = std::min<int64_t>(item.height, static_cast<int64_t>(std::ceil(std::max(startY, startY + vy * (t - 1)) + reach)));
    const auto region = toFloat(m_pack.frames(index, 0, 1).narrow(1, y0, y1 - y0).narrow(2, x0, x1 - x0));
    const double rw = static_cast<double>(x1 - x0), rh = static_cast<double>(y1 - y0);

    auto theta = torch::empty({t, 2, 3}, torch::kFloat32);
    auto a = theta.accessor<float, 3>();
    for (int f = 0; f < t; ++f) {
        const double z = zoom0 + zoomStep * f, angle = angle0 + angleStep * f;
        const double cx = startX + vx * f + uniform(rng, -0.3, 0.3) - static_cast<double>(x0);
        const double cy = startY + vy * f + uniform(rng, -0.3, 0.3) - static_cast<double>(y0);
        // Output pixel at normalised (u, v) sits g/2 (u, v) from the window centre; the source
        // point is the centre plus z R(angle) of that, normalised to the region (align_corners false).
        const double c = std::cos(angle), s = std::sin(angle);
        a[f][0][0] = static_cast<float>(z * c * g / rw);
        a[f][0][1] = static_cast<float>(-z * s * g / rw);
        a[f][0][2] = static_cast<float>(2 * cx / rw - 1);
        a[f][1][0] = static_cast<float>(z * s * g / rh);
        a[f][1][1] = static_cast<float>(z * c * g / rh);
        a[f][1][2] = static_cast<float>(2 * cy / rh - 1);
    }
    const auto grid = F::affine_grid(theta.to(region.device()), {t, 3, g, g}, /*align_corners=*/false);
    // The functional options of LibTorch 1.13 offer no bicubic mode; the ATen op does (2: bicubic, 1: border).
    auto clip = torch::grid_sampler(region.expand({t, -1, -1, -1}).contiguous(), grid, /*interpolation=*/2, /*padding=*/1,
                                    /*align_corners=*/false);
    return clip.clamp(0, 1);
}

} // namespace dualx::train
