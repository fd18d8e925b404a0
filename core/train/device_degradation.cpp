#include "train/device_degradation.h"

#include "dualx/errors.h"
#include "train/bicubic_downscale.h"
#include "train/dct_compression.h"

#include <cmath>
#include <sstream>

namespace dualx::train {

namespace F = torch::nn::functional;

namespace {

constexpr int kScale = 4;

double uniform(std::mt19937_64& rng, double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); }
int uniformInt(std::mt19937_64& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
bool chance(std::mt19937_64& rng, double p) { return uniform(rng, 0, 1) < p; }

enum class ResizeMode { Area, Bilinear, Bicubic };
const char* resizeName(ResizeMode m) { return m == ResizeMode::Area ? "area" : m == ResizeMode::Bilinear ? "bilinear" : "bicubic"; }
ResizeMode drawResize(std::mt19937_64& rng) { return static_cast<ResizeMode>(uniformInt(rng, 0, 2)); }

// Bilinear and bicubic are antialiased when shrinking, as camera and editing scalers are.
torch::Tensor resizeFrames(const torch::Tensor& x, int64_t h, int64_t w, ResizeMode mode)
{
    if (x.size(2) == h && x.size(3) == w) return x;
    auto options = F::InterpolateFuncOptions().size(std::vector<int64_t>{h, w});
    if (mode == ResizeMode::Area) return F::interpolate(x, options.mode(torch::kArea));
    const bool shrink = h < x.size(2) || w < x.size(3);
    options.align_corners(false).antialias(shrink);
    if (mode == ResizeMode::Bilinear) return F::interpolate(x, options.mode(torch::kBilinear));
    return F::interpolate(x, options.mode(torch::kBicubic));
}

// Gaussian noise of sigma255 (0-255 scale), on luma only (the same on R, G, B) or per channel.
torch::Tensor addGaussian(const torch::Tensor& x, double sigma255, bool grey)
{
    auto shape = x.sizes().vec();
    if (grey) shape[1] = 1;
    return x + torch::randn(shape, x.options()) * (sigma255 / 255.0);
}

// Real-ESRGAN's Poisson noise: shot noise of an 8-bit signal, scaled.
torch::Tensor addPoisson(const torch::Tensor& x, double scale, bool grey)
{
    auto base = grey ? (0.299 * x.select(1, 0) + 0.587 * x.select(1, 1) + 0.114 * x.select(1, 2)).unsqueeze(1) : x;
    base = base.clamp(0, 1);
    const auto noise = torch::poisson(base * 255.0) / 255.0 - base;
    return x + noise * scale;
}

// Horizontal 1-D Gaussian on [N, C, H, W].
torch::Tensor horizontalBlur(const torch::Tensor& x, double sigma)
{
    const int radius = std::max(1, static_cast<int>(std::ceil(3 * sigma)));
    auto taps = torch::arange(-radius, radius + 1, torch::kFloat64);
    taps = torch::exp(-0.5 * (taps / sigma).pow(2));
    taps = (taps / taps.sum()).to(x.options()).view({1, 1, 1, -1});
    const int64_t c = x.size(1);
    const auto padded = F::pad(x, F::PadFuncOptions({radius, radius, 0, 0}).mode(torch::kReplicate));
    return F::conv2d(padded, taps.expand({c, 1, 1, 2 * radius + 1}), F::Conv2dFuncOptions().groups(c));
}

// A horizontal shift by a fraction of a pixel (linear interpolation, edges replicated).
torch::Tensor horizontalShift(const torch::Tensor& x, double shift)
{
    const int whole = static_cast<int>(std::floor(shift));
    const double frac = shift - whole;
    const int64_t w = x.size(3);
    const int pad = std::abs(whole) + 1;
    const auto padded = F::pad(x, F::PadFuncOptions({pad, pad, 0, 0}).mode(torch::kReplicate));
    // out[x] = in[x - shift] = (1 - frac) in[x - whole] + frac in[x - whole - 1]
    const auto a = padded.narrow(3, pad - whole, w), b = padded.narrow(3, pad - whole - 1, w);
    return (1 - frac) * a + frac * b;
}

// Per-frame JPEG qualities: a clip's level with a small random walk, clipped to [lo, hi].
std::vector<int> frameQualities(std::mt19937_64& rng, int64_t frames, int lo, int hi)
{
    std::vector<int> q;
    int level = uniformInt(rng, lo, hi);
    for (int64_t f = 0; f < frames; ++f) {
        q.push_back(level);
        level = std::clamp(level + uniformInt(rng, -3, 3), lo, hi);
    }
    return q;
}

// An isotropic Gaussian of sigma, 3 sigma each side.
torch::Tensor roundKernel(double sigma) { return gaussianBlurKernel(2 * static_cast<int>(std::ceil(3 * sigma)) + 1, sigma, sigma, 0); }

// Optical blur of sigma GT pixels, then the x1/4 resize.
torch::Tensor softShrink(const torch::Tensor& gt, double sigma, ResizeMode mode)
{
    return resizeFrames(blurFrames(gt, roundKernel(sigma)), gt.size(2) / kScale, gt.size(3) / kScale, mode);
}

// Block-DCT compression at a clip's quality level in [lo, hi] (drifting per frame).
torch::Tensor compressClip(const torch::Tensor& x, std::mt19937_64& rng, int lo, int hi, bool fieldCoded, std::ostringstream& d)
{
    const auto q = frameQualities(rng, x.size(0), lo, hi);
    d << ", DCT q" << q.front() << (fieldCoded ? " field-coded" : "");
    return dctCompress(x.clamp(0, 1), q, fieldCoded);
}

torch::Tensor firstOrder(const torch::Tensor& gt, std::mt19937_64& rng, std::ostringstream& d)
{
    // RealBasicVSR's first order: blur, random resize, resize to LR, noise, compression.
    const int size = 2 * uniformInt(rng, 3, 10) + 1;
    const double kind = uniform(rng, 0, 1);
    const double sx = uniform(rng, 0.2, 3.0), sy = kind < 0.45 ? sx : uniform(rng, 0.2, 3.0), theta = uniform(rng, 0, M_PI);
    const double beta = kind < 0.7 ? 1.0 : uniform(rng, 0.5, 4.0);
    auto x = blurFrames(gt, gaussianBlurKernel(size, sx, sy, theta, beta));
    d << "first-order: blur " << size << "px sigma " << sx << "/" << sy << " beta " << beta;
    const double direction = uniform(rng, 0, 1);
    const double scale = direction < 0.2 ? uniform(rng, 1.0, 1.5) : direction < 0.9 ? uniform(rng, 0.15, 1.0) : 1.0;
    const auto mid = drawResize(rng), last = drawResize(rng);
    const int64_t h = gt.size(2), w = gt.size(3);
    x = resizeFrames(x, std::max<int64_t>(1, std::lround(h * scale)), std::max<int64_t>(1, std::lround(w * scale)), mid);
    x = resizeFrames(x, h / kScale, w / kScale, last);
    d << ", resize " << scale << " " << resizeName(mid) << " then " << resizeName(last);
    const bool grey = chance(rng, 0.4);
    if (chance(rng, 0.6)) {
        const double sigma = uniform(rng, 1.0, 30.0);
        x = addGaussian(x, sigma, grey);
        d << ", gaussian noise " << sigma;
    } else {
        const double s = uniform(rng, 0.05, 3.0);
        x = addPoisson(x, s, grey);
        d << ", poisson noise " << s;
    }
    d << (grey ? " grey" : " colour");
    return compressClip(x, rng, 30, 95, false, d);
}

torch::Tensor mild(const torch::Tensor& gt, std::mt19937_64& rng, std::ostringstream& d)
{
    // A camera or a web copy (realistic_degradation.h's mild family); its codecs' CRF 18-38 /
    // MPEG-4 q 2-12 taken as JPEG qualities 35-92.
    const double sigma = uniform(rng, 0.6, 2.2);
    const auto mode = chance(rng, 0.34) ? ResizeMode::Area : ResizeMode::Bicubic;
    auto x = softShrink(gt, sigma, mode);
    d << "mild: blur sigma " << sigma << " GT px, resize " << resizeName(mode);
    if (chance(rng, 0.3)) {
        const double amount = uniform(rng, 0.2, 1.0), s = uniform(rng, 0.7, 1.5);
        x = x + amount * (x - blurFrames(x, roundKernel(s)));
        d << ", sharpen " << amount;
    }
    if (!chance(rng, 0.2)) {
        const double noise = uniform(rng, 0.5, 9.0);
        const bool grey = chance(rng, 0.5);
        x = addGaussian(x, noise, grey);
        d << ", noise " << noise << (grey ? " luma" : " rgb");
    }
    return compressClip(x, rng, 35, 92, false, d);
}

torch::Tensor home(const torch::Tensor& gt, std::mt19937_64& rng, std::ostringstream& d)
{
    // An SD tape or disc (realistic_degradation.h's home family); interlaced MPEG-2 taken as
    // field-coded DCT at qualities 30-80.
    const double sigma = uniform(rng, 1.2, 3.0);
    const auto mode = chance(rng, 0.5) ? ResizeMode::Area : ResizeMode::Bicubic;
    auto x = softShrink(gt, sigma, mode);
    d << "home: blur sigma " << sigma << " GT px, resize " << resizeName(mode);
    if (chance(rng, 0.4)) {
        x = keepOneField(x);
        d << ", single field";
    }
    const double chromaBlur = uniform(rng, 0.6, 2.5), shift = uniform(rng, -1.5, 1.5), saturation = uniform(rng, 0.75, 1.05);
    const double chromaNoise = uniform(rng, 0.0, 6.0), noise = uniform(rng, 1.0, 10.0);
    const bool lumaOnly = chance(rng, 0.7);
    auto ycc = jpegYCbCr(x);
    auto chroma = horizontalShift(horizontalBlur(ycc.narrow(1, 1, 2), chromaBlur), shift) * saturation;
    chroma = chroma + torch::randn(chroma.sizes(), chroma.options()) * (chromaNoise / 255.0);
    x = jpegRgb(torch::cat({ycc.narrow(1, 0, 1), chroma}, 1));
    x = addGaussian(x, noise, lumaOnly);
    d << ", chroma blur " << chromaBlur << " shift " << shift << " sat " << saturation << ", noise " << noise
      << (lumaOnly ? " luma" : " rgb") << " + chroma " << chromaNoise;
    return compressClip(x, rng, 30, 80, x.size(2) % 2 == 0, d);
}

} // namespace

torch::Tensor keepOneField(const torch::Tensor& x)
{
    auto out = x.clone();
    const int64_t h = x.size(2);
    if (h < 2) return out;
    for (int64_t parity = 0; parity < 2; ++parity) { // the field kept: frames 0, 2, ... keep the even lines
        const auto frames = torch::arange(parity, x.size(0), 2, torch::TensorOptions().dtype(torch::kLong).device(x.device()));
        if (frames.numel() == 0) continue;
        std::vector<int64_t> rebuilt, above, below;
        for (int64_t y = 1 - parity; y < h; y += 2) {
            rebuilt.push_back(y);
            above.push_back(y - 1 >= 0 ? y - 1 : y + 1);
            below.push_back(y + 1 < h ? y + 1 : y - 1);
        }
        auto index = [&](const std::vector<int64_t>& v) { return torch::tensor(v, torch::kLong).to(x.device()); };
        const auto kept = x.index_select(0, frames);
        const auto lines = 0.5 * (kept.index_select(2, index(above)) + kept.index_select(2, index(below)));
        out.index_copy_(0, frames, kept.index_copy(2, index(rebuilt), lines));
    }
    return out;
}

const char* deviceFamilyName(DeviceFamily family)
{
    switch (family) {
    case DeviceFamily::Clean: return "clean";
    case DeviceFamily::FirstOrder: return "first-order";
    case DeviceFamily::Mild: return "mild";
    case DeviceFamily::Home: return "home";
    }
    return "?";
}

DeviceFamily drawDeviceFamily(const DeviceFamilyMix& mix, std::mt19937_64& rng)
{
    const double weights[] = {mix.clean, mix.firstOrder, mix.mild, mix.home};
    double total = 0;
    for (double w : weights) {
        if (!(w >= 0)) throw Error(ErrorCode::InvalidArgument, "degradation mix: a share is negative");
        total += w;
    }
    if (total <= 0) throw Error(ErrorCode::InvalidArgument, "degradation mix: every share is zero");
    return static_cast<DeviceFamily>(std::discrete_distribution<int>(std::begin(weights), std::end(weights))(rng));
}

torch::Tensor gaussianBlurKernel(int size, double sigmaX, double sigmaY, double theta, double beta)
{
    if (size < 1 || size % 2 == 0) throw Error(ErrorCode::InvalidArgument, "blur kernel: size " + std::to_string(size) + " is not odd");
    if (!(sigmaX > 0 && sigmaY > 0 && beta > 0)) throw Error(ErrorCode::InvalidArgument, "blur kernel: sigmas and beta must be positive");
    const double c = std::cos(theta), s = std::sin(theta);
    // Inverse covariance of R diag(sx^2, sy^2) R^T.
    const double a = c * c / (sigmaX * sigmaX) + s * s / (sigmaY * sigmaY);
    const double b = c * s * (1 / (sigmaX * sigmaX) - 1 / (sigmaY * sigmaY));
    const double e = s * s / (sigmaX * sigmaX) + c * c / (sigmaY * sigmaY);
    const auto r = torch::arange(-(size / 2), size / 2 + 1, torch::kFloat64);
    const auto y = r.view({-1, 1}), x = r.view({1, -1});
    const auto q = a * x * x + 2 * b * x * y + e * y * y;
    auto k = torch::exp(-0.5 * q.pow(beta));
    return (k / k.sum()).to(torch::kFloat32);
}

torch::Tensor blurFrames(const torch::Tensor& frames, const torch::Tensor& kernel)
{
    const int64_t c = frames.size(1), k = kernel.size(0), pad = k / 2;
    // Reflection needs the pad to be smaller than the side; replicate beyond that.
    auto options = F::PadFuncOptions({pad, pad, pad, pad});
    if (pad < frames.size(2) && pad < frames.size(3))
        options.mode(torch::kReflect);
    else
        options.mode(torch::kReplicate);
    const auto padded = F::pad(frames, options);
    const auto weight = kernel.to(frames.options()).view({1, 1, k, k}).expand({c, 1, k, k});
    return F::conv2d(padded, weight, F::Conv2dFuncOptions().groups(c));
}

torch::Tensor degradeOnDevice(const torch::Tensor& gt, DeviceFamily family, std::mt19937_64& rng, std::string* described)
{
    if (gt.dim() != 4 || gt.size(1) != 3 || gt.size(2) % kScale || gt.size(3) % kScale)
        throw Error(ErrorCode::InvalidArgument, "device degradation: GT must be [T, 3, H, W] with H and W divisible by 4");
    torch::NoGradGuard noGrad;
    std::ostringstream d;
    d.precision(3);
    torch::Tensor lr;
    switch (family) {
    case DeviceFamily::Clean:
        lr = bicubicDownscale(gt, kScale);
        d << "clean: bicubic x1/4";
        break;
    case DeviceFamily::FirstOrder: lr = firstOrder(gt, rng, d); break;
    case DeviceFamily::Mild: lr = mild(gt, rng, d); break;
    case DeviceFamily::Home: lr = home(gt, rng, d); break;
    }
    if (described) *described = d.str();
    return lr;
}

} // namespace dualx::train
