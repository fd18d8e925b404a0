// dualx-device-check: verifies the network on a compute device against the CPU and measures
// inference and training speed there. It needs LibTorch alone (dualx_nn), so it builds on a GPU
// machine that has none of our media stack (cmake -DDUALX_NN_ONLY=ON).
//
//   dualx-device-check [--device auto|cpu|cuda] [--model FILE] [--presets small,paper]
//                      [--size WxH] [--frames N] [--train-batch B] [--train-crop C]
//                      [--repeats R] [--json FILE]
//
// Exit status 0 when every check passes (a preset too large for the device's memory is reported,
// not failed), 1 when one fails, 2 on bad arguments.
#include "dualx/benchmark.h"
#include "dualx/device.h"
#include "dualx/errors.h"
#include "dualx/model_config.h"
#include "dualx/runtime.h"
#include "engine/device_control.h"
#include "engine/streaming_upscaler.h"
#include "engine/torch_device.h"
#include "model/weights.h"
#include "tool_support.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

namespace {

using namespace dualx;
using Json = nlohmann::json;

struct Options {
    DevicePreference device = DevicePreference::Auto;
    std::string model = "models/dualx-small-mse.safetensors";
    std::vector<std::string> presets{"small"};
    int width = 320, height = 180, frames = 8;
    int trainBatch = 2, trainCrop = 32;
    int repeats = 3;
    std::string json;
};

std::vector<std::string> splitList(const std::string& s)
{
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty()) out.push_back(item);
    return out;
}

Options parse(int argc, char** argv)
{
    Options o;
    tools::forEachOption(argc, argv, [&](const std::string& name, const std::string& value) {
        if (name == "device")
            o.device = devicePreferenceFromName(value);
        else if (name == "model")
            o.model = value;
        else if (name == "presets")
            o.presets = splitList(value);
        else if (name == "size") {
            const auto x = value.find('x');
            if (x == std::string::npos) throw Error(ErrorCode::InvalidArgument, "--size needs WxH, got '" + value + "'");
            o.width = tools::positiveInteger(name, value.substr(0, x));
            o.height = tools::positiveInteger(name, value.substr(x + 1));
        } else if (name == "frames")
            o.frames = tools::positiveInteger(name, value);
        else if (name == "train-batch")
            o.trainBatch = tools::positiveInteger(name, value);
        else if (name == "train-crop")
            o.trainCrop = tools::positiveInteger(name, value);
        else if (name == "repeats")
            o.repeats = tools::positiveInteger(name, value);
        else if (name == "json")
            o.json = value;
        else
            throw Error(ErrorCode::InvalidArgument, "unknown option --" + name);
    });
    for (const auto& p : o.presets) presetConfig(p); // validates the names before any work
    return o;
}

double psnr(const torch::Tensor& a, const torch::Tensor& b)
{
    const double mse = (a.clamp(0, 1) - b.clamp(0, 1)).pow(2).mean().item<double>();
    return mse <= 0 ? INFINITY : 10.0 * std::log10(1.0 / mse);
}

// The shipped weights on a fixed clip: every kernel and precision on the device against the
// reference (plain attention, float32, CPU). Float32 must agree to float tolerance; half
// precision to what a viewer cannot see.
Json consistency(const Options& o, bool& passed)
{
    Json out = Json::array();
    auto net = model::loadModelWeights(o.model);
    net->eval();
    torch::manual_seed(1);
    // A source-aware network gets three clips told clean, unknown and degraded, so that every
    // conditioning site runs on the device with each clip's own condition.
    const bool conditioned = net->config().sourceConditioned;
    const auto clip = torch::rand({conditioned ? 3 : 1, 5, 3, 40, 56});
    const auto condition = conditioned ? torch::tensor({0.0f, 0.5f, 1.0f}) : torch::Tensor();
    torch::InferenceMode inference;
    net->attentionSettings().kernel = AttentionKernel::Plain;
    const auto reference = net->forward(clip, condition);

    const DeviceChoice device = selectDevice(o.device);
    const auto dev = engine::torchDevice(device);
    std::vector<AttentionKernel> kernels{AttentionKernel::Plain, AttentionKernel::Chunked};
    if (fusedAttentionAvailable()) kernels.push_back(AttentionKernel::Fused);
    std::vector<torch::ScalarType> dtypes{torch::kFloat32};
    if (device.halfPrecision) dtypes.push_back(engine::computeDtype(device));
    for (auto dtype : dtypes) {
        net->to(dev, dtype);
        for (auto kernel : kernels) {
            net->attentionSettings().kernel = kernel;
            // A small score budget forces the chunked kernel to actually split.
            net->attentionSettings().maxScoreElements = kernel == AttentionKernel::Chunked ? 4096 : int64_t{1} << 24;
            const auto result = net->forward(clip.to(dev, dtype), condition).to(torch::kCPU, torch::kFloat32);
            const double maxDiff = (result - reference).abs().max().item<double>();
            const double p = psnr(result, reference);
            const bool half = dtype != torch::kFloat32;
            const bool ok = half ? p >= 40.0 : maxDiff <= 2e-3;
            passed = passed && ok;
            Json row = {{"device", device.description},
                        {"dtype", half ? "half" : "float32"},
                        {"attention", std::string(attentionKernelName(kernel))},
                        {"max_abs_diff", maxDiff},
                        {"psnr_db_vs_cpu_reference", p},
                        {"passed", ok}};
            std::printf("  %-28s %-8s %-8s max |diff| %.2e  PSNR %6.1f dB  %s\n", device.description.c_str(), half ? "half" : "float32",
                        std::string(attentionKernelName(kernel)).c_str(), maxDiff, p, ok ? "ok" : "FAILED");
            out.push_back(row);
        }
    }
    return out;
}

