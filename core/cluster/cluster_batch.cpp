#include "dualx/cluster_batch.h"

#include "cluster/batch_manifest.h"
#include "cluster/slurm.h"
#include "dualx/batch_plan.h"
#include "dualx/errors.h"
#include "dualx/export_preset.h"
#include "dualx/media_probe.h"
#include "dualx/runtime.h"
#include "dualx/shipped_models.h"

#include <sys/statfs.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>

namespace dualx {

namespace fs = std::filesystem;
using namespace cluster;

namespace {

constexpr const char* kTaskScript = "task.sbatch";
constexpr const char* kFinishScript = "finish.sbatch";

std::string shellQuoted(const std::string& text)
{
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string absolutePath(const std::string& path) { return fs::absolute(path).lexically_normal().string(); }

std::string utcNow()
{
    const std::time_t now = std::time(nullptr);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    return text;
}

std::string randomId()
{
    std::random_device device;
    std::mt19937_64 generator((static_cast<uint64_t>(device()) << 32) ^ device() ^ static_cast<uint64_t>(::getpid()));
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(generator()));
    return std::string(text, 10);
}

void requireReadable(const std::string& path, const std::string& what)
{
    std::error_code ec;
    if (!fs::exists(path, ec)) throw Error(ErrorCode::FileNotFound, what + " '" + path + "' does not exist");
    if (::access(path.c_str(), R_OK) != 0) throw Error(ErrorCode::FileUnreadable, what + " '" + path + "' is not readable");
}

// A filesystem the other nodes of a cluster cannot see at the same path (a local disk).
std::string localFilesystemName(const std::string& path)
{
    struct statfs info { };
    if (::statfs(path.c_str(), &info) != 0) return {};
    switch (static_cast<unsigned long>(info.f_type)) {
    case 0xEF53: return "ext4";
    case 0x58465342: return "xfs";
    case 0x9123683E: return "btrfs";
    case 0x01021994: return "tmpfs";
    case 0x794C7630: return "overlayfs";
    default: return {};
    }
}

void writeScript(const std::string& path, const std::string& comment, const std::string& command)
{
    std::ofstream out(path, std::ios::trunc);
    out << "#!/bin/sh\n# " << comment << "\nexec " << command << "\n";
    if (!out.flush()) throw Error(ErrorCode::FileUnwritable, "cannot write the batch script '" + path + "'");
    fs::permissions(path, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec, fs::perm_options::add);
}

void writeScripts(const std::string& outputFolder, const std::string& dualx)
{
    const std::string folder = batchFolder(outputFolder);
    writeScript((fs::path(folder) / kTaskScript).string(),
                "One task of the DualX batch in this folder: one file, or one time range of one.",
                shellQuoted(dualx) + " cluster task " + shellQuoted(outputFolder) + " \"$SLURM_ARRAY_TASK_ID\"");
    writeScript((fs::path(folder) / kFinishScript).string(), "After the tasks: retries what failed, joins split files.",
                shellQuoted(dualx) + " cluster finish " + shellQuoted(outputFolder));
}

std::string submitArray(const BatchManifest& m, const std::string& outputFolder, const std::vector<int>& tasks)
{
    const std::string folder = batchFolder(outputFolder);
    SlurmJobRequest array;
    array.name = m.jobName();
    array.script = (fs::path(folder) / kTaskScript).string();
    array.logPattern = (fs::path(folder) / "logs" / "task-%a.log").string();
    array.arrayIndices = tasks;
    array.maxParallel = m.cluster.maxParallel;
    array.partition = m.cluster.partition;
    array.cpusPerTask = m.cluster.cpusPerTask;
    array.gpusPerTask = m.cluster.gpusPerTask;
    array.requeue = true;
    return Slurm::submit(array);
}

// The finishing job, after every job in `after` (none: at once).
std::string submitFinisher(const BatchManifest& m, const std::string& outputFolder, const std::set<std::string>& after)
{
    const std::string folder = batchFolder(outputFolder);
    SlurmJobRequest finish;
    finish.name = m.jobName();
    finish.script = (fs::path(folder) / kFinishScript).string();
    finish.logPattern = (fs::path(folder) / "logs" / "finish-%j.log").string();
    finish.partition = m.cluster.partition;
    finish.cpusPerTask = 1;
    for (const auto& job : after) finish.dependency += (finish.dependency.empty() ? "afterany:" : ":") + job;
    return Slurm::submit(finish);
}

// Submits `tasks` as one array (none: only a finishing job) and the finishing job after it.
BatchRound submitRound(const BatchManifest& m, const std::string& outputFolder, const std::vector<int>& tasks)
{
    BatchRound round;
    round.tasks = tasks;
    if (!tasks.empty()) round.arrayJob = submitArray(m, outputFolder, tasks);
    try {
        round.finishJob
            = submitFinisher(m, outputFolder, round.arrayJob.empty() ? std::set<std::string>{} : std::set<std::string>{round.arrayJob});
    } catch (...) {
        if (!round.arrayJob.empty()) Slurm::cancel(round.arrayJob); // no task runs without its finisher
        throw;
    }
    return round;
}

std::string joinErrorPath(const std::string& outputFolder, int file)
{
    return (fs::path(batchFolder(outputFolder)) / "state" / ("join-" + std::to_string(file) + ".txt")).string();
}

std::string readText(const std::string& path)
{
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The array job a task was last submitted in.
std::string arrayJobOf(const BatchManifest& m, int task)
{
    for (auto r = m.rounds.rbegin(); r != m.rounds.rend(); ++r)
        if (std::find(r->tasks.begin(), r->tasks.end(), task) != r->tasks.end()) return r->arrayJob;
    return {};
}

bool isActive(const std::string& slurmState) { return slurmState != "PENDING" && slurmState != "REQUEUED"; }

// Why a task waits, in words (Slurm's own reason code in brackets).
std::string waitingReason(const std::string& reason)
{
    static const std::map<std::string, std::string> words = {
        {"JobArrayTaskLimit", "waiting: the batch's tasks-at-once limit"},
        {"Resources", "waiting for free CPUs, GPUs or memory"},
        {"Priority", "waiting behind jobs of higher priority"},
        {"BeginTime", "waiting to be retried"},
        {"Dependency", "waiting for other jobs"},
        {"ReqNodeNotAvail", "waiting: no node can run it now"},
        {"PartitionDown", "waiting: the partition is down"},
    };
    if (reason.empty() || reason == "None") return {};
    const auto found = words.find(reason);
    return found == words.end() ? "waiting (" + reason + ")" : found->second + " (" + reason + ")";
}

} // namespace

std::string_view batchFileStateName(BatchFileState state)
{
    switch (state) {
    case BatchFileState::Queued: return "queued";
    case BatchFileState::Running: return "running";
    case BatchFileState::Joining: return "joining";
    case BatchFileState::Done: return "done";
    case BatchFileState::Failed: return "failed";
    case BatchFileState::Cancelled: return "cancelled";
    }
    return "?";
}

int BatchStatus::count(BatchFileState state) const
{
    return static_cast<int>(std::count_if(files.begin(), files.end(), [&](const auto& f) { return f.state == state; }));
}

bool BatchStatus::finished() const
{
    return count(BatchFileState::Queued) == 0 && count(BatchFileState::Running) == 0 && count(BatchFileState::Joining) == 0;
}

std::vector<UpscaleSettings> planBatchJobs(const std::vector<std::string>& inputs, const std::string& outputFolder,
                                           const UpscaleSettings& settings)
{
    if (inputs.empty()) throw Error(ErrorCode::InvalidArgument, "no input files or folders given");
    std::vector<std::string> absoluteInputs;
    for (const auto& input : inputs) {
        absoluteInputs.push_back(absolutePath(input));
        requireReadable(absoluteInputs.back(), "input");
    }
    std::vector<UpscaleSettings> jobs;
    for (const auto& item : planBatchOutputs(absoluteInputs, absolutePath(outputFolder), findPreset(settings.preset).extension)) {
        UpscaleSettings job = settings;
        job.input = item.input;
        job.output = item.output;
        jobs.push_back(std::move(job));
    }
    if (jobs.empty()) throw Error(ErrorCode::InvalidArgument, "no video files found in the inputs");
    return jobs;
}

BatchSubmission submitBatch(const std::vector<UpscaleSettings>& jobsIn, const std::string& batchOwner, const ClusterSettings& clusterIn)
{
    if (clusterIn.engine != "slurm")
        throw Error(ErrorCode::InvalidArgument, "unknown cluster engine '" + clusterIn.engine + "' (known: slurm)");
    if (jobsIn.empty()) throw Error(ErrorCode::InvalidArgument, "no files to submit");
    if (clusterIn.maxAttempts < 1 || clusterIn.cpusPerTask < 0 || clusterIn.gpusPerTask < 0 || clusterIn.maxParallel < 0
        || clusterIn.splitSeconds < 0 || !std::isfinite(clusterIn.splitSeconds))
        throw Error(ErrorCode::InvalidArgument, "attempts must be >= 1; cpus, gpus, parallel tasks and split seconds >= 0");
    ClusterSettings cluster = clusterIn;
    // The cluster first: nothing is written for a batch that cannot be submitted.
    Slurm::checkReachable();
    Slurm::checkPartition(cluster.partition);

    // Every path as the nodes will see it (absolute, on the shared filesystem), checked here.
    const std::string outputFolder = absolutePath(batchOwner);
    cluster.dualxProgram = absolutePath(cluster.dualxProgram);
    if (cluster.dualxProgram.empty() || ::access(cluster.dualxProgram.c_str(), X_OK) != 0)
        throw Error(ErrorCode::FileNotFound, "the dualx program '" + cluster.dualxProgram + "' is not executable");
    std::vector<UpscaleSettings> jobs;
    for (UpscaleSettings job : jobsIn) {
        job.input = absolutePath(job.input);
        job.output = absolutePath(job.output);
        job.engine.model = absolutePath(resolveModel(job.engine.model)); // every node reads the same file
        requireReadable(job.input, "input");
        requireReadable(job.engine.model, "model");
        const ExportPreset preset = findPreset(job.preset);
        if (!preset.sourcePath.empty()) job.preset = absolutePath(preset.sourcePath);
        jobs.push_back(std::move(job));
    }
    // Two tasks writing one file would ruin it: "a.mp4" and "a.mkv" both become "a.mkv".
    std::map<std::string, std::string> inputOf;
    for (const auto& job : jobs)
        if (const auto [it, added] = inputOf.emplace(job.output, job.input); !added)
            throw Error(ErrorCode::InvalidArgument, "'" + it->second + "' and '" + job.input + "' would both be written to '" + job.output
                                                        + "': rename one of them or send them in separate batches");
    std::error_code ec;
    fs::create_directories(outputFolder, ec);
    if (!fs::is_directory(outputFolder) || ::access(outputFolder.c_str(), W_OK) != 0)
        throw Error(ErrorCode::FileUnwritable, "the output folder '" + outputFolder + "' cannot be created or written");
    if (fs::exists(fs::path(batchFolder(outputFolder)) / "manifest.json"))
        throw Error(ErrorCode::InvalidArgument, "'" + outputFolder + "' already holds a batch: see `dualx cluster status " + outputFolder
                                                    + "`, or resubmit its failed files with `dualx cluster resubmit " + outputFolder
                                                    + " --failed`");
    for (const auto& job : jobs) {
        const auto folder = fs::path(job.output).parent_path();
        fs::create_directories(folder, ec);
        if (::access(folder.c_str(), W_OK) != 0)
            throw Error(ErrorCode::FileUnwritable,
                        "the output folder '" + folder.string() + "' of '" + job.input + "' cannot be created or written");
    }

    BatchSubmission submission;
    submission.folder = batchFolder(outputFolder);
    BatchManifest m;
    m.id = randomId();
    m.created = utcNow();
    m.cluster = cluster;
    for (const auto& job : jobs) {
        if (fs::exists(job.output)) {
            submission.notes.push_back("skipped " + job.input + ": " + job.output + " exists");
            continue;
        }
        BatchFile file{job.input, job.output, {}, job};
        const int fileIndex = static_cast<int>(m.files.size());
        int parts = 1;
        if (cluster.splitSeconds > 0) {
            const MediaSummary media = probeMedia(job.input);
            parts = std::max(1, static_cast<int>(std::floor(media.durationSeconds / cluster.splitSeconds)));
        }
        if (parts == 1) {
            m.tasks.push_back({fileIndex, -1, file.settings});
        } else {
            // Ranges of splitSeconds; the last runs to the end, whatever the container's
            // duration said. Each part restores its frames as a run over the whole file would.
            for (int k = 0; k < parts; ++k) {
                BatchTask task{fileIndex, k, file.settings};
                task.settings.splitPart = true;
                task.settings.output = partPath(outputFolder, fileIndex, k);
                task.settings.startSeconds = k * cluster.splitSeconds;
                task.settings.durationSeconds = k + 1 < parts ? cluster.splitSeconds : 0;
                file.parts.push_back(task.settings.output);
                m.tasks.push_back(std::move(task));
            }
        }
        m.files.push_back(std::move(file));
    }
    if (m.files.empty()) {
        submission.notes.push_back("nothing to do: every output exists");
        return submission;
    }

    for (const char* sub : {"logs", "state", "parts"}) fs::create_directories(fs::path(batchFolder(outputFolder)) / sub);
    writeScripts(outputFolder, cluster.dualxProgram);
    if (Slurm::nodeCount(cluster.partition) > 1)
        for (const auto& [what, path] : std::vector<std::pair<std::string, std::string>>{{"the batch folder", outputFolder},
                                                                                         {"the model", jobs[0].engine.model},
                                                                                         {"dualx", cluster.dualxProgram},
                                                                                         {"the first input", jobs[0].input}})
            if (const auto local = localFilesystemName(path); !local.empty())
                submission.notes.push_back("warning: " + what + " '" + path + "' is on a local " + local
                                           + " filesystem; every node must see it at the same path (a shared filesystem)");

    BatchLock lock(outputFolder);
    m.save(outputFolder); // before submitting: the tasks read it
    std::vector<int> all(m.tasks.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
    const BatchRound round = submitRound(m, outputFolder, all);
    m.rounds.push_back(round);
    m.save(outputFolder);
    submission.files = static_cast<int>(m.files.size());
    submission.tasks = static_cast<int>(m.tasks.size());
    submission.jobIds = {round.arrayJob, round.finishJob};
    return submission;
}

BatchStatus batchStatus(const std::string& outputFolderIn)
{
    const std::string outputFolder = absolutePath(outputFolderIn);
    const BatchManifest m = BatchManifest::load(outputFolder);
    const auto jobs = Slurm::jobsNamed(m.jobName());
    const bool finisherQueued = jobs.count(-1) > 0;
    BatchStatus status;
    status.outputFolder = outputFolder;
    for (const auto& r : m.rounds) status.jobIds.insert(status.jobIds.end(), {r.arrayJob, r.finishJob});

    for (int f = 0; f < static_cast<int>(m.files.size()); ++f) {
        const BatchFile& file = m.files[f];
        BatchFileStatus s;
        s.input = file.input;
        s.output = file.output;
        s.parts = std::max<int>(1, static_cast<int>(file.parts.size()));
        bool running = false, queued = false, totalKnown = true, finalFailure = false;
        std::string waitReason, failure, failedLog;
        const std::vector<int> tasks = m.tasksOfFile(f);
        for (int t : tasks) {
            const TaskState state = loadTaskState(outputFolder, t);
            s.partsDone += state.state == TaskRunState::Done;
            s.framesDone += state.framesDone;
            s.framesTotal += state.framesTotal;
            totalKnown = totalKnown && (state.framesTotal > 0 || state.state == TaskRunState::Done);
            s.attempts = std::max(s.attempts, state.attempts);
            const auto [first, last] = jobs.equal_range(t);
            for (auto j = first; j != last; ++j) {
                (isActive(j->second.state) ? running : queued) = true;
                if (!isActive(j->second.state) && waitReason.empty()) waitReason = j->second.reason;
            }
            if (first == last && state.state == TaskRunState::Failed && !state.retryable) finalFailure = true;
            if (first == last && state.state != TaskRunState::Done && failure.empty()) {
                failure = state.state == TaskRunState::Failed   ? state.message
                          : state.state == TaskRunState::Queued ? "never ran"
                                                                : "stopped (killed, cancelled or preempted)";
                failedLog = taskLogPath(outputFolder, t);
            }
        }
        if (!totalKnown) s.framesTotal = 0; // a part that has not started yet: the sum means nothing
        const std::string joinError = readText(joinErrorPath(outputFolder, f));
        if (fs::exists(file.output)) {
            s.state = BatchFileState::Done;
            s.framesDone = std::max(s.framesDone, s.framesTotal);
        } else if (running) {
            s.state = BatchFileState::Running;
        } else if (queued) {
            s.state = BatchFileState::Queued;
            s.message = waitingReason(waitReason);
        } else if (s.partsDone == static_cast<int>(tasks.size())) {
            s.state = !joinError.empty() ? BatchFileState::Failed : finisherQueued ? BatchFileState::Joining : BatchFileState::Failed;
            s.message = !joinError.empty() ? "join failed: " + joinError
                        : finisherQueued   ? ""
                                           : "its parts are done but nothing joins them (resubmit)";
        } else if (m.cancelled) {
            s.state = BatchFileState::Cancelled;
        } else if (finisherQueued && !finalFailure) {
            s.state = BatchFileState::Queued;
            s.message = "to be retried: " + failure;
        } else {
            s.state = BatchFileState::Failed;
            s.message = failure;
            s.log = failedLog;
        }
        status.files.push_back(std::move(s));
    }
    return status;
}

void cancelBatch(const std::string& outputFolderIn)
{
    const std::string outputFolder = absolutePath(outputFolderIn);
    BatchLock lock(outputFolder);
    BatchManifest m = BatchManifest::load(outputFolder);
    m.cancelled = true; // first: a finishing job that still starts must not retry anything
    m.save(outputFolder);
    Slurm::cancelNamed(m.jobName());
}

BatchSubmission resubmitFailed(const std::string& outputFolderIn)
{
    const std::string outputFolder = absolutePath(outputFolderIn);
    BatchLock lock(outputFolder);
    BatchManifest m = BatchManifest::load(outputFolder);
    Slurm::checkReachable();
    const auto jobs = Slurm::jobsNamed(m.jobName());
    std::vector<int> retry;
    bool joinPending = false;
    for (int t = 0; t < static_cast<int>(m.tasks.size()); ++t) {
        if (fs::exists(m.files[m.tasks[t].file].output) || jobs.count(t)) continue;
        TaskState state = loadTaskState(outputFolder, t);
        if (state.state == TaskRunState::Done) {
            joinPending = joinPending || m.tasks[t].part >= 0;
            continue;
        }
        state.attempts = 0; // a fresh allowance (the input may have been replaced)
        state.retryable = true;
        state.state = TaskRunState::Queued;
        state.message.clear();
        saveTaskState(outputFolder, t, state);
        retry.push_back(t);
    }
    if (retry.empty() && !joinPending)
        throw Error(ErrorCode::InvalidArgument, "nothing to resubmit in '" + outputFolder + "': every file is done, queued or running");
    for (int f = 0; f < static_cast<int>(m.files.size()); ++f) fs::remove(joinErrorPath(outputFolder, f));
    m.cancelled = false;
    writeScripts(outputFolder, m.cluster.dualxProgram); // dualx may have moved since
    const BatchRound round = submitRound(m, outputFolder, retry);
    m.rounds.push_back(round);
    m.save(outputFolder);
    BatchSubmission submission;
    submission.folder = batchFolder(outputFolder);
    submission.tasks = static_cast<int>(retry.size());
    std::set<int> files;
    for (int t : retry) files.insert(m.tasks[t].file);
    submission.files = static_cast<int>(files.size());
    submission.jobIds = {round.arrayJob, round.finishJob};
    return submission;
}

namespace {

UpscaleJob* g_runningTask = nullptr;
extern "C" void stopRunningTask(int)
{
    if (g_runningTask) g_runningTask->cancel();
}

} // namespace

int runBatchTask(const std::string& outputFolderIn, int taskIndex)
{
    const std::string outputFolder = absolutePath(outputFolderIn);
    const BatchManifest m = BatchManifest::load(outputFolder);
    if (taskIndex < 0 || taskIndex >= static_cast<int>(m.tasks.size()))
        throw Error(ErrorCode::InvalidArgument, "the batch in '" + outputFolder + "' has no task " + std::to_string(taskIndex));
    const BatchTask& task = m.tasks[taskIndex];
    const BatchFile& file = m.files[task.file];
    TaskState state = loadTaskState(outputFolder, taskIndex);
    ++state.attempts;
    state.state = TaskRunState::Running;
    state.message.clear();
    state.retryable = true;
    state.framesDone = 0;
    saveTaskState(outputFolder, taskIndex, state);
    std::cout << utcNow() << " task " << taskIndex << ", attempt " << state.attempts << " of " << m.cluster.maxAttempts << ": "
              << file.input
              << (task.part >= 0 ? " part " + std::to_string(task.part + 1) + " of " + std::to_string(file.parts.size()) : std::string())
              << " -> " << task.settings.output << std::endl;

    if (fs::exists(task.settings.output) || fs::exists(file.output)) {
        state.state = TaskRunState::Done;
        saveTaskState(outputFolder, taskIndex, state);
        std::cout << "already done" << std::endl;
        return 0;
    }
    // The CPUs Slurm gave the task (without --cpus-per-task, what the job holds on the node);
    // configureThreads() falls back to the process's CPU affinity.
    int cpus = 0;
    for (const char* name : {"SLURM_CPUS_PER_TASK", "SLURM_CPUS_ON_NODE"})
        if (const char* value = std::getenv(name); cpus <= 0 && value) cpus = std::atoi(value);
    std::cout << "threads: " << configureThreads(cpus) << std::endl;
    try {
        UpscaleJob job(task.settings);
        // Slurm asks a job to stop with SIGTERM (cancel, preemption, time limit) before SIGKILL:
        // stop cleanly so the finished segments stay for the next attempt.
        g_runningTask = &job;
        std::signal(SIGTERM, stopRunningTask);
        std::signal(SIGINT, stopRunningTask);
        auto lastSave = std::chrono::steady_clock::now();
        const UpscaleReport report = job.run([&](const UpscaleProgress& p) {
            const auto now = std::chrono::steady_clock::now();
            if (now - lastSave < std::chrono::seconds(2)) return;
            lastSave = now;
            state.framesDone = p.framesDone;
            state.framesTotal = p.framesTotal;
            saveTaskState(outputFolder, taskIndex, state);
        });
        g_runningTask = nullptr;
        for (const auto& line : report.streams) std::cout << "  " << line << "\n";
        for (const auto& line : report.warnings) std::cout << "  warning: " << line << "\n";
        state.state = TaskRunState::Done;
        state.framesDone = report.frames;
        state.framesTotal = std::max(state.framesTotal, report.frames);
        saveTaskState(outputFolder, taskIndex, state);
        std::cout << utcNow() << " done: " << report.frames << " frames in " << std::lround(report.seconds) << " s" << std::endl;
        return 0;
    } catch (const Error& e) {
        g_runningTask = nullptr;
        state.state = e.code() == ErrorCode::Cancelled ? TaskRunState::Stopped : TaskRunState::Failed;
        state.message = e.what();
        // A damaged or unsupported input fails the same way on every node; a missing file, a
        // full disk, a missing GPU or a kill may not.
        state.retryable = e.code() != ErrorCode::CorruptFile && e.code() != ErrorCode::FileUnreadable
                          && e.code() != ErrorCode::InvalidArgument && e.code() != ErrorCode::WeightMismatch;
        saveTaskState(outputFolder, taskIndex, state);
        std::cout << utcNow() << " " << taskRunStateName(state.state) << ": " << e.what() << std::endl;
        return 1;
    }
}

int finishBatch(const std::string& outputFolderIn)
{
    const std::string outputFolder = absolutePath(outputFolderIn);
    BatchLock lock(outputFolder);
    BatchManifest m = BatchManifest::load(outputFolder);
    std::cout << utcNow() << " finishing the batch in " << outputFolder << std::endl;
    if (m.cancelled) {
        std::cout << "the batch was cancelled: nothing retried or joined" << std::endl;
        return 0;
    }
    const auto jobs = Slurm::jobsNamed(m.jobName());
    std::set<std::string> waitFor;
    std::vector<int> resubmit;
    for (int t = 0; t < static_cast<int>(m.tasks.size()); ++t) {
        TaskState state = loadTaskState(outputFolder, t);
        if (state.state == TaskRunState::Done || jobs.count(t) || fs::exists(m.files[m.tasks[t].file].output)) continue;
        if (state.attempts < m.cluster.maxAttempts && state.retryable) {
            std::cout << "task " << t << " " << taskRunStateName(state.state) << " after attempt " << state.attempts
                      << (state.message.empty() ? std::string() : ": " + state.message) << "; retrying" << std::endl;
            const std::string array = arrayJobOf(m, t);
            try {
                Slurm::requeue(array + "_" + std::to_string(t));
                waitFor.insert(array);
            } catch (const Error& e) { // e.g. the controller has forgotten the job: submit it anew
                std::cout << "  requeue failed (" << e.what() << "): submitting it again" << std::endl;
                resubmit.push_back(t);
            }
            continue;
        }
        if (state.state != TaskRunState::Failed) {
            state.state = TaskRunState::Failed;
            state.message = "stopped " + std::to_string(state.attempts) + " times (killed, cancelled or preempted)";
            saveTaskState(outputFolder, t, state);
        }
        std::cout << "task " << t << " failed after " << state.attempts << (state.retryable ? " attempts: " : " attempt(s), not retried: ")
                  << state.message << " (log: " << taskLogPath(outputFolder, t) << ")" << std::endl;
    }

    int failedJoins = 0;
    for (int f = 0; f < static_cast<int>(m.files.size()); ++f) {
        const BatchFile& file = m.files[f];
        if (file.parts.empty() || fs::exists(file.output)) continue;
        const auto tasks = m.tasksOfFile(f);
        if (!std::all_of(tasks.begin(), tasks.end(), [&](int t) { return loadTaskState(outputFolder, t).state == TaskRunState::Done; }))
            continue;
        try {
            const UpscaleReport report = joinSplitParts(file.settings, file.parts);
            for (const auto& part : file.parts) fs::remove(part);
            fs::remove(joinErrorPath(outputFolder, f));
            std::cout << "joined " << file.output << ": " << report.frames << " frames from " << file.parts.size() << " parts" << std::endl;
        } catch (const Error& e) {
            ++failedJoins;
            std::ofstream(joinErrorPath(outputFolder, f), std::ios::trunc) << e.what();
            std::cout << "joining " << file.output << " failed: " << e.what() << std::endl;
        }
    }

    if (!waitFor.empty() || !resubmit.empty()) {
        // Requeued tasks stay in their arrays; tasks Slurm has forgotten go in a new one.
        BatchRound round;
        round.tasks = resubmit;
        if (!resubmit.empty()) {
            round.arrayJob = submitArray(m, outputFolder, resubmit);
            waitFor.insert(round.arrayJob);
        }
        round.finishJob = submitFinisher(m, outputFolder, waitFor);
        std::cout << "another finishing job after the retries: " << round.finishJob << std::endl;
        m.rounds.push_back(round);
        m.save(outputFolder);
    }
    return failedJoins > 0 ? 1 : 0;
}

} // namespace dualx
