#include "dualx/upscale_job.h"

#include "dualx/errors.h"
#include "dualx/export_preset.h"
#include "dualx/model_stats.h"
#include "dualx/source_quality.h"
#include "dualx/weights.h"
#include "engine/fused_upscaler.h"
#include "engine/neighbour_alignment.h"
#include "engine/self_ensemble.h"
#include "pipeline/bounded_queue.h"
#include "pipeline/engine_setup.h"
#include "pipeline/final_mux.h"
#include "pipeline/frame_selection.h"
#include "pipeline/output_guard.h"
#include "pipeline/segment_grid.h"
#include "pipeline/segment_journal.h"
#include "pipeline/split_part.h"
#include "video/ffmpeg_support.h"
#include "video/video_encoder.h"
#include "video/video_frame_reader.h"

#include <nlohmann/json.hpp>

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/pixdesc.h>
}

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <csignal>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <limits>
#include <optional>
#include <thread>

namespace dualx {

namespace fs = std::filesystem;

std::string_view stageName(Stage stage)
{
    switch (stage) {
    case Stage::Decode: return "decode";
    case Stage::Model: return "model";
    case Stage::Encode: return "encode";
    }
    return "?";
}

bool discardJobProgress(const std::string& output) { return pipeline::discardJobFolder(output); }

namespace {

struct TimedFrame {
    torch::Tensor rgb; // [3, H, W] float in [0, 1]
    int64_t pts = 0;
    int64_t index = 0;  // among all decoded frames of the source
    bool write = false; // false: context the model needs for frames that are written
};

torch::Tensor rgb48ToTensor(const video::RgbFrame& f)
{
    auto t = torch::empty({f.height, f.width, 3}, torch::kFloat32);
    float* dst = t.data_ptr<float>();
    for (size_t i = 0; i < f.rgb16.size(); ++i) dst[i] = static_cast<float>(f.rgb16[i]) * (1.0f / 65535.0f);
    return t.permute({2, 0, 1}).contiguous();
}

// `chw` may live on a GPU: the arithmetic runs there and only 16 bits per sample cross to the
// CPU (as int16 offset by 32768: LibTorch 1.13 has no uint16).
std::vector<uint16_t> tensorToRgb48(const torch::Tensor& chw)
{
    auto hwc = chw.to(torch::kFloat32)
                   .clamp(0, 1)
                   .mul(65535.0f)
                   .round()
                   .sub_(32768.0f)
                   .permute({1, 2, 0})
                   .to(torch::kInt16)
                   .contiguous()
                   .to(torch::kCPU);
    const int16_t* src = hwc.data_ptr<int16_t>();
    std::vector<uint16_t> out(static_cast<size_t>(hwc.numel()));
    for (size_t i = 0; i < out.size(); ++i) out[i] = static_cast<uint16_t>(src[i] + 32768);
    return out;
}

void checkPaths(const UpscaleSettings& s)
{
    if (s.input.empty() || s.output.empty()) throw Error(ErrorCode::InvalidArgument, "input and output paths are required");
    std::error_code ec;
    if (!fs::exists(s.input, ec)) throw Error(ErrorCode::FileNotFound, "input '" + s.input + "' does not exist");
    if (fs::exists(s.output, ec) && fs::equivalent(s.input, s.output, ec))
        throw Error(ErrorCode::InvalidArgument, "the output would overwrite the input '" + s.input + "'");
    const auto folder = fs::absolute(s.output).parent_path();
    if (!fs::is_directory(folder, ec)) throw Error(ErrorCode::FileUnwritable, "output folder '" + folder.string() + "' does not exist");
    if (fs::is_directory(s.output, ec)) throw Error(ErrorCode::InvalidArgument, "output '" + s.output + "' is a folder");
}

} // namespace

struct UpscaleJob::Impl {
    UpscaleSettings settings;
    std::atomic<bool> cancelled{false};
    std::mutex pauseMutex;
    std::condition_variable pauseChanged;
    bool paused = false;

