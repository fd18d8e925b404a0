#pragma once
// The packed form of a sample bank, for carrying it to another machine: one safetensors file in
// which every GT frame is a JPEG (quality 95 by default; the LR frames stay exact as PNG).
// "gt_jpeg" / "lr_png" hold the encodings one after another (uint8), "gt_offsets" /
// "lr_offsets" (int64, frames + 1 entries) where each begins, frames in clip-major order; the
// validation clips (which may be larger) likewise with a "validation_" prefix. Shapes are in
// the metadata.
#include "train/sample_bank.h"

namespace dualx::train {

void writePackedSampleBank(const std::string& path, const SampleBank& bank, int jpegQuality = 95);
// Decodes a packed bank back to the raw form. Throws CorruptFile naming what is wrong.
SampleBank unpackSampleBank(const std::string& packedPath);

} // namespace dualx::train
