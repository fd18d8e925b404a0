#pragma once
// Training where only LibTorch is at hand (a GPU machine): clips drawn from a source pack and
// degraded on the device itself (device_clip_sampler.h, device_degradation.h), so the stream of
// samples never runs dry, with the CPU trainer's loss (Charbonnier), AdamW, gradient clipping,
// weight average and checkpoint format. Runs are slices: each resumes the checkpoint the last
// one wrote, so a GPU lent for minutes at a time adds up to one long schedule.
#include "model/dualx_vsr.h"
#include "train/adamw.h"
#include "train/checkpoint.h"
#include "train/device_clip_sampler.h"
#include "train/device_degradation.h"
#include "train/weight_average.h"

#include <memory>
#include <optional>

namespace dualx::train {

struct DeviceTrainingOptions {
    std::string name = "synth"; // the stage's name in checkpoints and weight files
    std::string sources;        // raw source pack
    std::string init;           // weights to start from when there is no checkpoint yet
    std::string checkpoint;     // resumed when it exists, written by saveCheckpoint()
    int batch = 16;
    int lrCrop = 48;
    int frames = 8;
    double learningRate = 1e-4; // peak; a cosine to a tenth of it over totalSteps
    int64_t warmupSteps = 0;
    int64_t totalSteps = 20000; // the schedule's length, across every slice
    double emaDecay = 0.999;    // 0: no weight average
    DeviceFamilyMix mix;
    double unknownSourceFraction = 0.3; // source-aware models: share of clips marked unknown
    double videoFraction = 0.3;
    double photoSpeed = 8.0;
    int validationClips = 4; // per family, drawn once from the held-out items
    uint64_t seed = 61;
    torch::Device device = torch::kCPU;

    double learningRateAt(int64_t step) const;
};

struct DeviceBatch {
    torch::Tensor lr, gt;          // [B, T, 3, h, w], [B, T, 3, 4h, 4w]
    torch::Tensor sourceCondition; // [B], for a source-aware model
    std::vector<DeviceFamily> families;
};

struct FamilyScore {
    DeviceFamily family;
    double psnr = 0, bicubic = 0; // PSNR-Y, border 4, over the family's validation clips
};

class DeviceTrainer {
public:
    // Loads the sources; builds the network from the checkpoint's config when it exists, else
    // from `init`'s. Throws InvalidArgument / FileNotFound / CorruptFile naming the problem.
    DeviceTrainer(DeviceTrainingOptions options, std::function<void(const std::string&)> log);

    // Resumes the checkpoint (true) or starts from `init`.
    bool restore();
    // The batch of a step: a function of (seed, step) only, so a resumed slice replays it.
    DeviceBatch batchForStep(int64_t step) const;
    double trainStep();
    // The network (its weight average, when kept) against bicubic on the held-out clips.
    std::vector<FamilyScore> validate();
    void saveCheckpoint();
    // The weight average (or the weights) as a shippable file with its provenance.
    void exportWeights(const std::string& path, torch::ScalarType storage);

    const TrainingState& state() const { return m_state; }
    TrainingState& state() { return m_state; }
    model::DualXVSR& network() { return m_model; }
    const DeviceTrainingOptions& options() const { return m_options; }

private:
    DeviceTrainingOptions m_options;
    std::function<void(const std::string&)> m_log;
    model::DualXVSR m_model{nullptr};
    std::vector<std::pair<std::string, torch::Tensor>> m_params;
    std::unique_ptr<AdamW> m_optimizer;
    WeightAverage m_average;
    std::unique_ptr<DeviceClipSampler> m_train;
    std::vector<DeviceBatch> m_validation; // one per family
    TrainingState m_state;
    std::string m_initStages; // the init file's dualx.stages, for provenance
};

} // namespace dualx::train
