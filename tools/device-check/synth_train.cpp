// dualx-synth-train: trains a DualX-VSR network where only LibTorch is at hand (a GPU machine),
// drawing clips from a source pack and degrading them on the device itself
// (train/device_trainer.h). One run is a slice: it resumes --checkpoint when it exists, trains
// for --seconds (or --steps), writes the checkpoint, and exports the weight average.
//
//   dualx-synth-train --sources RAW.safetensors --checkpoint CK.safetensors [--init WEIGHTS]
//                     [--seconds S | --steps N] [--total-steps N] [--export OUT.safetensors]
//                     [--export-fp16 FILE] [--log CSV] [--device auto|cpu|cuda] [--batch B]
//                     [--crop LR_PX] [--frames T] [--learning-rate LR] [--warmup N] [--ema D]
//                     [--mix CLEAN,FIRST_ORDER,MILD,HOME] [--unknown-fraction F]
//                     [--video-fraction F] [--photo-speed PX] [--validate-every N]
//                     [--validation-clips N] [--checkpoint-every SECONDS] [--seed S] [--name NAME]
//                     [--samples DIR]
//
// --samples writes the first frame of each clip of the slice's first batch as a PPM, ground
// truth beside its degraded input (enlarged 4x, nearest), named by the degradation family: what
// the network is shown, to look at.
// Exit status 0 on success, 1 on failure, 2 on bad arguments.
#include "dualx/device.h"
#include "dualx/errors.h"
#include "dualx/runtime.h"
#include "engine/torch_device.h"
#include "tool_support.h"
#include "train/device_trainer.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

using namespace dualx;

struct Options {
    train::DeviceTrainingOptions training;
    DevicePreference device = DevicePreference::Auto;
    double seconds = 0;
    int64_t steps = 0;
    std::string exportPath, exportFp16, log, samples;
    int validateEvery = 500;
    double checkpointEvery = 120;
};

train::DeviceFamilyMix parseMix(const std::string& text)
{
    std::vector<double> v;
    std::stringstream in(text);
    for (std::string part; std::getline(in, part, ',');) v.push_back(std::stod(part));
    if (v.size() != 4) throw Error(ErrorCode::InvalidArgument, "--mix needs four shares: clean,first-order,mild,home");
    return {v[0], v[1], v[2], v[3]};
}

double fraction(const std::string& name, const std::string& value)
{
    const double v = std::stod(value);
    if (!(v >= 0 && v <= 1)) throw Error(ErrorCode::InvalidArgument, "--" + name + " needs a number in [0, 1], got '" + value + "'");
    return v;
}

Options parse(int argc, char** argv)
{
    Options o;
    auto& t = o.training;
    tools::forEachOption(argc, argv, [&](const std::string& name, const std::string& v) {
        if (name == "sources")
            t.sources = v;
        else if (name == "checkpoint")
            t.checkpoint = v;
        else if (name == "init")
            t.init = v;
        else if (name == "name")
            t.name = v;
        else if (name == "export")
            o.exportPath = v;
        else if (name == "export-fp16")
            o.exportFp16 = v;
        else if (name == "log")
            o.log = v;
        else if (name == "samples")
            o.samples = v;
        else if (name == "device")
            o.device = devicePreferenceFromName(v);
        else if (name == "seconds")
            o.seconds = tools::positiveNumber(name, v);
        else if (name == "steps")
            o.steps = tools::positiveInteger(name, v);
        else if (name == "total-steps")
            t.totalSteps = tools::positiveInteger(name, v);
        else if (name == "batch")
            t.batch = tools::positiveInteger(name, v);
        else if (name == "crop")
            t.lrCrop = tools::positiveInteger(name, v);
        else if (name == "frames")
            t.frames = tools::positiveInteger(name, v);
        else if (name == "learning-rate")
            t.learningRate = tools::positiveNumber(name, v);
        else if (name == "warmup")
            t.warmupSteps = tools::positiveInteger(name, v);
        else if (name == "ema")
            t.emaDecay = fraction(name, v);
        else if (name == "mix")
            t.mix = parseMix(v);
        else if (name == "unknown-fraction")
            t.unknownSourceFraction = fraction(name, v);
        else if (name == "video-fraction")
            t.videoFraction = fraction(name, v);
        else if (name == "photo-speed")
            t.photoSpeed = tools::positiveNumber(name, v);
        else if (name == "validate-every")
            o.validateEvery = tools::positiveInteger(name, v);
        else if (name == "validation-clips")
            t.validationClips = tools::positiveInteger(name, v);
        else if (name == "checkpoint-every")
            o.checkpointEvery = tools::positiveNumber(name, v);
        else if (name == "seed")
            t.seed = static_cast<uint64_t>(tools::positiveInteger(name, v));
        else
            throw Error(ErrorCode::InvalidArgument, "unknown option --" + name);
    });
    if (t.sources.empty() || t.checkpoint.empty()) throw Error(ErrorCode::InvalidArgument, "--sources and --checkpoint are required");
    if ((o.seconds > 0) == (o.steps > 0)) throw Error(ErrorCode::InvalidArgument, "give one of --seconds S or --steps N");
    return o;
}

