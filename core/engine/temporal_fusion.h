#pragma once
// Temporal fusion: each restored frame averaged with its neighbours' restored frames, warped onto
// it by optical flow, where they agree with it. The network restores each frame almost on its own
// (models/recipes/README.md): its errors and the input's noise and compression differ from frame
// to frame, so the aligned neighbours average them out, and flicker with them.
//
// For frame t and each neighbour u within the radius: the flow t -> u and u -> t (OpenCV's DIS on
// the luma at half the output's size), the neighbour warped onto t (bicubic), and a weight per
// pixel exp(-(d + c) / tolerance^2), where d is the locally averaged squared colour difference
// between the warped neighbour and frame t, and c the locally averaged squared forward-backward
// flow mismatch, scaled so that one output pixel of mismatch costs as much as a difference of
// `tolerance`: occlusions, cuts and wrong flow get no weight. Frame t itself weighs 1.
// The tolerance: on 6 validation clips x 8 frames with the MSE model and radius 3, 0.02 gained
// 0.05 dB PSNR-Y on the mean of the plain, home and clean families, 0.03 gained 0.08 (home video
// +0.19, clean input 0.00, the worst clip -0.08), 0.04 gained 0.09 but lost on clean input.
#include "dualx/engine_settings.h"

#include <torch/types.h>

#include <memory>
#include <optional>

namespace dualx::engine {

inline constexpr double kFusionTolerance = 0.03; // RMS colour difference (of 1) a neighbour may show

// Fuses a stream of restored frames in order: frame t leaves once frame t + radius has arrived
// (or the stream finished), so it holds at most 2 * radius + 1 frames. A frame's result depends
// only on the frames within the radius, so a stream started anywhere gives the same bits for
// every frame at least `radius` after its first.
class TemporalFusion {
public:
    explicit TemporalFusion(int radius, double tolerance = kFusionTolerance);
    ~TemporalFusion();
    TemporalFusion(const TemporalFusion&) = delete;
    TemporalFusion& operator=(const TemporalFusion&) = delete;
    TemporalFusion(TemporalFusion&&) noexcept;
    TemporalFusion& operator=(TemporalFusion&&) noexcept;

    void push(const torch::Tensor& frame); // [3, H, W] float RGB in [0, 1], any device; every frame the same size
    void finish();                         // no more frames: the last `radius` frames leave too
    std::optional<torch::Tensor> pop();    // the next fused frame [3, H, W] float on the CPU, in order

    int radius() const { return m_radius; }

private:
    struct State; // frames, flows and results as OpenCV images (OpenCV stays out of this header)
    void fuseReady();

    int m_radius;
    double m_tolerance;
    std::unique_ptr<State> m_state;
    bool m_finished = false;
};

// Frame `index` of `frames` [N, 3, H, W] fused with its neighbours among them (a preview's one
// window): [3, H, W] on the CPU.
torch::Tensor fuseOneFrame(const torch::Tensor& frames, int64_t index, int radius);

} // namespace dualx::engine
