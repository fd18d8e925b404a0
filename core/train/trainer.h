#pragma once
// The training loop for one recipe stage: sample clips, synthesise LR, Charbonnier loss, AdamW,
// periodic validation against bicubic, CSV log, atomic checkpoints, deterministic resume.
#include "dualx/training.h"
#include "model/dualx_vsr.h"
#include "train/adamw.h"
#include "train/checkpoint.h"
#include "train/clip_library.h"
#include "train/perceptual_loss.h"
#include "train/recipe.h"
#include "train/weight_average.h"

#include <memory>

namespace dualx::train {

struct Batch {
    torch::Tensor lr;              // [B, N, 3, h, w]
    torch::Tensor gt;              // [B, N, 3, 4h, 4w]
    torch::Tensor sourceCondition; // [B] for a source-conditioned model, else undefined
};

class Trainer {
public:
    Trainer(Recipe recipe, std::function<void(const std::string&)> log);

    // Restores the checkpoint if there is one, else the recipe's init weights. Returns true on resume.
    bool restore();
    // The batch of a given step is a pure function of (seed, step): resumes replay exactly.
    Batch batchForStep(int64_t step) const;
    // The LR synthesis of one training clip: drawn from the recipe's degradation mix, or clean
    // at clean_fraction and otherwise the recipe's synthesis.
    LrSynthesis synthesisForClip(std::mt19937_64& rng) const;
    // One optimisation step (generator and, in the GAN stage, discriminator); returns the
    // generator's loss.
    double trainStep();
    // PSNR-Y (border 4) against the original GT, of the network (its weight average, when the
    // recipe keeps one) and of bicubic upscaling, on the fixed validation clips degraded as the
    // recipe degrades its training input.
    std::pair<double, double> validate();
    void saveCheckpoint();

    const TrainingState& state() const { return m_state; }
    TrainingState& state() { return m_state; }
    const Recipe& recipe() const { return m_recipe; }
    model::DualXVSR& network() { return m_model; }
    bool hasValidation() const { return m_validation.defined(); }
    // The fixed validation clips: LR input and GT, float [V, N, 3, h, w].
    Batch validationSet() const { return {m_validationLr, m_validation, {}}; }
    double lastGradNorm() const { return m_lastGradNorm; }
    const WeightAverage& weightAverage() const { return m_average; }
    bool adversarial() const { return static_cast<bool>(m_discriminator); }
    // The last GAN step's generator loss terms, unweighted (zero where the recipe has no such
    // term), and the discriminator's loss.
    struct GanTerms {
        double pixel = 0, perceptual = 0, adversarial = 0, periodic = 0, discriminator = 0;
    };
    const GanTerms& lastGanTerms() const { return m_lastGanTerms; }
    double lastDiscriminatorLoss() const { return m_lastGanTerms.discriminator; }
    // The GAN stage's discriminator and its optimizer (null parts otherwise).
    AdversaryParts adversary();

private:
    double adversarialStep(const Batch& batch);
    // The recipe's pixel loss of `output` against the ground truth.
    torch::Tensor pixelLossOf(const torch::Tensor& output, const torch::Tensor& gt) const;
    // The periodic-energy loss of `output` against the spec's reference (0 when it is off).
    torch::Tensor periodicTerm(const torch::Tensor& output, const Batch& batch, const PeriodicLossSpec& spec) const;

    Recipe m_recipe;
    std::function<void(const std::string&)> m_log;
    model::DualXVSR m_model{nullptr};
    std::unique_ptr<AdamW> m_optimizer;
    // The parameters the optimizer moves: all, or those named by the recipe's `trainable`.
    std::vector<std::pair<std::string, torch::Tensor>> m_trainable;
    WeightAverage m_average; // of m_trainable, when the recipe keeps one
    std::unique_ptr<ClipLibrary> m_train;
    torch::Tensor m_validation;   // GT clips [V, N, 3, H, W]
    torch::Tensor m_validationLr; // their LR inputs under the recipe's synthesis
    TrainingState m_state;
    double m_lastGradNorm = 0;
    UNetDiscriminator m_discriminator{nullptr};
    std::unique_ptr<AdamW> m_discriminatorOptimizer;
    std::unique_ptr<Vgg19PerceptualLoss> m_vgg;
    GanTerms m_lastGanTerms;
};

// LR frames for GT frames under the recipe's synthesis.
torch::Tensor synthesiseLr(const torch::Tensor& gt, LrSynthesis synthesis, std::mt19937_64& rng);

// The parameters a stage trains: all of them, or (recipe `trainable`) those whose names start
// with one of the prefixes; the rest are frozen (no gradients, so no backward pass through
// what only they need). A prefix that names nothing is an error, not a silently frozen network.
// The optimizer holds state for these only, so whatever loads a stage's checkpoint uses them.
std::vector<std::pair<std::string, torch::Tensor>> trainableParameters(model::DualXVSRImpl& model,
                                                                       const std::vector<std::string>& prefixes);

} // namespace dualx::train
