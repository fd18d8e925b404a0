#pragma once
// Reader and writer for the safetensors format: 8-byte little-endian header length, a JSON
// header {name: {dtype, shape, data_offsets}, "__metadata__": {string: string}}, then the raw
// little-endian tensor bytes. Every structural problem is reported as dualx::Error(CorruptFile)
// naming the file and what is wrong; nothing is trusted before it is checked.
#include <torch/types.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace dualx::model {

using NamedTensors = std::vector<std::pair<std::string, torch::Tensor>>;
using Metadata = std::map<std::string, std::string>;

struct SafetensorsContent {
    Metadata metadata;
    NamedTensors tensors; // in file order (by data offset)
};

// Writes atomically: a temporary file beside `path` is renamed over it only when complete.
void writeSafetensors(const std::string& path, const NamedTensors& tensors, const Metadata& metadata);

SafetensorsContent readSafetensors(const std::string& path);

// Reads and validates only the header (cheap: no tensor data is loaded).
struct SafetensorsHeader {
    Metadata metadata;
    struct Entry {
        std::string name;
        std::string dtype; // "F32", "F16", ...
        std::vector<int64_t> shape;
    };
    std::vector<Entry> entries;
};
SafetensorsHeader readSafetensorsHeader(const std::string& path);

} // namespace dualx::model
