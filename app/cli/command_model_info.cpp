#include "cli/arguments.h"
#include "cli/commands.h"

#include "dualx/errors.h"
#include "dualx/model_stats.h"
#include "dualx/runtime.h"
#include "dualx/weights.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace dualx::cli {

int runModelInfo(const std::vector<std::string>& argv)
{
    Arguments args(argv, {"preset", "size", "frames"}, {"json"});
    configureThreads();
    const auto preset = args.value("preset");
    if (preset.has_value() == !args.positionals().empty() || args.positionals().size() > 1)
        throw Error(ErrorCode::InvalidArgument, "give either one weight FILE or --preset NAME");

    ModelConfig config;
    std::optional<WeightFileInfo> file;
    if (preset) {
        config = presetConfig(*preset);
    } else {
        file = inspectWeightFile(args.positionals()[0]);
        config = file->config;
    }
    // Default input: the paper's MAC convention (table 3), 16 frames of 64x64.
    const auto [width, height] = parseSize(args.value("size", "64x64"));
    const int frames = args.intValue("frames", 16);
    const ModelStats stats = computeModelStats(config, frames, width, height);

    if (args.flag("json")) {
        nlohmann::json j;
        j["config"] = nlohmann::json::parse(config.toJson());
        j["parameters"] = stats.parameters;
        j["input"] = {{"frames", frames}, {"width", width}, {"height", height}};
        j["macs"] = stats.macs;
        j["macs_per_frame"] = stats.macs / frames;
        for (const auto& s : stats.stages) j["stages"].push_back({{"stage", s.stage}, {"parameters", s.parameters}, {"macs", s.macs}});
        if (file) {
            j["file"] = {{"variant", file->variant}, {"storage_dtype", file->storageDtype}, {"metadata", file->metadata}};
            j["file"]["metadata"].erase(metadata_keys::kConfig);
        }
        std::cout << j.dump(2) << "\n";
        return 0;
    }

    if (file) {
        std::cout << "file:        " << argv.front() << "\nvariant:     " << file->variant << "\nstored as:   " << file->storageDtype
                  << "\n";
        for (const auto& [k, v] : file->metadata)
            if (k != metadata_keys::kConfig) std::cout << "  " << k << ": " << v << "\n";
    }
    std::cout << "config:      " << nlohmann::json::parse(config.toJson()).dump(2) << "\n";
    std::printf("parameters:  %lld (%.2f M)\n", static_cast<long long>(stats.parameters), stats.parameters / 1e6);
    std::printf("MACs for %d frames of %dx%d LR -> %dx%d: %.2f G (%.2f G per frame)\n", frames, width, height, width * config.scale,
                height * config.scale, stats.macs / 1e9, stats.macs / 1e9 / frames);
    std::printf("  %-36s %14s %12s %7s\n", "stage", "parameters", "GMACs", "share");
    for (const auto& s : stats.stages)
        std::printf("  %-36s %14lld %12.3f %6.1f%%\n", s.stage.c_str(), static_cast<long long>(s.parameters), s.macs / 1e9,
                    100.0 * s.macs / stats.macs);
    return 0;
}

} // namespace dualx::cli
