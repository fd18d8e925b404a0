#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/upscale_options.h"

#include "dualx/batch_plan.h"
#include "dualx/errors.h"
#include "dualx/export_preset.h"
#include "dualx/runtime.h"
#include "dualx/shipped_models.h"
#include "dualx/source_quality.h"
#include "dualx/upscale_job.h"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
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

std::string formatTime(double seconds)
{
    if (seconds < 0) return "--:--";
    const long s = std::lround(seconds);
    char text[32];
    std::snprintf(text, sizeof text, "%02ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    return text;
}

} // namespace

namespace {

using Task = BatchItem;

// One input file -> OUTPUT (a file, or a file inside OUTPUT when it is a folder). Several inputs
// or a folder -> OUTPUT is a folder; folders recurse and their tree is mirrored under OUTPUT.
std::vector<Task> planTasks(const std::vector<std::string>& inputs, const std::string& output, const ExportPreset& preset)
{
    const bool batch = inputs.size() > 1 || std::any_of(inputs.begin(), inputs.end(), [](const auto& i) { return fs::is_directory(i); });
    std::vector<Task> tasks;
    if (!batch) {
        std::string out = output;
        if (fs::is_directory(out)) out = (fs::path(out) / (fs::path(inputs[0]).stem().string() + ".dualx" + preset.extension)).string();
        tasks.push_back({inputs[0], out});
        return tasks;
    }
    return planBatchOutputs(inputs, output, preset.extension);
}

} // namespace

namespace {

void runOne(const UpscaleSettings& settings, const std::string& progressMode)
{
    UpscaleJob job(settings);
    g_job = &job;
    std::signal(SIGINT, cancelJob);
    std::signal(SIGTERM, cancelJob);
    const auto report = job.run([&](const UpscaleProgress& p) {
        if (progressMode == "json") {
            nlohmann::json j
                = {{"input", settings.input},  {"frames_done", p.framesDone}, {"frames_total", p.framesTotal},
                   {"fps", p.framesPerSecond}, {"eta_seconds", p.etaSeconds}, {"bottleneck", std::string(stageName(p.bottleneck))}};
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
        nlohmann::json j = {{"done", true},
                            {"input", settings.input},
                            {"output", settings.output},
                            {"frames", report.frames},
                            {"seconds", report.seconds},
                            {"width", report.outputWidth},
                            {"height", report.outputHeight},
                            {"streams", report.streams},
                            {"warnings", report.warnings}};
        std::cout << j.dump() << std::endl;
    } else {
        std::cout << "wrote " << settings.output << ": " << report.frames << " frames " << report.outputWidth << "x" << report.outputHeight
                  << " in " << formatTime(report.seconds) << "\n";
        for (const auto& line : report.streams) std::cout << "  " << line << "\n";
    }
    for (const auto& warning : report.warnings) std::cerr << "warning: " << settings.input << ": " << warning << "\n";
}

} // namespace

int runUpscale(const std::vector<std::string>& rawArgs)
{
    std::vector<std::string> argv;
    for (const auto& a : rawArgs) argv.push_back(a == "-o" ? "--output" : a);
    auto valueOptions = upscaleValueOptions();
    valueOptions.insert({"output", "threads", "progress"});
    Arguments args(argv, valueOptions, upscaleFlags());
    if (args.positionals().empty())
        throw Error(ErrorCode::InvalidArgument, "usage: dualx upscale INPUT... -o OUTPUT [--model mse|gan|FILE] [--preset ID|FILE] ...");
    const auto output = args.value("output");
    if (!output) throw Error(ErrorCode::InvalidArgument, "-o OUTPUT is required");
    configureThreads(args.intValue("threads", 0));

    const UpscaleSettings base = upscaleSettingsFromArguments(args);
    const ExportPreset preset = findPreset(base.preset);
    const std::string progressMode = args.value("progress", isatty(STDERR_FILENO) ? "bar" : "none");
    if (progressMode != "bar" && progressMode != "json" && progressMode != "none")
        throw Error(ErrorCode::InvalidArgument, "--progress must be bar, json or none");

    const auto tasks = planTasks(args.positionals(), *output, preset);
    const bool batch = tasks.size() > 1 || fs::is_directory(args.positionals()[0]);
    int failed = 0;
    for (const auto& task : tasks) {
        if (batch && fs::exists(task.output)) {
            std::cout << "skipped " << task.input << ": " << task.output << " exists\n";
            continue;
        }
        UpscaleSettings settings = base;
        settings.input = task.input;
        settings.output = task.output;
        if (batch) fs::create_directories(fs::path(task.output).parent_path());
        try {
            runOne(settings, progressMode);
        } catch (const Error& e) {
            if (!batch || e.code() == ErrorCode::Cancelled) throw;
            // In a batch one bad file does not stop the others; the exit code reports it.
            std::cerr << "dualx upscale: " << task.input << ": " << e.what() << "\n";
            ++failed;
        }
    }
    if (failed > 0) {
        std::cerr << "dualx upscale: " << failed << " of " << tasks.size() << " file(s) failed\n";
        return 2;
    }
    return 0;
}

} // namespace dualx::cli