    void waitWhilePaused()
    {
        std::unique_lock lock(pauseMutex);
        pauseChanged.wait(lock, [&] { return !paused || cancelled.load(); });
    }
};

UpscaleJob::UpscaleJob(UpscaleSettings settings) : m_impl(std::make_unique<Impl>()) { m_impl->settings = std::move(settings); }

UpscaleJob::~UpscaleJob() = default;

void UpscaleJob::cancel()
{
    m_impl->cancelled = true;
    m_impl->pauseChanged.notify_all();
}

void UpscaleJob::pause()
{
    std::lock_guard lock(m_impl->pauseMutex);
    m_impl->paused = true;
}

void UpscaleJob::resume()
{
    {
        std::lock_guard lock(m_impl->pauseMutex);
        m_impl->paused = false;
    }
    m_impl->pauseChanged.notify_all();
}

namespace {

// Everything that decides the output's bytes: a journal written under another fingerprint is
// not resumed.
std::string jobFingerprint(const UpscaleSettings& s, const std::string& modelPath, const ExportPreset& preset,
                           const engine::TilingSettings& tiling, const DeviceChoice& device, const std::string& videoFilter)
{
    auto fileId = [](const std::string& path) {
        std::error_code ec;
        const auto canonical = fs::weakly_canonical(path, ec).string();
        const auto size = fs::file_size(path, ec);
        const auto time = fs::last_write_time(path, ec).time_since_epoch().count();
        return nlohmann::json{{"path", canonical}, {"size", size}, {"modified", time}};
    };
    nlohmann::json j = {{"input", fileId(s.input)},
                        {"model", fileId(modelPath)},
                        {"preset", nlohmann::json::parse(preset.toJson())},
                        {"tile", tiling.tileLr},
                        {"tile_overlap", tiling.tileOverlapLr},
                        {"frames", tiling.windowFrames},
                        {"frame_overlap", tiling.windowOverlap},
                        {"start", s.startSeconds},
                        {"duration", s.durationSeconds},
                        {"device", {static_cast<int>(device.kind), device.index, device.halfPrecision}}};
    // Only when on, so that jobs journaled before the self-ensemble existed still resume.
    if (s.engine.ensemble != 1) j["ensemble"] = s.engine.ensemble;
    if (tiling.fusionRadius != 0) j["temporal_fusion"] = tiling.fusionRadius;               // likewise
    if (s.engine.sourceCondition != kSourceUnknown) j["source"] = s.engine.sourceCondition; // likewise
    if (!videoFilter.empty()) j["video_filter"] = videoFilter;                              // likewise
    if (s.splitPart) j["split_part"] = true;
    return j.dump();
}

// HDR sources are restored on their coded (PQ or HLG) samples and written with the same tags:
// never tone-mapped or clipped to SDR. Said in the report, with a warning for 8-bit output.
void describeHdr(const video::VideoInfo& info, const ExportPreset& preset, UpscaleReport& report)
{
    const bool pq = info.colorTransfer == AVCOL_TRC_SMPTE2084, hlg = info.colorTransfer == AVCOL_TRC_ARIB_STD_B67;
    if (!pq && !hlg) return;
    const std::string primaries = info.colorPrimaries == AVCOL_PRI_BT2020 ? "BT.2020" : "its primaries";
    report.streams.push_back(std::string("HDR (") + (pq ? "PQ" : "HLG") + ", " + primaries + ", " + std::to_string(info.bitsPerComponent)
                             + "-bit): restored on its coded samples, not tone-mapped; colour tags kept");
    const AVPixFmtDescriptor* out = av_pix_fmt_desc_get(av_get_pix_fmt(preset.pixelFormat.c_str()));
    if (out && out->comp[0].depth < 10)
        report.warnings.push_back("an HDR source written as " + std::to_string(out->comp[0].depth) + "-bit " + preset.pixelFormat
                                  + " by preset '" + preset.id + "' will band; use a 10-bit preset such as hevc-10bit");
}

// Decides how the source's rotation reaches the output (a tag, or turned pixels where the preset
// asks or the container cannot hold a tag) and says what happens to geometry in the report.
void describePicture(const video::VideoInfo& info, const video::RgbFrame& first, const ExportPreset& preset, video::OutputVideoSpec& spec,
                     std::vector<std::string>& report)
{
    const bool anamorphic = info.sarNum != info.sarDen;
    if (anamorphic) {
        int displayNum = 0, displayDen = 0;
        av_reduce(&displayNum, &displayDen, int64_t{first.width} * info.sarNum, int64_t{first.height} * info.sarDen, 1 << 16);
        report.push_back("pixel aspect " + std::to_string(info.sarNum) + ":" + std::to_string(info.sarDen) + " (display "
                         + std::to_string(displayNum) + ":" + std::to_string(displayDen)
                         + "): " + (preset.squarePixels ? "resampled to square pixels" : "kept"));
    }
    if (info.rotationDegrees == 0 && !info.displayFlipped) return;
    const bool keepTag = !preset.bakeRotation && video::containerKeepsRotation(preset.container);
    if (keepTag || info.displayFlipped) {
        spec.displayMatrix = info.displayMatrix;
        report.push_back("rotation " + std::to_string(info.rotationDegrees) + " degrees" + (info.displayFlipped ? ", mirrored" : "")
                         + ": kept as the stream's display matrix"
                         + (keepTag ? "" : " (mirrored pictures are not turned; " + preset.container + " may ignore it)"));
        return;
    }
    spec.bakeRotationDegrees = info.rotationDegrees;
    report.push_back("rotation " + std::to_string(info.rotationDegrees) + " degrees: turned upright in the pixels ("
                     + (preset.bakeRotation ? "preset" : preset.container + " cannot hold a rotation tag") + ")");
}

// The export preset with the job's own picture settings on top and the container the output
// file's name asks for, checked against this FFmpeg.
ExportPreset resolvePreset(const UpscaleSettings& s)
{
    ExportPreset preset = findPreset(s.preset).forOutputFile(s.output);
    preset.squarePixels = preset.squarePixels || s.squarePixels;
    preset.bakeRotation = preset.bakeRotation || s.bakeRotation;
    preset.checkAvailable();
    return preset;
}

// What a job decides before any frame is restored: the reader (past the first frame), the
// output video's parameters, and the reference encoder whose headers every segment, and every
// part of a split job, must reproduce.
struct OutputPlan {
    std::string deinterlacing;
    std::unique_ptr<video::VideoFrameReader> reader;
    video::RgbFrame firstFrame;
    video::OutputVideoSpec spec;
    std::unique_ptr<video::VideoEncoder> referenceEncoder;
};

OutputPlan planOutput(const UpscaleSettings& s, const ExportPreset& preset, UpscaleReport& report)
{
    OutputPlan plan;
    video::ReaderOptions readerOptions;
    readerOptions.sixteenBit = true;
    readerOptions.fixedSize = true;
    const DeinterlaceChoice deinterlacing = chooseDeinterlacing(s.input, s.engine.deinterlace);
    if (!deinterlacing.note.empty()) report.streams.push_back(deinterlacing.note);
    plan.deinterlacing = deinterlacing.filter;
    readerOptions.videoFilter = plan.deinterlacing;
    plan.reader = std::make_unique<video::VideoFrameReader>(s.input, readerOptions);
    const auto& info = plan.reader->info();
    // The output size comes from the first decoded frame, not the container's header: they can
    // differ (Theora), and an encoder fed frames of another size writes garbage.
    video::RgbFrame& firstFrame = plan.firstFrame;
    if (!plan.reader->read(firstFrame)) throw Error(ErrorCode::CorruptFile, "video file '" + s.input + "' contains no video frame");

    video::OutputVideoSpec& spec = plan.spec;
    spec.width = firstFrame.width * 4;
    spec.height = firstFrame.height * 4;
    spec.timeBaseNum = info.timeBaseNum;
    spec.timeBaseDen = info.timeBaseDen;
    spec.frameRateNum = info.frameRateNum > 0 ? info.frameRateNum : 25;
    spec.frameRateDen = info.frameRateNum > 0 ? info.frameRateDen : 1;
    spec.colorPrimaries = info.colorPrimaries;
    spec.colorTransfer = info.colorTransfer;
    spec.colorMatrix = info.colorMatrix;
    spec.colorRange = info.colorRange;
    if (spec.colorMatrix == AVCOL_SPC_UNSPECIFIED && video::isHdBySize(info.width, info.height)) {
        // The reader decoded it as BT.709, as players show it; the output says so (the encoder
        // tags other untagged sources BT.601).
        spec.colorMatrix = AVCOL_SPC_BT709;
        if (spec.colorPrimaries == AVCOL_PRI_UNSPECIFIED) spec.colorPrimaries = AVCOL_PRI_BT709;
        if (spec.colorTransfer == AVCOL_TRC_UNSPECIFIED) spec.colorTransfer = AVCOL_TRC_BT709;
    }
    spec.sarNum = info.sarNum;
    spec.sarDen = info.sarDen;
    describePicture(info, firstFrame, preset, spec, report.streams);
    describeHdr(info, preset, report);

    // Opened once up front: it validates the preset for this size.
    plan.referenceEncoder = std::make_unique<video::VideoEncoder>(preset, spec);
    report.outputWidth = plan.referenceEncoder->outputWidth();
    report.outputHeight = plan.referenceEncoder->outputHeight();
    return plan;
}

// Muxes the video packets with the source's other streams as "<output>.partial", renamed into
// place when complete: the output path never holds a half-written file.
void muxInPlace(const pipeline::VideoPacketSource& videoPackets, const UpscaleSettings& s, const ExportPreset& preset,
                const OutputPlan& plan, const pipeline::TrimRange& trim, UpscaleReport& report)
{
    const std::string partial = s.output + ".partial";
    try {
        pipeline::muxVideo(videoPackets, s.input, partial, preset, *plan.referenceEncoder, plan.spec, trim, report.streams);
        fs::rename(partial, s.output);
    } catch (...) {
        std::error_code ec;
        fs::remove(partial, ec);
        throw;
    }
}

using RestoredFrame = std::pair<std::vector<uint16_t>, int64_t>; // RGB48 samples, output pts

// What joins the three stages: the queues between them and the first error, which closes both
// queues so that every stage ends.
class StageLink {
public:
    explicit StageLink(size_t capacity) : decoded(capacity), restored(capacity) { }
    pipeline::BoundedQueue<TimedFrame> decoded;
    pipeline::BoundedQueue<RestoredFrame> restored;

