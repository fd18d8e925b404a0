#include "metrics/niqe.h"

#include "dualx/errors.h"
#include "metrics/psnr.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <climits>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

namespace dualx::metrics {

namespace {

namespace fs = std::filesystem;

constexpr int kFeaturesPerScale = 18;
constexpr int kModelSize = 2 * kFeaturesPerScale;
constexpr int kWindowSize = 7;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A grey plane on the 0-255 scale, row-major, in float32 on purpose: BasicSR holds the image,
// its local mean and variance, the MSCN coefficients and the half-size image in float32
// (img.astype(np.float32); scipy's convolve returns its input's type; imresize works in torch
// float32), and its published value agrees with MATLAB's to 3e-6. The precision shows: the local
// variance E[x^2] - mu^2 cancels, and the 0.001-step shape grid of the AGGD fit turns such small
// differences into visible ones. On baboon.png, float32 planes give 5.7295758 (BasicSR 5.7295763,
// MATLAB 5.7295734); float64 planes would give 5.72996.
struct Plane {
    int width = 0, height = 0;
    std::vector<float> values;

    float at(int y, int x) const { return values[static_cast<size_t>(y) * width + x]; }
    float& at(int y, int x) { return values[static_cast<size_t>(y) * width + x]; }
};

// ---- model file -----------------------------------------------------------------------------

// from_chars, not strtod: a GUI may switch the C locale to one with a decimal comma.
bool parseNumber(std::string_view token, double& value)
{
    if (!token.empty() && token.front() == '+') token.remove_prefix(1);
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
    return ec == std::errc() && end == token.data() + token.size();
}

std::vector<std::string_view> tokens(std::string_view line)
{
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
        const size_t start = i;
        while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) ++i;
        if (i > start) out.push_back(line.substr(start, i - start));
    }
    return out;
}

// ---- the metric -----------------------------------------------------------------------------

// The AGGD shape search grid of BasicSR, np.arange(0.2, 10.001, 0.001), with the ratio
// Gamma(2/a)^2 / (Gamma(1/a) Gamma(3/a)) for each shape a. numpy's arange sizes the array as
// ceil((stop - start) / step) and fills it as start + i * (second - first); doing the same keeps
// the chosen grid point identical even at a tie.
struct GammaGrid {
    std::vector<double> shape, ratio;

    GammaGrid()
    {
        const double start = 0.2, stop = 10.001, step = 0.001;
        const auto count = static_cast<size_t>(std::ceil((stop - start) / step));
        const double delta = (start + step) - start;
        shape.resize(count);
        ratio.resize(count);
        for (size_t i = 0; i < count; ++i) {
            shape[i] = i == 0 ? start : start + static_cast<double>(i) * delta;
            const double r = 1.0 / shape[i];
            ratio[i] = std::pow(std::tgamma(2 * r), 2) / (std::tgamma(r) * std::tgamma(3 * r));
        }
    }
};

const GammaGrid& gammaGrid()
{
    static const GammaGrid grid;
    return grid;
}

struct Aggd {
    double alpha, betaLeft, betaRight;
};

// Moment matching of an asymmetric generalised Gaussian (the paper's Eq. 7). Empty sides give
// NaN (numpy's mean of nothing), which the caller's nan-aware statistics then skip. The sums run
// in double (BasicSR's float32 pairwise sums move baboon.png's score by 1e-6 only).
Aggd estimateAggd(const std::vector<double>& v)
{
    double leftSq = 0, rightSq = 0, absSum = 0, sq = 0;
    size_t leftCount = 0, rightCount = 0;
    for (double x : v) {
        if (x < 0) {
            leftSq += x * x;
            ++leftCount;
        } else if (x > 0) {
            rightSq += x * x;
            ++rightCount;
        }
        absSum += std::abs(x);
        sq += x * x;
    }
    const double n = static_cast<double>(v.size());
    const double leftStd = leftCount ? std::sqrt(leftSq / static_cast<double>(leftCount)) : kNaN;
    const double rightStd = rightCount ? std::sqrt(rightSq / static_cast<double>(rightCount)) : kNaN;
    const double gammaHat = leftStd / rightStd;
    const double meanAbs = absSum / n;
    const double rHat = meanAbs * meanAbs / (sq / n);
    const double rHatNorm = rHat * (std::pow(gammaHat, 3) + 1) * (gammaHat + 1) / std::pow(gammaHat * gammaHat + 1, 2);

    // np.argmin: the first minimum, or the first NaN when there is one (all of them are NaN
    // together here, since they share rHatNorm).
    const auto& grid = gammaGrid();
    size_t best = 0;
    if (!std::isnan(rHatNorm)) {
        double bestErr = std::numeric_limits<double>::infinity();
        for (size_t i = 0; i < grid.ratio.size(); ++i) {
            const double err = (grid.ratio[i] - rHatNorm) * (grid.ratio[i] - rHatNorm);
            if (err < bestErr) {
                bestErr = err;
                best = i;
            }
        }
    }
    const double alpha = grid.shape[best];
    const double scale = std::sqrt(std::tgamma(1 / alpha) / std::tgamma(3 / alpha));
    return {alpha, leftStd * scale, rightStd * scale};
}

