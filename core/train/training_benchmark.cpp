#include "dualx/benchmark.h"

#include "dualx/errors.h"
#include "dualx/runtime.h"
#include "engine/device_control.h"
#include "engine/torch_device.h"
#include "model/dualx_vsr.h"
#include "train/adamw.h"
#include "train/losses.h"

#include <chrono>

namespace dualx {

TrainingBenchmarkResult runTrainingBenchmark(const TrainingBenchmarkOptions& options)
{
    if (options.batch < 1 || options.frames < 1 || options.lrCrop < 1 || options.repeats < 1 || options.warmup < 0)
        throw Error(ErrorCode::InvalidArgument, "training benchmark: batch, frames, crop and repeats must be >= 1");
    const DeviceChoice device = selectDevice(options.device);
    const auto torchDev = engine::torchDevice(device);

    torch::manual_seed(options.seed);
    model::DualXVSR net(options.config);
    net->attentionSettings() = options.attention;
    net->to(torchDev); // training is float32 everywhere, as the trainer runs it
    net->train();
    std::vector<std::pair<std::string, torch::Tensor>> params;
    for (const auto& item : net->named_parameters()) params.emplace_back(item.key(), item.value());
    train::AdamW optimizer(params, train::AdamWOptions{});

    const auto lr = torch::rand({options.batch, options.frames, 3, options.lrCrop, options.lrCrop}).to(torchDev);
    const auto gt = torch::rand({options.batch, options.frames, 3, 4 * options.lrCrop, 4 * options.lrCrop}).to(torchDev);
    auto step = [&] {
        optimizer.zeroGrad();
        auto loss = train::charbonnierLoss(net->forward(lr), gt);
        loss.backward();
        train::clipGradNorm(params, 1.0);
        optimizer.step(1e-5);
    };

    TrainingBenchmarkResult result;
    result.device = device.kind == DeviceKind::Cuda ? "CUDA:" + std::to_string(device.index) + " (fp32)" : device.description;
    result.threads = intraOpThreads();
    result.attentionKernel = std::string(attentionKernelName(resolveAttentionKernel(options.attention.kernel, /*cpuInference=*/false)));

    for (int i = 0; i < options.warmup; ++i) step();
    engine::synchronise(device);
    engine::resetDevicePeakMemory(device);
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < options.repeats; ++i) step();
    engine::synchronise(device);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.peakMemoryMb = engine::devicePeakMemoryMb(device);
    result.secondsPerStep = seconds / options.repeats;
    result.clipsPerSecond = options.batch / result.secondsPerStep;
    return result;
}

} // namespace dualx