    void fail(std::exception_ptr error)
    {
        {
            std::lock_guard lock(m_mutex);
            if (!m_firstError) m_firstError = error;
        }
        decoded.close();
        restored.close();
    }
    std::exception_ptr firstError()
    {
        std::lock_guard lock(m_mutex);
        return m_firstError;
    }

private:
    std::mutex m_mutex;
    std::exception_ptr m_firstError;
};

// The decode stage: the source's frames in order with their output timestamps (a frame without
// one continues from the previous at the nominal rate). Frames before the range that the model
// needs as context are held back until the range begins.
void decodeFrames(OutputPlan& plan, pipeline::FrameSelection& selection, int64_t videoShift, const std::atomic<bool>& cancelled,
                  StageLink& link)
{
    const video::OutputVideoSpec& spec = plan.spec;
    const AVRational videoTb{spec.timeBaseNum, spec.timeBaseDen};
    struct HeldFrame {
        video::RgbFrame frame;
        int64_t pts, index;
    };
    std::deque<HeldFrame> held; // the latest frames before the range: its context
    auto push = [&](const video::RgbFrame& frame, int64_t pts, int64_t index) {
        if (index < selection.pushFrom()) return true;
        return link.decoded.push({rgb48ToTensor(frame), pts - videoShift, index, selection.writes(index)});
    };
    video::RgbFrame frame = std::move(plan.firstFrame);
    int64_t lastPts = INT64_MIN;
    for (int64_t index = 0; !cancelled; ++index) {
        int64_t pts = frame.pts;
        if (pts == INT64_MIN) {
            const double step
                = static_cast<double>(spec.timeBaseDen) * spec.frameRateDen / (static_cast<double>(spec.timeBaseNum) * spec.frameRateNum);
            pts = lastPts == INT64_MIN ? 0 : lastPts + std::max<int64_t>(1, std::llround(step));
        }
        lastPts = pts;
        const auto verdict = selection.next(index, pts * av_q2d(videoTb));
        if (verdict == pipeline::FrameSelection::Verdict::Stop) break;
        if (verdict == pipeline::FrameSelection::Verdict::Hold) {
            held.push_back({std::move(frame), pts, index});
            if (held.size() > selection.holdFrames()) held.pop_front();
            frame = {};
        } else {
            bool open = true;
            for (const auto& h : held) open = open && push(h.frame, h.pts, h.index);
            held.clear();
            if (!open || !push(frame, pts, index)) break;
        }
        if (!plan.reader->read(frame)) break;
    }
}

// The model stage: windows through the network on a grid that starts at the first frame pushed;
// only the frames to write go on (context frames, and those in finished segments, do not).
void restoreFrames(const engine::WindowModel& windowModel, const engine::TilingSettings& tiling, const std::atomic<bool>& cancelled,
                   const std::function<void()>& waitWhilePaused, StageLink& link)
{
    std::optional<engine::FusedUpscaler> upscaler;
    std::deque<TimedFrame> inputs; // pushed, not yet emitted
    auto emit = [&] {
        while (auto hr = upscaler->pop()) {
            const TimedFrame input = std::move(inputs.front());
            inputs.pop_front();
            pipeline::checkRestoredFrame(input.rgb, *hr, input.index);
            if (!input.write) continue;
            if (!link.restored.push({tensorToRgb48(*hr), input.pts})) return false;
        }
        return true;
    };
    while (auto f = link.decoded.pop()) {
        waitWhilePaused();
        if (cancelled) break;
        if (!upscaler) upscaler.emplace(windowModel, tiling, f->index);
        inputs.push_back(*f);
        upscaler->push(f->rgb);
        if (!emit()) break;
    }
    if (!cancelled && upscaler) {
        upscaler->finish();
        emit();
    }
}

// The encode stage's output: a fresh encoder per segment, so each segment starts with a keyframe
// and stands alone, committed to the journal at every multiple of `segmentLength` output frames
// (segment_grid.h).
class SegmentedEncoder {
public:
    SegmentedEncoder(pipeline::SegmentJournal& journal, const ExportPreset& preset, const video::OutputVideoSpec& spec,
                     std::vector<uint8_t> headers, int64_t segmentLength)
        : m_journal(journal),
          m_preset(preset),
          m_spec(spec),
          m_headers(std::move(headers)),
          m_segmentLength(segmentLength),
          m_frameIndex(journal.framesDone())
    {
        // DUALX_KILL_AFTER_SEGMENTS=N: the process kills itself (SIGKILL, no cleanup) once N
        // segments are journaled, so crash-safety tests hit the same moment on any machine.
        if (const char* text = std::getenv("DUALX_KILL_AFTER_SEGMENTS")) m_killAfterSegments = std::strtoull(text, nullptr, 10);
    }

