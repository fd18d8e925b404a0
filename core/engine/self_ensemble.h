#pragma once
// Self-ensemble (the "×8 geometric ensemble" of EDSR+, waifu2x's TTA): the network runs on
// flipped, transposed and time-reversed copies of each window, and the outputs, mapped back,
// are averaged. The network is not exactly equivariant to these symmetries, so the average
// cancels part of its error; it costs one network pass per copy.
#include "dualx/upscale_job.h"
#include "engine/streaming_upscaler.h"

namespace dualx::engine {

// The allowed numbers of copies (kEnsembleSizes, checkEnsembleSize in dualx/engine_settings.h):
// 1 (off), 2, 4, 8 (every flip and transpose) or 16 (each also reversed in time). Copy k applies
// bit 0: flip left-right, bit 1: flip up-down, bit 2: transpose, bit 3: reverse time, so a
// smaller ensemble is a prefix of a larger one.

// `window` [T, C, h, w] as copy k sees it (contiguous, ready for the network), and copy k's
// output mapped back to the original orientation (the inverse: time and transpose undone before
// the flips; possibly a strided view, since it is only added up).
torch::Tensor ensembleTransform(const torch::Tensor& window, int k);
torch::Tensor ensembleInverse(const torch::Tensor& output, int k);

// `model` averaged over `copies` copies of each window; `model` itself when copies is 1.
// Checks `copies` first (checkEnsembleSize).
WindowModel selfEnsembleWindowModel(WindowModel model, int copies);

} // namespace dualx::engine
