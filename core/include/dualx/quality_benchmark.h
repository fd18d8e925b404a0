#pragma once
// `dualx benchmark`: how good and how fast each way of upscaling is, on reference clips.
// Each clip is reduced to a quarter of its size by plain bicubic and by the first-order
// degradation of training (one or more fixed-seed plans per clip: a single draw of that wide
// range can be mild or beyond recovery), upscaled back by bicubic, Lanczos and every model
// given, and scored against the reference (PSNR/SSIM on Y with 4 border pixels cropped, NIQE,
// BRISQUE, E_warp, periodic-artefact energy) and timed. Or, given a validation set, each of its
// clips under each of its degradation families, reported per family and as the set's mean.
// Writes a Markdown report, JSON, per-frame CSV and PNG charts.
#include "dualx/device.h"
#include "dualx/engine_settings.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace dualx {

struct QualityBenchmarkOptions {
    std::vector<std::string> clips; // videos, image-sequence folders, or folders holding either
    // A built validation set (metrics/validation_set.h) instead of clips: its clips, each under
    // every degradation family of the set, reported per family and as the set's summary mean.
    std::string validationSet;
    std::vector<std::string> models;   // DualX weight files (labelled by file name)
    int64_t maxFrames = 30;            // per clip, from its start
    int cropWidth = 0, cropHeight = 0; // centre crop of the reference (0: whole frame)
    uint64_t seed = 1;                 // of the degradation plans
    int degradationPlans = 1;          // degraded versions per clip, seeds seed ... seed + plans - 1
    std::vector<std::string> metrics{"psnr", "ssim", "niqe", "brisque", "ewarp", "periodic"};
    int noReferenceEvery = 1; // NIQE and BRISQUE on every k-th frame (they are slow)
    int tileLr = 112, tileOverlapLr = 16, windowFrames = kDefaultWindowFrames, windowOverlap = kDefaultWindowOverlap;
    int ensemble = 1;                 // self-ensemble copies per window (1, 2, 4, 8, 16)
    int temporalFusion = kFusionAuto; // as the job takes it (dualx/engine_settings.h)
    // Source-conditioned models: false runs them blind (unknown source); true tells them each
    // input's true source (clean for the bicubic rows, degraded for the degraded ones), as a
    // user who knows the video would, and labels them "MODEL (source stated)".
    bool stateSource = false;
    DevicePreference device = DevicePreference::Auto;
    std::string outputFolder; // created if missing
    // Also write grab-CLIP-INPUT.png for inputs of this family ("bicubic", "degraded" or a
    // validation family): zoomed crops of the middle frame, ground truth, bicubic and each model.
    std::string grabFamily;
};

struct BenchmarkRow {
    std::string clip, degradation, method; // degradation: "bicubic" / "degraded", or a validation family; method "bicubic",
    uint64_t seed = 0;                     // "lanczos" or a model label; seed: of the degradation plan
    int64_t frames = 0;
    int lrWidth = 0, lrHeight = 0;
    std::map<std::string, double> scores; // by metric name
    std::vector<double> psnrPerFrame;     // empty unless psnr was asked for
    double secondsPerFrame = 0;           // upscaling only, not scoring
    double peakMemoryMb = 0;              // process peak while this method ran
};

struct QualityBenchmarkResult {
    std::vector<BenchmarkRow> rows;
    std::map<std::string, std::map<std::string, double>> referenceScores; // clip -> NIQE/BRISQUE of the reference itself
    // clip -> input ("seed S" of the first-order plans, or a validation family) -> what it went through, in words
    std::map<std::string, std::map<std::string, std::string>> plans;
    std::string markdown;
    std::vector<std::string> files; // everything written
};

// Called with a line saying what is being done, and (done, total) steps.
using BenchmarkProgress = std::function<void(const std::string&, int, int)>;

// Throws InvalidArgument for bad options (no clips, unknown metric, fewer than 1 plan, a clip without frames or
// smaller than 4x the 8-pixel minimum), the readers' errors for unreadable clips or models.
QualityBenchmarkResult runQualityBenchmark(const QualityBenchmarkOptions& options, const BenchmarkProgress& progress = {});

} // namespace dualx
