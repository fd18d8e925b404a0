#include "model/cpu_attention.h"

#include "dualx/errors.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <c10/core/GradMode.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <type_traits>
#include <vector>

// On x86-64 each loop function also gets an AVX2 + FMA copy, picked at load time: the portable
// build targets SSE2 only.
#if defined(__x86_64__) && defined(__GNUC__)
#define DUALX_VECTOR_CLONES __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define DUALX_VECTOR_CLONES
#endif
// Everything a cloned function calls is inlined into it, so that each copy is compiled for its
// instruction set and eight-float values never pass through memory between functions.
#define DUALX_INLINE inline __attribute__((always_inline))

namespace dualx::model {

namespace {

// Eight floats as GCC/Clang vector extensions: plain arithmetic on them compiles to SSE2 pairs in
// the portable copy and to AVX2 in the x86-64-v3 one. Loads and stores are unaligned.
#if !defined(__GNUC__)
#error "cpu_attention.cpp needs GCC or Clang vector extensions"
#endif
using Vec8 = float __attribute__((vector_size(32)));
using Int8 = int32_t __attribute__((vector_size(32)));
constexpr int64_t kWidth = 8;

DUALX_INLINE Vec8 load(const float* p)
{
    Vec8 v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
DUALX_INLINE void store(float* p, Vec8 v) { std::memcpy(p, &v, sizeof v); }
DUALX_INLINE Vec8 splat(float x) { return Vec8{} + x; }
DUALX_INLINE float horizontalSum(Vec8 v)
{
    float sum = 0.0f;
    for (int i = 0; i < kWidth; ++i) sum += v[i];
    return sum;
}
DUALX_INLINE float horizontalMax(Vec8 v)
{
    float m = v[0];
    for (int i = 1; i < kWidth; ++i) m = std::max(m, v[i]);
    return m;
}

// One sequence and head: rows of q, k, v start at these pointers, their strides floats apart.
struct HeadRows {
    const float* q;
    const float* k;
    const float* v;
    int64_t qStride, kStride, vStride;
};

// exp(x) for x <= 0 (the softmax subtracts each row's maximum first): 2^n * e^r with Cephes'
// expf polynomial, relative error under 2e-7. The same steps for one float and for eight.
template <typename T, typename Bits> DUALX_INLINE T expNonPositive(T x)
{
    x = x < -87.0f ? T{} - 87.0f : x;
    const T n = (x * 1.44269504088896341f + 12582912.0f) - 12582912.0f; // rounds: 12582912 = 1.5 * 2^23
    const T r = (x - n * 0.693359375f) + n * 2.12194440e-4f;
    T p = T{} + 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    p = p * r * r + r + 1.0f;
    Bits bits;
    if constexpr (std::is_same_v<T, float>)
        bits = (static_cast<int32_t>(n) + 127) * (1 << 23);
    else
        bits = (__builtin_convertvector(n, Bits) + 127) * (1 << 23);
    T scale;
    std::memcpy(&scale, &bits, sizeof scale);
    return p * scale;
}
DUALX_INLINE float expNonPositive(float x) { return expNonPositive<float, int32_t>(x); }
DUALX_INLINE Vec8 expNonPositive(Vec8 x) { return expNonPositive<Vec8, Int8>(x); }

// Copies `rows` rows of one head into `out` ([rows, d], contiguous), rotated by the tables
// (cos/sin: [rows, d/2]) when given, and multiplied by `scale`.
DUALX_INLINE void rotateRows(const float* in, int64_t inStride, int64_t rows, int64_t d, const float* cos, const float* sin, float scale,
                             float* out)
{
    const int64_t half = d / 2;
    for (int64_t t = 0; t < rows; ++t) {
        const float* x = in + t * inStride;
        float* y = out + t * d;
        if (!cos) {
            for (int64_t j = 0; j < d; ++j) y[j] = x[j] * scale;
            continue;
        }
        const float* c = cos + t * half;
        const float* s = sin + t * half;
        int64_t j = 0;
        for (; j + kWidth <= half; j += kWidth) {
            const Vec8 a = load(x + j), b = load(x + half + j), cj = load(c + j), sj = load(s + j);
            store(y + j, (a * cj - b * sj) * scale);
            store(y + half + j, (a * sj + b * cj) * scale);
        }
        for (; j < half; ++j) {
            y[j] = (x[j] * c[j] - x[half + j] * s[j]) * scale;
            y[half + j] = (x[j] * s[j] + x[half + j] * c[j]) * scale;
        }
    }
}

// In place: each of `rows` rows of `length` scores becomes exp(score - row max); invSum[i] gets
// 1 / the row's sum.
DUALX_INLINE void exponentiateRows(float* scores, int64_t rows, int64_t length, float* invSum)
{
    for (int64_t i = 0; i < rows; ++i) {
        float* s = scores + i * length;
        Vec8 lanes = splat(-INFINITY);
        int64_t t = 0;
        for (; t + kWidth <= length; t += kWidth) {
            const Vec8 x = load(s + t);
            lanes = x > lanes ? x : lanes;
        }
        float maximum = horizontalMax(lanes);
        for (; t < length; ++t) maximum = std::max(maximum, s[t]);

        Vec8 sums = splat(0.0f);
        t = 0;
        for (; t + kWidth <= length; t += kWidth) {
            const Vec8 e = expNonPositive(load(s + t) - maximum);
            store(s + t, e);
            sums += e;
        }
        float sum = horizontalSum(sums);
        for (; t < length; ++t) sum += s[t] = expNonPositive(s[t] - maximum);
        invSum[i] = 1.0f / sum;
    }
}

// scores[r][t] = q_r . k_t for R query rows (q: [R, d]) and every key (kT: [d, L], the keys
// transposed so that eight neighbouring keys are one vector).
template <int R> DUALX_INLINE void scoreRows(const float* q, int64_t d, const float* kT, int64_t length, float* scores)
{
    int64_t t = 0;
    for (; t + 2 * kWidth <= length; t += 2 * kWidth) {
        Vec8 acc[R][2] = {};
        for (int64_t j = 0; j < d; ++j) {
            const Vec8 k0 = load(kT + j * length + t), k1 = load(kT + j * length + t + kWidth);
            for (int r = 0; r < R; ++r) {
                const float a = q[r * d + j];
                acc[r][0] += a * k0;
                acc[r][1] += a * k1;
            }
        }
        for (int r = 0; r < R; ++r) {
            store(scores + r * length + t, acc[r][0]);
            store(scores + r * length + t + kWidth, acc[r][1]);
        }
    }
    for (; t < length; ++t)
        for (int r = 0; r < R; ++r) {
            float acc = 0.0f;
            for (int64_t j = 0; j < d; ++j) acc += q[r * d + j] * kT[j * length + t];
            scores[r * length + t] = acc;
        }
}

// out_r = invSum[r] * sum_t p[r][t] v_t for R rows of weights (p: [R, L]); v: [L, 8C] contiguous.
template <int R, int C>
DUALX_INLINE void weighRows(const float* p, int64_t length, const float* v, const float* invSum, float* out, int64_t outStride)
{
    Vec8 acc[R][C] = {};
    for (int64_t t = 0; t < length; ++t) {
        Vec8 vt[C];
        for (int c = 0; c < C; ++c) vt[c] = load(v + t * C * kWidth + c * kWidth);
        for (int r = 0; r < R; ++r) {
            const float w = p[r * length + t];
            for (int c = 0; c < C; ++c) acc[r][c] += w * vt[c];
        }
    }
    for (int r = 0; r < R; ++r)
        for (int c = 0; c < C; ++c) store(out + r * outStride + c * kWidth, acc[r][c] * invSum[r]);
}

// Queries taken at once: their scores (4 x L) stay in the first-level cache.
constexpr int kQueryRows = 4;

// Every query row of one head, in blocks of kQueryRows: scores, softmax, weighted values.
// C = d / 8 vectors per row; R rows per value block so that R * C accumulators fit the registers.
template <int C>
DUALX_INLINE void attendHeadRows(const float* q, const float* kT, const float* v, int64_t length, float* scores, float* invSum, float* out,
                                 int64_t outStride)
{
    constexpr int64_t d = C * kWidth;
    constexpr int R = C >= 8 ? 1 : 8 / C > kQueryRows ? kQueryRows : 8 / C;
    int64_t i = 0;
    for (; i + kQueryRows <= length; i += kQueryRows) {
        scoreRows<kQueryRows>(q + i * d, d, kT, length, scores);
        exponentiateRows(scores, kQueryRows, length, invSum);
        for (int r = 0; r < kQueryRows; r += R)
            weighRows<R, C>(scores + r * length, length, v, invSum + r, out + (i + r) * outStride, outStride);
    }
    for (; i < length; ++i) {
        scoreRows<1>(q + i * d, d, kT, length, scores);
        exponentiateRows(scores, 1, length, invSum);
        weighRows<1, C>(scores, length, v, invSum, out + i * outStride, outStride);
    }
}

// One sequence and head: the rotated, scaled queries, the rotated keys transposed and the values
// gathered into `work` (3 L d floats, then kQueryRows * (L + 1) for scores and sums), then
// attendHeadRows. The rows stay in the core's caches: 3 x 128 KiB for 1,024 keys of 32 floats.
DUALX_VECTOR_CLONES
void attendHead(const HeadRows& in, int64_t length, int64_t d, const float* cos, const float* sin, float scale, float* out,
                int64_t outStride, float* work)
{
    float* q = work;
    float* kT = q + length * d;
    float* v = kT + length * d;
    float* scores = v + length * d;
    float* invSum = scores + kQueryRows * length;
    rotateRows(in.q, in.qStride, length, d, cos, sin, scale, q);
    // Keys: rotated into `v` first (free until the values are gathered), then transposed.
    rotateRows(in.k, in.kStride, length, d, cos, sin, 1.0f, v);
    for (int64_t t = 0; t < length; ++t)
        for (int64_t j = 0; j < d; ++j) kT[j * length + t] = v[t * d + j];
    for (int64_t t = 0; t < length; ++t) std::memcpy(v + t * d, in.v + t * in.vStride, static_cast<size_t>(d) * sizeof(float));
    switch (d / kWidth) {
    case 1: attendHeadRows<1>(q, kT, v, length, scores, invSum, out, outStride); break;
    case 2: attendHeadRows<2>(q, kT, v, length, scores, invSum, out, outStride); break;
    case 4: attendHeadRows<4>(q, kT, v, length, scores, invSum, out, outStride); break;
    case 8: attendHeadRows<8>(q, kT, v, length, scores, invSum, out, outStride); break;
    }
}

bool isSupportedHeadDim(int64_t d) { return d == 8 || d == 16 || d == 32 || d == 64; }

} // namespace

bool cpuFusedAttentionApplies(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v)
{
    for (const auto* t : {&q, &k, &v})
        if (!t->device().is_cpu() || t->scalar_type() != at::kFloat || t->dim() != 4) return false;
    if (!isSupportedHeadDim(q.size(3))) return false;
    const bool wantsGradient = c10::GradMode::is_enabled() && (q.requires_grad() || k.requires_grad() || v.requires_grad());
    return !wantsGradient;
}

torch::Tensor cpuFusedAttention(torch::Tensor q, torch::Tensor k, torch::Tensor v, const RotaryTables* rope)
{
    if (!cpuFusedAttentionApplies(q, k, v))
        throw Error(ErrorCode::InvalidArgument, "the cpu attention kernel runs float32 inference on the CPU with [S, heads, L, d] tensors, "
                                                "d one of 8, 16, 32, 64");
    const int64_t s = q.size(0), heads = q.size(1), length = q.size(2), d = q.size(3);
    if (k.sizes() != q.sizes() || v.sizes() != q.sizes())
        throw Error(ErrorCode::InvalidArgument, "the cpu attention kernel needs q, k and v of one shape, got "
                                                    + std::string(c10::str(q.sizes())) + ", " + std::string(c10::str(k.sizes())) + ", "
                                                    + std::string(c10::str(v.sizes())));
    if (rope && (d % 2 != 0 || rope->cos.sizes() != at::IntArrayRef{length, d / 2}))
        throw Error(ErrorCode::InvalidArgument, "rotary tables of " + std::string(c10::str(rope->cos.sizes())) + " do not fit rows of "
                                                    + std::to_string(length) + " x " + std::to_string(d));
    for (auto* t : {&q, &k, &v})
        if (t->stride(3) != 1) *t = t->contiguous();
    at::Tensor cos, sin;
    if (rope) {
        cos = rope->cos.to(at::kFloat).contiguous();
        sin = rope->sin.to(at::kFloat).contiguous();
    }
    auto out = at::empty({s, length, heads, d}, q.options());
    const int64_t workFloats = 3 * length * d + kQueryRows * (length + 1);
    const float scale = 1.0f / std::sqrt(static_cast<float>(d));
    const float* qData = q.data_ptr<float>();
    const float* kData = k.data_ptr<float>();
    const float* vData = v.data_ptr<float>();
    const float* cosData = rope ? cos.data_ptr<float>() : nullptr;
    const float* sinData = rope ? sin.data_ptr<float>() : nullptr;
    float* outData = out.data_ptr<float>();
    const int64_t outStride = heads * d;
    // A head of short rows is a few thousand multiply-adds: hand threads many at a time.
    const int64_t grain = std::max<int64_t>(1, 32768 / (length * length * d));
    at::parallel_for(0, s * heads, grain, [&](int64_t begin, int64_t end) {
        std::vector<float> work(static_cast<size_t>(workFloats));
        for (int64_t task = begin; task < end; ++task) {
            const int64_t si = task / heads, h = task % heads;
            const HeadRows rows{qData + si * q.stride(0) + h * q.stride(1),
                                kData + si * k.stride(0) + h * k.stride(1),
                                vData + si * v.stride(0) + h * v.stride(1),
                                q.stride(2),
                                k.stride(2),
                                v.stride(2)};
            attendHead(rows, length, d, cosData, sinData, scale, outData + si * length * outStride + h * d, outStride, work.data());
        }
    });
    return out.permute({0, 2, 1, 3});
}

} // namespace dualx::model
