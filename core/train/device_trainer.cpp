#include "train/device_trainer.h"

#include "dualx/errors.h"
#include "dualx/source_quality.h"
#include "dualx/weights.h"
#include "metrics/psnr.h"
#include "model/safetensors.h"
#include "model/weights.h"
#include "train/bicubic_downscale.h"
#include "train/losses.h"
#include "train/step_rng.h"

#include <cmath>
#include <filesystem>
#include <numbers>
#include <sstream>

namespace dualx::train {

namespace {

constexpr int kScale = 4;
constexpr int kBorder = 4;
constexpr DeviceFamily kFamilies[] = {DeviceFamily::Clean, DeviceFamily::FirstOrder, DeviceFamily::Mild, DeviceFamily::Home};

// LibTorch's generators (noise on the device) seeded from the step as well.
void seedTorchFor(uint64_t seed, int64_t step, uint64_t stream) { torch::manual_seed(rngFor(seed, step, stream)() >> 1); }

void check(bool ok, const std::string& what)
{
    if (!ok) throw Error(ErrorCode::InvalidArgument, "device training: " + what);
}

} // namespace

double DeviceTrainingOptions::learningRateAt(int64_t step) const
{
    if (warmupSteps > 0 && step < warmupSteps) return learningRate * static_cast<double>(step + 1) / static_cast<double>(warmupSteps);
    const double t = std::clamp(static_cast<double>(step) / static_cast<double>(std::max<int64_t>(1, totalSteps)), 0.0, 1.0);
    return learningRate * (0.1 + 0.9 * 0.5 * (1.0 + std::cos(std::numbers::pi * t)));
}

DeviceTrainer::DeviceTrainer(DeviceTrainingOptions options, std::function<void(const std::string&)> log)
    : m_options(std::move(options)),
      m_log(std::move(log))
{
    const auto& o = m_options;
    check(o.batch >= 1 && o.frames >= 1 && o.lrCrop >= 8, "batch and frames must be at least 1, the LR crop at least 8");
    check(o.learningRate > 0 && o.totalSteps >= 1, "the learning rate and the total steps must be positive");
    check(o.emaDecay >= 0 && o.emaDecay < 1, "the weight average's decay must be in [0, 1)");
    check(o.unknownSourceFraction >= 0 && o.unknownSourceFraction <= 1, "the unknown-source fraction must be in [0, 1]");
    check(o.validationClips >= 0, "the validation clips per family must not be negative");
    check(!o.sources.empty(), "a source pack is needed");
    auto say = [this](const std::string& s) {
        if (m_log) m_log(s);
    };

    // The network's shape: the checkpoint's when resuming, else the init file's.
    ModelConfig config;
    if (!o.checkpoint.empty() && std::filesystem::exists(o.checkpoint)) {
        const auto header = model::readSafetensorsHeader(o.checkpoint);
        const auto it = header.metadata.find(metadata_keys::kConfig);
        if (it == header.metadata.end()) throw Error(ErrorCode::CorruptFile, "checkpoint '" + o.checkpoint + "' names no model config");
        config = ModelConfig::fromJson(it->second);
    } else {
        check(!o.init.empty(), "no checkpoint at '" + o.checkpoint + "' to resume, and no init weights to start from");
        const auto info = inspectWeightFile(o.init);
        config = info.config;
        if (auto stages = info.metadata.find("dualx.stages"); stages != info.metadata.end()) m_initStages = stages->second;
    }
    torch::manual_seed(o.seed);
    m_model = model::DualXVSR(config);
    m_model->to(o.device);
    for (const auto& item : m_model->named_parameters()) m_params.emplace_back(item.key(), item.value());
    m_optimizer = std::make_unique<AdamW>(m_params, AdamWOptions{o.learningRate, 0.9, 0.99, 1e-8, 1e-4});
    if (o.emaDecay > 0) m_average = WeightAverage(m_params, o.emaDecay);
    m_state.recipeName = o.name;

    const auto pack = loadSourcePack(o.sources);
    const DeviceClipSettings clips{o.frames, o.lrCrop * kScale, o.videoFraction, o.photoSpeed};
    m_train = std::make_unique<DeviceClipSampler>(pack, false, clips, o.device);
    say("sources " + o.sources + ": " + std::to_string(m_train->photoCount()) + " photos and " + std::to_string(m_train->videoCount())
        + " videos for training");
    if (o.validationClips > 0) {
        const DeviceClipSampler held(pack, true, clips, o.device);
        for (const auto family : kFamilies) {
            // Fixed once, from a seed of their own: every validation sees the same input.
            auto rng = rngFor(o.seed, -1, static_cast<uint64_t>(family));
            seedTorchFor(o.seed, -1, 100 + static_cast<uint64_t>(family));
            DeviceBatch batch;
            std::vector<torch::Tensor> lrs, gts;
            for (int i = 0; i < o.validationClips; ++i) {
                gts.push_back(held.sample(rng));
                lrs.push_back(degradeOnDevice(gts.back(), family, rng));
                batch.families.push_back(family);
            }
            batch.lr = torch::stack(lrs);
            batch.gt = torch::stack(gts);
            m_validation.push_back(batch);
        }
        say("validation: " + std::to_string(o.validationClips) + " held-out clips per family");
    }
}

bool DeviceTrainer::restore()
{
    model::NamedTensors averaged;
    if (!m_options.checkpoint.empty() && loadCheckpoint(m_options.checkpoint, *m_model, *m_optimizer, m_state, {}, &averaged)) {
        if (averaged.empty())
            m_average.reset();
        else
            m_average.load(averaged, m_options.checkpoint);
        if (m_log) m_log("resumed " + m_options.checkpoint + " at step " + std::to_string(m_state.step));
        return true;
    }
    const auto initial = loadInitialWeights(m_options.init, *m_model);
    if (const auto& earlier = initial.earlier) m_state.history = stagesThrough(*earlier);
    m_average.reset();
    if (m_log) m_log("initialised from " + m_options.init + (initial.averaged ? " (its weight average)" : ""));
    return false;
}

DeviceBatch DeviceTrainer::batchForStep(int64_t step) const
{
    torch::NoGradGuard noGrad;
    seedTorchFor(m_options.seed, step, 1000);
    DeviceBatch batch;
    std::vector<torch::Tensor> lrs, gts;
    std::vector<float> conditions;
    for (int b = 0; b < m_options.batch; ++b) {
        auto rng = rngFor(m_options.seed, step, static_cast<uint64_t>(b));
        auto gt = m_train->sample(rng);
        const auto family = drawDeviceFamily(m_options.mix, rng);
        lrs.push_back(degradeOnDevice(gt, family, rng));
        gts.push_back(gt);
        batch.families.push_back(family);
        const bool unknown = std::uniform_real_distribution<double>(0, 1)(rng) < m_options.unknownSourceFraction;
        conditions.push_back(static_cast<float>(unknown ? kSourceUnknown : family == DeviceFamily::Clean ? kSourceClean : kSourceDegraded));
    }
    batch.lr = torch::stack(lrs);
    batch.gt = torch::stack(gts);
    if (m_model->config().sourceConditioned) batch.sourceCondition = torch::tensor(conditions, torch::kFloat32).to(m_options.device);
    return batch;
}

double DeviceTrainer::trainStep()
{
    const auto batch = batchForStep(m_state.step);
    m_model->train();
    m_optimizer->zeroGrad();
    auto loss = charbonnierLoss(m_model->forward(batch.lr, batch.sourceCondition), batch.gt);
    loss.backward();
    clipGradNorm(m_params, 1.0);
    m_optimizer->step(m_options.learningRateAt(m_state.step));
    m_average.update();
    ++m_state.step;
    m_state.samplesSeen += m_options.batch;
    return loss.item<double>();
}

std::vector<FamilyScore> DeviceTrainer::validate()
{
    std::vector<FamilyScore> scores;
    if (m_validation.empty()) return scores;
    std::optional<WeightAverage::Applied> average;
    if (m_average.enabled()) average.emplace(m_average);
    torch::InferenceMode guard;
    m_model->eval();
    double sum = 0, bicubicSum = 0;
    for (const auto& batch : m_validation) {
        FamilyScore score{batch.families.front()};
        for (int64_t i = 0; i < batch.lr.size(0); ++i) {
            // Blind (a source-aware model is not told the source), as the product runs by default.
            score.psnr += metrics::meanPsnr(m_model->forward(batch.lr[i].unsqueeze(0))[0].clamp(0, 1), batch.gt[i], true, kBorder);
            score.bicubic += metrics::meanPsnr(bicubicUpscale(batch.lr[i], kScale), batch.gt[i], true, kBorder);
        }
        score.psnr /= static_cast<double>(batch.lr.size(0));
        score.bicubic /= static_cast<double>(batch.lr.size(0));
        sum += score.psnr;
        bicubicSum += score.bicubic;
        scores.push_back(score);
    }
    m_model->train();
    m_state.lastValidationPsnr = sum / static_cast<double>(scores.size());
    m_state.lastValidationBicubicPsnr = bicubicSum / static_cast<double>(scores.size());
    return scores;
}

void DeviceTrainer::saveCheckpoint()
{
    if (m_options.checkpoint.empty()) return;
    train::saveCheckpoint(m_options.checkpoint, *m_model, *m_optimizer, m_state, {}, m_average.averaged());
}

void DeviceTrainer::exportWeights(const std::string& path, torch::ScalarType storage)
{
    std::optional<WeightAverage::Applied> average;
    if (m_average.enabled()) average.emplace(m_average);
    std::ostringstream hours, decay;
    hours.precision(3);
    hours << std::fixed << m_state.trainSeconds / 3600.0;
    decay << m_options.emaDecay;
    const std::string earlier = m_state.history.empty() ? m_initStages : m_state.history;
    const model::Metadata provenance = {
        {"dualx.recipe", m_options.name + " (device synthesis, dualx-synth-train)"},
        {"dualx.stages", (earlier.empty() ? "" : earlier + ";") + m_options.name + "@" + std::to_string(m_state.step)},
        {"dualx.iterations", std::to_string(m_state.step)},
        {"dualx.train_hours_last_stage", hours.str()},
        {"dualx.samples_seen", std::to_string(m_state.samplesSeen)},
        {"dualx.validation_psnr_y", std::to_string(m_state.lastValidationPsnr)},
        {"dualx.validation_bicubic_psnr_y", std::to_string(m_state.lastValidationBicubicPsnr)},
        {"dualx.crop_lr", std::to_string(m_options.lrCrop)},
        {"dualx.frames", std::to_string(m_options.frames)},
        {"dualx.batch", std::to_string(m_options.batch)},
        {"dualx.ema_decay", decay.str()},
        {"dualx.device", m_options.device.str()},
    };
    model::saveModelWeights(*m_model, path, "mse", provenance, storage);
}

} // namespace dualx::train
