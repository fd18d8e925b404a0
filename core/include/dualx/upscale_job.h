#pragma once
// One restore-and-upscale job: decode -> tiled DualX-VSR -> encode, on three threads joined by
// bounded queues (architecture.md section 5), then one mux of the encoded video with the source's
// other streams. Crash-safe: the encoded video goes into segments journaled in
// "<output>.dualx-job/"; after a kill (or cancel) the same job resumes after the last finished
// segment, frame-exact. The output appears at its path only when complete (it is muxed as
// "<output>.partial" and renamed).
#include "dualx/engine_settings.h"
#include "dualx/export_preset.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace dualx {

struct UpscaleSettings {
    std::string input;
    std::string output;
    EngineSettings engine;
    std::string preset = kDefaultPresetId; // id or .json path
    int queueFrames = 8;                   // capacity of each queue between stages
    // Restore only [start, start + duration) of the source (0 duration: to the end); the output
    // starts at 0. Its frames are those of a run over the whole source: the model also sees the
    // frames around the range.
    double startSeconds = 0;
    double durationSeconds = 0;
    // Segments (crash safety) hold segmentFrames output frames; 0: about segmentSeconds of work
    // as estimated from the model and picture size (pipeline/segment_grid.h), never timed.
    int segmentFrames = 0;
    double segmentSeconds = 30;
    bool squarePixels = false; // on top of the preset's picture settings (ExportPreset)
    bool bakeRotation = false;
    // A part of a split job (dualx cluster): restore only [startSeconds, startSeconds +
    // durationSeconds) with the source's own timestamps, and write its encoded video alone to
    // `output` (a split part) for joinSplitParts() instead of a playable file.
    bool splitPart = false;
};

enum class Stage { Decode, Model, Encode };

struct UpscaleProgress {
    int64_t framesDone = 0;
    int64_t framesTotal = 0; // estimate from the container; 0 if unknown
    double framesPerSecond = 0;
    double etaSeconds = -1; // -1 if unknown
    Stage bottleneck = Stage::Model;
    double decodedQueueFill = 0, upscaledQueueFill = 0; // 0..1
};

struct UpscaleReport {
    int64_t frames = 0;
    double seconds = 0;
    int outputWidth = 0, outputHeight = 0;
    std::vector<std::string> streams;  // what happened to each stream, chapters, metadata
    std::vector<std::string> warnings; // what the user should know: damaged input, lossy choices
};

std::string_view stageName(Stage stage);

// Deletes the finished segments an interrupted job left for `output` (its "<output>.dualx-job"
// folder), so the next run starts from the beginning. True if there was anything to delete.
bool discardJobProgress(const std::string& output);

// Joins the parts of a split job (in time order) with the source's other streams, chapters and
// metadata into settings.output: the file run() gives for the whole video, without re-encoding.
// `settings` are the parts' own, splitPart and the range aside. Throws dualx::Error naming a
// missing part or one written with other settings; nothing is left at the output on failure.
UpscaleReport joinSplitParts(const UpscaleSettings& settings, const std::vector<std::string>& parts);

class UpscaleJob {
public:
    explicit UpscaleJob(UpscaleSettings settings);
    ~UpscaleJob();

    // Runs to completion on the calling thread (plus two workers), resuming an interrupted run
    // of the same job. Throws dualx::Error; on any failure or cancel() nothing is left at the
    // output path (finished segments stay in the job folder for the next run).
    UpscaleReport run(const std::function<void(const UpscaleProgress&)>& onProgress = {});

    void cancel(); // any thread: run() throws Error(Cancelled) soon after
    void pause();
    void resume();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace dualx
