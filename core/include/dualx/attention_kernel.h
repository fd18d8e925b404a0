#pragma once
// Which attention kernel the network uses. The kernel never changes results beyond float
// tolerance; it trades speed against peak memory.
#include <cstdint>
#include <string>
#include <string_view>

namespace dualx {

enum class AttentionKernel {
    Auto,    // Cpu for float32 inference on the CPU; elsewhere Fused where LibTorch >= 2.0 provides it, else Chunked
    Plain,   // full score matrices (reference path; memory grows with L^2)
    Chunked, // query/batch chunks so no score block exceeds maxScoreElements
    Fused,   // torch scaled_dot_product_attention (LibTorch >= 2.0 only)
    Cpu,     // one cache-resident pass per sequence and head (float32 inference on the CPU only)
};

struct AttentionSettings {
    AttentionKernel kernel = AttentionKernel::Auto;
    // Upper bound on score elements (and on temporal-attention activations) materialised at
    // once: 2^24 floats = 64 MiB.
    int64_t maxScoreElements = int64_t{1} << 24;
};

std::string_view attentionKernelName(AttentionKernel kernel);
AttentionKernel attentionKernelFromName(std::string_view name); // throws InvalidArgument
bool fusedAttentionAvailable();
// What Auto becomes: `cpuInference` is float32 inference on the CPU (no gradient wanted).
AttentionKernel resolveAttentionKernel(AttentionKernel kernel, bool cpuInference);

} // namespace dualx