// The 18 features of one block of MSCN coefficients: the AGGD of the coefficients, then of the
// products of neighbours along four orientations. Neighbours wrap around inside the block
// (np.roll / MATLAB circshift on the block), so every product has a partner.
std::array<double, kFeaturesPerScale> blockFeatures(const Plane& mscn, int y0, int x0, int size)
{
    std::array<double, kFeaturesPerScale> f{};
    std::vector<double> block(static_cast<size_t>(size) * size), products(block.size());
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) block[static_cast<size_t>(y) * size + x] = mscn.at(y0 + y, x0 + x);

    const Aggd whole = estimateAggd(block);
    f[0] = whole.alpha;
    f[1] = (whole.betaLeft + whole.betaRight) / 2;
    // BasicSR's shifts (0,1), (1,0), (1,1), (1,-1): the partner sits dy rows up, dx columns left.
    constexpr std::array<std::array<int, 2>, 4> shifts{{{0, 1}, {1, 0}, {1, 1}, {1, -1}}};
    for (size_t s = 0; s < shifts.size(); ++s) {
        const auto [dy, dx] = shifts[s];
        for (int y = 0; y < size; ++y)
            for (int x = 0; x < size; ++x) {
                const int py = (y - dy + size) % size, px = (x - dx + size) % size;
                // Rounded to float32, as BasicSR's block * shifted_block is.
                products[static_cast<size_t>(y) * size + x]
                    = static_cast<float>(block[static_cast<size_t>(y) * size + x] * block[static_cast<size_t>(py) * size + px]);
            }
        const Aggd a = estimateAggd(products);
        const double mean = (a.betaRight - a.betaLeft) * (std::tgamma(2 / a.alpha) / std::tgamma(1 / a.alpha)); // Eq. 8
        f[2 + 4 * s] = a.alpha;
        f[3 + 4 * s] = mean;
        f[4 + 4 * s] = a.betaLeft;
        f[5 + 4 * s] = a.betaRight;
    }
    return f;
}

// Mean-subtracted contrast-normalised coefficients (Eq. 1): local mean and deviation under the
// model's window, borders replicated (scipy's mode='nearest', MATLAB's 'replicate'). As in
// BasicSR, each filter sums in double but its result is float32, and the rest is float32 arithmetic.
Plane mscn(const Plane& img, const std::vector<double>& window)
{
    const int h = img.height, w = img.width, half = kWindowSize / 2;
    Plane out{w, h, std::vector<float>(img.values.size())};
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            double muSum = 0, sqSum = 0;
            // A true convolution (scipy's convolve flips the window); the window is symmetric anyway.
            for (int i = 0; i < kWindowSize; ++i) {
                const int yy = std::clamp(y + half - i, 0, h - 1);
                for (int j = 0; j < kWindowSize; ++j) {
                    const int xx = std::clamp(x + half - j, 0, w - 1);
                    const float v = img.at(yy, xx);
                    const double k = window[static_cast<size_t>(i) * kWindowSize + j];
                    muSum += k * v;
                    sqSum += k * static_cast<double>(v * v); // np.square(img) is float32
                }
            }
            // One float32 operation per statement: a compiler that contracts a * b - c into a
            // fused multiply-add within an expression would otherwise change the rounding.
            const auto mu = static_cast<float>(muSum), sq = static_cast<float>(sqSum);
            const float muSq = mu * mu;
            const float sigma = std::sqrt(std::fabs(sq - muSq));
            out.at(y, x) = (img.at(y, x) - mu) / (sigma + 1.0f);
        }
    return out;
}

