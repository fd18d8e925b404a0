#include "cli/arguments.h"
#include "cli/commands.h"

#include "dualx/benchmark.h"
#include "dualx/engine_settings.h"
#include "dualx/errors.h"
#include "dualx/media_probe.h"
#include "dualx/preview.h"
#include "dualx/runtime.h"
#include "dualx/weights.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>

namespace dualx::cli {

namespace {

// `bench --train`: one training step (forward, loss, backward, AdamW) on synthetic clips.
int runTrainingBench(const Arguments& args, const BenchmarkOptions& inference)
{
    TrainingBenchmarkOptions options;
    options.config = inference.config;
    options.frames = inference.frames;
    options.repeats = inference.repeats;
    options.warmup = inference.warmup;
    options.attention = inference.attention;
    options.device = inference.device;
    options.batch = args.intValue("batch", 2);
    options.lrCrop = args.intValue("crop", 32);
    const TrainingBenchmarkResult r = runTrainingBenchmark(options);
    if (args.flag("json")) {
        nlohmann::json j = {{"preset", options.config.preset},
                            {"batch", options.batch},
                            {"frames", options.frames},
                            {"lr_crop", options.lrCrop},
                            {"repeats", options.repeats},
                            {"device", r.device},
                            {"threads", r.threads},
                            {"attention", r.attentionKernel},
                            {"seconds_per_step", r.secondsPerStep},
                            {"clips_per_second", r.clipsPerSecond},
                            {"peak_memory_mb", r.peakMemoryMb}};
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    std::printf("preset %s, training step on %d clips of %d frames, %dx%d LR -> %dx%d GT, %s, attention %s\n",
                options.config.preset.c_str(), options.batch, options.frames, options.lrCrop, options.lrCrop, 4 * options.lrCrop,
                4 * options.lrCrop, r.device.c_str(), r.attentionKernel.c_str());
    std::printf("%.3f s per step (%.2f clips/s), peak memory %.0f MB\n", r.secondsPerStep, r.clipsPerSecond, r.peakMemoryMb);
    return 0;
}

// `bench --peak`: the matrix-product rate that bounds any network's speed on this device.
int runPeakBench(const Arguments& args)
{
    const PeakResult r = measurePeakMatmul(devicePreferenceFromName(args.value("device", "auto")));
    if (args.flag("json")) {
        std::cout << nlohmann::json{{"device", r.device}, {"threads", r.threads}, {"gflops", r.gflops}}.dump(2) << "\n";
        return 0;
    }
    std::printf("%s: %.1f GFLOP/s in float matrix products (1024 x 1024)\n", r.device.c_str(), r.gflops);
    return 0;
}

// `bench --preview VIDEO`: the compare viewer's *Preview this frame* as the app runs it, a
// short window first and then the job's own window, each timed from nothing loaded.
int runPreviewBench(const Arguments& args)
{
    const std::string input = *args.value("preview");
    EngineSettings settings;
    settings.model = args.value("model", "mse");
    const MediaSummary summary = probeMedia(input);
    const int64_t frame = args.intValue("frame", static_cast<int>(std::max<int64_t>(0, summary.frameCountEstimate / 2)));
    const auto timed = [&](int windowFrames) {
        EngineSettings pass = settings;
        pass.windowFrames = windowFrames;
        const auto start = std::chrono::steady_clock::now();
        (void)previewFrame(input, frame, pass);
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    const int quickFrames = std::min(settings.windowFrames, kQuickPreviewFrames);
    const double quick = timed(quickFrames);
    const double full = timed(settings.windowFrames);
    if (args.flag("json")) {
        std::cout << nlohmann::json{{"input", input},
                                    {"width", summary.width},
                                    {"height", summary.height},
                                    {"frame", frame},
                                    {"threads", intraOpThreads()},
                                    {"quick_window_frames", quickFrames},
                                    {"first_picture_seconds", quick},
                                    {"window_frames", settings.windowFrames},
                                    {"job_window_seconds", full}}
                         .dump(2)
                  << "\n";
        return 0;
    }
    std::printf("preview of frame %lld of %s (%dx%d), %d threads\n", static_cast<long long>(frame), input.c_str(), summary.width,
                summary.height, intraOpThreads());
    std::printf("first picture (%d-frame window): %.2f s\nthe job's window (%d frames): %.2f s\n", quickFrames, quick,
                settings.windowFrames, full);
    return 0;
}

} // namespace

int runBench(const std::vector<std::string>& argv)
{
    Arguments args(argv,
                   {"preset", "model", "size", "frames", "repeats", "warmup", "attention", "device", "threads", "tile", "tile-overlap",
                    "frame-overlap", "clip", "batch", "crop", "preview", "frame"},
                   {"json", "train", "peak"});
    configureThreads(args.intValue("threads", 0));
    if (args.flag("peak")) return runPeakBench(args);
    if (args.value("preview")) return runPreviewBench(args);
    BenchmarkOptions options;
    const auto preset = args.value("preset");
    const auto model = args.value("model");
    if (preset.has_value() == model.has_value()) throw Error(ErrorCode::InvalidArgument, "give either --preset NAME or --model FILE");
    // Speed does not depend on the weight values: a file only supplies its config.
    options.config = preset ? presetConfig(*preset) : inspectWeightFile(*model).config;
    std::tie(options.width, options.height) = parseSize(args.value("size", "320x180"));
    options.frames = args.intValue("frames", kDefaultWindowFrames);
    options.repeats = args.intValue("repeats", 1);
    options.warmup = args.intValue("warmup", 1);
    if (model) options.variant = inspectWeightFile(*model).variant;
    // "auto": the tile a job on this device would use for the model.
    options.tileLr = args.value("tile") == "auto" ? -1 : args.intValue("tile", 0);
    options.tileOverlapLr = args.intValue("tile-overlap", 16);
    options.windowOverlap = args.intValue("frame-overlap", kDefaultWindowOverlap);
    options.clipFrames = args.intValue("clip", 0);
    options.attention.kernel = attentionKernelFromName(args.value("attention", "auto"));
    options.device = devicePreferenceFromName(args.value("device", "auto"));

    if (args.flag("train")) return runTrainingBench(args, options);
    const BenchmarkResult r = runBenchmark(options);
    if (args.flag("json")) {
        nlohmann::json j = {{"preset", options.config.preset},
                            {"width", options.width},
                            {"height", options.height},
                            {"frames", options.frames},
                            {"repeats", options.repeats},
                            {"device", r.device},
                            {"threads", r.threads},
                            {"attention", r.attentionKernel},
                            {"ms_per_frame", r.msPerFrame},
                            {"fps", r.framesPerSecond},
                            {"peak_memory_mb", r.peakMemoryMb},
                            {"baseline_memory_mb", r.baselineMemoryMb},
                            {"frames_timed", r.framesTimed},
                            {"tile", r.tileLr},
                            {"tile_width", r.tileWidth},
                            {"tile_height", r.tileHeight},
                            {"tiles_per_window", r.tilesPerWindow},
                            {"tile_overlap", options.tileOverlapLr},
                            {"frame_overlap", options.windowOverlap},
                            {"windows", r.windowsRun}};
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    std::printf("preset %s, %d frames of %dx%d -> %dx%d, %s, attention %s\n", options.config.preset.c_str(), options.frames, options.width,
                options.height, options.width * 4, options.height * 4, r.device.c_str(), r.attentionKernel.c_str());
    if (options.tileLr != 0)
        std::printf("tiled: %lld frames through %lld windows of %d frames (overlap %d), %d tiles of %dx%d px per window (asked %d, "
                    "overlap %d)\n",
                    static_cast<long long>(r.framesTimed), static_cast<long long>(r.windowsRun), options.frames, options.windowOverlap,
                    r.tilesPerWindow, r.tileWidth, r.tileHeight, r.tileLr, options.tileOverlapLr);
    std::printf("%.1f ms per frame (%.3f fps), peak memory %.0f MB (%.0f MB before the first timed pass)\n", r.msPerFrame,
                r.framesPerSecond, r.peakMemoryMb, r.baselineMemoryMb);
    return 0;
}

} // namespace dualx::cli
