#include "cluster/slurm.h"

#include "cluster/process.h"
#include "dualx/errors.h"

#include <algorithm>
#include <sstream>

namespace dualx::cluster {

namespace {

std::string trimmed(std::string text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\r')) text.pop_back();
    return text;
}

// Runs a Slurm client command; throws naming it with Slurm's own words when it fails.
std::string slurmCommand(const std::string& program, const std::vector<std::string>& arguments)
{
    if (findProgram(program).empty())
        throw Error(ErrorCode::FileNotFound, "'" + program
                                                 + "' was not found in PATH: install Slurm's client commands (Debian: slurm-client) "
                                                   "or run this on the cluster's submit host");
    const ProcessResult r = runProcess(program, arguments);
    if (r.exitCode != 0) {
        std::string words = trimmed(r.err.empty() ? r.out : r.err);
        throw Error(ErrorCode::Internal,
                    program + " failed (exit " + std::to_string(r.exitCode) + "): " + (words.empty() ? "no message" : words));
    }
    return r.out;
}

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!trimmed(line).empty()) out.push_back(trimmed(line));
    return out;
}

} // namespace

std::string arrayIndexList(std::vector<int> indices)
{
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    std::string out;
    for (size_t i = 0; i < indices.size();) {
        size_t j = i;
        while (j + 1 < indices.size() && indices[j + 1] == indices[j] + 1) ++j;
        if (!out.empty()) out += ',';
        out += std::to_string(indices[i]);
        if (j > i) {
            out += '-';
            out += std::to_string(indices[j]);
        }
        i = j + 1;
    }
    return out;
}

void Slurm::checkReachable()
{
    try {
        slurmCommand("sinfo", {"-h", "-o", "%P"});
    } catch (const Error& e) {
        if (e.code() == ErrorCode::FileNotFound) throw;
        throw Error(ErrorCode::Internal, std::string("the Slurm controller does not answer: ") + e.what());
    }
    if (findProgram("sbatch").empty())
        throw Error(ErrorCode::FileNotFound, "'sbatch' was not found in PATH: install Slurm's client commands (Debian: slurm-client)");
}

void Slurm::checkPartition(const std::string& partition)
{
    if (partition.empty()) return;
    std::vector<std::string> known;
    for (auto name : lines(slurmCommand("sinfo", {"-h", "-o", "%P"}))) {
        if (!name.empty() && name.back() == '*') name.pop_back(); // the default partition
        if (name == partition) return;
        known.push_back(name);
    }
    std::string list;
    for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
    throw Error(ErrorCode::InvalidArgument,
                "Slurm partition '" + partition + "' does not exist (this cluster has: " + (list.empty() ? "none" : list) + ")");
}

int Slurm::nodeCount(const std::string& partition)
{
    std::vector<std::string> arguments = {"-h", "-N", "-o", "%N"};
    if (!partition.empty()) arguments.insert(arguments.end(), {"-p", partition});
    try {
        auto nodes = lines(slurmCommand("sinfo", arguments));
        std::sort(nodes.begin(), nodes.end());
        return static_cast<int>(std::unique(nodes.begin(), nodes.end()) - nodes.begin());
    } catch (const Error&) {
        return 0;
    }
}

std::string Slurm::submit(const SlurmJobRequest& request)
{
    std::vector<std::string> arguments
        = {"--parsable", "--job-name=" + request.name, "--output=" + request.logPattern, "--open-mode=append"};
    if (!request.arrayIndices.empty()) {
        std::string array = "--array=" + arrayIndexList(request.arrayIndices);
        if (request.maxParallel > 0) array += '%' + std::to_string(request.maxParallel);
        arguments.push_back(array);
    }
    if (!request.partition.empty()) arguments.push_back("--partition=" + request.partition);
    arguments.push_back("--ntasks=1");
    if (request.cpusPerTask > 0) arguments.push_back("--cpus-per-task=" + std::to_string(request.cpusPerTask));
    if (request.gpusPerTask > 0) arguments.push_back("--gpus-per-task=" + std::to_string(request.gpusPerTask));
    if (!request.dependency.empty()) arguments.insert(arguments.end(), {"--dependency=" + request.dependency, "--kill-on-invalid-dep=yes"});
    arguments.push_back(request.requeue ? "--requeue" : "--no-requeue");
    arguments.push_back(request.script);
    // --parsable prints "jobid" or "jobid;cluster".
    const std::string out = trimmed(slurmCommand("sbatch", arguments));
    const std::string id = out.substr(0, out.find(';'));
    if (id.empty() || !std::all_of(id.begin(), id.end(), [](unsigned char c) { return std::isdigit(c); }))
        throw Error(ErrorCode::Internal, "sbatch answered '" + out + "' instead of a job id");
    return id;
}

std::multimap<int, SlurmTaskState> Slurm::jobsNamed(const std::string& name)
{
    // %F: the array's job id, %K: the task index ("N/A" for plain jobs), %i: the task's own id.
    std::multimap<int, SlurmTaskState> jobs;
    for (const auto& line : lines(slurmCommand("squeue", {"-h", "-r", "--name=" + name, "-o", "%F|%K|%i|%T|%r"}))) {
        std::vector<std::string> f;
        std::istringstream in(line);
        for (std::string field; std::getline(in, field, '|');) f.push_back(field);
        if (f.size() < 5) continue;
        const bool isArray = !f[1].empty() && std::all_of(f[1].begin(), f[1].end(), [](unsigned char c) { return std::isdigit(c); });
        const int index = isArray ? std::stoi(f[1]) : -1;
        jobs.emplace(index, SlurmTaskState{isArray ? f[0] + "_" + f[1] : f[2], f[3], f[4]});
    }
    return jobs;
}

void Slurm::cancelNamed(const std::string& name) { slurmCommand("scancel", {"--name=" + name}); }

void Slurm::cancel(const std::string& jobId) { slurmCommand("scancel", {jobId}); }

void Slurm::requeue(const std::string& jobId) { slurmCommand("scontrol", {"requeue", jobId}); }

} // namespace dualx::cluster
