#include "dualx/export_preset.h"

#include "dualx/errors.h"
#include "file_extension.h"
#include "json_numbers.h"

#include <nlohmann/json.hpp>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/pixdesc.h>
}

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace dualx::video {
const std::vector<std::pair<std::string_view, std::string_view>>& builtInPresetSources();
}

namespace dualx {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void bad(const std::string& origin, const std::string& what)
{
    throw Error(ErrorCode::InvalidArgument, "preset " + origin + ": " + what);
}

StreamPolicy policyFromName(const std::string& name, const std::string& origin)
{
    if (name == "copy") return StreamPolicy::Copy;
    if (name == "transcode") return StreamPolicy::Transcode;
    if (name == "drop") return StreamPolicy::Drop;
    bad(origin, "policy must be copy, transcode or drop, got '" + name + "'");
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path);
    if (!in) throw Error(ErrorCode::FileNotFound, "preset file '" + path + "' cannot be opened");
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

std::string_view streamPolicyName(StreamPolicy policy)
{
    switch (policy) {
    case StreamPolicy::Copy: return "copy";
    case StreamPolicy::Transcode: return "transcode";
    case StreamPolicy::Drop: return "drop";
    }
    return "?";
}

std::string ExportPreset::toJson() const
{
    nlohmann::json scale = {{"mode", scaleMode == OutputScaleMode::None     ? "none"
                                     : scaleMode == OutputScaleMode::Factor ? "factor"
                                                                            : "height"}};
    if (scaleMode == OutputScaleMode::Factor) scale["factor"] = scaleFactor;
    if (scaleMode == OutputScaleMode::Height) scale["height"] = targetHeight;
    nlohmann::json j = {
        {"id", id},
        {"name", name},
        {"description", description},
        {"container", container},
        {"extension", extension},
        {"video",
         {{"codec", videoCodec},
          {"pixel_format", pixelFormat},
          {"crf", crf},
          {"bitrate", videoBitRate},
          {"encoder_preset", encoderPreset},
          {"options", videoOptions}}},
        {"audio",
         {{"policy", streamPolicyName(audio)}, {"fallback_codec", audioFallbackCodec}, {"fallback_bitrate", audioFallbackBitRate}}},
        {"subtitles", {{"policy", streamPolicyName(subtitles)}}},
        {"output_scale", scale},
    };
    // Only when not the default, so that journals of jobs started before it existed still match.
    if (squarePixels || bakeRotation)
        j["picture"] = {{"pixel_aspect", squarePixels ? "square" : "keep"}, {"rotation", bakeRotation ? "bake" : "tag"}};
    return j.dump(2);
}

ExportPreset ExportPreset::fromJson(const std::string& text, const std::string& origin)
{
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        bad(origin, std::string("not valid JSON (") + e.what() + ")");
    }
    if (const auto number = findOutOfRangeNumber(j); !number.empty()) bad(origin, number + " is out of range");
    ExportPreset p;
    try {
        p.id = j.at("id").get<std::string>();
        p.name = j.value("name", p.id);
        p.description = j.value("description", std::string());
        p.container = j.at("container").get<std::string>();
        p.extension = j.at("extension").get<std::string>();
        const auto& v = j.at("video");
        p.videoCodec = v.at("codec").get<std::string>();
        p.pixelFormat = v.at("pixel_format").get<std::string>();
        p.crf = v.value("crf", -1);
        p.videoBitRate = v.value("bitrate", int64_t{0});
        p.encoderPreset = v.value("encoder_preset", std::string());
        if (v.contains("options"))
            for (auto it = v["options"].begin(); it != v["options"].end(); ++it)
                p.videoOptions[it.key()] = it.value().is_string() ? it.value().get<std::string>() : it.value().dump();
        if (j.contains("audio")) {
            const auto& a = j["audio"];
            p.audio = policyFromName(a.value("policy", std::string("copy")), origin);
            p.audioFallbackCodec = a.value("fallback_codec", p.audioFallbackCodec);
            p.audioFallbackBitRate = a.value("fallback_bitrate", p.audioFallbackBitRate);
        }
        if (j.contains("subtitles")) p.subtitles = policyFromName(j["subtitles"].value("policy", std::string("copy")), origin);
        if (j.contains("output_scale")) {
            const auto& s = j["output_scale"];
            const auto mode = s.value("mode", std::string("none"));
            if (mode == "none") {
                p.scaleMode = OutputScaleMode::None;
            } else if (mode == "factor") {
                p.scaleMode = OutputScaleMode::Factor;
                p.scaleFactor = s.at("factor").get<double>();
                if (!(p.scaleFactor > 0.05 && p.scaleFactor <= 1.0)) bad(origin, "output_scale.factor must be in (0.05, 1]");
            } else if (mode == "height") {
                p.scaleMode = OutputScaleMode::Height;
                p.targetHeight = s.at("height").get<int>();
                if (p.targetHeight < 16) bad(origin, "output_scale.height must be at least 16");
            } else {
                bad(origin, "output_scale.mode must be none, factor or height, got '" + mode + "'");
            }
        }
        if (j.contains("picture")) {
            const auto& picture = j["picture"];
            const auto aspect = picture.value("pixel_aspect", std::string("keep"));
            if (aspect != "keep" && aspect != "square") bad(origin, "picture.pixel_aspect must be keep or square, got '" + aspect + "'");
            p.squarePixels = aspect == "square";
            const auto rotation = picture.value("rotation", std::string("tag"));
            if (rotation != "tag" && rotation != "bake") bad(origin, "picture.rotation must be tag or bake, got '" + rotation + "'");
            p.bakeRotation = rotation == "bake";
        }
    } catch (const nlohmann::json::exception& e) {
        bad(origin, std::string("missing or mistyped field: ") + e.what());
    }
    if (p.id.empty() || p.id.find_first_of("/\\ ") != std::string::npos) bad(origin, "id must be a non-empty word, got '" + p.id + "'");
    if (p.extension.empty() || p.extension[0] != '.') bad(origin, "extension must start with '.', got '" + p.extension + "'");
    p.sourcePath = origin;
    return p;
}

