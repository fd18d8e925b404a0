#pragma once
// Training DualX-VSR from a recipe (models/recipes/*.json) and exporting the result.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace dualx {

struct TrainingReport {
    int64_t step = 0;
    double loss = 0;              // mean Charbonnier loss since the previous report
    double learningRate = 0;
    double secondsPerStep = 0;
    double trainSeconds = 0;      // summed over every run of this recipe
    bool validated = false;       // the validation fields below are fresh
    double validationPsnr = 0;    // Y channel, border 4, on the held-out clips
    double validationBicubicPsnr = 0;
};

struct TrainingOptions {
    int64_t maxSteps = 0;   // stop after this many steps in this run (0: run to the recipe's end)
    int reportEvery = 20;   // steps between reports / CSV rows
    std::function<void(const std::string&)> log;
    std::function<void(const TrainingReport&)> onReport;
    const std::atomic<bool>* stop = nullptr; // set from a signal handler: checkpoint and return
};

// Runs (or resumes) the recipe's training. Throws dualx::Error on bad recipes or data.
void runTraining(const std::string& recipePath, const TrainingOptions& options);

// Writes the recipe's latest checkpoint as a shippable weight file with its provenance.
void exportTrainedModel(const std::string& recipePath, const std::string& outputPath, const std::string& variant,
                        bool halfPrecision);

// Draws the recipe's CSV log (loss and validation PSNR against bicubic) into a PNG.
void plotTrainingProgress(const std::string& recipePath, const std::string& pngPath);

} // namespace dualx
