// dualx-bank-train: fine-tunes a DualX-VSR weight file on a sample bank (clips synthesised
// beforehand by `dualx train --write-bank`), with the trainer's loss, optimizer and augmentation.
// It needs LibTorch alone, so it runs on a GPU machine that has none of FFmpeg and OpenCV: the
// synthesis happens where they are, the training where the GPU is.
//
//   dualx-bank-train --bank RAW.safetensors --init WEIGHTS.safetensors --out OUT.safetensors
//                    [--out-fp16 FILE] [--device auto|cpu|cuda] [--batch B] [--learning-rate LR]
//                    [--seconds S | --steps N] [--validate-every N] [--log CSV] [--seed S]
//
// The rate follows a cosine from LR down to LR/10 over the steps or the seconds. Exit status 0
// on success, 1 on failure, 2 on bad arguments.
#include "dualx/device.h"
#include "dualx/errors.h"
#include "dualx/runtime.h"
#include "dualx/weights.h"
#include "engine/device_control.h"
#include "engine/torch_device.h"
#include "metrics/psnr.h"
#include "model/weights.h"
#include "tool_support.h"
#include "train/adamw.h"
#include "train/bicubic_downscale.h"
#include "train/checkpoint.h"
#include "train/losses.h"
#include "train/sample_bank.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

