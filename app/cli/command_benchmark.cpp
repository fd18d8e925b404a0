#include "cli/arguments.h"
#include "cli/commands.h"

#include "dualx/engine_settings.h"
#include "dualx/errors.h"
#include "dualx/quality_benchmark.h"
#include "dualx/runtime.h"
#include "dualx/shipped_models.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <sstream>

namespace dualx::cli {

namespace {

std::vector<std::string> splitList(const std::string& text)
{
    std::vector<std::string> out;
    std::stringstream list(text);
    for (std::string item; std::getline(list, item, ',');)
        if (!item.empty()) out.push_back(item);
    return out;
}

} // namespace

int runBenchmark(const std::vector<std::string>& argv)
{
    Arguments args(argv,
                   {"clips", "validation", "models", "frames", "crop", "seed", "plans", "metrics", "nr-every", "tile", "tile-overlap",
                    "frames-window", "frame-overlap", "ensemble", "temporal-fusion", "device", "threads", "out", "grabs"},
                   {"state-source"});
    configureThreads(args.intValue("threads", 0));
    QualityBenchmarkOptions o;
    if (auto clips = args.value("clips")) o.clips.push_back(*clips);
    for (const auto& p : args.positionals()) o.clips.push_back(p);
    o.validationSet = args.value("validation", "");
    if (o.clips.empty() && o.validationSet.empty())
        throw Error(ErrorCode::InvalidArgument,
                    "usage: dualx benchmark --clips DIR|VIDEO [...] | --validation SET --out FOLDER [--models mse,gan,FILE]");
    o.outputFolder = args.value("out", "");
    if (o.outputFolder.empty()) throw Error(ErrorCode::InvalidArgument, "--out FOLDER is required");
    if (auto models = args.value("models")) {
        for (const auto& m : splitList(*models)) o.models.push_back(resolveModel(m));
    } else {
        // Default: whichever shipped models are installed.
        for (const char* m : {"mse", "gan"}) try {
                o.models.push_back(resolveModel(m));
            } catch (const Error&) {
                std::cerr << "note: the shipped " << m << " model is not installed; benchmarking without it\n";
            }
    }
    o.maxFrames = args.intValue("frames", o.validationSet.empty() ? 30 : 1000); // a set says its own length
    if (auto crop = args.value("crop")) std::tie(o.cropWidth, o.cropHeight) = parseSize(*crop);
    o.seed = static_cast<uint64_t>(args.intValue("seed", 1));
    o.degradationPlans = args.intValue("plans", 1);
    if (auto metrics = args.value("metrics")) o.metrics = splitList(*metrics);
    o.noReferenceEvery = args.intValue("nr-every", 1);
    o.tileLr = args.intValue("tile", 112);
    o.tileOverlapLr = args.intValue("tile-overlap", 16);
    o.windowFrames = args.intValue("frames-window", kDefaultWindowFrames);
    o.windowOverlap = args.intValue("frame-overlap", kDefaultWindowOverlap);
    o.ensemble = args.intValue("ensemble", 1);
    if (const auto fusion = args.value("temporal-fusion")) o.temporalFusion = parseTemporalFusion(*fusion);
    o.stateSource = args.flag("state-source");
    o.grabFamily = args.value("grabs", "");
    o.device = devicePreferenceFromName(args.value("device", "auto"));
    if (o.maxFrames < 1 || o.noReferenceEvery < 1 || o.degradationPlans < 1)
        throw Error(ErrorCode::InvalidArgument, "--frames, --nr-every and --plans must be >= 1");

    const bool bar = isatty(STDERR_FILENO);
    const auto result = runQualityBenchmark(o, [&](const std::string& what, int done, int total) {
        if (bar)
            std::fprintf(stderr, "\r\033[K[%d/%d] %s", done, total, what.c_str());
        else
            std::fprintf(stderr, "[%d/%d] %s\n", done, total, what.c_str());
    });
    if (bar) std::fprintf(stderr, "\n");
    std::cout << result.markdown << "\nwrote:";
    for (const auto& f : result.files) std::cout << " " << f;
    std::cout << "\n";
    return 0;
}

} // namespace dualx::cli
