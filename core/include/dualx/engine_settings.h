#pragma once
// How the engine restores a video: which model, how it tiles space and time, the self-ensemble,
// what it is told about the source, where it runs and how interlaced sources are made
// progressive. One type for the job, the preview, the desktop app's settings and the CLI, so a
// default is written once (here) and every front end validates the same way.
#include "dualx/device.h"
#include "dualx/interlacing.h"
#include "dualx/source_quality.h"

#include <string>

namespace dualx {

// The numbers of self-ensemble copies the engine takes (1: off; each copy is one network pass).
inline constexpr int kEnsembleSizes[] = {1, 2, 4, 8, 16};
constexpr bool isEnsembleSize(int copies)
{
    for (int size : kEnsembleSizes)
        if (size == copies) return true;
    return false;
}
// Throws InvalidArgument naming `copies` unless isEnsembleSize(copies).
void checkEnsembleSize(int copies);

// The temporal window by default: the paper's 16 frames, and windows that do not overlap. On the
// validation set an overlap of 4 frames scored the same on every family (to 0.01 dB) and cost a
// third more network work; a window's edge leaves a step of 0.25-0.5 grey levels RMS between two
// frames, against 2.3 of the picture's own change (docs/benchmarks.md, "Temporal windows").
inline constexpr int kDefaultWindowFrames = 16;
inline constexpr int kDefaultWindowOverlap = 0;

// Temporal fusion (core/engine/temporal_fusion.h): each restored frame averaged with its
// neighbours' within this many frames on each side, warped onto it by optical flow, where they
// agree. 0 is off. kFusionAuto, the default: kDefaultFusionRadius for faithful (MSE) models on
// the CPU. Off for GAN models, whose invented texture it averages away (validation set: NIQE
// +0.2, and night-city's fixed-pattern energy from 1.89x to 2.14x bicubic's), and on a GPU, where
// the flow (OpenCV, on the CPU) would take far longer than the network. With the MSE model on the
// validation set: +0.08 dB PSNR-Y on the mean of the realistic families, home video +0.23, and
// less flicker (docs/benchmarks.md, "Temporal fusion").
inline constexpr int kFusionAuto = -1;
inline constexpr int kDefaultFusionRadius = 3;
inline constexpr int kMaxFusionRadius = 8;
constexpr bool isFusionRadius(int radius) { return radius >= 0 && radius <= kMaxFusionRadius; }
constexpr bool isFusionSetting(int setting) { return setting == kFusionAuto || isFusionRadius(setting); }
// Throws InvalidArgument naming `setting` unless isFusionSetting(setting).
void checkFusionSetting(int setting);
// The radius a job runs with: `setting` resolved for the device and the model's variant.
constexpr int fusionRadiusFor(int setting, bool onGpu, bool ganModel)
{
    return setting == kFusionAuto ? (onGpu || ganModel ? 0 : kDefaultFusionRadius) : setting;
}

// "auto" -> kFusionAuto, "0".."8" -> that radius; anything else throws InvalidArgument naming it.
int parseTemporalFusion(const std::string& text);

struct EngineSettings {
    std::string model = "mse";               // "mse", "gan" (shipped_models.h) or a DualX weight file's path
    int tileLr = 0;                          // input pixels per tile side; 0: the default (CPU: 112 MSE, 64 GAN; GPU: 512)
    int tileOverlapLr = 16;                  // at most the tile less one: a larger overlap is cut to that
    int windowFrames = kDefaultWindowFrames; // frames the network sees at once
    int windowOverlap = kDefaultWindowOverlap;
    int ensemble = 1;                        // self-ensemble copies (1, 2, 4, 8, 16): each one network pass
    int temporalFusion = kFusionAuto;        // frames on each side, 0 off, kFusionAuto by device and model
    double sourceCondition = kSourceUnknown; // told to a source-conditioned model (source_quality.h)
    DevicePreference device = DevicePreference::Auto;
    DeinterlaceMode deinterlace = DeinterlaceMode::Auto; // before the network (interlacing.h)
    bool operator==(const EngineSettings&) const = default;
};

// Throws InvalidArgument naming the first setting out of range (the model file is not opened).
void validateEngineSettings(const EngineSettings& settings);

// A JSON object with the keys model, tile, tile_overlap, frames, frame_overlap, ensemble,
// temporal_fusion ("auto" or a radius), source, device, deinterlace (the CLI's option names, with _ for -).
std::string engineSettingsToJson(const EngineSettings& settings);
// Keys left out keep their defaults; an unknown key, a wrong type or a value out of range throws
// InvalidArgument naming it and `origin`.
EngineSettings engineSettingsFromJson(const std::string& json, const std::string& origin);

} // namespace dualx
