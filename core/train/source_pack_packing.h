#pragma once
// The packed form of a source pack, for carrying it to another machine: every frame a JPEG, one
// after another in "jpeg" (uint8), "jpeg_offsets" (int64, frames + 1 entries) where each begins,
// "items" as in the raw form. tools/device-check/unpack-sources.py does what unpackSourcePack
// does where only Python's cv2 is at hand.
#include "train/source_pack.h"

#include <opencv2/core.hpp>

#include <functional>

namespace dualx::train {

// Appends an item (a photo: one frame; a video: its frames, all the same size) to a pack
// being built: pixels are collected in `frames` until the pack is finished.
struct SourcePackBuilder {
    std::vector<SourceItem> items;
    std::vector<cv::Mat> frames; // RGB, 8-bit
    void add(const std::vector<cv::Mat>& rgbFrames, bool validation);
};

void writePackedSourcePack(const std::string& path, const SourcePackBuilder& pack, const model::Metadata& metadata, int jpegQuality = 92);
// Decodes a packed pack into the raw form. Throws CorruptFile naming what is wrong.
SourcePack unpackSourcePack(const std::string& packedPath);

} // namespace dualx::train