// MATLAB's cubic kernel (Keys, a = -0.5).
double cubic(double x)
{
    const double a = std::abs(x), a2 = a * a, a3 = a2 * a;
    if (a <= 1) return 1.5 * a3 - 2.5 * a2 + 1;
    if (a <= 2) return -0.5 * a3 + 2.5 * a2 - 4 * a + 2;
    return 0;
}

// One output sample of MATLAB's imresize along one axis: the first input index it reads and the
// normalised weights of consecutive inputs from there (indices may fall outside the input).
struct Taps {
    int first = 0;
    std::vector<double> weights;
};

// MATLAB imresize's contributions (as BasicSR's calculate_weights_indices): when shrinking with
// antialiasing the kernel is stretched by 1/scale, so it also low-passes.
std::vector<Taps> resizeTaps(int outLength, double scale)
{
    constexpr double kernelWidth = 4;
    const bool stretch = scale < 1;
    const double width = stretch ? kernelWidth / scale : kernelWidth;
    const int p = static_cast<int>(std::ceil(width)) + 2;
    std::vector<Taps> out(static_cast<size_t>(outLength));
    for (int o = 0; o < outLength; ++o) {
        const double u = (o + 1) / scale + 0.5 * (1 - 1 / scale); // 1-based input coordinate
        const int left = static_cast<int>(std::floor(u - width / 2));
        auto& t = out[static_cast<size_t>(o)];
        t.first = left - 1; // to 0-based
        t.weights.resize(static_cast<size_t>(p));
        double sum = 0;
        for (int k = 0; k < p; ++k) {
            const double d = u - (left + k);
            const double wgt = stretch ? scale * cubic(d * scale) : cubic(d);
            t.weights[static_cast<size_t>(k)] = wgt;
            sum += wgt;
        }
        for (double& wgt : t.weights) wgt /= sum;
    }
    return out;
}

// MATLAB's symmetric extension: ... 1 0 | 0 1 2 ... n-1 | n-1 n-2 ...
int mirror(int i, int n)
{
    const int period = 2 * n;
    int m = i % period;
    if (m < 0) m += period;
    return m < n ? m : period - 1 - m;
}

// BasicSR's imresize(img / 255, scale) * 255: MATLAB's bicubic with antialiasing, rows first then
// columns (MATLAB's order for equal scales), in float32 like BasicSR's torch code, whose
// matrix-vector products accumulate with fused multiply-adds tap after tap (the BLAS sgemv
// kernels): doing the same reproduces BasicSR's published baboon.png value to 5e-7, plain float32
// sums only to 6e-5.
Plane imresize(const Plane& img, double scale)
{
    const int outH = static_cast<int>(std::ceil(img.height * scale)), outW = static_cast<int>(std::ceil(img.width * scale));
    const auto rowTaps = resizeTaps(outH, scale), colTaps = resizeTaps(outW, scale);
    std::vector<float> unit(img.values.size());
    for (size_t i = 0; i < unit.size(); ++i) unit[i] = img.values[i] / 255.0f;
    const auto sample = [](const std::vector<float>& v, int width, int y, int x) { return v[static_cast<size_t>(y) * width + x]; };

    std::vector<float> rows(static_cast<size_t>(outH) * img.width);
    for (int o = 0; o < outH; ++o) {
        const auto& t = rowTaps[static_cast<size_t>(o)];
        for (int x = 0; x < img.width; ++x) {
            float acc = 0;
            for (size_t k = 0; k < t.weights.size(); ++k)
                acc = std::fma(sample(unit, img.width, mirror(t.first + static_cast<int>(k), img.height), x),
                               static_cast<float>(t.weights[k]), acc);
            rows[static_cast<size_t>(o) * img.width + x] = acc;
        }
    }
    Plane out{outW, outH, std::vector<float>(static_cast<size_t>(outH) * outW)};
    for (int y = 0; y < outH; ++y)
        for (int o = 0; o < outW; ++o) {
            const auto& t = colTaps[static_cast<size_t>(o)];
            float acc = 0;
            for (size_t k = 0; k < t.weights.size(); ++k)
                acc = std::fma(sample(rows, img.width, y, mirror(t.first + static_cast<int>(k), img.width)),
                               static_cast<float>(t.weights[k]), acc);
            out.at(y, o) = acc * 255.0f;
        }
    return out;
}

