// dualx: the command-line front end of the DualX Studio engine.
#include "cli/commands.h"

#include "dualx/device.h"
#include "dualx/errors.h"
#include "dualx/runtime.h"
#include "dualx/shipped_models.h"

#include <csignal>
#include <cstdio>
#include <functional>
#include <iostream>
#include <map>

namespace {

const char* kUsage = R"(usage: dualx <command> [options]

commands:
  upscale INPUT -o OUTPUT|FOLDER [--model mse|gan|FILE] [--preset ID|FILE] [--tile P] [--tile-overlap O]
        [--frames T] [--frame-overlap O] [--ensemble 1|2|4|8|16] [--temporal-fusion auto|R]
        [--source clean|unknown|degraded|S]
        [--device auto|cpu|cuda[:N]] [--threads N]
        [--progress bar|json|none] [--start TIME] [--duration TIME] [--segment-frames N] [--segment-seconds S]
        [--deinterlace auto|field|frame|off] [--square-pixels] [--bake-rotation]
        restore and upscale a video x4, keeping its audio, subtitles, chapters, timestamps and colour;
        interlaced sources are deinterlaced first (auto: bwdif at field rate, 25i -> 50p, and
        telecined film inverse-telecined; field/frame force bwdif at field or frame rate); the
        pixel aspect and a rotation tag are kept (--square-pixels resamples to square pixels,
        --bake-rotation turns the picture upright in the pixels; Matroska output always does);
        --temporal-fusion R averages each restored frame with its neighbours within R frames, aligned
        by optical flow, where they agree (0 off; auto, the default: 3 for MSE models on the CPU, off
        for GAN models and on a GPU);
        --ensemble E averages E flipped/transposed/time-reversed passes: E times slower; with the MSE
        model E=8 gains about 0.1 dB (not measured with the GAN model); --source tells a source-aware
        model the input's quality (clean: a good master; degraded: blurred, noisy or compressed;
        S from 0 clean to 1 degraded; default unknown); models without source awareness ignore it
  benchmark --clips DIR|VIDEO | --validation SET --out FOLDER [--models mse,gan,FILE] [--frames N] [--crop WxH]
        [--seed S] [--plans K] [--metrics psnr,ssim,niqe,brisque,ewarp,periodic] [--nr-every K] [--tile P]
        [--frames-window T] [--frame-overlap O] [--ensemble E] [--temporal-fusion auto|R] [--device D]
        [--state-source] [--grabs FAMILY]
        quality and speed of bicubic, Lanczos and each model on bicubic and degraded x1/4 input
        (K degradation plans per clip, seeds S ... S+K-1, scored as their mean), or on every clip
        and degradation family of a validation set built by tools/validation/build-validation-set.py
        (per family and the set's mean); --state-source also runs each source-aware model told
        every input's true source (rows marked source stated); --grabs writes zoomed crops of
        each clip's middle frame (ground truth, bicubic, models) for that family's inputs
  model-info FILE|--preset NAME [--size WxH] [--frames N] [--json]
        configuration, exact parameter count and MACs per stage for an input size
  bench --preset NAME|--model FILE [--size WxH] [--frames N] [--repeats R] [--warmup W]
        [--attention auto|plain|chunked|fused|cpu] [--device auto|cpu|cuda[:N]] [--threads N] [--json]
        [--tile P|auto [--tile-overlap O] [--frame-overlap O] [--clip N]] [--train [--batch B] [--crop C]]
        milliseconds per frame and peak memory of one forward pass per window, or (with --tile)
        of the streaming tiled path over a clip of N frames (default 2 x frames), or (with --train)
        seconds per training step on batches of B clips of N frames, C x C LR pixels
  bench --peak [--device auto|cpu|cuda[:N]] [--threads N] [--json]
        the device's float matrix-product rate (GFLOP/s): with model-info's MAC count, the
        fastest any implementation of the network could run
  bench --preview VIDEO [--frame N] [--model mse|gan|FILE] [--threads N] [--json]
        seconds to the app's preview of a frame (default: the middle one): the first picture
        from a short window, then the job's own window
  eval --test VIDEO|FOLDER [--ref VIDEO|FOLDER] [--metrics psnr,ssim,niqe,brisque,ewarp,periodic] [--y]
       [--crop-border N] [--csv FILE] [--json]
        quality of a result against a reference (or without one: niqe, brisque, periodic), per frame
        and mean; periodic: energy of a fixed pattern at the x4 pixel-shuffle periods (about 1 for
        none; compare with a bicubic upscale's)
  probe FILE... [--json]
        what the job sees in a video: decoded size, rate, pixel and display aspect, rotation, and
        whether it is progressive, interlaced (field order) or telecined, with idet's evidence
  presets [--show ID]
        list the export presets (built-in and user folder), or print one as JSON
  train --config RECIPE.json [--steps N] [--threads N] [--report-every N]
        train (or resume) a recipe stage; Ctrl-C writes a checkpoint and stops
  train --config RECIPE.json --export OUT.safetensors [--variant mse|gan] [--fp16]
        write the stage's latest checkpoint as a shippable weight file
  train --config RECIPE.json --write-bank OUT.safetensors [--clips N]
        synthesise N training clips (default 500) and the validation clips into a packed sample
        bank, for dualx-bank-train on a machine without FFmpeg and OpenCV (a GPU machine)
  train --config RECIPE.json --write-sources OUT.safetensors [--max-side N] [--video-frames N]
        pack the recipe's photos (long side at most N px, default 1024), videos (first N frames,
        default 120) and validation files as JPEG frames, for dualx-synth-train, which draws and
        degrades its own clips on the GPU machine
  degrade INPUT OUTPUT [--seed S] [--frames N]
        the stage-2 training degradation (blur, resize, noise, JPEG, codec) of a clip, at 1/4 size
  cluster submit INPUT...|FOLDER -o OUTDIR [--engine slurm] [--partition P] [--cpus-per-task N] [--gpus-per-task N]
        [--max-parallel K] [--split-seconds S] [--attempts N] [upscale options]
        restore a batch on a Slurm cluster: one job array, a task per file (or per S-second range of a
        longer file, joined losslessly afterwards, frame-identical to one run); killed, preempted or
        failed tasks resume from their segments, up to N attempts (default 3). Needs a filesystem
        shared by this host and the nodes at the same paths
  cluster status OUTDIR [--json]
        each file: queued, running (with progress), joining, done, failed (with its log) or cancelled
  cluster cancel OUTDIR
        cancel the batch's queued and running jobs (finished segments stay)
  cluster resubmit OUTDIR --failed
        submit the failed and cancelled files again, resuming their finished segments
  train --config RECIPE.json --plot OUT.png
        draw the stage's loss and validation PSNR (against bicubic) from its CSV log

options for every command:
  --help      this text
  --version   version, LibTorch version and device
)";

} // namespace

