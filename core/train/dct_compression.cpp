#include "train/dct_compression.h"

#include "dualx/errors.h"
#include "train/bicubic_downscale.h"

#include <cmath>

namespace dualx::train {

namespace F = torch::nn::functional;

namespace {

constexpr int kBlock = 8;

constexpr int kLumaTable[64] = {16, 11,  10,  16, 24, 40, 51, 61, 12,  12,  14,  19,  26, 58, 60, 55,  14,  13,  16,  24, 40, 57,
                                69, 56,  14,  17, 22, 29, 51, 87, 80,  62,  18,  22,  37, 56, 68, 109, 103, 77,  24,  35, 55, 64,
                                81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98,  112, 100, 103, 99};
constexpr int kChromaTable[64]
    = {17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
       99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99};

// The orthonormal DCT-II matrix: coefficients = D x block x D^T.
torch::Tensor dctMatrix(const torch::TensorOptions& options)
{
    auto d = torch::empty({kBlock, kBlock}, torch::kFloat64);
    auto a = d.accessor<double, 2>();
    for (int k = 0; k < kBlock; ++k)
        for (int n = 0; n < kBlock; ++n)
            a[k][n] = (k == 0 ? std::sqrt(1.0 / kBlock) : std::sqrt(2.0 / kBlock)) * std::cos((2 * n + 1) * k * M_PI / (2.0 * kBlock));
    return d.to(options);
}

// planes [N, h, w] (0-255 scale, centred on 0) -> the same after quantising each 8x8 block's
// coefficients with tables [N, 8, 8]; edges are padded by replication to whole blocks.
torch::Tensor quantiseBlocks(const torch::Tensor& planes, const torch::Tensor& tables, const torch::Tensor& d)
{
    const int64_t n = planes.size(0), h = planes.size(1), w = planes.size(2);
    const int64_t ph = (h + kBlock - 1) / kBlock * kBlock, pw = (w + kBlock - 1) / kBlock * kBlock;
    auto x = planes;
    if (ph != h || pw != w) x = F::pad(planes.unsqueeze(1), F::PadFuncOptions({0, pw - w, 0, ph - h}).mode(torch::kReplicate)).squeeze(1);
    auto blocks = x.reshape({n, ph / kBlock, kBlock, pw / kBlock, kBlock}).permute({0, 1, 3, 2, 4}); // [N, by, bx, 8, 8]
    const auto q = tables.view({n, 1, 1, kBlock, kBlock});
    auto coefficients = torch::matmul(torch::matmul(d, blocks), d.t());
    coefficients = (coefficients / q).round() * q;
    auto back = torch::matmul(torch::matmul(d.t(), coefficients), d);
    return back.permute({0, 1, 3, 2, 4}).reshape({n, ph, pw}).narrow(1, 0, h).narrow(2, 0, w);
}

torch::Tensor compressFrames(const torch::Tensor& rgb, const torch::Tensor& lumaTables, const torch::Tensor& chromaTables)
{
    const int64_t h = rgb.size(2), w = rgb.size(3);
    const auto ycc = jpegYCbCr(rgb * 255.0);
    auto y = ycc.select(1, 0);
    const auto d = dctMatrix(rgb.options());
    y = quantiseBlocks(y - 128.0, lumaTables, d) + 128.0;
    // 4:2:0: chroma averaged over 2x2 (odd edges replicated), coded, then interpolated back.
    auto chroma = ycc.narrow(1, 1, 2);
    if (h % 2 || w % 2) chroma = F::pad(chroma, F::PadFuncOptions({0, w % 2, 0, h % 2}).mode(torch::kReplicate));
    chroma = F::avg_pool2d(chroma, F::AvgPool2dFuncOptions(2));
    const int64_t n = rgb.size(0), ch = chroma.size(2), cw = chroma.size(3);
    chroma = quantiseBlocks(chroma.reshape({n * 2, ch, cw}), chromaTables.repeat_interleave(2, 0), d).reshape({n, 2, ch, cw});
    chroma = F::interpolate(
                 chroma, F::InterpolateFuncOptions().size(std::vector<int64_t>{2 * ch, 2 * cw}).mode(torch::kBilinear).align_corners(false))
                 .narrow(2, 0, h)
                 .narrow(3, 0, w);
    return quantise8(jpegRgb(torch::cat({y.unsqueeze(1), chroma}, 1)) / 255.0);
}

} // namespace

torch::Tensor jpegYCbCr(const torch::Tensor& rgb)
{
    const auto r = rgb.select(1, 0), g = rgb.select(1, 1), b = rgb.select(1, 2);
    return torch::stack({0.299 * r + 0.587 * g + 0.114 * b, -0.168736 * r - 0.331264 * g + 0.5 * b, 0.5 * r - 0.418688 * g - 0.081312 * b},
                        1);
}

torch::Tensor jpegRgb(const torch::Tensor& ycc)
{
    const auto y = ycc.select(1, 0), cb = ycc.select(1, 1), cr = ycc.select(1, 2);
    return torch::stack({y + 1.402 * cr, y - 0.344136 * cb - 0.714136 * cr, y + 1.772 * cb}, 1);
}

torch::Tensor jpegQuantisationTable(bool chroma, int quality)
{
    if (quality < 1 || quality > 100)
        throw Error(ErrorCode::InvalidArgument, "DCT compression: quality " + std::to_string(quality) + " is not in 1..100");
    const int scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
    auto table = torch::empty({kBlock, kBlock}, torch::kFloat32);
    auto a = table.accessor<float, 2>();
    for (int i = 0; i < 64; ++i) {
        const int base = chroma ? kChromaTable[i] : kLumaTable[i];
        a[i / kBlock][i % kBlock] = static_cast<float>(std::clamp((base * scale + 50) / 100, 1, 255));
    }
    return table;
}

torch::Tensor dctCompress(const torch::Tensor& frames, const std::vector<int>& quality, bool fieldCoded)
{
    if (frames.dim() != 4 || frames.size(1) != 3)
        throw Error(ErrorCode::InvalidArgument,
                    "DCT compression: frames must be [N, 3, H, W], got " + std::to_string(frames.dim()) + " dimensions");
    const int64_t n = frames.size(0);
    if (quality.size() != 1 && static_cast<int64_t>(quality.size()) != n)
        throw Error(ErrorCode::InvalidArgument,
                    "DCT compression: " + std::to_string(quality.size()) + " qualities for " + std::to_string(n) + " frames");
    if (fieldCoded && frames.size(2) % 2)
        throw Error(ErrorCode::InvalidArgument,
                    "DCT compression: a field-coded frame needs an even height, not " + std::to_string(frames.size(2)));
    std::vector<torch::Tensor> luma, chroma;
    for (int64_t i = 0; i < n; ++i) {
        const int q = quality[quality.size() == 1 ? 0 : static_cast<size_t>(i)];
        luma.push_back(jpegQuantisationTable(false, q));
        chroma.push_back(jpegQuantisationTable(true, q));
    }
    const auto options = frames.options().dtype(torch::kFloat32);
    const auto lumaTables = torch::stack(luma).to(options), chromaTables = torch::stack(chroma).to(options);
    const auto x = frames.to(torch::kFloat32);
    if (!fieldCoded) return compressFrames(x, lumaTables, chromaTables);
    const int64_t h = x.size(2);
    auto out = torch::empty_like(x);
    for (int parity = 0; parity < 2; ++parity)
        out.slice(2, parity, h, 2).copy_(compressFrames(x.slice(2, parity, h, 2), lumaTables, chromaTables));
    return out;
}

} // namespace dualx::train
