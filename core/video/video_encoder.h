#pragma once
// The restored video's encoder: RGB48 frames in, compressed packets out, as an export preset
// says (codec, pixel format, quality, final scale) with the source's colour tags. Separate from
// the muxer so the pipeline can encode into crash-safe segments and mux them at the end.
#include "dualx/export_preset.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

struct AVCodecParameters;
struct AVPacket;

namespace dualx::video {

struct OutputVideoSpec {
    int width = 0, height = 0;             // of the frames given to encode()
    int timeBaseNum = 1, timeBaseDen = 25; // of their timestamps (the source video stream's)
    int frameRateNum = 25, frameRateDen = 1;
    int colorPrimaries = 2, colorTransfer = 2, colorMatrix = 2, colorRange = 0; // source tags
    int sarNum = 1, sarDen = 1;                                                 // the source's pixel aspect
    int bakeRotationDegrees = 0;                                                // clockwise turn applied to the pixels (0/90/180/270)
    std::vector<uint8_t> displayMatrix;                                         // for the output stream (the source's, unless baked)
};

// Whether `container` (an FFmpeg muxer name) stores a display matrix (FFmpeg 5.1: the MOV family).
bool containerKeepsRotation(const std::string& container);

// Receives each packet (timestamps in the spec's time base); the packet is only borrowed.
using PacketSink = std::function<void(AVPacket*)>;

class VideoEncoder {
public:
    // Throws InvalidArgument when the preset's encoder cannot be opened for this size/format.
    VideoEncoder(const ExportPreset& preset, const OutputVideoSpec& spec);
    ~VideoEncoder();
    VideoEncoder(const VideoEncoder&) = delete;
    VideoEncoder& operator=(const VideoEncoder&) = delete;

    // rgb48: packed RGB48, width*height*3 values; pts in the spec's time base.
    void encode(const uint16_t* rgb48, int64_t pts, const PacketSink& sink);
    void flush(const PacketSink& sink); // end of stream: the encoder's delayed packets

    const AVCodecParameters* parameters() const; // for the muxer's video stream
    std::vector<uint8_t> extradata() const;      // global headers (same settings: same bytes)
    // Preset options that are neither encoder options: the muxer's (e.g. "movflags").
    const std::vector<std::pair<std::string, std::string>>& muxerOptions() const;
    int outputWidth() const;
    int outputHeight() const;
    int outputSarNum() const;
    int outputSarDen() const;
    std::string describe() const; // "video: 80x48 -> 320x192 libx264 yuv420p"

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace dualx::video
