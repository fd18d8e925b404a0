#pragma once
// What a DualX-VSR weight file holds, read from its header without loading the tensors.
#include "dualx/model_config.h"

#include <cstdint>
#include <map>
#include <string>

namespace dualx {

// Metadata keys every DualX weight file carries in its safetensors __metadata__.
namespace metadata_keys {
inline constexpr const char* kFormat = "dualx.format";   // "dualx-vsr-weights/1"
inline constexpr const char* kConfig = "dualx.config";   // ModelConfig::toJson()
inline constexpr const char* kVariant = "dualx.variant"; // "mse", "gan" or "untrained"
} // namespace metadata_keys

inline constexpr const char* kWeightFormat = "dualx-vsr-weights/1";

struct WeightFileInfo {
    ModelConfig config;
    std::string variant;
    std::map<std::string, std::string> metadata; // everything, provenance included
    int64_t parameters = 0;
    std::string storageDtype; // "F32", "F16", or "mixed"
};

// Throws FileNotFound / CorruptFile / WeightMismatch with a message naming the problem.
WeightFileInfo inspectWeightFile(const std::string& path);

} // namespace dualx
