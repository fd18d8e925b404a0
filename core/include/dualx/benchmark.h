#pragma once
// Speed and memory of the network on synthetic input, for `dualx bench`.
#include "dualx/attention_kernel.h"
#include "dualx/device.h"
#include "dualx/engine_settings.h"
#include "dualx/model_config.h"

#include <cstdint>
#include <string>

namespace dualx {

struct BenchmarkOptions {
    ModelConfig config;
    int width = 320; // LR input size
    int height = 180;
    int frames = kDefaultWindowFrames; // frames per forward pass (the temporal window)
    int repeats = 1;                   // timed passes
    int warmup = 1;                    // untimed passes first (allocator, oneDNN primitive caches)
    // Tiled streaming inference (the pipeline's path) when tileLr > 0: a clip of clipFrames
    // frames goes through overlapping windows of `frames` and tiles of tileLr x tileLr.
    int tileLr = 0; // -1: the tile a job would use on the device for `variant`
    int tileOverlapLr = 16;
    int windowOverlap = kDefaultWindowOverlap;
    int clipFrames = 0;          // 0: 2 x frames
    std::string variant = "mse"; // the weight file's variant (WeightFileInfo::variant)
    AttentionSettings attention;
    DevicePreference device = DevicePreference::Auto;
    uint64_t seed = 0;
};

struct BenchmarkResult {
    std::string device;
    int threads = 0;
    double msPerFrame = 0;
    double framesPerSecond = 0;
    double peakMemoryMb = 0;     // CPU: process peak RSS during the timed passes; CUDA: peak allocated
    double baselineMemoryMb = 0; // CPU: RSS with the model loaded, before the first pass
    std::string attentionKernel; // the kernel actually used
    int64_t framesTimed = 0;
    int64_t windowsRun = 0; // tiled mode
    int tileLr = 0;         // tiled mode: the tile asked for
    int tileWidth = 0;      // tiled mode: the tiles actually run (balanced to the frame), and how many per window
    int tileHeight = 0;
    int tilesPerWindow = 0;
};

BenchmarkResult runBenchmark(const BenchmarkOptions& options);

// The device's practical compute ceiling: GFLOP/s of float32 (CUDA: the compute type's)
// 1024 x 1024 matrix products, the shape BLAS runs fastest, on the configured threads. Beside a
// network's multiply-accumulate count it gives the floor no implementation of it goes under.
struct PeakResult {
    std::string device;
    int threads = 0;
    double gflops = 0;
};
PeakResult measurePeakMatmul(DevicePreference device);

// One training step as the trainer takes it (forward, Charbonnier loss, backward, gradient
// clipping, AdamW) on synthetic clips, in float32 on any device: sizes training runs.
struct TrainingBenchmarkOptions {
    ModelConfig config;
    int batch = 2;
    int frames = 8;
    int lrCrop = 32; // LR crop side; GT is 4x
    int repeats = 3;
    int warmup = 1;
    AttentionSettings attention;
    DevicePreference device = DevicePreference::Auto;
    uint64_t seed = 0;
};

struct TrainingBenchmarkResult {
    std::string device;
    int threads = 0;
    double secondsPerStep = 0;
    double clipsPerSecond = 0;
    double peakMemoryMb = 0; // CPU: process peak RSS; CUDA: peak allocated
    std::string attentionKernel;
};

TrainingBenchmarkResult runTrainingBenchmark(const TrainingBenchmarkOptions& options);

} // namespace dualx
