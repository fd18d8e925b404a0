#pragma once
// The Slurm workload manager, through its own client commands (sbatch, squeue, scancel,
// scontrol, sinfo): DualX never schedules anything itself. Every failure says which command
// failed and what Slurm answered.
#include <map>
#include <string>
#include <vector>

namespace dualx::cluster {

struct SlurmJobRequest {
    std::string name;              // --job-name: every job of a batch shares it, so squeue finds them
    std::string script;            // the batch script
    std::string logPattern;        // --output (and error), e.g. "logs/task-%a.log"
    std::vector<int> arrayIndices; // empty: not an array
    int maxParallel = 0;           // %K on the array: at most K tasks at once (0: no limit)
    std::string partition;         // "" : the cluster's default
    int cpusPerTask = 0;           // 0: Slurm's default
    int gpusPerTask = 0;
    std::string dependency; // e.g. "afterany:123" ("" for none)
    bool requeue = false;   // may be requeued (preemption, node failure, our retries)
};

// One job or array task as squeue shows it.
struct SlurmTaskState {
    std::string jobId;  // "123" or, for an array task, "123_4"
    std::string state;  // PENDING, RUNNING, COMPLETING, ...
    std::string reason; // why it waits
};

class Slurm {
public:
    // Throws FileNotFound when sbatch (Slurm's client commands) is not installed, naming the
    // Debian package; Internal when the controller does not answer.
    static void checkReachable();
    // Throws InvalidArgument naming the partitions that do exist.
    static void checkPartition(const std::string& partition);
    // Nodes in `partition` ("" : all), 0 if unknown.
    static int nodeCount(const std::string& partition);

    // Returns the job id. Throws Internal with sbatch's message.
    static std::string submit(const SlurmJobRequest& request);
    // Every queued or running job named `name`; array tasks one by one (index -1 for plain jobs).
    static std::multimap<int, SlurmTaskState> jobsNamed(const std::string& name);
    static void cancelNamed(const std::string& name);
    static void cancel(const std::string& jobId);
    // Puts a finished, failed or cancelled array task back in the queue.
    static void requeue(const std::string& jobId);
};

// "0-2,5,7-9": Slurm's array index list for sorted, distinct indices.
std::string arrayIndexList(std::vector<int> indices);

} // namespace dualx::cluster
