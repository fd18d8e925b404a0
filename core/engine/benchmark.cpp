#include "dualx/benchmark.h"

#include "dualx/errors.h"
#include "dualx/runtime.h"
#include "engine/device_control.h"
#include "engine/streaming_upscaler.h"
#include "engine/tiling.h"
#include "engine/torch_device.h"
#include "model/dualx_vsr.h"

#include <torch/version.h>

#include <chrono>

namespace dualx {

using engine::devicePeakMemoryMb;
using engine::resetDevicePeakMemory;
using engine::synchronise;

PeakResult measurePeakMatmul(DevicePreference preference)
{
    const DeviceChoice device = selectDevice(preference);
    const auto torchDev = engine::torchDevice(device);
    const auto dtype = engine::computeDtype(device);
    constexpr int64_t n = 1024;
    torch::InferenceMode inference;
    const auto a = torch::rand({n, n}).to(torchDev, dtype);
    const auto b = torch::rand({n, n}).to(torchDev, dtype);
    auto c = torch::mm(a, b);
    synchronise(device);
    // At least half a second of products, so a timer tick or one slow call does not matter.
    int64_t products = 0;
    const auto start = std::chrono::steady_clock::now();
    double seconds = 0;
    while (seconds < 0.5) {
        for (int i = 0; i < 4; ++i) torch::mm_out(c, a, b);
        products += 4;
        synchronise(device);
        seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    PeakResult result;
    result.device = device.description;
    result.threads = intraOpThreads();
    result.gflops = 2.0 * static_cast<double>(n * n * n) * static_cast<double>(products) / seconds / 1e9;
    return result;
}

BenchmarkResult runBenchmark(const BenchmarkOptions& options)
{
    if (options.width < 1 || options.height < 1 || options.frames < 1 || options.repeats < 1 || options.warmup < 0)
        throw Error(ErrorCode::InvalidArgument, "benchmark: size, frames and repeats must be >= 1");
    const DeviceChoice device = selectDevice(options.device);
    const auto torchDev = engine::torchDevice(device);
    const auto dtype = engine::computeDtype(device);

    torch::manual_seed(options.seed);
    model::DualXVSR net(options.config);
    net->attentionSettings() = options.attention;
    net->to(torchDev, dtype);
    net->eval();
    auto input = torch::rand({1, options.frames, 3, options.height, options.width}).to(torchDev, dtype);

    BenchmarkResult result;
    result.device = device.description;
    result.threads = intraOpThreads();
    const bool cpuInference = device.kind != DeviceKind::Cuda && dtype == torch::kFloat32;
    result.attentionKernel = std::string(attentionKernelName(resolveAttentionKernel(options.attention.kernel, cpuInference)));

    torch::InferenceMode inference;
    if (options.tileLr != 0) {
        engine::TilingSettings tiling;
        tiling.tileLr = options.tileLr > 0 ? options.tileLr : engine::defaultTileLr(options.variant, device);
        result.tileLr = tiling.tileLr;
        const engine::TileGrid grid = engine::tileGrid(options.height, options.width, tiling.tileLr, options.tileOverlapLr);
        result.tileWidth = static_cast<int>(grid.tileWidth);
        result.tileHeight = static_cast<int>(grid.tileHeight);
        result.tilesPerWindow = static_cast<int>(grid.count());
        tiling.tileOverlapLr = options.tileOverlapLr;
        tiling.windowFrames = options.frames;
        tiling.windowOverlap = options.windowOverlap;
        const int clipFrames = options.clipFrames > 0 ? options.clipFrames : 2 * options.frames;
        // The job's path: CPU float32 frames in, the network's window model, blending on the
        // device, every finished frame back on the CPU.
        auto frame = torch::rand({3, options.height, options.width});
        const engine::WindowModel model = engine::networkWindowModel(net, device);
        result.baselineMemoryMb = currentResidentMemoryMb();
        resetDevicePeakMemory(device);
        const auto start = std::chrono::steady_clock::now();
        engine::StreamingUpscaler upscaler(model, tiling);
        int64_t out = 0;
        auto drain = [&] {
            // The copy back is part of the job's cost, so it is timed; the frame itself is not needed.
            while (auto f = upscaler.pop()) {
                (void)f->to(torch::kCPU);
                ++out;
            }
        };
        for (int i = 0; i < clipFrames; ++i) {
            upscaler.push(frame);
            drain();
        }
        upscaler.finish();
        drain();
        synchronise(device);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        result.peakMemoryMb = devicePeakMemoryMb(device);
        result.framesTimed = out;
        result.windowsRun = upscaler.windowsRun();
        result.msPerFrame = 1000.0 * seconds / static_cast<double>(out);
        result.framesPerSecond = static_cast<double>(out) / seconds;
        return result;
    }
    for (int i = 0; i < options.warmup; ++i) net->forward(input);
    synchronise(device);

    result.baselineMemoryMb = currentResidentMemoryMb();
    resetDevicePeakMemory(device);
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < options.repeats; ++i) net->forward(input);
    synchronise(device);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    result.peakMemoryMb = devicePeakMemoryMb(device);
    const double frames = static_cast<double>(options.frames) * options.repeats;
    result.framesTimed = options.frames * options.repeats;
    result.msPerFrame = 1000.0 * seconds / frames;
    result.framesPerSecond = frames / seconds;
    return result;
}

} // namespace dualx