bool g_measurementFailed = false;

template <class F> Json guarded(const std::string& what, F&& f)
{
    try {
        return f();
    } catch (const std::exception& e) {
        // A preset too large for the device is a measurement; any other failure fails the check.
        std::string msg = e.what();
        msg = msg.substr(0, msg.find('\n'));
        const bool outOfMemory = msg.find("out of memory") != std::string::npos;
        g_measurementFailed = g_measurementFailed || !outOfMemory;
        std::printf("  %s: not measured: %s\n", what.c_str(), msg.c_str());
        return Json{{"what", what}, {"error", msg}, {"out_of_memory", outOfMemory}};
    }
}

// The pipeline's answer to a GPU running out of memory: the streaming upscaler halves its tile
// and carries on. With the allocator capped below what whole-frame windows of the paper-size
// network need, a clip must still come out whole, with a smaller tile, and equal to a run that
// used that tile from the start.
Json outOfMemoryRetry(const Options& o, bool& passed)
{
    const DeviceChoice device = selectDevice(o.device);
    if (device.kind != DeviceKind::Cuda) {
        std::printf("  skipped: needs a CUDA device\n");
        return Json{{"skipped", "needs a CUDA device"}};
    }
    torch::manual_seed(2);
    model::DualXVSR net(presetConfig("paper"));
    net->eval();
    const auto window = engine::networkWindowModel(net, device);
    const auto clip = torch::rand({10, 3, o.height, o.width});
    auto run = [&](int tile, torch::Tensor& out) {
        engine::TilingSettings s;
        s.tileLr = tile;
        s.tileOverlapLr = 16;
        s.windowFrames = o.frames;
        s.windowOverlap = 2;
        engine::StreamingUpscaler upscaler(window, s);
        out = engine::upscaleClip(upscaler, clip);
        return upscaler.tileLr();
    };
    const int wholeFrame = std::max(o.width, o.height);
    const double capMb = 1536;
    torch::Tensor capped, reference;
    int tile = 0;
    {
        engine::limitDeviceMemory(device, capMb / engine::deviceTotalMemoryMb(device));
        struct Uncap {
            const DeviceChoice& d;
            ~Uncap() { engine::limitDeviceMemory(d, 1.0); }
        } uncap{device};
        tile = run(wholeFrame, capped);
    }
    run(tile, reference);
    const double p = psnr(capped, reference);
    const bool ok = capped.size(0) == clip.size(0) && tile < wholeFrame && p >= 60.0;
    passed = passed && ok;
    std::printf("  paper preset, %d frames of %dx%d, allocator capped at %.0f MB: tile %d -> %d, %lld frames out, "
                "PSNR %.1f dB against a run with tile %d from the start  %s\n",
                static_cast<int>(clip.size(0)), o.width, o.height, capMb, wholeFrame, tile, static_cast<long long>(capped.size(0)), p, tile,
                ok ? "ok" : "FAILED");
    return Json{
        {"preset", "paper"},         {"cap_mb", capMb}, {"tile_from", wholeFrame}, {"tile_to", tile}, {"frames_out", capped.size(0)},
        {"psnr_db_vs_reference", p}, {"passed", ok}};
}

