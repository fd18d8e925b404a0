#include "cli/arguments.h"
#include "cli/commands.h"

#include "dualx/errors.h"
#include "dualx/runtime.h"
#include "dualx/training.h"

#include <csignal>
#include <cstdio>
#include <iostream>

namespace dualx::cli {

namespace {
std::atomic<bool> g_stopRequested{false};
extern "C" void requestStop(int) { g_stopRequested.store(true); }
} // namespace

int runTrain(const std::vector<std::string>& argv)
{
    Arguments args(argv,
                   {"config", "steps", "threads", "report-every", "export", "variant", "plot", "write-bank", "clips", "write-sources",
                    "max-side", "video-frames"},
                   {"fp16"});
    const auto config = args.value("config");
    if (!config) throw Error(ErrorCode::InvalidArgument, "--config RECIPE.json is required");
    configureThreads(args.intValue("threads", 0));

    if (const auto png = args.value("plot")) {
        plotTrainingProgress(*config, *png);
        std::cout << "wrote " << *png << "\n";
        return 0;
    }
    if (const auto bank = args.value("write-bank")) {
        writeTrainingBank(*config, *bank, args.intValue("clips", 500), [](const std::string& line) { std::cout << line << std::endl; });
        std::cout << "wrote " << *bank << "\n";
        return 0;
    }
    if (const auto pack = args.value("write-sources")) {
        writeTrainingSources(*config, *pack, args.intValue("max-side", 1024), args.intValue("video-frames", 120),
                             [](const std::string& line) { std::cout << line << std::endl; });
        std::cout << "wrote " << *pack << "\n";
        return 0;
    }
    if (const auto out = args.value("export")) {
        exportTrainedModel(*config, *out, args.value("variant", "mse"), args.flag("fp16"));
        std::cout << "wrote " << *out << "\n";
        return 0;
    }

    // Ctrl-C / SIGTERM: finish the current step, write the checkpoint, exit cleanly.
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    TrainingOptions options;
    options.maxSteps = args.intValue("steps", 0);
    options.reportEvery = std::max(1, args.intValue("report-every", 20));
    options.stop = &g_stopRequested;
    options.log = [](const std::string& line) { std::cout << line << std::endl; };
    options.onReport = [](const TrainingReport& r) {
        std::printf("step %7lld  loss %.5f  lr %.2e  %.2f s/step  %.2f h", static_cast<long long>(r.step), r.loss, r.learningRate,
                    r.secondsPerStep, r.trainSeconds / 3600.0);
        if (r.adversarial)
            std::printf("  [pixel %.4f  perceptual %.4f  adversarial %.3f  periodic %.4f  discriminator %.3f]", r.pixelLoss,
                        r.perceptualLoss, r.adversarialLoss, r.periodicLoss, r.discriminatorLoss);
        if (r.validated)
            std::printf("  val PSNR-Y %.3f dB (bicubic %.3f, %+.3f)", r.validationPsnr, r.validationBicubicPsnr,
                        r.validationPsnr - r.validationBicubicPsnr);
        std::printf("\n");
        std::fflush(stdout);
    };
    runTraining(*config, options);
    return 0;
}

} // namespace dualx::cli
