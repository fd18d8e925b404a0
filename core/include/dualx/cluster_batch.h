#pragma once
// Archive batches on a Slurm cluster. A batch is a folder: OUTDIR/.dualx-batch/ holds its
// manifest (every file, its output, its split parts and the job settings), one state file per
// task, the tasks' logs and the batch scripts. Slurm runs one job array whose tasks each
// restore one file or one time range of a long file, and after it a finishing job that retries
// tasks that failed or were killed (up to maxAttempts) and joins the ranges of split files
// without re-encoding. Each task resumes from its own segment journal, so a task that is
// preempted, requeued or killed loses at most one segment of work.
//
// Assumes a filesystem shared by the submit host and every node, at the same paths (NFS, Lustre,
// GPFS, CephFS...): inputs, OUTDIR, the model and the dualx program itself.
#include "dualx/upscale_job.h"

#include <cstdint>
#include <string>
#include <vector>

namespace dualx {

struct ClusterSettings {
    std::string engine = "slurm"; // the only one so far
    std::string partition;        // "" : the cluster's default
    int cpusPerTask = 0;          // 0: Slurm's default; the task uses this many threads
    int gpusPerTask = 0;
    int maxParallel = 0;      // tasks running at once (0: as many as Slurm allows)
    double splitSeconds = 0;  // > 0: files longer than twice this are split into ranges
    int maxAttempts = 3;      // per task, the first run included
    std::string dualxProgram; // the `dualx` the tasks run (absolute; on the shared filesystem)
};

struct BatchSubmission {
    std::string folder; // OUTDIR/.dualx-batch
    int files = 0, tasks = 0;
    std::vector<std::string> jobIds; // the array and its finishing job
    std::vector<std::string> notes;  // skipped files, filesystem warnings
};

// Submits a batch whose manifest lives in `batchOwner` (OUTDIR/.dualx-batch/): one job per
// file, each with its input and output set (outputs may lie anywhere on the shared filesystem).
// Checks before anything is submitted: Slurm reachable, partition known, every input readable,
// every model present, dualx present, every output folder writable; throws dualx::Error naming
// the problem. Files whose output already exists are skipped (and said so in notes).
BatchSubmission submitBatch(const std::vector<UpscaleSettings>& jobs, const std::string& batchOwner, const ClusterSettings& cluster);

// The jobs `dualx cluster submit INPUT... -o OUTDIR` gives: files and folders (searched for
// videos) mapped into OUTDIR as `dualx upscale` maps a batch, each with `settings`.
std::vector<UpscaleSettings> planBatchJobs(const std::vector<std::string>& inputs, const std::string& outputFolder,
                                           const UpscaleSettings& settings);

enum class BatchFileState { Queued, Running, Joining, Done, Failed, Cancelled };
std::string_view batchFileStateName(BatchFileState state); // "queued", "running", ...

struct BatchFileStatus {
    std::string input, output;
    BatchFileState state = BatchFileState::Queued;
    int64_t framesDone = 0, framesTotal = 0; // over all its parts; total 0 if unknown
    int parts = 1, partsDone = 0;
    int attempts = 0;    // most runs of any of its tasks
    std::string message; // why it failed, or what it waits for
    std::string log;     // the log of the task that failed
};

struct BatchStatus {
    std::string outputFolder;
    std::vector<BatchFileStatus> files;
    std::vector<std::string> jobIds;
    int count(BatchFileState state) const;
    bool finished() const; // nothing queued, running or joining
};

// From the manifest, the task states and squeue. Throws FileNotFound when OUTDIR holds no batch.
BatchStatus batchStatus(const std::string& outputFolder);

// Cancels every queued and running job of the batch; finished files stay, unfinished tasks keep
// their finished segments for a resubmission.
void cancelBatch(const std::string& outputFolder);

// Submits again every task that failed or was cancelled (and is not queued), with fresh attempts.
BatchSubmission resubmitFailed(const std::string& outputFolder);

// Inside the cluster's jobs (the batch scripts call these through `dualx cluster`):
// runs task `taskIndex` of the batch; returns the process exit code (0 done).
int runBatchTask(const std::string& outputFolder, int taskIndex);
// The finishing job: retries tasks with attempts left, joins split files whose parts are all
// done, and submits another finishing job when it retried anything. Returns the exit code.
int finishBatch(const std::string& outputFolder);

} // namespace dualx