// GT frame 0 of each clip beside its LR frame 0 (enlarged 4x, nearest), as binary PPM.
void writeSamples(const train::DeviceBatch& batch, const std::string& folder)
{
    std::filesystem::create_directories(folder);
    for (int64_t b = 0; b < batch.gt.size(0); ++b) {
        const auto gt = batch.gt[b][0];
        const auto lr = batch.lr[b][0].repeat_interleave(4, 1).repeat_interleave(4, 2);
        const auto rgb = torch::cat({gt, lr}, 2).clamp(0, 1).mul(255).round().to(torch::kUInt8).permute({1, 2, 0}).contiguous().cpu();
        const std::string path
            = folder + "/sample-" + std::to_string(b) + "-" + train::deviceFamilyName(batch.families[static_cast<size_t>(b)]) + ".ppm";
        std::ofstream out(path, std::ios::binary);
        out << "P6\n" << rgb.size(1) << " " << rgb.size(0) << "\n255\n";
        out.write(reinterpret_cast<const char*>(rgb.data_ptr<uint8_t>()), static_cast<std::streamsize>(rgb.numel()));
        if (!out) throw Error(ErrorCode::FileUnwritable, "cannot write '" + path + "'");
    }
}

int run(const Options& opts)
{
    configureThreads(0);
    Options o = opts;
    const DeviceChoice device = selectDevice(o.device);
    o.training.device = engine::torchDevice(device);
    train::DeviceTrainer trainer(o.training, [](const std::string& s) { std::printf("%s\n", s.c_str()); });
    const bool resumed = trainer.restore();
    std::printf("%s; step %lld of %lld\n", device.description.c_str(), static_cast<long long>(trainer.state().step),
                static_cast<long long>(o.training.totalSteps));

    std::ofstream csv;
    if (!o.log.empty()) {
        const bool fresh = !resumed || !std::filesystem::exists(o.log);
        csv.open(o.log, fresh ? std::ios::trunc : std::ios::app);
        if (!csv) throw Error(ErrorCode::FileUnwritable, "cannot write the log '" + o.log + "'");
        if (fresh)
            csv << "step,loss,learning_rate,seconds_per_step,train_seconds,val_psnr_y,val_bicubic_psnr_y,clean,first_order,mild,home\n";
    }
    auto validate = [&](double loss, double secondsPerStep) {
        const auto scores = trainer.validate();
        const auto& s = trainer.state();
        std::printf("step %7lld  loss %.5f  lr %.2e  %.3f s/step  val PSNR-Y %.3f dB (bicubic %.3f, %+.3f):",
                    static_cast<long long>(s.step), loss, o.training.learningRateAt(s.step), secondsPerStep, s.lastValidationPsnr,
                    s.lastValidationBicubicPsnr, s.lastValidationPsnr - s.lastValidationBicubicPsnr);
        for (const auto& f : scores) std::printf("  %s %+.3f", train::deviceFamilyName(f.family), f.psnr - f.bicubic);
        std::printf("\n");
        std::fflush(stdout);
        if (csv) {
            csv << s.step << ',' << loss << ',' << o.training.learningRateAt(s.step) << ',' << secondsPerStep << ',' << s.trainSeconds
                << ',' << s.lastValidationPsnr << ',' << s.lastValidationBicubicPsnr;
            for (const auto& f : scores) csv << ',' << f.psnr - f.bicubic;
            csv << "\n" << std::flush;
        }
    };
    if (!resumed) validate(0, 0);
    if (!o.samples.empty()) writeSamples(trainer.batchForStep(trainer.state().step), o.samples);

    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    auto lastCheckpoint = start, lastStep = start;
    auto since = [](clock::time_point t) { return std::chrono::duration<double>(clock::now() - t).count(); };
    double lossSum = 0, stepSeconds = 0;
    int lossCount = 0;
    int64_t done = 0;
    while (trainer.state().step < o.training.totalSteps && (o.steps > 0 ? done < o.steps : since(start) < o.seconds)) {
        lossSum += trainer.trainStep();
        ++lossCount;
        ++done;
        const double dt = since(lastStep);
        lastStep = clock::now();
        stepSeconds += dt;
        trainer.state().trainSeconds += dt;
        if (trainer.state().step % o.validateEvery == 0) {
            validate(lossSum / lossCount, stepSeconds / lossCount);
            lossSum = stepSeconds = 0;
            lossCount = 0;
        }
        if (since(lastCheckpoint) >= o.checkpointEvery) {
            trainer.saveCheckpoint();
            lastCheckpoint = clock::now();
        }
    }
    if (lossCount > 0) validate(lossSum / lossCount, stepSeconds / lossCount);
    trainer.saveCheckpoint();
    std::printf("%lld steps in %.0f s; checkpoint %s at step %lld\n", static_cast<long long>(done), since(start),
                o.training.checkpoint.c_str(), static_cast<long long>(trainer.state().step));
    if (!o.exportPath.empty()) trainer.exportWeights(o.exportPath, torch::kFloat32);
    if (!o.exportFp16.empty()) trainer.exportWeights(o.exportFp16, torch::kFloat16);
    return 0;
}

} // namespace

int main(int argc, char** argv) { return dualx::tools::toolMain<Options>("dualx-synth-train", argc, argv, parse, run); }
