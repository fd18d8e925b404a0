#include "cli/arguments.h"
#include "cli/commands.h"

#include "dualx/errors.h"
#include "dualx/export_preset.h"

#include <cstdio>
#include <iostream>

namespace dualx::cli {

int runPresets(const std::vector<std::string>& argv)
{
    Arguments args(argv, {"show"}, {});
    if (const auto id = args.value("show")) {
        std::cout << findPreset(*id).toJson() << "\n";
        return 0;
    }
    std::vector<std::string> problems;
    const auto presets = allPresets(&problems);
    std::printf("%-16s %-34s %-9s %-10s %-12s %s\n", "id", "name", "container", "codec", "pixels", "source");
    for (const auto& p : presets)
        std::printf("%-16s %-34s %-9s %-10s %-12s %s\n", p.id.c_str(), p.name.c_str(), p.container.c_str(), p.videoCodec.c_str(),
                    p.pixelFormat.c_str(), p.builtIn ? "built-in" : p.sourcePath.c_str());
    std::cout << "user presets: " << userPresetFolder() << "\n";
    for (const auto& problem : problems) std::cerr << "skipped: " << problem << "\n";
    return 0;
}

} // namespace dualx::cli