// The image's rounded Y plane (0-255), border-cropped. BasicSR rounds the Y it computes from the
// 8-bit image ("necessary for being consistent with MATLAB's result"), and lumaBt601 is exactly
// that rounded Y.
Plane lumaPlane(const torch::Tensor& image, int cropBorder)
{
    if (image.dim() != 3 || (image.size(0) != 3 && image.size(0) != 1))
        throw Error(ErrorCode::InvalidArgument,
                    "NIQE expects a [3, H, W] RGB or [1, H, W] grey image, got " + std::string(c10::str(image.sizes())));
    const int64_t h = image.size(1), w = image.size(2);
    if (cropBorder < 0) throw Error(ErrorCode::InvalidArgument, "negative border crop " + std::to_string(cropBorder));
    const int64_t ch = h - 2 * int64_t{cropBorder}, cw = w - 2 * int64_t{cropBorder};
    if (ch < kNiqeBlockSize || cw < kNiqeBlockSize) {
        std::string what = "NIQE needs at least " + std::to_string(kNiqeBlockSize) + "x" + std::to_string(kNiqeBlockSize)
                           + " pixels (one whole block), got " + std::to_string(w) + "x" + std::to_string(h);
        if (cropBorder > 0) what += " with a border crop of " + std::to_string(cropBorder);
        throw Error(ErrorCode::InvalidArgument, what);
    }
    const auto x = image.to(torch::kCPU, torch::kFloat64);
    auto y = x.size(0) == 3 ? lumaBt601(x).squeeze(0) : (x.squeeze(0).clamp(0, 1) * 255.0).round();
    y = y.narrow(0, cropBorder, ch).narrow(1, cropBorder, cw).contiguous();
    Plane p{static_cast<int>(cw), static_cast<int>(ch), {}};
    const double* data = y.data_ptr<double>();
    p.values.assign(data, data + y.numel()); // whole numbers 0..255: exact in float32
    return p;
}

// The distance of the block features (rows: blocks; 18 full- then 18 half-resolution columns) to
// the pristine model, Eq. 10: sqrt((mu_p - mu)^T pinv((cov_p + cov) / 2) (mu_p - mu)).
double distanceToModel(const std::vector<std::array<double, kModelSize>>& features, const NiqeModel& model)
{
    // nanmean per feature over all blocks; covariance over the blocks with no NaN at all
    // (MATLAB's nanmean / nancov, BasicSR's equivalent).
    std::array<double, kModelSize> mu{};
    for (int j = 0; j < kModelSize; ++j) {
        double sum = 0;
        size_t count = 0;
        for (const auto& row : features)
            if (!std::isnan(row[j])) {
                sum += row[j];
                ++count;
            }
        mu[j] = count ? sum / static_cast<double>(count) : kNaN;
    }
    std::vector<const std::array<double, kModelSize>*> complete;
    for (const auto& row : features)
        if (std::none_of(row.begin(), row.end(), [](double v) { return std::isnan(v); })) complete.push_back(&row);
    if (complete.empty() || std::any_of(mu.begin(), mu.end(), [](double v) { return std::isnan(v); })) return kNaN;

    std::array<double, kModelSize> mean{};
    for (const auto* row : complete)
        for (int j = 0; j < kModelSize; ++j) mean[j] += (*row)[j];
    for (double& m : mean) m /= static_cast<double>(complete.size());
    // Normalised by N - 1, or by 1 for a single block as MATLAB's cov does (numpy would give NaN
    // and BasicSR would fail on an image of exactly one block).
    const double norm = complete.size() > 1 ? static_cast<double>(complete.size() - 1) : 1.0;
    auto sigma = torch::empty({kModelSize, kModelSize}, torch::kFloat64);
    auto s = sigma.accessor<double, 2>();
    for (int i = 0; i < kModelSize; ++i)
        for (int j = i; j < kModelSize; ++j) {
            double acc = 0;
            for (const auto* row : complete) acc += ((*row)[i] - mean[i]) * ((*row)[j] - mean[j]);
            const double c = acc / norm;
            s[i][j] = (model.covPris[static_cast<size_t>(i) * kModelSize + j] + c) / 2;
            s[j][i] = (model.covPris[static_cast<size_t>(j) * kModelSize + i] + c) / 2;
        }
    // numpy's pinv cut-off (rcond 1e-15 of the largest singular value), not a plain inverse: the
    // pooled covariance can be singular, e.g. when a feature is constant over every block.
    const auto inv = torch::linalg_pinv(sigma, 1e-15, false);
    auto d = torch::empty({kModelSize}, torch::kFloat64);
    for (int j = 0; j < kModelSize; ++j) d[j] = model.muPris[static_cast<size_t>(j)] - mu[j];
    return std::sqrt(torch::dot(d, torch::mv(inv, d)).item<double>());
}

} // namespace

