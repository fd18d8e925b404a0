#include "dualx/interlacing.h"

#include "dualx/errors.h"
#include "video/video_frame_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace dualx {

namespace {

int64_t metadataCount(const video::VideoFrameReader& reader, const char* key)
{
    const std::string value = reader.lastFrameMetadata(key);
    return value.empty() ? 0 : std::strtoll(value.c_str(), nullptr, 10);
}

bool nearNtscFrameRate(double fps) { return std::abs(fps - 30000.0 / 1001.0) < 0.05 || std::abs(fps - 30.0) < 0.05; }

} // namespace

std::string_view deinterlaceModeName(DeinterlaceMode mode)
{
    switch (mode) {
    case DeinterlaceMode::Auto: return "auto";
    case DeinterlaceMode::FieldRate: return "field";
    case DeinterlaceMode::FrameRate: return "frame";
    case DeinterlaceMode::Off: return "off";
    }
    return "?";
}

DeinterlaceMode parseDeinterlaceMode(const std::string& name)
{
    for (auto mode : {DeinterlaceMode::Auto, DeinterlaceMode::FieldRate, DeinterlaceMode::FrameRate, DeinterlaceMode::Off})
        if (name == deinterlaceModeName(mode)) return mode;
    throw Error(ErrorCode::InvalidArgument, "deinterlace must be auto, field, frame or off, not '" + name + "'");
}

std::string InterlaceAnalysis::verdict() const
{
    switch (scan) {
    case ScanType::Progressive: return "progressive";
    case ScanType::Interlaced: return std::string("interlaced, ") + (topFieldFirst ? "top" : "bottom") + " field first";
    case ScanType::Telecined: return "telecined (3:2 pulldown)";
    }
    return "?";
}

std::string InterlaceAnalysis::describe() const
{
    return verdict() + " (tag " + (fieldOrderTag.empty() ? "none" : fieldOrderTag) + "; idet " + std::to_string(tff) + " TFF, "
           + std::to_string(bff) + " BFF, " + std::to_string(progressive) + " progressive, " + std::to_string(repeatedFields)
           + " repeated fields in " + std::to_string(framesChecked) + " frames)";
}

InterlaceAnalysis analyseInterlacing(const std::string& path, int frames)
{
    video::ReaderOptions options;
    options.videoFilter = "idet";
    video::VideoFrameReader reader(path, options);
    InterlaceAnalysis a;
    a.fieldOrderTag = reader.info().fieldOrder;
    a.frameRate = reader.info().fps;
    video::RgbFrame frame;
    while (a.framesChecked < frames && reader.read(frame)) ++a.framesChecked;
    // idet's counts are running totals on each frame it outputs.
    a.tff = metadataCount(reader, "lavfi.idet.multiple.tff");
    a.bff = metadataCount(reader, "lavfi.idet.multiple.bff");
    a.progressive = metadataCount(reader, "lavfi.idet.multiple.progressive");
    a.undetermined = metadataCount(reader, "lavfi.idet.multiple.undetermined");
    a.repeatedFields = metadataCount(reader, "lavfi.idet.repeated.top") + metadataCount(reader, "lavfi.idet.repeated.bottom");

    const bool taggedInterlaced
        = a.fieldOrderTag == "tff" || a.fieldOrderTag == "bff" || a.fieldOrderTag == "tb" || a.fieldOrderTag == "bt";
    // "tb" is coded top first but displayed bottom first (FFmpeg's AV_FIELD_TB), "bt" the other way round.
    const bool taggedProgressive = a.fieldOrderTag == "progressive";
    const bool tagTopFirst = a.fieldOrderTag != "bff" && a.fieldOrderTag != "tb";
    const int64_t interlaced = a.tff + a.bff, decided = interlaced + a.progressive;
    // The field order a stream states is kept; idet's guess is for untagged streams (it can take
    // a pan over footage converted from a lower frame rate for the other order).
    a.topFieldFirst = taggedInterlaced ? tagTopFirst : a.tff != a.bff ? a.tff > a.bff : true;
    // idet misreads fine horizontal detail as combing in small pictures (synthetic patterns at
    // 96x64 come out 90 % "TFF"); nothing interlaced is that small, so there only a tag counts.
    // Elsewhere a third of combed frames is enough (a capture that is progressive in parts), half
    // where the stream says it is progressive; a stream tagged interlaced is taken at its word
    // unless nearly every frame idet decides on is progressive.
    const bool small = reader.info().height < 200;
    const int64_t combedShare = decided > 0 ? 100 * interlaced / decided : 0;
    const bool combed = !small && a.framesChecked >= 6 && interlaced >= 4 && combedShare >= (taggedProgressive ? 50 : 30);
    // 3:2 pulldown repeats a field in 2 of every 5 frames; idet sees them as interlaced too.
    if ((!small || taggedInterlaced) && a.framesChecked >= 10 && nearNtscFrameRate(a.frameRate) && a.repeatedFields * 5 >= a.framesChecked)
        a.scan = ScanType::Telecined;
    else if (combed)
        a.scan = ScanType::Interlaced;
    else if (taggedInterlaced && !(decided >= 10 && combedShare <= 10))
        a.scan = ScanType::Interlaced;
    return a;
}

std::string deinterlaceFilter(DeinterlaceMode mode, const InterlaceAnalysis& a)
{
    const std::string parity = a.topFieldFirst ? "tff" : "bff";
    switch (mode) {
    case DeinterlaceMode::Off: return {};
    case DeinterlaceMode::FieldRate: return "bwdif=mode=send_field:parity=" + parity + ":deint=all";
    case DeinterlaceMode::FrameRate: return "bwdif=mode=send_frame:parity=" + parity + ":deint=all";
    case DeinterlaceMode::Auto:
        if (a.scan == ScanType::Interlaced) return "bwdif=mode=send_field:parity=" + parity + ":deint=all";
        if (a.scan == ScanType::Telecined) return "fieldmatch=order=" + parity + ":combmatch=full,decimate";
        return {};
    }
    return {};
}

DeinterlaceChoice chooseDeinterlacing(const std::string& path, DeinterlaceMode mode)
{
    if (mode == DeinterlaceMode::Off) return {};
    const InterlaceAnalysis analysis = analyseInterlacing(path);
    DeinterlaceChoice choice;
    choice.filter = deinterlaceFilter(mode, analysis);
    if (!choice.filter.empty())
        choice.note = "scan: " + analysis.describe() + ": " + choice.filter;
    else if (analysis.fieldOrderTag != "" && analysis.fieldOrderTag != "progressive")
        choice.note = "scan: " + analysis.describe() + ": not deinterlaced";
    return choice;
}

} // namespace dualx
