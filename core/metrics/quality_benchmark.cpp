#include "dualx/quality_benchmark.h"

#include "dualx/engine_settings.h"
#include "dualx/errors.h"
#include "dualx/evaluation.h"
#include "dualx/runtime.h"
#include "dualx/source_quality.h"
#include "dualx/weights.h"
#include "engine/fused_upscaler.h"
#include "engine/neighbour_alignment.h"
#include "engine/self_ensemble.h"
#include "engine/streaming_upscaler.h"
#include "engine/torch_device.h"
#include "metrics/brisque.h"
#include "metrics/ewarp.h"
#include "metrics/frame_source.h"
#include "metrics/niqe.h"
#include "metrics/periodic_artifacts.h"
#include "metrics/psnr.h"
#include "metrics/ssim.h"
#include "metrics/validation_set.h"
#include "model/weights.h"
#include "report/chart.h"
#include "report/frame_grab.h"
#include "train/bicubic_downscale.h"
#include "train/clip_library.h"
#include "train/degradation.h"

#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <random>
#include <set>

namespace dualx {

namespace fs = std::filesystem;

namespace {

constexpr int kScale = 4;
constexpr int kBorder = 4; // PSNR/SSIM/NIQE border crop, the VSR literature's convention

struct Clip {
    std::string name, path;
};

struct Family {
    std::string id, title;
};

struct PreparedInput {
    std::string family;
    uint64_t seed = 0; // of a first-order plan; 0 for other inputs
    torch::Tensor lr;
    bool clean = false; // what a source-aware model is told when the source is stated
};

uint64_t nameHash(const std::string& name) // FNV-1a: stable across platforms, unlike std::hash
{
    uint64_t h = 14695981039346656037ULL;
    for (unsigned char ch : name) h = (h ^ ch) * 1099511628211ULL;
    return h;
}

bool holdsImages(const fs::path& folder)
{
    for (const auto& e : fs::directory_iterator(folder))
        if (metrics::isImageFile(e.path().string())) return true;
    return false;
}

// A video, a folder of images (one clip), or a folder of videos and image folders (Vid4/REDS).
std::vector<Clip> listClips(const std::vector<std::string>& paths)
{
    std::vector<Clip> clips;
    for (const auto& p : paths) {
        std::error_code ec;
        if (!fs::exists(p, ec)) throw Error(ErrorCode::FileNotFound, "clip '" + p + "' does not exist");
        if (!fs::is_directory(p, ec)) {
            clips.push_back({fs::path(p).stem().string(), p});
            continue;
        }
        if (holdsImages(p)) {
            clips.push_back({fs::path(p).filename().string(), p});
            continue;
        }
        std::vector<Clip> found;
        for (const auto& v : train::listVideoFiles({p}, {})) found.push_back({fs::path(v).stem().string(), v});
        for (const auto& e : fs::directory_iterator(p))
            if (e.is_directory() && holdsImages(e.path())) found.push_back({e.path().filename().string(), e.path().string()});
        std::sort(found.begin(), found.end(), [](const Clip& a, const Clip& b) { return a.path < b.path; });
        if (found.empty()) throw Error(ErrorCode::InvalidArgument, "folder '" + p + "' holds no videos and no image sequences");
        clips.insert(clips.end(), found.begin(), found.end());
    }
    if (clips.empty()) throw Error(ErrorCode::InvalidArgument, "no clips given");
    return clips;
}

// Centre crop (if asked), then trimmed so both sides divide by 4.
torch::Tensor prepareReference(torch::Tensor frames, const QualityBenchmarkOptions& o, const std::string& clip)
{
    int64_t h = frames.size(2), w = frames.size(3);
    if (o.cropWidth > 0 && o.cropHeight > 0) {
        if (o.cropWidth > w || o.cropHeight > h)
            throw Error(ErrorCode::InvalidArgument,
                        "clip '" + clip + "' (" + std::to_string(w) + "x" + std::to_string(h) + ") is smaller than the crop");
        frames = frames.slice(2, (h - o.cropHeight) / 2, (h - o.cropHeight) / 2 + o.cropHeight)
                     .slice(3, (w - o.cropWidth) / 2, (w - o.cropWidth) / 2 + o.cropWidth);
        h = o.cropHeight;
        w = o.cropWidth;
    }
    const int64_t h4 = h / kScale * kScale, w4 = w / kScale * kScale;
    if (h4 < 8 * kScale || w4 < 8 * kScale)
        throw Error(ErrorCode::InvalidArgument, "clip '" + clip + "' is too small to benchmark (needs at least 32x32)");
    return frames.slice(2, 0, h4).slice(3, 0, w4).contiguous();
}

torch::Tensor lanczosUpscale(const torch::Tensor& frames)
{
    std::vector<torch::Tensor> out;
    for (int64_t i = 0; i < frames.size(0); ++i) {
        auto hwc = frames[i].permute({1, 2, 0}).contiguous();
        cv::Mat src(static_cast<int>(hwc.size(0)), static_cast<int>(hwc.size(1)), CV_32FC3, hwc.data_ptr<float>());
        cv::Mat dst;
        cv::resize(src, dst, {}, kScale, kScale, cv::INTER_LANCZOS4);
        out.push_back(torch::from_blob(dst.data, {dst.rows, dst.cols, 3}, torch::kFloat32).permute({2, 0, 1}).clone());
    }
    return torch::stack(out).clamp(0, 1);
}

std::string fixed(double v, int decimals)
{
    if (!std::isfinite(v)) return "n/a";
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, v);
    return text;
}

// Per-frame PSNR of one clip, input kind and method, averaged over the degradation plans.
std::vector<double> meanPsnrPerFrame(const std::vector<BenchmarkRow>& rows, const std::string& clip, const std::string& degradation,
                                     const std::string& method)
{
    std::vector<double> sum;
    int count = 0;
    for (const auto& r : rows)
        if (r.clip == clip && r.degradation == degradation && r.method == method && !r.psnrPerFrame.empty()) {
            sum.resize(std::max(sum.size(), r.psnrPerFrame.size()), 0.0);
            for (size_t i = 0; i < r.psnrPerFrame.size(); ++i) sum[i] += r.psnrPerFrame[i];
            ++count;
        }
    for (double& v : sum) v /= count;
    return sum;
}

struct MetricColumn {
    std::string name, heading;
    int decimals;
};
const std::vector<MetricColumn> kColumns
    = {{"psnr", "PSNR-Y dB ↑", 2},  {"ssim", "SSIM-Y ↑", 4},        {"niqe", "NIQE ↓", 3},
       {"brisque", "BRISQUE ↓", 2}, {"ewarp", "E_warp ×10⁻³ ↓", 3}, {"periodic", "periodic energy ↓", 2}};

// What the report needs to know about the run beyond the rows.
struct ReportContext {
    std::vector<Clip> clips;
    std::vector<Family> families;
    std::vector<std::string> methods;
    std::vector<std::string> summaryFamilies; // empty: no summary table
    std::string setName;                      // validation set, if any
    std::string deviceText;
    std::string fusionText; // the temporal fusion the models ran with
};

double meanScore(const std::vector<BenchmarkRow>& rows, const std::function<bool(const BenchmarkRow&)>& take, const std::string& metric)
{
    double sum = 0;
    int count = 0;
    for (const auto& r : rows)
        if (take(r) && r.scores.count(metric)) sum += r.scores.at(metric), ++count;
    return count ? sum / count : std::numeric_limits<double>::quiet_NaN();
}

// A clip's periodic-artefact energy under one method against bicubic's on the same inputs.
double periodicAgainstBicubic(const std::vector<BenchmarkRow>& rows, const std::string& clip, const std::string& family,
                              const std::string& method)
{
    const double m = meanScore(
        rows, [&](const BenchmarkRow& r) { return r.clip == clip && r.degradation == family && r.method == method; }, "periodic");
    const double b = meanScore(
        rows, [&](const BenchmarkRow& r) { return r.clip == clip && r.degradation == family && r.method == "bicubic"; }, "periodic");
    return m / b;
}

std::string markdownReport(const QualityBenchmarkResult& r, const QualityBenchmarkOptions& o, const ReportContext& ctx)
{
    std::set<std::string> asked(o.metrics.begin(), o.metrics.end());
    const auto& clips = ctx.clips;
    const auto& methods = ctx.methods;
    std::string md;
    if (!ctx.setName.empty()) md += "Validation set **" + ctx.setName + "**. ";
    md += "Clips: " + std::to_string(clips.size()) + " (";
    for (size_t i = 0; i < clips.size(); ++i) md += (i ? ", " : "") + clips[i].name;
    md += "), up to " + std::to_string(o.maxFrames) + " frames each";
    if (o.cropWidth > 0) md += ", centre crop " + std::to_string(o.cropWidth) + "x" + std::to_string(o.cropHeight);
    if (ctx.setName.empty())
        md += o.degradationPlans == 1
                  ? ". Degradation seed " + std::to_string(o.seed)
                  : ". Degradation seeds " + std::to_string(o.seed) + "–" + std::to_string(o.seed + o.degradationPlans - 1) + " ("
                        + std::to_string(o.degradationPlans) + " plans per clip)";
    md += ". Models tiled " + std::to_string(o.tileLr) + "/" + std::to_string(o.tileOverlapLr) + " px, windows "
          + std::to_string(o.windowFrames) + "/" + std::to_string(o.windowOverlap) + " frames"
          + (o.ensemble > 1 ? ", self-ensemble of " + std::to_string(o.ensemble) + " copies" : "") + ", " + ctx.fusionText + ", on "
          + ctx.deviceText
          + (o.stateSource ? ". Source-conditioned models run blind and, as \"(source stated)\", told each input's true source" : "")
          + ". PSNR/SSIM on Y (BT.601) with " + std::to_string(kBorder) + " border pixels cropped; NIQE on Y, border "
          + std::to_string(kBorder)
          + (o.noReferenceEvery > 1 ? "; NIQE/BRISQUE on every " + std::to_string(o.noReferenceEvery) + "th frame" : "")
          + (asked.count("periodic") ? "; periodic-artefact energy (power at the ×4 pixel-shuffle periods against its surroundings, "
                                       "`core/metrics/periodic_artifacts.h`) as a multiple of a bicubic upscale's of the same input"
                                     : "")
          + ".\n";

    if (!ctx.summaryFamilies.empty() && asked.count("psnr")) {
        auto inSummary = [&](const std::string& family) {
            return std::find(ctx.summaryFamilies.begin(), ctx.summaryFamilies.end(), family) != ctx.summaryFamilies.end();
        };
        std::string names;
        for (const auto& f : ctx.families)
            if (inSummary(f.id)) names += (names.empty() ? "" : ", ") + f.title;
        md += "\n### Summary: PSNR-Y (dB) by family, and the mean over " + names + "\n\n| method |";
        for (const auto& f : ctx.families) md += " " + f.title + " |";
        md += " **mean** | vs bicubic | vs Lanczos |\n|---|";
        for (size_t i = 0; i < ctx.families.size() + 3; ++i) md += "---|";
        md += "\n";
        auto familyMean = [&](const std::string& method, const std::string& family) {
            return meanScore(
                r.rows, [&](const BenchmarkRow& row) { return row.method == method && row.degradation == family; }, "psnr");
        };
        auto summaryMean = [&](const std::string& method) {
            double sum = 0;
            int n = 0;
            for (const auto& f : ctx.families)
                if (inSummary(f.id)) sum += familyMean(method, f.id), ++n;
            return sum / n;
        };
        for (const auto& method : methods) {
            md += "| " + method + " |";
            for (const auto& f : ctx.families) md += " " + fixed(familyMean(method, f.id), 2) + " |";
            const double mean = summaryMean(method);
            md += " **" + fixed(mean, 2) + "** | " + (method == "bicubic" ? "" : fixed(mean - summaryMean("bicubic"), 2)) + " | "
                  + (method == "lanczos" || method == "bicubic" ? "" : fixed(mean - summaryMean("lanczos"), 2)) + " |\n";
        }
    }

    for (const auto& family : ctx.families) {
        const bool several = family.id == "degraded" && o.degradationPlans > 1;
        md += "\n### " + family.title + (several ? ": mean over clips and plans" : ": mean over clips") + "\n\n| method |";
        for (const auto& c : kColumns)
            if (asked.count(c.name)) md += " " + c.heading + " |";
        md += " s/frame | peak MiB |\n|---|";
        for (const auto& c : kColumns)
            if (asked.count(c.name)) md += "---|";
        md += "---|---|\n";
        for (const auto& method : methods) {
            std::map<std::string, double> sum;
            double seconds = 0, frames = 0, peak = 0;
            int count = 0;
            for (const auto& row : r.rows)
                if (row.degradation == family.id && row.method == method) {
                    for (const auto& [k, v] : row.scores) sum[k] += v;
                    seconds += row.secondsPerFrame * static_cast<double>(row.frames);
                    frames += static_cast<double>(row.frames);
                    peak = std::max(peak, row.peakMemoryMb);
                    ++count;
                }
            if (!count) continue;
            md += "| " + method + " |";
            for (const auto& c : kColumns)
                if (asked.count(c.name)) md += " " + fixed(sum[c.name] / count, c.decimals) + " |";
            md += " " + fixed(seconds / std::max(1.0, frames), 4) + " | " + fixed(peak, 0) + " |\n";
        }
        if (asked.count("niqe") || asked.count("brisque")) {
            md += "| *reference (ground truth)* |";
            for (const auto& c : kColumns) {
                if (!asked.count(c.name)) continue;
                double sum = 0;
                int count = 0;
                if (c.name == "niqe" || c.name == "brisque")
                    for (const auto& [clip, scores] : r.referenceScores)
                        if (scores.count(c.name)) sum += scores.at(c.name), ++count;
                md += " " + (count ? fixed(sum / count, c.decimals) : std::string("")) + " |";
            }
            md += " | |\n";
        }
    }
    if (asked.count("psnr") && (clips.size() > 1 || o.degradationPlans > 1)) {
        md += "\n### PSNR-Y (dB) per clip\n\n| clip | input |";
        for (const auto& m : methods) md += " " + m + " |";
        md += "\n|---|---|";
        for (size_t i = 0; i < methods.size(); ++i) md += "---|";
        md += "\n";
        auto line = [&](const std::string& clip, const std::string& label, const std::function<bool(const BenchmarkRow&)>& take) {
            md += "| " + clip + " | " + label + " |";
            for (const auto& m : methods)
                md += " "
                      + fixed(
                          meanScore(
                              r.rows, [&](const BenchmarkRow& row) { return row.clip == clip && row.method == m && take(row); }, "psnr"),
                          2)
                      + " |";
            md += "\n";
        };
        for (const auto& clip : clips)
            for (const auto& family : ctx.families) {
                const std::string id = family.id;
                for (int p = 0; id == "degraded" && o.degradationPlans > 1 && p < o.degradationPlans; ++p) {
                    const uint64_t seed = o.seed + static_cast<uint64_t>(p);
                    line(clip.name, "degraded, seed " + std::to_string(seed),
                         [seed](const BenchmarkRow& row) { return row.degradation == "degraded" && row.seed == seed; });
                }
                line(clip.name, id == "degraded" && o.degradationPlans > 1 ? "degraded, mean" : id,
                     [id](const BenchmarkRow& row) { return row.degradation == id; });
            }
    }
    if (asked.count("periodic") && methods.size() > 2) {
        md += "\n### Periodic-artefact energy as a multiple of bicubic's (per clip, the worst family; target ≤ 2)\n\n| clip |";
        for (size_t i = 2; i < methods.size(); ++i) md += " " + methods[i] + " |";
        md += "\n|---|";
        for (size_t i = 2; i < methods.size(); ++i) md += "---|";
        md += "\n";
        for (const auto& clip : clips) {
            md += "| " + clip.name + " |";
            for (size_t i = 2; i < methods.size(); ++i) {
                double worst = 0;
                std::string where;
                for (const auto& family : ctx.families) {
                    const double v = periodicAgainstBicubic(r.rows, clip.name, family.id, methods[i]);
                    if (std::isfinite(v) && v > worst) worst = v, where = family.id;
                }
                md += " " + fixed(worst, 2) + (where.empty() ? "" : " (" + where + ")") + " |";
            }
            md += "\n";
        }
    }
    // What each degraded input went through: the plans differ a lot in severity, and a score
    // means little without it.
    md += "\n### Degradation plans\n\n";
    for (const auto& clip : clips)
        if (r.plans.count(clip.name))
            for (const auto& [key, text] : r.plans.at(clip.name)) md += "- " + clip.name + ", " + key + ": " + text + "\n";
    return md;
}

// NIQE is defined from one whole 96x96 block on; smaller frames get none (n/a).
double niqeOrNan(const torch::Tensor& frames)
{
    const bool defined = frames.size(2) - 2 * kBorder >= 96 && frames.size(3) - 2 * kBorder >= 96;
    return defined ? metrics::meanNiqe(frames, kBorder) : std::numeric_limits<double>::quiet_NaN();
}

// Refuses options that cannot give a report, naming them.
void checkBenchmarkOptions(const QualityBenchmarkOptions& o)
{
    const auto known = knownMetrics();
    for (const auto& m : o.metrics)
        if (std::find(known.begin(), known.end(), m) == known.end())
            throw Error(ErrorCode::InvalidArgument, "unknown metric '" + m + "' (known: " + knownMetricsText() + ")");
    if (o.outputFolder.empty()) throw Error(ErrorCode::InvalidArgument, "an output folder is required");
    checkEnsembleSize(o.ensemble);
    checkFusionSetting(o.temporalFusion);
    if (o.degradationPlans < 1)
        throw Error(ErrorCode::InvalidArgument,
                    "at least 1 degradation plan per clip is needed, got " + std::to_string(o.degradationPlans));
    if (o.maxFrames < 2 && std::count(o.metrics.begin(), o.metrics.end(), "ewarp"))
        throw Error(ErrorCode::InvalidArgument, "E_warp needs at least 2 frames per clip");
    if (!o.validationSet.empty() && !o.clips.empty()) throw Error(ErrorCode::InvalidArgument, "give clips or a validation set, not both");
}

// Each model by its label; a source-conditioned one also as "LABEL (source stated)" when asked.
struct LabelledModel {
    std::string label;
    model::DualXVSR net;
    bool stateSource = false;
    int fusionRadius = 0; // temporal fusion as a job with this model takes it
};

// The models of `o`, on `device`, labelled by file name (distinct from each other and from the
// classical methods).
std::vector<LabelledModel> loadLabelledModels(const QualityBenchmarkOptions& o, const DeviceChoice& device)
{
    std::vector<LabelledModel> models;
    std::set<std::string> labels{"bicubic", "lanczos"};
    for (const auto& path : o.models) {
        auto net = model::loadModelWeights(path);
        const int fusion = fusionRadiusFor(o.temporalFusion, device.kind == DeviceKind::Cuda, inspectWeightFile(path).variant == "gan");
        net->to(engine::torchDevice(device), engine::computeDtype(device));
        net->eval();
        std::string label = fs::path(path).stem().string();
        while (labels.count(label)) label += "'";
        labels.insert(label);
        models.push_back({label, net, false, fusion});
        if (o.stateSource && net->config().sourceConditioned) {
            labels.insert(label + " (source stated)");
            models.push_back({label + " (source stated)", net, true, fusion});
        }
    }
    return models;
}

// The inputs that `reference` (clip number `c`) is restored from: the validation set's families,
// or bicubic and first-order degraded ones; their degradation plans go into `result`.
std::vector<PreparedInput> prepareInputs(const Clip& clip, size_t c, const std::optional<metrics::ValidationSet>& set,
                                         const torch::Tensor& reference, const QualityBenchmarkOptions& o, QualityBenchmarkResult& result)
{
    // A first-order plan from a seed and the clip's name: the same whatever else is benchmarked.
    auto synthesised = [&](uint64_t seed, std::string& text) {
        std::mt19937_64 rng(seed * 1000003ULL ^ nameHash(clip.name));
        train::DegradationPlan plan;
        auto lr = train::degradeClip(reference, rng, &plan);
        text = plan.describe();
        return lr;
    };
    std::vector<PreparedInput> inputs;
    if (set) {
        const auto& entry = set->clips[c];
        for (const auto& family : set->families) {
            PreparedInput in{family.id, 0, {}, family.kind == metrics::FamilyKind::Bicubic};
            std::string text;
            switch (family.kind) {
            case metrics::FamilyKind::Bicubic: in.lr = train::bicubicDownscale(reference, kScale); break;
            case metrics::FamilyKind::Synthesis:
                in.seed = family.seed;
                in.lr = synthesised(family.seed, text);
                break;
            case metrics::FamilyKind::Files: {
                const auto& file = entry.inputs.at(family.id);
                in.lr = metrics::readFrames(file.path, reference.size(0));
                text = file.plan;
                if (in.lr.size(0) != reference.size(0) || in.lr.size(2) * kScale != reference.size(2)
                    || in.lr.size(3) * kScale != reference.size(3))
                    throw Error(ErrorCode::InvalidArgument,
                                "validation clip '" + clip.name + "', family '" + family.id + "': " + std::to_string(in.lr.size(0))
                                    + " frames of " + std::to_string(in.lr.size(3)) + "x" + std::to_string(in.lr.size(2))
                                    + ", expected a quarter of the ground truth's " + std::to_string(reference.size(0)) + " frames of "
                                    + std::to_string(reference.size(3)) + "x" + std::to_string(reference.size(2)));
                break;
            }
            }
            if (!text.empty()) result.plans[clip.name][family.id] = text;
            inputs.push_back(std::move(in));
        }
    } else {
        inputs.push_back({"bicubic", 0, train::bicubicDownscale(reference, kScale), true});
        for (int p = 0; p < o.degradationPlans; ++p) {
            const uint64_t seed = o.seed + static_cast<uint64_t>(p);
            std::string text;
            inputs.push_back({"degraded", seed, synthesised(seed, text), false});
            result.plans[clip.name]["seed " + std::to_string(seed)] = text;
        }
    }
    return inputs;
}

// One method on one input: the output as an 8-bit video would hold it, timed, and its scores.
struct MethodRun {
    BenchmarkRow row;
    torch::Tensor output;
};
MethodRun runMethod(const std::string& method, const PreparedInput& input, const Clip& clip, const torch::Tensor& reference,
                    const std::vector<LabelledModel>& models, const DeviceChoice& device, const engine::TilingSettings& tiling,
                    const QualityBenchmarkOptions& o, const std::set<std::string>& asked)
{
    const auto& lr = input.lr;
    resetPeakMemory();
    const auto start = std::chrono::steady_clock::now();
    torch::Tensor output;
    if (method == "bicubic") {
        output = train::bicubicUpscale(lr, kScale);
    } else if (method == "lanczos") {
        output = lanczosUpscale(lr);
    } else {
        const auto& entry = *std::find_if(models.begin(), models.end(), [&](const auto& m) { return m.label == method; });
        auto net = entry.net;
        net->setSourceCondition(!entry.stateSource ? kSourceUnknown : input.clean ? kSourceClean : kSourceDegraded);
        engine::TilingSettings modelTiling = tiling;
        modelTiling.fusionRadius = entry.fusionRadius;
        output = engine::restoreClip(
            engine::selfEnsembleWindowModel(engine::networkWindowModel(net, device, engine::alignedNeighbours), o.ensemble), lr,
            modelTiling);
    }
    output = train::quantise8(output.clamp(0, 1)); // as an 8-bit video would hold it
    BenchmarkRow row;                              // scores and per-frame PSNR are filled below
    row.clip = clip.name;
    row.degradation = input.family;
    row.method = method;
    row.seed = input.seed;
    row.frames = reference.size(0);
    row.lrWidth = static_cast<int>(lr.size(3));
    row.lrHeight = static_cast<int>(lr.size(2));
    row.secondsPerFrame
        = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / static_cast<double>(reference.size(0));
    row.peakMemoryMb = peakResidentMemoryMb();
    if (asked.count("psnr")) {
        row.psnrPerFrame = metrics::psnrPerFrame(output, reference, true, kBorder);
        double sum = 0;
        for (double v : row.psnrPerFrame) sum += v;
        row.scores["psnr"] = sum / static_cast<double>(row.psnrPerFrame.size());
    }
    if (asked.count("ssim")) row.scores["ssim"] = metrics::meanSsim(output, reference, true, kBorder);
    const auto outSampled = output.slice(0, 0, output.size(0), std::max(1, o.noReferenceEvery));
    if (asked.count("niqe")) row.scores["niqe"] = niqeOrNan(outSampled);
    if (asked.count("brisque")) row.scores["brisque"] = metrics::meanBrisque(outSampled);
    if (asked.count("ewarp")) row.scores["ewarp"] = metrics::ewarp(output, reference);
    if (asked.count("periodic")) row.scores["periodic"] = metrics::meanPeriodicArtifacts(output);
    return {std::move(row), output};
}

// The report, the numbers (JSON, per-frame CSV) and the charts, in o.outputFolder.
void writeResultFiles(QualityBenchmarkResult& result, const QualityBenchmarkOptions& o, ReportContext& ctx,
                      const std::set<std::string>& asked, const DeviceChoice& device)
{
    const auto& clips = ctx.clips;
    const auto& methods = ctx.methods;
    auto file = [&](const std::string& name) {
        const auto path = (fs::path(o.outputFolder) / name).string();
        result.files.push_back(path);
        return path;
    };
    ctx.deviceText = device.description;
    const std::string& deviceText = ctx.deviceText;
    result.markdown = markdownReport(result, o, ctx);
    auto write = [&](const std::string& path, const std::string& text) {
        std::ofstream out(path);
        out << text;
        if (!out) throw Error(ErrorCode::FileUnwritable, "cannot write '" + path + "'");
    };
    write(file("results.md"), result.markdown);
    nlohmann::json rows = nlohmann::json::array();
    std::string csv = "clip,degradation,seed,method,frame,psnr_y\n";
    for (const auto& r : result.rows) {
        rows.push_back({{"clip", r.clip},
                        {"degradation", r.degradation},
                        {"seed", r.seed},
                        {"method", r.method},
                        {"frames", r.frames},
                        {"lr_width", r.lrWidth},
                        {"lr_height", r.lrHeight},
                        {"scores", r.scores},
                        {"seconds_per_frame", r.secondsPerFrame},
                        {"peak_memory_mb", r.peakMemoryMb}});
        for (size_t i = 0; i < r.psnrPerFrame.size(); ++i)
            csv += r.clip + "," + r.degradation + "," + std::to_string(r.seed) + "," + r.method + "," + std::to_string(i) + ","
                   + fixed(r.psnrPerFrame[i], 4) + "\n";
    }
    nlohmann::json plans = nlohmann::json::object();
    for (const auto& [clip, byInput] : result.plans)
        for (const auto& [input, text] : byInput) plans[clip][input] = text;
    write(file("results.json"),
          nlohmann::json{{"rows", rows}, {"reference", result.referenceScores}, {"plans", plans}, {"device", deviceText}}.dump(1));
    if (asked.count("psnr")) {
        write(file("psnr-per-frame.csv"), csv);
        for (const auto& clip : clips) {
            std::vector<report::ChartPanel> panels;
            for (const auto& family : ctx.families) {
                const bool several = family.id == "degraded" && o.degradationPlans > 1;
                report::ChartPanel panel{"PSNR-Y (dB), " + family.id + " input"
                                             + (several ? " (mean of " + std::to_string(o.degradationPlans) + " plans)" : ""),
                                         2,
                                         false,
                                         {}};
                for (const auto& method : methods) {
                    report::ChartSeries s{method, {}, -1, 2};
                    const auto psnr = meanPsnrPerFrame(result.rows, clip.name, family.id, method);
                    for (size_t i = 0; i < psnr.size(); ++i) s.points.emplace_back(static_cast<double>(i), psnr[i]);
                    panel.series.push_back(s);
                }
                panels.push_back(panel);
            }
            report::drawChart("PSNR-Y per frame: " + clip.name, "frame", panels, file("psnr-per-frame-" + clip.name + ".png"));
        }
        std::vector<report::ChartPanel> panels;
        for (const auto& family : ctx.families) {
            report::ChartPanel panel{"mean PSNR-Y (dB), " + family.id + " input", 2, false, {}};
            for (const auto& method : methods) {
                double psnr = 0, seconds = 0;
                int count = 0;
                for (const auto& r : result.rows)
                    if (r.degradation == family.id && r.method == method)
                        psnr += r.scores.at("psnr"), seconds += r.secondsPerFrame, ++count;
                panel.series.push_back({method, {{std::log10(std::max(seconds / count, 1e-6)), psnr / count}}, -1, 0});
            }
            panels.push_back(panel);
        }
        report::drawChart("Quality vs speed", "log10 seconds per frame (left is faster)", panels, file("quality-vs-speed.png"), 1200, 800,
                          2);
    }
}

} // namespace