namespace {

using namespace dualx;

struct Options {
    std::string bank, init, out, outFp16, log;
    DevicePreference device = DevicePreference::Auto;
    int batch = 16;
    double learningRate = 1e-4;
    double seconds = 0;
    int64_t steps = 0;
    int validateEvery = 500;
    int reconBlocks = -1; // -1: as in --init; more grows the network (train::loadInitialWeights)
    uint64_t seed = 5;
};

Options parse(int argc, char** argv)
{
    Options o;
    tools::forEachOption(argc, argv, [&](const std::string& name, const std::string& v) {
        if (name == "bank")
            o.bank = v;
        else if (name == "init")
            o.init = v;
        else if (name == "out")
            o.out = v;
        else if (name == "out-fp16")
            o.outFp16 = v;
        else if (name == "log")
            o.log = v;
        else if (name == "device")
            o.device = devicePreferenceFromName(v);
        else if (name == "batch")
            o.batch = static_cast<int>(tools::positiveNumber(name, v));
        else if (name == "learning-rate")
            o.learningRate = tools::positiveNumber(name, v);
        else if (name == "seconds")
            o.seconds = tools::positiveNumber(name, v);
        else if (name == "steps")
            o.steps = static_cast<int64_t>(tools::positiveNumber(name, v));
        else if (name == "validate-every")
            o.validateEvery = static_cast<int>(tools::positiveNumber(name, v));
        else if (name == "recon-blocks")
            o.reconBlocks = static_cast<int>(tools::positiveNumber(name, v));
        else if (name == "seed")
            o.seed = static_cast<uint64_t>(tools::positiveNumber(name, v));
        else
            throw Error(ErrorCode::InvalidArgument, "unknown option --" + name);
    });
    if (o.bank.empty() || o.init.empty() || o.out.empty()) throw Error(ErrorCode::InvalidArgument, "--bank, --init and --out are required");
    if ((o.seconds > 0) == (o.steps > 0)) throw Error(ErrorCode::InvalidArgument, "give one of --seconds S or --steps N");
    return o;
}

// Mean PSNR-Y (border 4) of the network on the bank's validation clips.
double validate(model::DualXVSRImpl& net, const torch::Tensor& lr, const torch::Tensor& gt)
{
    torch::InferenceMode guard;
    net.eval();
    double sum = 0;
    for (int64_t i = 0; i < lr.size(0); ++i) sum += metrics::meanPsnr(net.forward(lr[i].unsqueeze(0))[0].clamp(0, 1), gt[i], true, 4);
    net.train();
    return sum / static_cast<double>(lr.size(0));
}

// The same for bicubic upscaling: the baseline, measured once.
double bicubicValidation(const torch::Tensor& lr, const torch::Tensor& gt)
{
    double sum = 0;
    for (int64_t i = 0; i < lr.size(0); ++i) sum += metrics::meanPsnr(train::bicubicUpscale(lr[i], 4), gt[i], true, 4);
    return sum / static_cast<double>(lr.size(0));
}

int run(const Options& o)
{
    configureThreads(0);
    const DeviceChoice device = selectDevice(o.device);
    const auto dev = engine::torchDevice(device);
    auto bank = train::loadSampleBank(o.bank);
    bank.lr = bank.lr.to(dev);
    bank.gt = bank.gt.to(dev);
    const auto valLr = bank.validationLr.to(dev).to(torch::kFloat32).div(255.0);
    const auto valGt = bank.validationGt.to(dev).to(torch::kFloat32).div(255.0);
    const auto initInfo = inspectWeightFile(o.init);
    ModelConfig config = initInfo.config;
    if (o.reconBlocks >= 0) config.reconBlocks = o.reconBlocks;
    model::DualXVSR net(config);
    const int grown = train::loadInitialWeights(o.init, *net).grownBlocks;
    if (grown > 0) std::printf("grown by %d reconstruction blocks\n", grown);
    net->to(dev);
    net->train();
    std::vector<std::pair<std::string, torch::Tensor>> params;
    for (const auto& item : net->named_parameters()) params.emplace_back(item.key(), item.value());
    train::AdamW optimizer(params, train::AdamWOptions{o.learningRate, 0.9, 0.99, 1e-8, 1e-4});
    std::printf("bank %s: %lld clips of %lld frames, %lldx%lld LR (%s); %s; init %s\n", o.bank.c_str(),
                static_cast<long long>(bank.lr.size(0)), static_cast<long long>(bank.lr.size(1)), static_cast<long long>(bank.lr.size(4)),
                static_cast<long long>(bank.lr.size(3)), bank.metadata["dualx.recipe"].c_str(), device.description.c_str(), o.init.c_str());

    std::ofstream csv;
    if (!o.log.empty()) {
        csv.open(o.log, std::ios::trunc);
        if (!csv) throw Error(ErrorCode::FileUnwritable, "cannot write the log '" + o.log + "'");
        csv << "step,loss,learning_rate,seconds,val_psnr_y,val_bicubic_psnr_y\n";
    }
    const double startPsnr = validate(*net, valLr, valGt), bicubicPsnr = bicubicValidation(valLr, valGt);
    std::printf("step %7d  val PSNR-Y %.3f dB (bicubic %.3f, %+.3f)\n", 0, startPsnr, bicubicPsnr, startPsnr - bicubicPsnr);
    if (csv) csv << 0 << ",," << o.learningRate << ",0," << startPsnr << ',' << bicubicPsnr << "\n" << std::flush;

    std::mt19937_64 rng(o.seed);
    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    auto lossSum = torch::zeros({}, torch::TensorOptions().device(dev));
    int lossCount = 0;
    int64_t step = 0;
    double lastPsnr = startPsnr, rate = o.learningRate;
    for (;;) {
        const double progress = o.steps > 0 ? static_cast<double>(step) / static_cast<double>(o.steps) : elapsed() / o.seconds;
        if (progress >= 1.0) break;
        rate = o.learningRate * (0.55 + 0.45 * std::cos(M_PI * progress));
        const auto batch = train::sampleBankBatch(bank, o.batch, rng);
        optimizer.zeroGrad();
        auto loss = train::charbonnierLoss(net->forward(batch.lr), batch.gt);
        loss.backward();
        train::clipGradNorm(params, 1.0);
        optimizer.step(rate);
        lossSum += loss.detach();
        ++lossCount;
        ++step;
        if (step % o.validateEvery == 0) {
            const double meanLoss = lossSum.item<double>() / lossCount;
            lossSum.zero_();
            lossCount = 0;
            lastPsnr = validate(*net, valLr, valGt);
            std::printf("step %7lld  loss %.5f  lr %.2e  %.0f s  val PSNR-Y %.3f dB (%+.3f over bicubic)\n", static_cast<long long>(step),
                        meanLoss, rate, elapsed(), lastPsnr, lastPsnr - bicubicPsnr);
            std::fflush(stdout);
            if (csv)
                csv << step << ',' << meanLoss << ',' << rate << ',' << elapsed() << ',' << lastPsnr << ',' << bicubicPsnr << "\n"
                    << std::flush;
        }
    }
    if (step % o.validateEvery != 0) lastPsnr = validate(*net, valLr, valGt);
    const double seconds = elapsed();
    std::printf("%lld steps in %.0f s (%.3f s/step): val PSNR-Y %.3f dB, bicubic %.3f (%+.3f; %+.3f at the start)\n",
                static_cast<long long>(step), seconds, seconds / std::max<int64_t>(1, step), lastPsnr, bicubicPsnr, lastPsnr - bicubicPsnr,
                startPsnr - bicubicPsnr);

    net->to(torch::kCPU);
    std::ostringstream hours;
    hours.precision(3);
    hours << std::fixed << seconds / 3600.0;
    const auto earlier = initInfo.metadata.count("dualx.stages") ? initInfo.metadata.at("dualx.stages") + ";" : std::string();
    const std::string stage = "bank:" + bank.metadata["dualx.recipe"] + "@" + std::to_string(step);
    const model::Metadata provenance = {
        {"dualx.recipe", bank.metadata["dualx.recipe"] + " (sample bank, dualx-bank-train)"},
        {"dualx.stages", earlier + stage},
        {"dualx.iterations", std::to_string(step)},
        {"dualx.train_hours_last_stage", hours.str()},
        {"dualx.samples_seen", std::to_string(step * o.batch)},
        {"dualx.validation_psnr_y", std::to_string(lastPsnr)},
        {"dualx.validation_bicubic_psnr_y", std::to_string(bicubicPsnr)},
        {"dualx.crop_lr", std::to_string(bank.lr.size(3))},
        // Banks drawn before degrade_crop existed were degraded at the crop itself.
        {"dualx.degrade_crop_lr",
         bank.metadata.count("dualx.degrade_crop_lr") ? bank.metadata["dualx.degrade_crop_lr"] : std::to_string(bank.lr.size(3))},
        {"dualx.frames", std::to_string(bank.lr.size(1))},
        {"dualx.batch", std::to_string(o.batch)},
        {"dualx.bank_clips", std::to_string(bank.lr.size(0))},
        {"dualx.device", device.description},
    };
    const auto variant = initInfo.variant.empty() || initInfo.variant == "untrained" ? std::string("mse") : initInfo.variant;
    model::saveModelWeights(*net, o.out, variant, provenance, torch::kFloat32);
    if (!o.outFp16.empty()) model::saveModelWeights(*net, o.outFp16, variant, provenance, torch::kFloat16);
    std::printf("wrote %s%s%s\n", o.out.c_str(), o.outFp16.empty() ? "" : " and ", o.outFp16.c_str());
    return 0;
}

} // namespace

int main(int argc, char** argv) { return dualx::tools::toolMain<Options>("dualx-bank-train", argc, argv, parse, run); }
