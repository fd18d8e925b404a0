#pragma once
// A source pack: the ground-truth material a trainer draws its clips from (photos and video
// frames, 8-bit RGB) in one file, for a machine with LibTorch but without our FFmpeg/OpenCV
// stack (dualx-synth-train on a GPU machine). Raw form, read here: "items" (int64 [K, 4]: frame
// count, height, width, 1 for held-out validation material else 0; a photo is one frame) and
// "pixels" (uint8, every item's frames one after another, each [height, width, 3]). The form
// that travels keeps each frame as a JPEG (source_pack_packing.h, tools/device-check/
// unpack-sources.py).
#include "model/safetensors.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace dualx::train {

inline constexpr const char* kSourcePackFormat = "dualx-source-pack/1";
inline constexpr const char* kPackedSourcePackFormat = "dualx-source-pack-packed/1";

struct SourceItem {
    int64_t frames = 1, height = 0, width = 0;
    bool validation = false;
    int64_t byteOffset = 0; // of its first frame in SourcePack::pixels
};

struct SourcePack {
    torch::Tensor pixels; // uint8, 1-D
    std::vector<SourceItem> items;
    model::Metadata metadata;

    // Item `i`'s frames [first, first + count) as uint8 [count, height, width, 3] (a view).
    torch::Tensor frames(size_t item, int64_t first, int64_t count) const;
    int64_t frameCount() const;
};

// The items table as stored ([K, 4] int64) and back; fromItemsTable fills byteOffset and checks
// every entry (CorruptFile naming `source`).
torch::Tensor itemsTable(const std::vector<SourceItem>& items);
std::vector<SourceItem> itemsFromTable(const torch::Tensor& table, const std::string& source);

SourcePack loadSourcePack(const std::string& path);
void saveSourcePack(const std::string& path, const SourcePack& pack);

} // namespace dualx::train
