#pragma once
// A sample bank: training clips synthesised once (LR input and GT, 8-bit), so a machine without
// the synthesis's FFmpeg and OpenCV, such as a GPU machine, can train on them. `dualx train
// --write-bank` writes it packed (GT frames as JPEG, LR frames as lossless PNG, to travel small);
// unpacking (sample_bank_packing.h, or tools/device-check/unpack-bank.py where only Python's cv2
// is at hand) gives the raw form read here.
#include "model/safetensors.h"

#include <torch/types.h>

#include <random>
#include <string>

namespace dualx::train {

inline constexpr const char* kSampleBankFormat = "dualx-sample-bank/1"; // raw uint8 tensors
inline constexpr const char* kPackedSampleBankFormat = "dualx-sample-bank-packed/1";

struct SampleBank {
    torch::Tensor lr, gt;                     // uint8 [S, T, 3, h, w] and [S, T, 3, 4h, 4w], RGB
    torch::Tensor validationLr, validationGt; // the same for the fixed validation clips
    model::Metadata metadata;                 // recipe, synthesis, seed, ...
};

// Raw form. Throws FileNotFound / CorruptFile naming what is wrong (format, missing tensor,
// shapes that do not belong together).
SampleBank loadSampleBank(const std::string& path);
void saveSampleBank(const std::string& path, const SampleBank& bank);
// Checks the four tensors' types and shapes (throws CorruptFile with `source` in the message).
void validateSampleBank(const SampleBank& bank, const std::string& source);

struct BankBatch {
    torch::Tensor lr; // float [B, T, 3, h, w] in [0, 1], on the bank's device
    torch::Tensor gt;
};

// `batch` clips drawn at random, each flipped, transposed and reversed in time with probability
// 1/2, as the trainer augments.
BankBatch sampleBankBatch(const SampleBank& bank, int batch, std::mt19937_64& rng);

} // namespace dualx::train