NiqeModel parseNiqeModel(std::string_view text, const std::string& origin)
{
    const auto corrupt = [&](const std::string& why) { return Error(ErrorCode::CorruptFile, "NIQE model " + origin + ": " + why); };
    NiqeModel model;
    struct Expected {
        const char* name;
        int rows, cols;
        std::vector<double>* target;
    };
    const std::array<Expected, 3> expected{{{"mu_pris_param", 1, kModelSize, &model.muPris},
                                            {"cov_pris_param", kModelSize, kModelSize, &model.covPris},
                                            {"gaussian_window", kWindowSize, kWindowSize, &model.window}}};

    const Expected* current = nullptr;
    bool fortranOrder = false;
    std::vector<double> values;
    const auto finish = [&] {
        if (!current) return;
        const size_t need = static_cast<size_t>(current->rows) * current->cols;
        if (values.size() != need)
            throw corrupt(std::string(current->name) + " has " + std::to_string(values.size()) + " values, expected "
                          + std::to_string(need));
        auto& out = *current->target;
        out.resize(need);
        for (int r = 0; r < current->rows; ++r)
            for (int c = 0; c < current->cols; ++c)
                out[static_cast<size_t>(r) * current->cols + c]
                    = values[fortranOrder ? static_cast<size_t>(c) * current->rows + r : static_cast<size_t>(r) * current->cols + c];
        values.clear();
        current = nullptr;
    };

    int lineNumber = 0;
    size_t pos = 0;
    while (pos <= text.size()) {
        const size_t end = std::min(text.find('\n', pos), text.size());
        const std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++lineNumber;
        const auto t = tokens(line);
        if (t.empty() || t.front().front() == '#') continue;
        if (t.size() == 1) {
            double v = 0;
            if (!current) throw corrupt("line " + std::to_string(lineNumber) + ": a value outside any block");
            if (!parseNumber(t.front(), v))
                throw corrupt("line " + std::to_string(lineNumber) + ": '" + std::string(t.front()) + "' is not a number");
            values.push_back(v);
            continue;
        }
        finish();
        if (t.size() != 4) throw corrupt("line " + std::to_string(lineNumber) + ": expected 'name rows cols fortran_order'");
        for (const auto& e : expected)
            if (t[0] == e.name) current = &e;
        if (!current) throw corrupt("line " + std::to_string(lineNumber) + ": unknown block '" + std::string(t[0]) + "'");
        if (!current->target->empty()) throw corrupt("block " + std::string(t[0]) + " appears twice");
        double rows = 0, cols = 0, order = 0;
        if (!parseNumber(t[1], rows) || !parseNumber(t[2], cols) || !parseNumber(t[3], order) || rows != current->rows
            || cols != current->cols || (order != 0 && order != 1))
            throw corrupt("block " + std::string(t[0]) + " should be " + std::to_string(current->rows) + "x" + std::to_string(current->cols)
                          + ", header reads '" + std::string(line) + "'");
        fortranOrder = order == 1;
    }
    finish();
    for (const auto& e : expected)
        if (e.target->empty()) throw corrupt(std::string("block ") + e.name + " is missing");
    return model;
}

