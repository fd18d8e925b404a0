#pragma once
// Ground-truth training clips drawn from a source pack on the training device, the tensor
// counterpart of ClipLibrary for dualx-synth-train: a video item gives consecutive frames at a
// random crop; a photo becomes a short video by a synthetic camera (a pan of up to `photoSpeed`
// GT pixels per frame on each axis, a slow zoom and rotation, sub-pixel jitter), resampled with
// bicubic interpolation. Nearly featureless draws are redrawn a few times. Clips are then flipped, transposed and reversed as the trainer
// augments.
#include "train/source_pack.h"

#include <random>

namespace dualx::train {

struct DeviceClipSettings {
    int frames = 8;
    int gtSize = 192;           // GT side of a clip (4x the LR crop)
    double videoFraction = 0.3; // share of clips from video items, when there are both
    double photoSpeed = 8.0;    // GT pixels per frame, at most, each axis
};

class DeviceClipSampler {
public:
    // Uploads the pack's pixels to `device`. Uses the items of one split (training or held-out
    // validation); items too small for a clip are left out. Throws InvalidArgument when none is left.
    DeviceClipSampler(const SourcePack& pack, bool validation, const DeviceClipSettings& settings, torch::Device device);

    // [frames, 3, gtSize, gtSize] float in [0, 1] on the device.
    torch::Tensor sample(std::mt19937_64& rng) const;
    torch::Tensor samplePhoto(std::mt19937_64& rng) const;
    torch::Tensor sampleVideo(std::mt19937_64& rng) const;

    // Mean absolute luma difference between neighbouring pixels of a clip [T, 3, H, W] in [0, 1].
    static double textureOf(const torch::Tensor& clip);

    size_t photoCount() const { return m_photos.size(); }
    size_t videoCount() const { return m_videos.size(); }

private:
    SourcePack m_pack; // pixels on the device
    std::vector<size_t> m_photos, m_videos;
    DeviceClipSettings m_settings;
};

} // namespace dualx::train