    void encode(const RestoredFrame& frame)
    {
        if (!m_encoder) {
            m_encoder = std::make_unique<video::VideoEncoder>(m_preset, m_spec);
            if (m_encoder->extradata() != m_headers)
                throw Error(ErrorCode::Internal, "the " + m_preset.videoCodec + " encoder's headers differ between segments");
            m_journal.beginSegment(m_frameIndex);
        }
        m_encoder->encode(frame.first.data(), frame.second, m_sink);
        ++m_framesInSegment;
        ++m_frameIndex;
        if (pipeline::segmentEndsAfter(m_frameIndex, m_segmentLength)) closeSegment();
    }
    // Commits the open segment (the last one, shorter than the others).
    void finish()
    {
        if (m_encoder) closeSegment();
    }
    // Drops the open segment: a resumed job encodes it again.
    void abandon() { m_encoder.reset(); }
    int64_t frameIndex() const { return m_frameIndex; }

private:
    void closeSegment()
    {
        m_encoder->flush(m_sink);
        m_journal.commitSegment(m_framesInSegment);
        m_encoder.reset();
        m_framesInSegment = 0;
        if (m_killAfterSegments > 0 && m_journal.segments().size() == m_killAfterSegments) std::raise(SIGKILL);
    }

    pipeline::SegmentJournal& m_journal;
    const ExportPreset& m_preset;
    const video::OutputVideoSpec& m_spec;
    const std::vector<uint8_t> m_headers;
    const int64_t m_segmentLength;
    const video::PacketSink m_sink = [this](AVPacket* p) { m_journal.appendPacket(p); };
    std::unique_ptr<video::VideoEncoder> m_encoder;
    int64_t m_framesInSegment = 0;
    int64_t m_frameIndex;
    size_t m_killAfterSegments = 0;
};

// Progress for the callback: frames, rate and time left (of the range when trimming), and which
// stage holds the others up, read from how full the queues are.
UpscaleProgress progressOf(int64_t framesDone, int64_t framesThisRun, double elapsedSeconds, const video::VideoInfo& info,
                           const pipeline::TrimRange& trim, bool trimmed, const StageLink& link)
{
    UpscaleProgress p;
    p.framesDone = framesDone;
    p.framesTotal = info.frameCountEstimate;
    if (info.fps > 0 && trimmed) {
        const double remaining = std::min(info.startSeconds + info.durationSeconds, trim.endSeconds) - trim.startSeconds;
        p.framesTotal = std::max<int64_t>(0, std::llround(remaining * info.fps));
    }
    p.framesPerSecond = elapsedSeconds > 0 ? framesThisRun / elapsedSeconds : 0;
    if (p.framesTotal > 0 && p.framesPerSecond > 0) p.etaSeconds = std::max<double>(0, p.framesTotal - p.framesDone) / p.framesPerSecond;
    p.decodedQueueFill = link.decoded.occupancy();
    p.upscaledQueueFill = link.restored.occupancy();
    p.bottleneck = p.upscaledQueueFill > 0.75 ? Stage::Encode : p.decodedQueueFill < 0.25 ? Stage::Decode : Stage::Model;
    return p;
}

} // namespace

UpscaleReport UpscaleJob::run(const std::function<void(const UpscaleProgress&)>& onProgress)
{
    auto& job = *m_impl;
    const auto& s = job.settings;
    validateEngineSettings(s.engine);
    checkPaths(s);
    const ExportPreset preset = resolvePreset(s);

    // Model first: a bad model file should fail before any output exists.
    const pipeline::PreparedEngine prepared = pipeline::prepareEngine(s.engine);
    const DeviceChoice& device = prepared.device;
    const engine::TilingSettings& tiling = prepared.tiling;
    const engine::WindowModel windowModel
        = engine::selfEnsembleWindowModel(engine::networkWindowModel(prepared.net, device, engine::alignedNeighbours), s.engine.ensemble);

    UpscaleReport report;
    OutputPlan plan = planOutput(s, preset, report);
    const auto& info = plan.reader->info();
    const auto headers = plan.referenceEncoder->extradata();
    const double macsPerFrame
        = computeModelStats(prepared.net->config(), tiling.windowFrames, plan.firstFrame.width, plan.firstFrame.height).macs
          / tiling.windowFrames * s.engine.ensemble;
    const int64_t segmentLength = pipeline::segmentLengthFrames(s.segmentFrames, s.segmentSeconds, macsPerFrame, device.kind);
    pipeline::SegmentJournal journal(s.output, jobFingerprint(s, prepared.modelPath, preset, tiling, device, plan.deinterlacing), headers);
    if (!journal.restartReason().empty()) report.streams.push_back("earlier progress not used: " + journal.restartReason());
    const int64_t resumeAt = journal.framesDone();
    if (resumeAt > 0)
        report.streams.push_back("resumed after frame " + std::to_string(resumeAt) + " (" + std::to_string(journal.segments().size())
                                 + " finished segment(s) in " + journal.folder() + ")");

    // Trimming: frames outside [start, end) are not written; a trimmed output starts at 0, a
    // split part keeps the source's timestamps for the join. --start counts from the file's
    // beginning, as players show it, not from the clock value its timestamps start at.
    const bool trimmed = s.startSeconds > 0 || s.durationSeconds > 0;
    pipeline::TrimRange trim;
    trim.startSeconds = (trimmed ? info.startSeconds : 0) + std::max(0.0, s.startSeconds);
    trim.endSeconds = s.durationSeconds > 0 ? trim.startSeconds + s.durationSeconds : std::numeric_limits<double>::infinity();
    const AVRational videoTb{plan.spec.timeBaseNum, plan.spec.timeBaseDen};
    const int64_t videoShift = s.splitPart ? 0 : std::llround(trim.startSeconds * videoTb.den / videoTb.num);
    // Frames before resumeAt (and around the range) are decoded again but only a window's worth
    // of them goes through the model, so the frames written are the bits an uninterrupted run
    // over the whole source gives.
    pipeline::FrameSelection selection(trim.startSeconds, trim.endSeconds, resumeAt, tiling);

    StageLink link(static_cast<size_t>(std::max(1, s.queueFrames)));
    std::thread decodeThread([&] {
        try {
            decodeFrames(plan, selection, videoShift, job.cancelled, link);
        } catch (...) {
            link.fail(std::current_exception());
        }
        link.decoded.close();
    });
    std::thread modelThread([&] {
        try {
            restoreFrames(
                windowModel, tiling, job.cancelled, [&job] { job.waitWhilePaused(); }, link);
        } catch (...) {
            link.fail(std::current_exception());
        }
        link.restored.close();
    });

    // The encode stage runs on this thread.
    const auto start = std::chrono::steady_clock::now();
    auto lastReport = start - std::chrono::seconds(1);
    SegmentedEncoder encoder(journal, preset, plan.spec, headers, segmentLength);
    try {
        while (auto f = link.restored.pop()) {
            encoder.encode(*f);
            ++report.frames;
            const auto now = std::chrono::steady_clock::now();
            if (onProgress && now - lastReport >= std::chrono::milliseconds(100)) {
                lastReport = now;
                const double elapsed = std::chrono::duration<double>(now - start).count();
                onProgress(progressOf(encoder.frameIndex(), report.frames, elapsed, info, trim, trimmed, link));
            }
        }
        if (!job.cancelled && !link.firstError()) encoder.finish();
    } catch (...) {
        link.fail(std::current_exception());
    }
    decodeThread.join();
    modelThread.join();
    if (const auto damage = plan.reader->damage().describe(info.durationSeconds); !damage.empty())
        report.warnings.push_back("damaged input: " + damage + "; what could not be decoded is missing from the output");

    std::exception_ptr error = link.firstError();
    if (job.cancelled && !error)
        error = std::make_exception_ptr(
            Error(ErrorCode::Cancelled, journal.framesDone() > 0
                                            ? "cancelled (finished segments kept in '" + journal.folder() + "': the same command resumes)"
                                            : "cancelled"));
    if (error) {
        encoder.abandon();
        // Progress is worth keeping only if a segment was finished; then the same command resumes.
        if (journal.framesDone() == 0) journal.remove();
        std::rethrow_exception(error);
    }

    if (s.splitPart)
        pipeline::writeSplitPart(journal, headers, s.output);
    else
        muxInPlace([&](const auto& visit) { journal.forEachPacket(visit); }, s, preset, plan, trim, report);
    journal.remove();
    report.frames = journal.framesDone();
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

UpscaleReport joinSplitParts(const UpscaleSettings& partSettings, const std::vector<std::string>& parts)
{
    const auto start = std::chrono::steady_clock::now();
    UpscaleSettings s = partSettings;
    s.splitPart = false;
    s.startSeconds = s.durationSeconds = 0;
    checkPaths(s);
    if (parts.empty()) throw Error(ErrorCode::InvalidArgument, "no split parts to join for '" + s.output + "'");
    const ExportPreset preset = resolvePreset(s);
    UpscaleReport report;
    const OutputPlan plan = planOutput(s, preset, report);
    // Parts from other settings would not decode as one stream: the encoder headers tell.
    const auto headers = plan.referenceEncoder->extradata();
    for (const auto& part : parts) {
        const auto info = pipeline::readSplitPartInfo(part);
        if (info.extradata != headers)
            throw Error(ErrorCode::InvalidArgument, "split part '" + part + "' was encoded with other settings than '" + s.output + "'");
        report.frames += info.frames;
    }
    muxInPlace(
        [&](const auto& visit) {
            for (const auto& part : parts) pipeline::forEachSplitPartPacket(part, visit);
        },
        s, preset, plan, pipeline::TrimRange{}, report);
    report.streams.push_back("joined from " + std::to_string(parts.size()) + " split parts without re-encoding");
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

} // namespace dualx
