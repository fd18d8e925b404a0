#include "train/trainer.h"

#include "dualx/errors.h"
#include "engine/neighbour_alignment.h"
#include "metrics/psnr.h"
#include "train/augmentation.h"
#include "train/bicubic_downscale.h"
#include "train/degradation.h"
#include "train/losses.h"
#include "train/realistic_degradation.h"
#include "train/step_rng.h"

#include <algorithm>
#include <numeric>
#include <optional>
#include <set>

namespace dualx::train {

namespace {

constexpr int kScale = 4;
constexpr int kValidationLrSize = 48;
constexpr int kValidationBorder = 4;

// The aligned `crop` window at LR (x, y) of a clip synthesised for a larger region, and its GT.
void cutWindow(torch::Tensor& lr, torch::Tensor& gt, int x, int y, int crop)
{
    lr = lr.narrow(2, y, crop).narrow(3, x, crop).contiguous();
    gt = gt.narrow(2, y * kScale, crop * kScale).narrow(3, x * kScale, crop * kScale).contiguous();
}

} // namespace

std::vector<std::pair<std::string, torch::Tensor>> trainableParameters(model::DualXVSRImpl& model, const std::vector<std::string>& prefixes)
{
    std::vector<std::pair<std::string, torch::Tensor>> out;
    std::set<std::string> used;
    for (auto& item : model.named_parameters()) {
        bool train = prefixes.empty();
        for (const auto& prefix : prefixes)
            if (item.key().starts_with(prefix)) {
                train = true;
                used.insert(prefix);
            }
        item.value().set_requires_grad(train);
        if (train) out.emplace_back(item.key(), item.value());
    }
    for (const auto& prefix : prefixes)
        if (!used.count(prefix))
            throw Error(ErrorCode::InvalidArgument, "recipe: trainable prefix '" + prefix + "' names no parameter of the network");
    return out;
}

torch::Tensor synthesiseLr(const torch::Tensor& gt, LrSynthesis synthesis, std::mt19937_64& rng)
{
    switch (synthesis) {
    case LrSynthesis::Bicubic: return bicubicDownscale(gt, kScale);
    case LrSynthesis::FirstOrder: return degradeClip(gt, rng);
    case LrSynthesis::Mild: return degradeClipRealistic(gt, RealisticFamily::Mild, rng);
    case LrSynthesis::Home: return degradeClipRealistic(gt, RealisticFamily::Home, rng);
    }
    throw Error(ErrorCode::Internal, "unknown LR synthesis");
}

Trainer::Trainer(Recipe recipe, std::function<void(const std::string&)> log) : m_recipe(std::move(recipe)), m_log(std::move(log))
{
    auto say = [this](const std::string& s) {
        if (m_log) m_log(s);
    };
    torch::manual_seed(m_recipe.seed);
    m_model = model::DualXVSR(m_recipe.model);
    m_trainable = trainableParameters(*m_model, m_recipe.trainable);
    if (m_recipe.emaDecay > 0) m_average = WeightAverage(m_trainable, m_recipe.emaDecay);
    m_optimizer = std::make_unique<AdamW>(m_trainable,
                                          AdamWOptions{m_recipe.learningRate, m_recipe.beta1, m_recipe.beta2, 1e-8, m_recipe.weightDecay});
    m_state.recipeName = m_recipe.name;
    if (m_recipe.gan.enabled) {
        m_discriminator = UNetDiscriminator(m_recipe.gan.discriminatorFeatures);
        std::vector<std::pair<std::string, torch::Tensor>> discParams;
        for (const auto& item : m_discriminator->named_parameters()) discParams.emplace_back(item.key(), item.value());
        m_discriminatorOptimizer = std::make_unique<AdamW>(
            discParams, AdamWOptions{m_recipe.gan.discriminatorLearningRate, m_recipe.beta1, m_recipe.beta2, 1e-8, m_recipe.weightDecay});
        if (m_recipe.gan.perceptual == "vgg19") m_vgg = std::make_unique<Vgg19PerceptualLoss>(m_recipe.gan.vggWeights);
    }

    const auto excluded = heldOutSet(m_recipe.data.validation);
    const auto photos = listPhotoFiles(m_recipe.data.photos, excluded);
    const auto videos = listVideoFiles(m_recipe.data.videos, excluded);
    say("training data: " + std::to_string(photos.size()) + " photos, " + std::to_string(videos.size()) + " videos");
    m_train = std::make_unique<ClipLibrary>(photos, videos, m_recipe.data, m_log);
    say("decoded " + std::to_string(m_train->photoCount()) + " photos and " + std::to_string(m_train->videoCount()) + " videos ("
        + std::to_string(m_train->videoFrameCount()) + " frames)");

    if (!m_recipe.data.validation.empty()) {
        std::vector<std::string> valPhotos, valVideos;
        for (const auto& p : m_recipe.data.validation) (isVideoPath(p) ? valVideos : valPhotos).push_back(p);
        ClipLibrary validation(valPhotos, valVideos, m_recipe.data, m_log);
        // Fixed clips: drawn once from a seed of their own, identical in every run. With a
        // degradation region, they are degraded as training clips are and cut at the centre.
        auto rng = rngFor(m_recipe.seed, -1, 7);
        const int region = std::max(kValidationLrSize, m_recipe.degradeCrop), offset = (region - kValidationLrSize) / 2;
        std::vector<torch::Tensor> clips;
        for (int i = 0; i < m_recipe.data.validationClips; ++i)
            clips.push_back(validation.sampleClip(rng, m_recipe.frames, region * kScale));
        // LR inputs fixed once, so every validation sees the same degradations.
        std::vector<torch::Tensor> lrs;
        for (auto& clip : clips) {
            lrs.push_back(synthesiseLr(clip, m_recipe.synthesis, rng));
            if (region > kValidationLrSize) cutWindow(lrs.back(), clip, offset, offset, kValidationLrSize);
        }
        m_validation = torch::stack(clips);
        m_validationLr = torch::stack(lrs);
        say("validation: " + std::to_string(clips.size()) + " clips from " + std::to_string(m_recipe.data.validation.size())
            + " held-out files");
    }
}

AdversaryParts Trainer::adversary()
{
    if (!m_discriminator) return {};
    return {m_discriminator.get(), m_discriminatorOptimizer.get()};
}

bool Trainer::restore()
{
    model::NamedTensors averaged;
    if (loadCheckpoint(m_recipe.checkpoint, *m_model, *m_optimizer, m_state, adversary(), &averaged)) {
        // A run that kept no average yet starts one at the weights it resumes.
        if (averaged.empty())
            m_average.reset();
        else
            m_average.load(averaged, m_recipe.checkpoint);
        if (m_log) m_log("resumed " + m_recipe.checkpoint + " at step " + std::to_string(m_state.step));
        return true;
    }
    if (!m_recipe.init.empty()) {
        const auto initial = loadInitialWeights(m_recipe.init, *m_model, adversary());
        if (const auto& earlier = initial.earlier) m_state.history = stagesThrough(*earlier);
        if (m_log)
            m_log("initialised from " + m_recipe.init + (initial.averaged ? " (its weight average)" : "")
                  + (initial.grownBlocks > 0 ? " (grown by " + std::to_string(initial.grownBlocks) + " reconstruction blocks)" : "")
                  + (initial.discriminator ? " (and its discriminator)" : ""));
        for (const auto& [prefix, file] : m_recipe.initParts) {
            const int count = loadInitPart(*m_model, prefix, file);
            if (m_log) m_log("  " + prefix + ": " + std::to_string(count) + " tensors from " + file);
        }
        m_average.reset();
    }
    return false;
}

LrSynthesis Trainer::synthesisForClip(std::mt19937_64& rng) const
{
    const auto& mix = m_recipe.mix;
    if (mix.enabled()) {
        const double weights[] = {mix.clean, mix.firstOrder, mix.mild, mix.home};
        static constexpr LrSynthesis kFamilies[] = {LrSynthesis::Bicubic, LrSynthesis::FirstOrder, LrSynthesis::Mild, LrSynthesis::Home};
        return kFamilies[std::discrete_distribution<int>(std::begin(weights), std::end(weights))(rng)];
    }
    // A share of clean (bicubic) clips keeps the model faithful on undegraded input too; the
    // draw only happens when asked for, so older recipes replay their exact batches.
    const bool clean = m_recipe.cleanFraction > 0 && std::uniform_real_distribution<double>(0, 1)(rng) < m_recipe.cleanFraction;
    return clean ? LrSynthesis::Bicubic : m_recipe.synthesis;
}

Batch Trainer::batchForStep(int64_t step) const
{
    std::vector<torch::Tensor> lrs, gts;
    std::vector<float> conditions;
    for (int b = 0; b < m_recipe.batch; ++b) {
        auto rng = rngFor(m_recipe.seed, step, static_cast<uint64_t>(b));
        const int region = m_recipe.degradeRegion();
        auto gt = augmentClip(m_train->sampleClip(rng, m_recipe.frames, region * kScale), rng);
        const LrSynthesis synthesis = synthesisForClip(rng);
        const bool clean = synthesis == LrSynthesis::Bicubic;
        auto lr = synthesiseLr(gt, synthesis, rng);
        if (m_recipe.model.sourceConditioned) {
            const bool unknown = std::uniform_real_distribution<double>(0, 1)(rng) < m_recipe.unknownSourceFraction;
            conditions.push_back(static_cast<float>(unknown ? kSourceUnknown : (clean ? kSourceClean : kSourceDegraded)));
        }
        if (region > m_recipe.lrCrop) {
            // Cut the training window out of the degraded region, GT aligned at 4x.
            std::uniform_int_distribution<int> offset(0, region - m_recipe.lrCrop);
            const int x = offset(rng), y = offset(rng);
            cutWindow(lr, gt, x, y, m_recipe.lrCrop);
        }
        lrs.push_back(std::move(lr));
        gts.push_back(m_recipe.sharpenGt ? unsharpMaskClip(gt) : gt);
    }
    Batch batch{torch::stack(lrs), torch::stack(gts), {}};
    if (!conditions.empty()) batch.sourceCondition = torch::tensor(conditions, torch::kFloat32);
    return batch;
}

torch::Tensor Trainer::pixelLossOf(const torch::Tensor& output, const torch::Tensor& gt) const
{
    return m_recipe.pixelLoss == PixelLoss::Mse ? mseLoss(output, gt) : charbonnierLoss(output, gt);
}

torch::Tensor Trainer::periodicTerm(const torch::Tensor& output, const Batch& batch, const PeriodicLossSpec& spec) const
{
    if (spec.lambda <= 0) return torch::zeros({}, output.options());
    const auto reference = spec.reference == PeriodicLossSpec::Reference::Bicubic ? bicubicUpscale(batch.lr, kScale) : batch.gt;
    return periodicEnergyLoss(output, reference, spec.margin);
}

double Trainer::adversarialStep(const Batch& batch)
{
    const auto& g = m_recipe.gan;
    auto discParams = m_discriminator->parameters();
    m_model->train();
    m_discriminator->train();

    // Generator: pixel + perceptual + adversarial, with the discriminator frozen.
    for (auto& p : discParams) p.set_requires_grad(false);
    m_optimizer->zeroGrad();
    auto output = engine::forwardNetwork(m_model, batch.lr, batch.sourceCondition);
    auto fake = output.flatten(0, 1), real = batch.gt.flatten(0, 1);
    if (g.discriminatorFrames > 0 && g.discriminatorFrames < output.size(1)) {
        // The same frames of every clip for the generator's and the discriminator's update,
        // drawn from the step so a resumed run replays them.
        auto rng = rngFor(m_recipe.seed, m_state.step, 1000);
        std::vector<int64_t> frames(static_cast<size_t>(output.size(1)));
        std::iota(frames.begin(), frames.end(), 0);
        std::shuffle(frames.begin(), frames.end(), rng);
        std::vector<int64_t> rows;
        for (int64_t b = 0; b < output.size(0); ++b)
            for (int i = 0; i < g.discriminatorFrames; ++i) rows.push_back(b * output.size(1) + frames[static_cast<size_t>(i)]);
        const auto index = torch::tensor(rows, torch::kLong).to(fake.device());
        fake = fake.index_select(0, index);
        real = real.index_select(0, index);
    }
    const auto pixel = pixelLossOf(output, batch.gt);
    const auto perceptual = m_vgg ? (*m_vgg)(fake, real) : featureMatchingLoss(*m_discriminator, fake, real);
    const auto adversarial = ganLoss(m_discriminator->forward(fake), true);
    auto loss = g.lambdaPixel * pixel + g.lambdaPerceptual * perceptual + g.lambdaAdversarial * adversarial;
    const auto periodic = periodicTerm(output, batch, g.periodic);
    loss = loss + g.periodic.lambda * periodic;
    loss.backward();
    m_lastGradNorm = clipGradNorm(m_trainable, m_recipe.gradClip);
    m_optimizer->step(m_recipe.learningRateAt(m_state.step));
    m_average.update();

    // Discriminator: real frames against the generator's (detached) output.
    for (auto& p : discParams) p.set_requires_grad(true);
    m_discriminatorOptimizer->zeroGrad();
    auto discLoss = ganLoss(m_discriminator->forward(real), true) + ganLoss(m_discriminator->forward(fake.detach()), false);
    discLoss.backward();
    m_discriminatorOptimizer->step(g.discriminatorLearningRate);
    // One copy to the host for the logged terms, after the step (no stall before backward).
    const auto terms = torch::stack({pixel, perceptual, adversarial, periodic, discLoss}).detach().to(torch::kCPU, torch::kDouble);
    const auto* t = terms.data_ptr<double>();
    m_lastGanTerms = {t[0], t[1], t[2], t[3], t[4]};

    ++m_state.step;
    m_state.samplesSeen += m_recipe.batch;
    return loss.item<double>();
}

double Trainer::trainStep()
{
    const auto batch = batchForStep(m_state.step);
    if (m_discriminator) return adversarialStep(batch);
    m_model->train();
    m_optimizer->zeroGrad();
    const auto output = engine::forwardNetwork(m_model, batch.lr, batch.sourceCondition);
    auto loss = pixelLossOf(output, batch.gt);
    if (m_recipe.periodic.lambda > 0) loss = loss + m_recipe.periodic.lambda * periodicTerm(output, batch, m_recipe.periodic);
    loss.backward();
    m_lastGradNorm = clipGradNorm(m_trainable, m_recipe.gradClip);
    m_optimizer->step(m_recipe.learningRateAt(m_state.step));
    m_average.update();
    ++m_state.step;
    m_state.samplesSeen += m_recipe.batch;
    return loss.item<double>();
}

std::pair<double, double> Trainer::validate()
{
    if (!m_validation.defined()) return {0, 0};
    std::optional<WeightAverage::Applied> average;
    if (m_average.enabled()) average.emplace(m_average);
    torch::InferenceMode guard;
    m_model->eval();
    double model = 0, bicubic = 0;
    for (int64_t i = 0; i < m_validation.size(0); ++i) {
        auto gt = m_validation[i];
        auto lr = m_validationLr[i];
        auto out = engine::forwardNetwork(m_model, lr.unsqueeze(0))[0].clamp(0, 1);
        model += metrics::meanPsnr(out, gt, true, kValidationBorder);
        bicubic += metrics::meanPsnr(bicubicUpscale(lr, kScale), gt, true, kValidationBorder);
    }
    const double n = static_cast<double>(m_validation.size(0));
    m_state.lastValidationPsnr = model / n;
    m_state.lastValidationBicubicPsnr = bicubic / n;
    return {model / n, bicubic / n};
}

void Trainer::saveCheckpoint()
{
    train::saveCheckpoint(m_recipe.checkpoint, *m_model, *m_optimizer, m_state, adversary(), m_average.averaged());
}

} // namespace dualx::train