QualityBenchmarkResult runQualityBenchmark(const QualityBenchmarkOptions& o, const BenchmarkProgress& progress)
{
    checkBenchmarkOptions(o);
    const std::set<std::string> asked(o.metrics.begin(), o.metrics.end());

    // The clips and the inputs each is upscaled from.
    ReportContext ctx;
    std::optional<metrics::ValidationSet> set;
    if (!o.validationSet.empty()) {
        set = metrics::loadValidationSet(o.validationSet);
        ctx.setName = set->name;
        for (const auto& c : set->clips) ctx.clips.push_back({c.name, c.gtPath});
        for (const auto& f : set->families) ctx.families.push_back({f.id, f.title});
        ctx.summaryFamilies = set->summaryFamilies;
    } else {
        ctx.clips = listClips(o.clips);
        ctx.families = {{"bicubic", "Bicubic ×¼ input"},
                        {"degraded", "First-order degraded ×¼ input (blur, noise, resize, JPEG/video compression)"}};
    }
    const auto& clips = ctx.clips;

    // Models first: a bad weight file should fail before minutes of work.
    const DeviceChoice device = selectDevice(o.device);
    const std::vector<LabelledModel> models = loadLabelledModels(o, device);
    ctx.methods = {"bicubic", "lanczos"};
    for (const auto& m : models) ctx.methods.push_back(m.label);
    ctx.fusionText = "temporal fusion";
    for (size_t i = 0; i < models.size(); ++i)
        ctx.fusionText += (i ? ", " : " ") + models[i].label
                          + (models[i].fusionRadius > 0 ? " ±" + std::to_string(models[i].fusionRadius) + " frames" : " off");
    const auto& methods = ctx.methods;
    engine::TilingSettings tiling;
    tiling.tileLr = o.tileLr;
    tiling.tileOverlapLr = o.tileOverlapLr;
    tiling.windowFrames = o.windowFrames;
    tiling.windowOverlap = o.windowOverlap;

    std::error_code ec;
    fs::create_directories(o.outputFolder, ec);
    if (!fs::is_directory(o.outputFolder, ec))
        throw Error(ErrorCode::FileUnwritable, "cannot create the output folder '" + o.outputFolder + "'");

    QualityBenchmarkResult result;
    const size_t inputsPerClip = set ? set->families.size() : static_cast<size_t>(1 + o.degradationPlans);
    const int total = static_cast<int>(clips.size() * inputsPerClip * methods.size());
    const int64_t maxFrames = set ? std::min<int64_t>(o.maxFrames, set->frames) : o.maxFrames;
    int done = 0;
    for (size_t c = 0; c < clips.size(); ++c) {
        const auto& clip = clips[c];
        const torch::Tensor reference = prepareReference(metrics::readFrames(clip.path, maxFrames), o, clip.name);
        const auto sampled = reference.slice(0, 0, reference.size(0), std::max(1, o.noReferenceEvery));
        if (asked.count("niqe")) result.referenceScores[clip.name]["niqe"] = niqeOrNan(sampled);
        if (asked.count("brisque")) result.referenceScores[clip.name]["brisque"] = metrics::meanBrisque(sampled);
        for (const auto& input : prepareInputs(clip, c, set, reference, o, result)) {
            const bool grab = !o.grabFamily.empty() && input.family == o.grabFamily;
            const int64_t grabFrame = reference.size(0) / 2;
            std::vector<std::pair<std::string, torch::Tensor>> grabPanels;
            if (grab) grabPanels.emplace_back("ground truth", reference[grabFrame]);
            for (const auto& method : methods) {
                if (progress)
                    progress(clip.name + " (" + input.family + (input.seed ? " input, seed " + std::to_string(input.seed) : " input")
                                 + "): " + method,
                             done, total);
                MethodRun run = runMethod(method, input, clip, reference, models, device, tiling, o, asked);
                if (grab && method != "lanczos") grabPanels.emplace_back(method, run.output[grabFrame]);
                result.rows.push_back(std::move(run.row));
                ++done;
            }
            if (grab) {
                const auto path = (fs::path(o.outputFolder) / ("grab-" + clip.name + "-" + input.family + ".png")).string();
                report::writeFrameGrab(grabPanels, path);
                result.files.push_back(path);
            }
        }
    }
    if (progress) progress("done", done, total);
    writeResultFiles(result, o, ctx, asked, device);
    return result;
}

} // namespace dualx
