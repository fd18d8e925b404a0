#include "cli/arguments.h"
#include "cli/commands.h"

#include "dualx/errors.h"
#include "dualx/evaluation.h"
#include "dualx/runtime.h"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <sstream>

namespace dualx::cli {

int runEval(const std::vector<std::string>& argv)
{
    Arguments args(argv, {"ref", "test", "metrics", "crop-border", "csv", "threads"}, {"y", "json"});
    configureThreads(args.intValue("threads", 0));
    EvaluationOptions options;
    options.test = args.value("test", "");
    if (options.test.empty()) throw Error(ErrorCode::InvalidArgument, "--test VIDEO|FOLDER is required");
    options.reference = args.value("ref", "");
    options.lumaOnly = args.flag("y");
    options.cropBorder = args.intValue("crop-border", 0);
    options.csvPath = args.value("csv", "");
    std::stringstream list(args.value("metrics", options.reference.empty() ? "niqe,brisque" : "psnr,ssim"));
    for (std::string m; std::getline(list, m, ',');)
        if (!m.empty()) options.metrics.push_back(m);

    const bool bar = isatty(STDERR_FILENO) && !args.flag("json");
    const auto result = evaluate(options, [&](int64_t frames) {
        if (bar) std::fprintf(stderr, "\rscored %lld frames", static_cast<long long>(frames));
    });
    if (bar) std::fprintf(stderr, "\n");

    if (args.flag("json")) {
        nlohmann::json j = {{"test", options.test},
                            {"reference", options.reference},
                            {"frames", result.frames},
                            {"y_channel", options.lumaOnly},
                            {"crop_border", options.cropBorder}};
        for (const auto& m : result.metrics) j["mean"][m] = result.mean.at(m);
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    std::printf("%lld frames of %s%s%s\n", static_cast<long long>(result.frames), options.test.c_str(),
                options.reference.empty() ? "" : " against ", options.reference.c_str());
    std::printf("%-10s %12s\n", "metric", "mean");
    for (const auto& m : result.metrics) {
        const char* note = m == "ewarp"                                         ? " (x1e-3, lower is better)"
                           : (m == "niqe" || m == "brisque" || m == "periodic") ? " (lower is better)"
                                                                                : "";
        std::printf("%-10s %12.4f%s\n", m.c_str(), result.mean.at(m), note);
    }
    if (!options.csvPath.empty()) std::printf("per-frame values: %s\n", options.csvPath.c_str());
    return 0;
}

} // namespace dualx::cli