NiqeModel loadNiqeModel(const std::string& path)
{
    if (!fs::exists(path)) throw Error(ErrorCode::FileNotFound, "NIQE model " + path + " does not exist");
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) throw Error(ErrorCode::FileUnreadable, "cannot read the NIQE model " + path);
    return parseNiqeModel(text.str(), path);
}

const NiqeModel& builtinNiqeModel()
{
    static const NiqeModel model = parseNiqeModel(builtinNiqeParamsText(), "(built in)");
    return model;
}

std::string defaultNiqeParamsPath()
{
    char exe[PATH_MAX] = {};
    const ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return {};
    const fs::path bin = fs::path(std::string(exe, static_cast<size_t>(n))).parent_path();
    // build/<dir>/exe -> resources/ of the source tree; <prefix>/bin/exe -> <prefix>/share/dualx.
    for (const fs::path& candidate :
         {bin / "../../resources/niqe/niqe_pris_params.txt", bin / "../share/dualx/niqe/niqe_pris_params.txt"}) {
        std::error_code ec;
        if (fs::exists(candidate, ec)) return fs::weakly_canonical(candidate, ec).string();
    }
    return {};
}

double niqe(const torch::Tensor& rgbOrGrey, int cropBorder) { return niqe(rgbOrGrey, cropBorder, builtinNiqeModel()); }

double niqe(const torch::Tensor& rgbOrGrey, int cropBorder, const NiqeModel& model)
{
    if (model.muPris.size() != kModelSize || model.covPris.size() != kModelSize * kModelSize
        || model.window.size() != kWindowSize * kWindowSize)
        throw Error(ErrorCode::InvalidArgument, "incomplete NIQE model");
    Plane img = lumaPlane(rgbOrGrey, cropBorder);
    // Only whole blocks count: keep the top-left ones.
    const int blocksY = img.height / kNiqeBlockSize, blocksX = img.width / kNiqeBlockSize;
    if (img.width != blocksX * kNiqeBlockSize || img.height != blocksY * kNiqeBlockSize) {
        Plane cropped{blocksX * kNiqeBlockSize, blocksY * kNiqeBlockSize, {}};
        cropped.values.reserve(static_cast<size_t>(cropped.width) * cropped.height);
        for (int y = 0; y < cropped.height; ++y)
            for (int x = 0; x < cropped.width; ++x) cropped.values.push_back(img.at(y, x));
        img = std::move(cropped);
    }

    std::vector<std::array<double, kModelSize>> features(static_cast<size_t>(blocksY) * blocksX);
    for (int scale = 1; scale <= 2; ++scale) {
        const Plane coefficients = mscn(img, model.window);
        const int size = kNiqeBlockSize / scale;
        for (int by = 0; by < blocksY; ++by)
            for (int bx = 0; bx < blocksX; ++bx) {
                const auto f = blockFeatures(coefficients, by * size, bx * size, size);
                std::copy(f.begin(), f.end(), features[static_cast<size_t>(by) * blocksX + bx].begin() + (scale - 1) * kFeaturesPerScale);
            }
        // The second scale sees the image halved as MATLAB's imresize(img, 0.5) does.
        if (scale == 1) img = imresize(img, 0.5);
    }
    return distanceToModel(features, model);
}

std::vector<double> niqePerFrame(const torch::Tensor& frames, int cropBorder)
{
    if (frames.dim() != 4)
        throw Error(ErrorCode::InvalidArgument, "NIQE expects [N, 3, H, W] frames, got " + std::string(c10::str(frames.sizes())));
    const auto& model = builtinNiqeModel();
    std::vector<double> out;
    out.reserve(static_cast<size_t>(frames.size(0)));
    for (int64_t i = 0; i < frames.size(0); ++i) out.push_back(niqe(frames[i], cropBorder, model));
    return out;
}

double meanNiqe(const torch::Tensor& frames, int cropBorder)
{
    double sum = 0;
    size_t count = 0;
    for (double v : niqePerFrame(frames, cropBorder))
        if (!std::isnan(v)) {
            sum += v;
            ++count;
        }
    return count ? sum / static_cast<double>(count) : kNaN;
}

} // namespace dualx::metrics
