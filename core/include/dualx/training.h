#pragma once
// Training DualX-VSR from a recipe (models/recipes/*.json) and exporting the result.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace dualx {

struct TrainingReport {
    int64_t step = 0;
    double loss = 0; // mean loss since the previous report (the generator's weighted sum in a GAN stage)
    double learningRate = 0;
    double secondsPerStep = 0;
    double trainSeconds = 0;   // summed over every run of this recipe
    bool validated = false;    // the validation fields below are fresh
    double validationPsnr = 0; // Y channel, border 4, on the held-out clips
    double validationBicubicPsnr = 0;
    // GAN stages: the generator's loss terms (each unweighted, mean since the previous report)
    // and the discriminator's loss, to see which term moves the generator.
    bool adversarial = false;
    double pixelLoss = 0, perceptualLoss = 0, adversarialLoss = 0, periodicLoss = 0, discriminatorLoss = 0;
};

struct TrainingOptions {
    int64_t maxSteps = 0; // stop after this many steps in this run (0: run to the recipe's end)
    int reportEvery = 20; // steps between reports / CSV rows
    std::function<void(const std::string&)> log;
    std::function<void(const TrainingReport&)> onReport;
    const std::atomic<bool>* stop = nullptr; // set from a signal handler: checkpoint and return
};

// Runs (or resumes) the recipe's training. Throws dualx::Error on bad recipes or data.
void runTraining(const std::string& recipePath, const TrainingOptions& options);

// Draws `clips` training clips, and the fixed validation clips, as `dualx train` would for this
// recipe (same sampling, synthesis, GT sharpening; clips drawn from steps no training run
// reaches) and writes them as a packed sample bank (train/sample_bank_packing.h) for training
// elsewhere, e.g. with dualx-bank-train on a GPU machine.
void writeTrainingBank(const std::string& recipePath, const std::string& outputPath, int clips,
                       const std::function<void(const std::string&)>& log = {});

// Writes the recipe's training material (photos at most `maxPhotoSide` on their long side, the
// first `maxVideoFrames` frames of each video, as the trainer decodes them) and its held-out
// validation files as a packed source pack (train/source_pack_packing.h), from which
// dualx-synth-train draws and degrades its own clips on a GPU machine.
void writeTrainingSources(const std::string& recipePath, const std::string& outputPath, int maxPhotoSide, int maxVideoFrames,
                          const std::function<void(const std::string&)>& log = {});

// Writes the recipe's latest checkpoint as a shippable weight file with its provenance.
void exportTrainedModel(const std::string& recipePath, const std::string& outputPath, const std::string& variant, bool halfPrecision);

// Draws the recipe's CSV log (loss and validation PSNR against bicubic) into a PNG.
void plotTrainingProgress(const std::string& recipePath, const std::string& pngPath);

} // namespace dualx
