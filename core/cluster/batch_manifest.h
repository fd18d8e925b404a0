#pragma once
// A cluster batch on disk (OUTDIR/.dualx-batch/): the manifest (files, their parts, the tasks
// with their job settings, the Slurm jobs submitted) and one state file per task, written by
// the task itself while it runs. Every file is replaced atomically; read-modify-write of the
// manifest happens under an exclusive lock, as the submit host and the finishing job may both
// change it.
#include "dualx/cluster_batch.h"
#include "dualx/upscale_job.h"

#include <cstdint>
#include <string>
#include <vector>

namespace dualx::cluster {

struct BatchTask {
    int file = 0;
    int part = -1; // index into the file's parts; -1: the whole file
    UpscaleSettings settings;
};

struct BatchFile {
    std::string input, output;
    std::vector<std::string> parts; // split part files in time order (empty: not split)
    UpscaleSettings settings;       // the whole file's job (the join's settings)
};

// One submission: an array of tasks and the finishing job after it.
struct BatchRound {
    std::string arrayJob, finishJob;
    std::vector<int> tasks;
};

struct BatchManifest {
    std::string id;      // names the batch's Slurm jobs: "dualx-<id>"
    std::string created; // UTC, ISO 8601
    ClusterSettings cluster;
    std::vector<BatchFile> files;
    std::vector<BatchTask> tasks;
    std::vector<BatchRound> rounds;
    bool cancelled = false;

    std::string jobName() const { return "dualx-" + id; }
    std::vector<int> tasksOfFile(int file) const;

    // Throws FileNotFound when the folder holds no batch, CorruptFile when the manifest is damaged.
    static BatchManifest load(const std::string& outputFolder);
    void save(const std::string& outputFolder) const;
};

// OUTDIR/.dualx-batch and the files in it.
std::string batchFolder(const std::string& outputFolder);
std::string taskLogPath(const std::string& outputFolder, int task);
std::string partPath(const std::string& outputFolder, int file, int part);

// Holds an exclusive lock on the batch (flock on a lock file) for its lifetime.
class BatchLock {
public:
    explicit BatchLock(const std::string& outputFolder);
    ~BatchLock();
    BatchLock(const BatchLock&) = delete;
    BatchLock& operator=(const BatchLock&) = delete;

private:
    int m_fd = -1;
};

enum class TaskRunState { Queued, Running, Done, Failed, Stopped };
std::string_view taskRunStateName(TaskRunState state);

struct TaskState {
    TaskRunState state = TaskRunState::Queued;
    int attempts = 0;                        // runs started so far
    int64_t framesDone = 0, framesTotal = 0; // of the current or last run
    std::string message;                     // the error of a failed run
    bool retryable = true;                   // false: the input itself is bad, another run fails too
    int64_t updatedUnix = 0;
};

TaskState loadTaskState(const std::string& outputFolder, int task); // Queued when there is none
void saveTaskState(const std::string& outputFolder, int task, const TaskState& state);

} // namespace dualx::cluster
