#pragma once
// JPEG-like block-transform compression on tensors, so that compressed training input can be
// made where no codec library is at hand (a GPU machine) and on the device that holds the clips:
// RGB -> YCbCr (JPEG's full-range BT.601), chroma averaged over 2x2, an 8x8 DCT of each plane,
// coefficients rounded to multiples of JPEG's quantisation tables scaled by a quality (libjpeg's
// formula), the inverse DCT, chroma upsampled, back to RGB at 8-bit levels. Field-coded
// compression transforms each field's lines on their own, as interlaced MPEG-2 and DV code a
// frame, so a moving edge gets the two fields' different artefacts.
#include <torch/torch.h>

#include <vector>

namespace dualx::train {

// frames [N, 3, H, W] in [0, 1], any device, any H, W >= 1 (even H when field-coded). `quality`
// holds 1 value for every frame or one per frame, each in 1..100; at 100 every table entry is 1,
// so only the rounding of coefficients and the chroma subsampling remain.
torch::Tensor dctCompress(const torch::Tensor& frames, const std::vector<int>& quality, bool fieldCoded = false);

// JPEG's full-range BT.601 colour transform, chroma centred on 0 (linear, so on any scale):
// [N, 3, H, W] RGB -> Y, Cb, Cr and back.
torch::Tensor jpegYCbCr(const torch::Tensor& rgb);
torch::Tensor jpegRgb(const torch::Tensor& ycc);

// JPEG's (ITU-T T.81 annex K) luma or chroma table scaled to `quality` as libjpeg does: [8, 8].
torch::Tensor jpegQuantisationTable(bool chroma, int quality);

} // namespace dualx::train
