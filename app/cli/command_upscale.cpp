#include "cli/arguments.h"
#include "cli/commands.h"

#include "dualx/errors.h"
#include "dualx/export_preset.h"
#include "dualx/runtime.h"
#include "dualx/upscale_job.h"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <climits>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>

namespace dualx::cli {

namespace fs = std::filesystem;

namespace {

UpscaleJob* g_job = nullptr;
extern "C" void cancelJob(int)
{
    if (g_job) g_job->cancel();
}

// Shipped models live in models/ beside the source tree (build) or share/dualx/models (install).
std::string resolveModel(const std::string& name)
{
    if (name != "mse" && name != "gan") return name;
    const std::string file = "dualx-small-" + name + ".safetensors";
    std::vector<fs::path> candidates;
    if (const char* dir = std::getenv("DUALX_MODEL_DIR")) candidates.emplace_back(fs::path(dir) / file);
    char exe[PATH_MAX] = {};
    if (const ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1); n > 0) {
        const fs::path bin = fs::path(std::string(exe, static_cast<size_t>(n))).parent_path();
        candidates.push_back(bin / "../../models" / file);
        candidates.push_back(bin / "../share/dualx/models" / file);
    }
    for (const auto& c : candidates)
        if (fs::exists(c)) return fs::weakly_canonical(c).string();
    throw Error(ErrorCode::FileNotFound, "the shipped " + name + " model (" + file
                                             + ") is not installed yet; give a weight file with --model FILE");
}

std::string formatTime(double seconds)
{
    if (seconds < 0) return "--:--";
    const long s = std::lround(seconds);
    char text[32];
    std::snprintf(text, sizeof text, "%02ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    return text;
}

} // namespace

int runUpscale(const std::vector<std::string>& rawArgs)
{
    std::vector<std::string> argv;
    for (const auto& a : rawArgs) argv.push_back(a == "-o" ? "--output" : a);
    Arguments args(argv, {"output", "model", "preset", "tile", "tile-overlap", "frames", "frame-overlap", "device", "threads", "progress"},
                   {});
    if (args.positionals().size() != 1)
        throw Error(ErrorCode::InvalidArgument, "usage: dualx upscale INPUT -o OUTPUT [--model mse|gan|FILE] [--preset ID|FILE] ...");
    const auto output = args.value("output");
    if (!output) throw Error(ErrorCode::InvalidArgument, "-o OUTPUT is required");
    configureThreads(args.intValue("threads", 0));

    UpscaleSettings settings;
    settings.input = args.positionals()[0];
    settings.preset = args.value("preset", "web-h264");
    const ExportPreset preset = findPreset(settings.preset);
    settings.output = *output;
    if (fs::is_directory(settings.output))
        settings.output = (fs::path(settings.output) / (fs::path(settings.input).stem().string() + ".dualx" + preset.extension)).string();
    settings.modelPath = resolveModel(args.value("model", "mse"));
    settings.tileLr = args.intValue("tile", 0);
    settings.tileOverlapLr = args.intValue("tile-overlap", 16);
    settings.windowFrames = args.intValue("frames", 16);
    settings.windowOverlap = args.intValue("frame-overlap", 4);
    settings.device = devicePreferenceFromName(args.value("device", "auto"));
    const std::string progressMode = args.value("progress", isatty(STDERR_FILENO) ? "bar" : "none");
    if (progressMode != "bar" && progressMode != "json" && progressMode != "none")
        throw Error(ErrorCode::InvalidArgument, "--progress must be bar, json or none");

    UpscaleJob job(settings);
    g_job = &job;
    std::signal(SIGINT, cancelJob);
    std::signal(SIGTERM, cancelJob);
    const auto report = job.run([&](const UpscaleProgress& p) {
        if (progressMode == "json") {
            nlohmann::json j = {{"frames_done", p.framesDone}, {"frames_total", p.framesTotal}, {"fps", p.framesPerSecond},
                                {"eta_seconds", p.etaSeconds}, {"bottleneck", std::string(stageName(p.bottleneck))}};
            std::cout << j.dump() << std::endl;
        } else if (progressMode == "bar") {
            const double fraction = p.framesTotal > 0 ? std::min(1.0, double(p.framesDone) / p.framesTotal) : 0.0;
            const int filled = static_cast<int>(fraction * 30);
            std::fprintf(stderr, "\r[%s%s] %5.1f%% %lld/%lld frames %.2f fps ETA %s (%s-bound)   ", std::string(filled, '#').c_str(),
                         std::string(30 - filled, '.').c_str(), 100 * fraction, static_cast<long long>(p.framesDone),
                         static_cast<long long>(p.framesTotal), p.framesPerSecond, formatTime(p.etaSeconds).c_str(),
                         std::string(stageName(p.bottleneck)).c_str());
        }
    });
    g_job = nullptr;
    if (progressMode == "bar") std::fprintf(stderr, "\n");
    if (progressMode == "json") {
        nlohmann::json j = {{"done", true}, {"output", settings.output}, {"frames", report.frames}, {"seconds", report.seconds},
                            {"width", report.outputWidth}, {"height", report.outputHeight}, {"streams", report.streams}};
        std::cout << j.dump() << std::endl;
    } else {
        std::cout << "wrote " << settings.output << ": " << report.frames << " frames " << report.outputWidth << "x"
                  << report.outputHeight << " in " << formatTime(report.seconds) << "\n";
        for (const auto& line : report.streams) std::cout << "  " << line << "\n";
    }
    return 0;
}

} // namespace dualx::cli