int main(int argc, char** argv)
{
    dualx::configureMemoryAllocator(); // before any thread exists
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << kUsage;
        return args.empty() ? 1 : 0;
    }
    if (args[0] == "--version") {
        dualx::configureThreads();
        std::cout << "dualx " << DUALX_VERSION << "\nLibTorch " << dualx::torchVersion() << "\ndevice "
                  << dualx::selectDevice(dualx::DevicePreference::Auto).description << "\n";
        for (const auto& line : dualx::shippedModelProvenance()) std::cout << "model " << line << "\n";
        return 0;
    }
    const std::map<std::string, std::function<int(const std::vector<std::string>&)>> commands = {
        {"model-info", dualx::cli::runModelInfo}, {"bench", dualx::cli::runBench},     {"train", dualx::cli::runTrain},
        {"degrade", dualx::cli::runDegrade},      {"presets", dualx::cli::runPresets}, {"probe", dualx::cli::runProbe},
        {"upscale", dualx::cli::runUpscale},      {"eval", dualx::cli::runEval},       {"benchmark", dualx::cli::runBenchmark},
        {"cluster", dualx::cli::runCluster},
    };
    dualx::quietenMediaLibraries();
    // Past a file-size limit, writes should fail (and be reported) rather than kill us.
    std::signal(SIGXFSZ, SIG_IGN);
    auto command = commands.find(args[0]);
    if (command == commands.end()) {
        std::cerr << "dualx: unknown command '" << args[0] << "' (try dualx --help)\n";
        return 2;
    }
    try {
        return command->second(std::vector<std::string>(args.begin() + 1, args.end()));
    } catch (const dualx::Error& e) {
        std::cerr << "dualx " << args[0] << ": error: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "dualx " << args[0] << ": internal error: " << dualx::describeException(e) << "\n";
        return 3;
    }
}