void ExportPreset::checkAvailable() const
{
    if (!av_guess_format(container.c_str(), nullptr, nullptr)) bad(id, "this FFmpeg has no '" + container + "' muxer");
    if (!avcodec_find_encoder_by_name(videoCodec.c_str())) bad(id, "this FFmpeg has no '" + videoCodec + "' encoder");
    if (av_get_pix_fmt(pixelFormat.c_str()) == AV_PIX_FMT_NONE) bad(id, "unknown pixel format '" + pixelFormat + "'");
    if (audio != StreamPolicy::Drop && !avcodec_find_encoder_by_name(audioFallbackCodec.c_str()))
        bad(id, "this FFmpeg has no '" + audioFallbackCodec + "' audio encoder");
}

ExportPreset ExportPreset::forOutputFile(const std::string& path) const
{
    const std::string ext = lowercaseExtension(path);
    // The preset's own extension means its container (a user preset may pair .m4v with mp4).
    if (ext.size() < 2 || ext == lowercase(extension)) return *this;
    const AVOutputFormat* muxer = av_guess_format(nullptr, path.c_str(), nullptr);
    if (!muxer || muxer == av_guess_format(container.c_str(), nullptr, nullptr)) return *this;
    const AVCodec* encoder = avcodec_find_encoder_by_name(videoCodec.c_str());
    if (muxer->video_codec == AV_CODEC_ID_NONE || (encoder && avformat_query_codec(muxer, encoder->id, FF_COMPLIANCE_NORMAL) == 0)) {
        throw Error(ErrorCode::InvalidArgument, "'" + path + "': a " + ext + " file (" + muxer->name + ") cannot hold " + videoCodec
                                                    + " video (preset '" + id + "'); name it " + extension
                                                    + " or pick a preset that writes " + ext);
    }
    ExportPreset out = *this;
    out.container = muxer->name;
    out.extension = ext;
    return out;
}

std::vector<ExportPreset> builtInPresets()
{
    std::vector<ExportPreset> out;
    for (const auto& [file, json] : video::builtInPresetSources()) {
        auto p = ExportPreset::fromJson(std::string(json), "built-in " + std::string(file));
        p.builtIn = true;
        p.sourcePath.clear();
        out.push_back(std::move(p));
    }
    return out;
}

std::string userPresetFolder()
{
    if (const char* dir = std::getenv("DUALX_PRESET_DIR"); dir && *dir) return dir;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return (fs::path(xdg) / "dualx" / "presets").string();
    const char* home = std::getenv("HOME");
    return (fs::path(home ? home : ".") / ".config" / "dualx" / "presets").string();
}

std::vector<ExportPreset> loadPresetFolder(const std::string& folder, std::vector<std::string>* problems)
{
    std::vector<ExportPreset> out;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return out;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(folder, ec))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        try {
            out.push_back(ExportPreset::fromJson(readFile(f.string()), f.string()));
        } catch (const Error& e) {
            if (problems) problems->push_back(e.what());
        }
    }
    return out;
}

std::vector<ExportPreset> allPresets(std::vector<std::string>* problems)
{
    auto all = builtInPresets();
    std::set<std::string> ids;
    for (const auto& p : all) ids.insert(p.id);
    for (auto& p : loadPresetFolder(userPresetFolder(), problems)) {
        if (ids.count(p.id)) {
            if (problems) problems->push_back("preset " + p.sourcePath + ": id '" + p.id + "' is taken by a built-in preset");
            continue;
        }
        ids.insert(p.id);
        all.push_back(std::move(p));
    }
    return all;
}

ExportPreset findPreset(const std::string& idOrPath)
{
    if (idOrPath.size() > 5 && idOrPath.substr(idOrPath.size() - 5) == ".json") return ExportPreset::fromJson(readFile(idOrPath), idOrPath);
    std::string known;
    for (auto& p : allPresets()) {
        if (p.id == idOrPath) return p;
        known += (known.empty() ? "" : ", ") + p.id;
    }
    throw Error(ErrorCode::InvalidArgument, "unknown preset '" + idOrPath + "' (known: " + known + ")");
}

void saveUserPreset(const ExportPreset& preset, const std::string& folder)
{
    for (const auto& p : builtInPresets())
        if (p.id == preset.id) throw Error(ErrorCode::InvalidArgument, "preset id '" + preset.id + "' belongs to a built-in preset");
    std::error_code ec;
    fs::create_directories(folder, ec);
    const auto path = fs::path(folder) / (preset.id + ".json");
    const auto temp = path.string() + ".partial";
    {
        std::ofstream out(temp, std::ios::trunc);
        if (!out) throw Error(ErrorCode::FileUnwritable, "cannot write preset to '" + temp + "'");
        out << preset.toJson() << "\n";
        if (!out.flush()) throw Error(ErrorCode::FileUnwritable, "writing preset '" + temp + "' failed");
    }
    fs::rename(temp, path, ec);
    if (ec) throw Error(ErrorCode::FileUnwritable, "cannot move the preset to '" + path.string() + "'");
}

} // namespace dualx
