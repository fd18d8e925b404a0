#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/upscale_options.h"

#include "dualx/cluster_batch.h"
#include "dualx/errors.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

namespace dualx::cli {

namespace {

const char* kClusterUsage = "usage: dualx cluster submit INPUT...|FOLDER -o OUTDIR [--engine slurm] [--partition P] [--cpus-per-task N] "
                            "[--gpus-per-task N] [--max-parallel K] [--split-seconds S] [--attempts N] [upscale options]\n"
                            "       dualx cluster status OUTDIR [--json]\n"
                            "       dualx cluster cancel OUTDIR\n"
                            "       dualx cluster resubmit OUTDIR --failed";

void printSubmission(const BatchSubmission& s, const std::string& verb)
{
    for (const auto& note : s.notes) std::cout << note << "\n";
    if (s.tasks == 0 && s.jobIds.empty()) return;
    std::cout << verb << " " << s.files << " file(s) as " << s.tasks << " task(s): Slurm job " << s.jobIds[0]
              << (s.jobIds.size() > 1 && !s.jobIds[1].empty() ? ", then job " + s.jobIds[1] + " to retry and join" : "") << "\n"
              << "batch folder: " << s.folder << "\n";
}

int submit(const std::vector<std::string>& argv)
{
    auto valueOptions = upscaleValueOptions();
    valueOptions.insert({"output", "engine", "partition", "cpus-per-task", "gpus-per-task", "max-parallel", "split-seconds", "attempts"});
    const Arguments args(argv, valueOptions, upscaleFlags());
    if (args.positionals().empty()) throw Error(ErrorCode::InvalidArgument, kClusterUsage);
    const auto output = args.value("output");
    if (!output) throw Error(ErrorCode::InvalidArgument, "-o OUTDIR is required");
    const UpscaleSettings settings = upscaleSettingsFromArguments(args);
    ClusterSettings cluster;
    cluster.engine = args.value("engine", "slurm");
    cluster.partition = args.value("partition", "");
    cluster.cpusPerTask = args.intValue("cpus-per-task", 0);
    cluster.gpusPerTask = args.intValue("gpus-per-task", 0);
    cluster.maxParallel = args.intValue("max-parallel", 0);
    cluster.splitSeconds = parseSeconds("split-seconds", args.value("split-seconds", "0"));
    cluster.maxAttempts = args.intValue("attempts", 3);
    // The tasks run this very program, which must sit on the shared filesystem.
    cluster.dualxProgram = std::filesystem::read_symlink("/proc/self/exe").string();
    printSubmission(submitBatch(planBatchJobs(args.positionals(), *output, settings), *output, cluster), "submitted");
    return 0;
}

std::string progressText(const BatchFileStatus& f)
{
    std::vector<std::string> pieces;
    if (f.parts > 1) pieces.push_back("parts " + std::to_string(f.partsDone) + "/" + std::to_string(f.parts) + " done");
    if (f.framesTotal > 0)
        pieces.push_back(std::to_string(f.framesDone) + "/" + std::to_string(f.framesTotal) + " frames ("
                         + std::to_string(100 * f.framesDone / f.framesTotal) + "%)");
    else if (f.framesDone > 0)
        pieces.push_back(std::to_string(f.framesDone) + " frames");
    if (f.attempts > 1) pieces.push_back("attempt " + std::to_string(f.attempts));
    std::string text;
    for (const auto& p : pieces) text += (text.empty() ? " " : ", ") + p;
    return text;
}

int status(const std::vector<std::string>& argv)
{
    const Arguments args(argv, {}, {"json"});
    if (args.positionals().size() != 1) throw Error(ErrorCode::InvalidArgument, kClusterUsage);
    const BatchStatus s = batchStatus(args.positionals()[0]);
    if (args.flag("json")) {
        nlohmann::json files = nlohmann::json::array();
        for (const auto& f : s.files)
            files.push_back({{"input", f.input},
                             {"output", f.output},
                             {"state", std::string(batchFileStateName(f.state))},
                             {"frames_done", f.framesDone},
                             {"frames_total", f.framesTotal},
                             {"parts", f.parts},
                             {"parts_done", f.partsDone},
                             {"attempts", f.attempts},
                             {"message", f.message},
                             {"log", f.log}});
        std::cout << nlohmann::json{{"folder", s.outputFolder}, {"jobs", s.jobIds}, {"finished", s.finished()}, {"files", files}}.dump(1)
                  << "\n";
        return 0;
    }
    std::cout << "batch in " << s.outputFolder << ": ";
    bool first = true;
    for (auto state : {BatchFileState::Done, BatchFileState::Running, BatchFileState::Joining, BatchFileState::Queued,
                       BatchFileState::Failed, BatchFileState::Cancelled})
        if (const int n = s.count(state); n > 0) {
            std::cout << (first ? "" : ", ") << n << " " << batchFileStateName(state);
            first = false;
        }
    std::cout << (s.finished() ? " (finished)" : "") << "\n";
    for (const auto& f : s.files) {
        std::string state(batchFileStateName(f.state));
        state.resize(10, ' ');
        std::cout << "  " << state << f.input;
        if (f.state == BatchFileState::Done) std::cout << " -> " << f.output;
        if (f.state == BatchFileState::Running || f.state == BatchFileState::Queued) std::cout << progressText(f);
        if (!f.message.empty()) std::cout << ": " << f.message;
        if (!f.log.empty()) std::cout << " (log: " << f.log << ")";
        std::cout << "\n";
    }
    return 0;
}

} // namespace

int runCluster(const std::vector<std::string>& rawArgs)
{
    std::vector<std::string> argv;
    for (const auto& a : rawArgs) argv.push_back(a == "-o" ? "--output" : a);
    if (argv.empty()) throw Error(ErrorCode::InvalidArgument, kClusterUsage);
    const std::string action = argv[0];
    const std::vector<std::string> rest(argv.begin() + 1, argv.end());
    if (action == "submit") return submit(rest);
    if (action == "status") return status(rest);
    if (action == "cancel") {
        const Arguments args(rest, {}, {});
        if (args.positionals().size() != 1) throw Error(ErrorCode::InvalidArgument, kClusterUsage);
        cancelBatch(args.positionals()[0]);
        std::cout << "cancelled the batch's queued and running jobs; finished files stay, and resubmit --failed continues the rest\n";
        return 0;
    }
    if (action == "resubmit") {
        const Arguments args(rest, {}, {"failed"});
        if (args.positionals().size() != 1 || !args.flag("failed")) throw Error(ErrorCode::InvalidArgument, kClusterUsage);
        printSubmission(resubmitFailed(args.positionals()[0]), "resubmitted");
        return 0;
    }
    // Run by the batch's Slurm jobs, not by people.
    if (action == "task") {
        const Arguments args(rest, {}, {});
        if (args.positionals().size() != 2) throw Error(ErrorCode::InvalidArgument, "usage: dualx cluster task OUTDIR INDEX");
        return runBatchTask(args.positionals()[0], std::stoi(args.positionals()[1]));
    }
    if (action == "finish") {
        const Arguments args(rest, {}, {});
        if (args.positionals().size() != 1) throw Error(ErrorCode::InvalidArgument, "usage: dualx cluster finish OUTDIR");
        return finishBatch(args.positionals()[0]);
    }
    throw Error(ErrorCode::InvalidArgument, "unknown cluster action '" + action + "'\n" + kClusterUsage);
}

} // namespace dualx::cli
