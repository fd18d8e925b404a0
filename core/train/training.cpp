// The public training entry points (dualx/training.h): the loop around Trainer with its CSV log
// and timed checkpoints, the export of a checkpoint as a shippable weight file, the plot.
#include "dualx/training.h"

#include "dualx/errors.h"
#include "dualx/weights.h"
#include "model/weights.h"
#include "pipeline/durable_file.h"
#include "train/trainer.h"
#include "train/training_plot.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace dualx {

namespace {

namespace fs = std::filesystem;

// Keeps the CSV consistent with the checkpoint: rows logged after the last checkpoint of a
// killed run are dropped before new rows are appended. The trimmed log replaces the old one in
// one rename, so a run killed while it starts keeps its log whole (rewritten in place, a stage's
// log once lost its header line that way).
void trimLog(const std::string& path, int64_t lastStep)
{
    std::ifstream in(path);
    if (!in) return;
    std::vector<std::string> keep;
    std::string line;
    while (std::getline(in, line)) {
        if (keep.empty()) {
            keep.push_back(line);
            continue;
        }
        if (!line.empty() && std::stoll(line.substr(0, line.find(','))) <= lastStep) keep.push_back(line);
    }
    in.close();
    std::string text;
    for (const auto& l : keep) text += l + "\n";
    pipeline::replaceFileDurably(path, text);
}

constexpr const char* kLogColumns = "step,loss,learning_rate,grad_norm,seconds_per_step,train_seconds,val_psnr_y,val_bicubic_psnr_y";
constexpr const char* kGanLogColumns = ",pixel_loss,perceptual_loss,adversarial_loss,periodic_loss,discriminator_loss";

// Whether an existing log's header names the GAN loss columns (logs written before they
// existed go on without them, so every row matches its header).
bool logHasGanColumns(const std::string& path)
{
    std::ifstream in(path);
    std::string header;
    std::getline(in, header);
    return header.find("pixel_loss") != std::string::npos;
}

// The GAN loss terms summed over a report interval.
struct GanTermSums {
    train::Trainer::GanTerms sum;
    void add(const train::Trainer::GanTerms& t)
    {
        sum.pixel += t.pixel;
        sum.perceptual += t.perceptual;
        sum.adversarial += t.adversarial;
        sum.periodic += t.periodic;
        sum.discriminator += t.discriminator;
    }
    void report(TrainingReport& r, int count) const
    {
        r.adversarial = true;
        r.pixelLoss = sum.pixel / count;
        r.perceptualLoss = sum.perceptual / count;
        r.adversarialLoss = sum.adversarial / count;
        r.periodicLoss = sum.periodic / count;
        r.discriminatorLoss = sum.discriminator / count;
    }
};

} // namespace

