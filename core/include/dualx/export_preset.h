#pragma once
// Export presets: how a restored video is written (container, codec, quality, pixel format,
// what happens to audio and subtitles, optional final scale). One JSON format shared by the CLI
// and the GUI; built-in presets come from resources/presets (compiled in), user presets from
// a folder of .json files.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace dualx {

enum class StreamPolicy {
    Copy, // stream copy; transcoded to the fallback codec where the container cannot hold it
    Transcode,
    Drop,
};

enum class OutputScaleMode { None, Factor, Height };

struct ExportPreset {
    std::string id;
    std::string name;
    std::string description;
    std::string container;  // FFmpeg muxer: "mp4", "matroska", "mov"
    std::string extension;  // ".mp4"
    std::string videoCodec; // FFmpeg encoder: "libx264", "libx265", "libsvtav1", "ffv1", "prores_ks"
    std::string pixelFormat;
    int crf = -1; // constant quality where the encoder has it; -1: not used
    int64_t videoBitRate = 0;
    std::string encoderPreset;
    std::map<std::string, std::string> videoOptions; // encoder/muxer AVOptions
    StreamPolicy audio = StreamPolicy::Copy;
    std::string audioFallbackCodec = "aac";
    int64_t audioFallbackBitRate = 192000;
    StreamPolicy subtitles = StreamPolicy::Copy;
    OutputScaleMode scaleMode = OutputScaleMode::None;
    double scaleFactor = 1.0; // Factor: applied to the x4 result (0.5 gives x2)
    int targetHeight = 0;     // Height: final height, width keeps the aspect ratio (even)
    // Anamorphic sources (DV, DVD) keep their pixel aspect and the output stream says so; with
    // squarePixels the width is resampled instead (720x480 8:9 -> 2560x1920 1:1).
    bool squarePixels = false;
    // A rotated phone clip keeps its rotation tag (lossless); bakeRotation turns the pixels
    // upright instead, for players that ignore the tag.
    bool bakeRotation = false;
    bool builtIn = false;
    std::string sourcePath; // file it came from ("" for built-ins)

    std::string toJson() const;
    // Throws InvalidArgument naming the field (and `origin`) that is missing or wrong.
    static ExportPreset fromJson(const std::string& json, const std::string& origin);
    // Checks that this FFmpeg build has the muxer, encoders and pixel format.
    void checkAvailable() const;
    // The preset as it writes `path`: the file name's extension, where FFmpeg knows a muxer
    // for it, chooses the container (out.mkv from web-h264 is H.264 in Matroska, not MP4 data
    // under a .mkv name); the codec and its settings stay. The preset's own extension, one
    // FFmpeg does not know, or none keeps the preset's container. Throws InvalidArgument when
    // that container cannot hold the preset's video codec.
    ExportPreset forOutputFile(const std::string& path) const;
};

// The preset a job gets when none is named: H.264 in MP4, for any player.
inline constexpr const char* kDefaultPresetId = "web-h264";

std::vector<ExportPreset> builtInPresets();
// $DUALX_PRESET_DIR, else $XDG_CONFIG_HOME/dualx/presets, else ~/.config/dualx/presets.
std::string userPresetFolder();
// Presets in a folder; files that do not parse are skipped and reported in `problems`.
std::vector<ExportPreset> loadPresetFolder(const std::string& folder, std::vector<std::string>* problems = nullptr);
// Built-ins and user presets (a user preset may not reuse a built-in id).
std::vector<ExportPreset> allPresets(std::vector<std::string>* problems = nullptr);
// An id ("web-h264") or a path to a .json file. Throws InvalidArgument listing the known ids.
ExportPreset findPreset(const std::string& idOrPath);
void saveUserPreset(const ExportPreset& preset, const std::string& folder = userPresetFolder());

std::string_view streamPolicyName(StreamPolicy policy);

} // namespace dualx
