#include "dualx/upscale_job.h"

#include "dualx/errors.h"
#include "dualx/export_preset.h"
#include "dualx/model_stats.h"
#include "dualx/source_quality.h"
#include "dualx/weights.h"
#include "engine/self_ensemble.h"
#include "engine/streaming_upscaler.h"
#include "pipeline/bounded_queue.h"
#include "pipeline/engine_setup.h"
#include "pipeline/final_mux.h"
#include "pipeline/frame_selection.h"
#include "pipeline/output_guard.h"
#include "pipeline/segment_grid.h"
#include "pipeline/segment_journal.h"
#include "pipeline/split_part.h"
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

// The export preset with the job's own picture settings on top, checked against this FFmpeg.
ExportPreset resolvePreset(const UpscaleSettings& s)
{
    ExportPreset preset = findPreset(s.preset);
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
    auto net = prepared.net;
    const engine::WindowModel windowModel = engine::selfEnsembleWindowModel(engine::networkWindowModel(net, device), s.engine.ensemble);

    UpscaleReport report;
    OutputPlan plan = planOutput(s, preset, report);
    video::VideoFrameReader& reader = *plan.reader;
    const auto& info = reader.info();
    const video::OutputVideoSpec& spec = plan.spec;
    const video::VideoEncoder& referenceEncoder = *plan.referenceEncoder;
    const auto headers = referenceEncoder.extradata();
    const std::string& deinterlacing = plan.deinterlacing;
    const double macsPerFrame = computeModelStats(net->config(), tiling.windowFrames, plan.firstFrame.width, plan.firstFrame.height).macs
                                / tiling.windowFrames * s.engine.ensemble;
    const int64_t segmentLength = pipeline::segmentLengthFrames(s.segmentFrames, s.segmentSeconds, macsPerFrame, device.kind);
    pipeline::SegmentJournal journal(s.output, jobFingerprint(s, prepared.modelPath, preset, tiling, device, deinterlacing), headers);
    if (!journal.restartReason().empty()) report.streams.push_back("earlier progress not used: " + journal.restartReason());
    const int64_t resumeAt = journal.framesDone();
    if (resumeAt > 0)
        report.streams.push_back("resumed after frame " + std::to_string(resumeAt) + " (" + std::to_string(journal.segments().size())
                                 + " finished segment(s) in " + journal.folder() + ")");

    // Trimming: frames outside [start, end) are not written; a trimmed output starts at 0, a
    // split part keeps the source's timestamps for the join.
    pipeline::TrimRange trim;
    trim.startSeconds = std::max(0.0, s.startSeconds);
    trim.endSeconds = s.durationSeconds > 0 ? trim.startSeconds + s.durationSeconds : std::numeric_limits<double>::infinity();
    const double startSeconds = trim.startSeconds, endSeconds = trim.endSeconds;
    auto secondsToTicks = [](double seconds, AVRational tb) { return std::llround(seconds * tb.den / tb.num); };
    const AVRational videoTb{spec.timeBaseNum, spec.timeBaseDen};
    const int64_t videoShift = s.splitPart ? 0 : secondsToTicks(startSeconds, videoTb);
    // Frames before resumeAt (and around the range) are decoded again but only a window's worth
    // of them goes through the model, so the frames written are the bits an uninterrupted run
    // over the whole source gives.
    pipeline::FrameSelection selection(startSeconds, endSeconds, resumeAt, tiling);

    pipeline::BoundedQueue<TimedFrame> decoded(static_cast<size_t>(std::max(1, s.queueFrames)));
    pipeline::BoundedQueue<std::pair<std::vector<uint16_t>, int64_t>> upscaled(static_cast<size_t>(std::max(1, s.queueFrames)));
    std::mutex errorMutex;
    std::exception_ptr firstError;
    auto fail = [&](std::exception_ptr e) {
        {
            std::lock_guard lock(errorMutex);
            if (!firstError) firstError = e;
        }
        decoded.close();
        upscaled.close();
    };

    std::thread decodeThread([&] {
        try {
            struct HeldFrame {
                video::RgbFrame frame;
                int64_t pts, index;
            };
            std::deque<HeldFrame> held; // the latest frames before the range: its context
            auto push = [&](const video::RgbFrame& frame, int64_t pts, int64_t index) {
                if (index < selection.pushFrom()) return true;
                return decoded.push({rgb48ToTensor(frame), pts - videoShift, index, selection.writes(index)});
            };
            video::RgbFrame frame = std::move(plan.firstFrame);
            int64_t lastPts = INT64_MIN;
            for (int64_t index = 0; !job.cancelled; ++index) {
                // Frames without a timestamp continue from the previous one at the nominal rate.
                int64_t pts = frame.pts;
                if (pts == INT64_MIN) {
                    const double step = static_cast<double>(spec.timeBaseDen) * spec.frameRateDen
                                        / (static_cast<double>(spec.timeBaseNum) * spec.frameRateNum);
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
                if (!reader.read(frame)) break;
            }
        } catch (...) {
            fail(std::current_exception());
        }
        decoded.close();
    });

    std::thread modelThread([&] {
        try {
            std::optional<engine::StreamingUpscaler> upscaler; // its grid starts at the first frame pushed
            std::deque<TimedFrame> inputs;                     // pushed, not yet emitted
            auto emit = [&] {
                while (auto hr = upscaler->pop()) {
                    const TimedFrame input = std::move(inputs.front());
                    inputs.pop_front();
                    pipeline::checkRestoredFrame(input.rgb, *hr, input.index);
                    if (!input.write) continue; // context, or already in a finished segment
                    if (!upscaled.push({tensorToRgb48(*hr), input.pts})) return false;
                }
                return true;
            };
            while (auto f = decoded.pop()) {
                job.waitWhilePaused();
                if (job.cancelled) break;
                if (!upscaler) upscaler.emplace(windowModel, tiling, f->index);
                inputs.push_back(*f);
                upscaler->push(f->rgb);
                if (!emit()) break;
            }
            if (!job.cancelled && upscaler) {
                upscaler->finish();
                emit();
            }
        } catch (...) {
            fail(std::current_exception());
        }
        upscaled.close();
    });

    // Encode thread (this one): a fresh encoder per segment, so each segment starts with a
    // keyframe and stands alone; a segment is committed at every multiple of segmentLength
    // output frames (segment_grid.h).
    const auto start = std::chrono::steady_clock::now();
    auto lastReport = start - std::chrono::seconds(1);
    std::unique_ptr<video::VideoEncoder> encoder;
    int64_t framesInSegment = 0;
    int64_t frameIndex = resumeAt;
    const video::PacketSink toSegment = [&](AVPacket* p) { journal.appendPacket(p); };
    // DUALX_KILL_AFTER_SEGMENTS=N: the process kills itself (SIGKILL, no cleanup) once N
    // segments are journaled, so crash-safety tests hit the same moment on any machine.
    const char* killAfterText = std::getenv("DUALX_KILL_AFTER_SEGMENTS");
    const size_t killAfterSegments = killAfterText ? std::strtoull(killAfterText, nullptr, 10) : 0;
    auto closeSegment = [&] {
        encoder->flush(toSegment);
        journal.commitSegment(framesInSegment);
        encoder.reset();
        framesInSegment = 0;
        if (killAfterSegments > 0 && journal.segments().size() == killAfterSegments) std::raise(SIGKILL);
    };
    try {
        while (auto f = upscaled.pop()) {
            if (!encoder) {
                encoder = std::make_unique<video::VideoEncoder>(preset, spec);
                if (encoder->extradata() != headers)
                    throw Error(ErrorCode::Internal, "the " + preset.videoCodec + " encoder's headers differ between segments");
                journal.beginSegment(frameIndex);
            }
            encoder->encode(f->first.data(), f->second, toSegment);
            ++framesInSegment;
            ++frameIndex;
            ++report.frames;
            if (pipeline::segmentEndsAfter(frameIndex, segmentLength)) closeSegment();
            const auto now = std::chrono::steady_clock::now();
            if (onProgress && now - lastReport >= std::chrono::milliseconds(100)) {
                lastReport = now;
                UpscaleProgress p;
                p.framesDone = frameIndex;
                p.framesTotal = info.frameCountEstimate;
                if (info.fps > 0 && (startSeconds > 0 || s.durationSeconds > 0)) {
                    const double remaining = std::min(info.durationSeconds, endSeconds) - startSeconds;
                    p.framesTotal = std::max<int64_t>(0, std::llround(remaining * info.fps));
                }
                const double elapsed = std::chrono::duration<double>(now - start).count();
                p.framesPerSecond = elapsed > 0 ? report.frames / elapsed : 0;
                if (p.framesTotal > 0 && p.framesPerSecond > 0)
                    p.etaSeconds = std::max<double>(0, p.framesTotal - p.framesDone) / p.framesPerSecond;
                p.decodedQueueFill = decoded.occupancy();
                p.upscaledQueueFill = upscaled.occupancy();
                p.bottleneck = p.upscaledQueueFill > 0.75 ? Stage::Encode : p.decodedQueueFill < 0.25 ? Stage::Decode : Stage::Model;
                onProgress(p);
            }
        }
        if (!job.cancelled && !firstError && encoder) closeSegment();
    } catch (...) {
        fail(std::current_exception());
    }
    decodeThread.join();
    modelThread.join();
    if (const auto damage = reader.damage().describe(info.durationSeconds); !damage.empty())
        report.warnings.push_back("damaged input: " + damage + "; what could not be decoded is missing from the output");

    if (job.cancelled && !firstError)
        firstError = std::make_exception_ptr(
            Error(ErrorCode::Cancelled, journal.framesDone() > 0
                                            ? "cancelled (finished segments kept in '" + journal.folder() + "': the same command resumes)"
                                            : "cancelled"));
    if (firstError) {
        encoder.reset();
        // Progress is worth keeping only if a segment was finished; then the same command resumes.
        if (journal.framesDone() == 0) journal.remove();
        std::rethrow_exception(firstError);
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