void runTraining(const std::string& recipePath, const TrainingOptions& options)
{
    auto recipe = train::loadRecipe(recipePath);
    train::Trainer trainer(recipe, options.log);
    trainer.restore();
    auto& state = trainer.state();

    std::ofstream csv;
    bool ganColumns = false;
    if (!recipe.log.empty()) {
        fs::create_directories(fs::path(recipe.log).parent_path());
        const bool fresh = !fs::exists(recipe.log) || state.step == 0;
        if (!fresh) trimLog(recipe.log, state.step);
        ganColumns = trainer.adversarial() && (fresh || logHasGanColumns(recipe.log));
        csv.open(recipe.log, fresh ? std::ios::trunc : std::ios::app);
        if (!csv) throw Error(ErrorCode::FileUnwritable, "cannot write the training log '" + recipe.log + "'");
        if (fresh) csv << kLogColumns << (ganColumns ? kGanLogColumns : "") << "\n";
    }

    using Clock = std::chrono::steady_clock;
    auto lastCheckpoint = Clock::now();
    const int64_t stopAt = options.maxSteps > 0 ? std::min(recipe.iterations, state.step + options.maxSteps) : recipe.iterations;
    double lossSum = 0;
    int lossCount = 0;
    GanTermSums ganTerms;
    auto intervalStart = Clock::now();
    while (state.step < stopAt && !(options.stop && options.stop->load())) {
        const auto t0 = Clock::now();
        lossSum += trainer.trainStep();
        ++lossCount;
        if (trainer.adversarial()) ganTerms.add(trainer.lastGanTerms());
        state.trainSeconds += std::chrono::duration<double>(Clock::now() - t0).count();

        const bool validateNow = trainer.hasValidation() && recipe.validateEvery > 0 && state.step % recipe.validateEvery == 0;
        if (state.step % options.reportEvery == 0 || validateNow || state.step == stopAt) {
            TrainingReport report;
            report.step = state.step;
            report.loss = lossSum / lossCount;
            report.learningRate = recipe.learningRateAt(state.step - 1);
            report.secondsPerStep = std::chrono::duration<double>(Clock::now() - intervalStart).count() / lossCount;
            report.trainSeconds = state.trainSeconds;
            if (trainer.adversarial()) ganTerms.report(report, lossCount);
            if (validateNow) {
                std::tie(report.validationPsnr, report.validationBicubicPsnr) = trainer.validate();
                report.validated = true;
            }
            if (csv.is_open()) {
                csv << report.step << ',' << report.loss << ',' << report.learningRate << ',' << trainer.lastGradNorm() << ','
                    << report.secondsPerStep << ',' << report.trainSeconds << ',';
                if (report.validated)
                    csv << report.validationPsnr << ',' << report.validationBicubicPsnr;
                else
                    csv << ',';
                if (ganColumns)
                    csv << ',' << report.pixelLoss << ',' << report.perceptualLoss << ',' << report.adversarialLoss << ','
                        << report.periodicLoss << ',' << report.discriminatorLoss;
                csv << "\n" << std::flush;
            }
            if (options.onReport) options.onReport(report);
            lossSum = 0;
            lossCount = 0;
            ganTerms = {};
            intervalStart = Clock::now();
        }
        if (std::chrono::duration<double>(Clock::now() - lastCheckpoint).count() >= recipe.checkpointEverySeconds) {
            trainer.saveCheckpoint();
            lastCheckpoint = Clock::now();
        }
    }
    trainer.saveCheckpoint();
    if (options.log) options.log("checkpoint at step " + std::to_string(state.step) + " written to " + recipe.checkpoint);
}

void exportTrainedModel(const std::string& recipePath, const std::string& outputPath, const std::string& variant, bool halfPrecision)
{
    auto recipe = train::loadRecipe(recipePath);
    model::DualXVSR net(recipe.model);
    train::AdamW optimizer(train::trainableParameters(*net, recipe.trainable), {});
    train::TrainingState state;
    model::NamedTensors averaged;
    if (!train::loadCheckpoint(recipe.checkpoint, *net, optimizer, state, {}, &averaged))
        throw Error(ErrorCode::FileNotFound, "recipe '" + recipe.name + "' has no checkpoint yet at " + recipe.checkpoint);
    // A stage that keeps a weight average ships the average.
    train::loadAveragedWeights(*net, averaged, recipe.checkpoint);
    std::ostringstream hours;
    hours.precision(2);
    hours << std::fixed << state.trainSeconds / 3600.0;
    model::Metadata provenance = {
        {"dualx.recipe", recipe.name},
        {"dualx.stages", (state.history.empty() ? "" : state.history + ";") + recipe.name + "@" + std::to_string(state.step)},
        {"dualx.iterations", std::to_string(state.step)},
        {"dualx.train_hours_last_stage", hours.str()},
        {"dualx.samples_seen", std::to_string(state.samplesSeen)},
        {"dualx.validation_psnr_y", std::to_string(state.lastValidationPsnr)},
        {"dualx.validation_bicubic_psnr_y", std::to_string(state.lastValidationBicubicPsnr)},
        {"dualx.crop_lr", std::to_string(recipe.lrCrop)},
        {"dualx.degrade_crop_lr", std::to_string(recipe.degradeRegion())},
        {"dualx.frames", std::to_string(recipe.frames)},
        {"dualx.batch", std::to_string(recipe.batch)},
    };
    if (!averaged.empty()) provenance["dualx.ema_decay"] = std::to_string(recipe.emaDecay);
    model::saveModelWeights(*net, outputPath, variant, provenance, halfPrecision ? torch::kFloat16 : torch::kFloat32);
}

void plotTrainingProgress(const std::string& recipePath, const std::string& pngPath)
{
    const auto recipe = train::loadRecipe(recipePath);
    if (recipe.log.empty()) throw Error(ErrorCode::InvalidArgument, "recipe '" + recipe.name + "' keeps no log");
    // The GAN stage logs the generator's whole loss: pixel, perceptual and adversarial terms.
    const std::string lossName = recipe.gan.enabled ? "generator loss" : "Charbonnier loss";
    train::plotTrainingLog(train::readTrainingLog(recipe.log), recipe.name + " (" + recipe.model.preset + ")", lossName, pngPath);
}

} // namespace dualx