Json inferenceSpeed(const Options& o)
{
    Json out = Json::array();
    std::vector<AttentionKernel> kernels{AttentionKernel::Chunked};
    if (fusedAttentionAvailable()) kernels.push_back(AttentionKernel::Fused);
    // tile 0: one window of o.frames through the network; else the pipeline's streaming tiled
    // path (tiles of that side, overlap 16; windows 16/4) over a 32-frame clip: at the CPU's
    // default tile and at the GPU's.
    auto measure = [&](const std::string& preset, AttentionKernel kernel, int tile) {
        const std::string what = preset + (tile > 0 ? " streaming tiled, " : " inference, ") + std::string(attentionKernelName(kernel));
        out.push_back(guarded(what, [&] {
            BenchmarkOptions b;
            b.config = presetConfig(preset);
            b.width = o.width;
            b.height = o.height;
            b.frames = tile > 0 ? 16 : o.frames;
            b.repeats = o.repeats;
            b.attention.kernel = kernel;
            b.device = o.device;
            b.tileLr = tile;
            b.tileOverlapLr = 16;
            b.windowOverlap = 4;
            b.clipFrames = 32;
            const auto r = runBenchmark(b);
            std::printf("  %-34s %dx%d x %d frames: %9.1f ms/frame  %7.2f fps  peak %7.0f MB  (%s)\n", what.c_str(), o.width, o.height,
                        tile > 0 ? 32 : o.frames, r.msPerFrame, r.framesPerSecond, r.peakMemoryMb, r.device.c_str());
            return Json{{"preset", preset},
                        {"attention", r.attentionKernel},
                        {"device", r.device},
                        {"width", o.width},
                        {"height", o.height},
                        {"frames", b.frames},
                        {"tile", tile},
                        {"ms_per_frame", r.msPerFrame},
                        {"fps", r.framesPerSecond},
                        {"peak_memory_mb", r.peakMemoryMb}};
        }));
    };
    for (const auto& preset : o.presets) {
        for (auto kernel : kernels) measure(preset, kernel, 0);
        for (int tile : {112, engine::kGpuDefaultTileLr}) measure(preset, kernels.back(), tile);
    }
    return out;
}

Json trainingSpeed(const Options& o)
{
    Json out = Json::array();
    for (const auto& preset : o.presets) {
        const std::string what = preset + " training step";
        out.push_back(guarded(what, [&] {
            TrainingBenchmarkOptions t;
            t.config = presetConfig(preset);
            t.batch = o.trainBatch;
            t.frames = o.frames;
            t.lrCrop = o.trainCrop;
            t.repeats = o.repeats;
            t.device = o.device;
            const auto r = runTrainingBenchmark(t);
            std::printf("  %-34s batch %d x %d frames x %d px LR: %8.3f s/step  %7.1f clips/s  peak %7.0f MB  (%s, %s)\n", what.c_str(),
                        o.trainBatch, o.frames, o.trainCrop, r.secondsPerStep, r.clipsPerSecond, r.peakMemoryMb, r.device.c_str(),
                        r.attentionKernel.c_str());
            return Json{{"preset", preset},
                        {"attention", r.attentionKernel},
                        {"device", r.device},
                        {"batch", o.trainBatch},
                        {"frames", o.frames},
                        {"lr_crop", o.trainCrop},
                        {"seconds_per_step", r.secondsPerStep},
                        {"clips_per_second", r.clipsPerSecond},
                        {"peak_memory_mb", r.peakMemoryMb}};
        }));
    }
    return out;
}

int run(const Options& o)
{
    configureThreads(0);
    const auto cuda = listCudaDevices();
    std::printf("LibTorch %s, fused attention %s, %d CPU threads, CUDA devices: %zu\n", torchVersion().c_str(),
                fusedAttentionAvailable() ? "available" : "unavailable", intraOpThreads(), cuda.size());
    Json report = {{"libtorch", torchVersion()},
                   {"fused_attention", fusedAttentionAvailable()},
                   {"cuda_devices", cuda},
                   {"threads", intraOpThreads()}};
    bool passed = true;
    std::printf("consistency of %s against the CPU float32 reference:\n", o.model.c_str());
    report["consistency"] = consistency(o, passed);
    std::printf("out-of-memory retry:\n");
    report["out_of_memory_retry"] = outOfMemoryRetry(o, passed);
    std::printf("inference speed:\n");
    report["inference"] = inferenceSpeed(o);
    std::printf("training speed:\n");
    report["training"] = trainingSpeed(o);
    passed = passed && !g_measurementFailed;
    report["passed"] = passed;
    if (!o.json.empty()) {
        std::ofstream f(o.json);
        f << report.dump(2) << "\n";
        if (!f) throw Error(ErrorCode::FileUnwritable, "cannot write " + o.json);
    }
    std::printf("%s\n", passed ? "all checks passed" : "CHECK FAILED");
    return passed ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) { return dualx::tools::toolMain<Options>("dualx-device-check", argc, argv, parse, run); }
