#include "cli/arguments.h"
#include "cli/commands.h"

#include "dualx/degrade.h"
#include "dualx/errors.h"
#include "dualx/runtime.h"

#include <iostream>

namespace dualx::cli {

int runDegrade(const std::vector<std::string>& argv)
{
    Arguments args(argv, {"seed", "frames"}, {});
    if (args.positionals().size() != 2)
        throw Error(ErrorCode::InvalidArgument, "usage: dualx degrade INPUT OUTPUT [--seed S] [--frames N]");
    configureThreads();
    const auto seed = static_cast<uint64_t>(args.intValue("seed", 0));
    const auto report = degradeVideoFile(args.positionals()[0], args.positionals()[1], seed, args.intValue("frames", 0));
    std::cout << "wrote " << args.positionals()[1] << ": " << report.frames << " frames of " << report.lrWidth << "x" << report.lrHeight
              << "\n"
              << report.plan << "\n";
    return 0;
}

} // namespace dualx::cli
