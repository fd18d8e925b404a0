#include "cluster/batch_manifest.h"

#include "dualx/errors.h"
#include "dualx/upscale_settings_json.h"
#include "json_numbers.h"
#include "pipeline/durable_file.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace dualx::cluster {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kFormat = "dualx-batch 1";

std::string pad(int value, int width)
{
    std::string text = std::to_string(value);
    return std::string(text.size() < static_cast<size_t>(width) ? width - text.size() : 0, '0') + text;
}

std::string statePath(const std::string& outputFolder, int task)
{
    return (fs::path(batchFolder(outputFolder)) / "state" / ("task-" + pad(task, 5) + ".json")).string();
}

json settingsJson(const UpscaleSettings& s) { return json::parse(upscaleSettingsToJson(s)); }

} // namespace

std::string batchFolder(const std::string& outputFolder) { return (fs::path(outputFolder) / ".dualx-batch").string(); }

std::string taskLogPath(const std::string& outputFolder, int task)
{
    return (fs::path(batchFolder(outputFolder)) / "logs" / ("task-" + std::to_string(task) + ".log")).string();
}

std::string partPath(const std::string& outputFolder, int file, int part)
{
    return (fs::path(batchFolder(outputFolder)) / "parts" / ("file-" + pad(file, 5) + "-part-" + pad(part, 4) + ".dxpart")).string();
}

std::vector<int> BatchManifest::tasksOfFile(int file) const
{
    std::vector<int> out;
    for (size_t i = 0; i < tasks.size(); ++i)
        if (tasks[i].file == file) out.push_back(static_cast<int>(i));
    return out;
}

void BatchManifest::save(const std::string& outputFolder) const
{
    json j = {{"format", kFormat}, {"id", id}, {"created", created}, {"cancelled", cancelled}};
    j["cluster"] = {{"engine", cluster.engine},
                    {"partition", cluster.partition},
                    {"cpus_per_task", cluster.cpusPerTask},
                    {"gpus_per_task", cluster.gpusPerTask},
                    {"max_parallel", cluster.maxParallel},
                    {"split_seconds", cluster.splitSeconds},
                    {"max_attempts", cluster.maxAttempts},
                    {"dualx", cluster.dualxProgram}};
    j["files"] = json::array();
    for (const auto& f : files)
        j["files"].push_back({{"input", f.input}, {"output", f.output}, {"parts", f.parts}, {"settings", settingsJson(f.settings)}});
    j["tasks"] = json::array();
    for (const auto& t : tasks) j["tasks"].push_back({{"file", t.file}, {"part", t.part}, {"settings", settingsJson(t.settings)}});
    j["rounds"] = json::array();
    for (const auto& r : rounds) j["rounds"].push_back({{"array_job", r.arrayJob}, {"finish_job", r.finishJob}, {"tasks", r.tasks}});
    pipeline::replaceFileDurably((fs::path(batchFolder(outputFolder)) / "manifest.json").string(), j.dump(1));
}

BatchManifest BatchManifest::load(const std::string& outputFolder)
{
    const auto path = fs::path(batchFolder(outputFolder)) / "manifest.json";
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        throw Error(ErrorCode::FileNotFound, "'" + outputFolder + "' holds no cluster batch (no " + path.string() + ")");
    BatchManifest m;
    try {
        std::ifstream in(path);
        const json j = json::parse(in);
        if (const auto number = findOutOfRangeNumber(j); !number.empty())
            throw Error(ErrorCode::CorruptFile, "'" + path.string() + "': " + number + " is out of range");
        if (j.at("format").get<std::string>() != kFormat)
            throw Error(ErrorCode::CorruptFile, "'" + path.string() + "' is a batch of another version of dualx");
        m.id = j.at("id");
        m.created = j.at("created");
        m.cancelled = j.at("cancelled");
        const auto& c = j.at("cluster");
        m.cluster.engine = c.at("engine");
        m.cluster.partition = c.at("partition");
        m.cluster.cpusPerTask = c.at("cpus_per_task");
        m.cluster.gpusPerTask = c.at("gpus_per_task");
        m.cluster.maxParallel = c.at("max_parallel");
        m.cluster.splitSeconds = c.at("split_seconds");
        m.cluster.maxAttempts = c.at("max_attempts");
        m.cluster.dualxProgram = c.at("dualx");
        for (const auto& f : j.at("files"))
            m.files.push_back({f.at("input"), f.at("output"), f.at("parts").get<std::vector<std::string>>(),
                               upscaleSettingsFromJson(f.at("settings").dump(), path.string())});
        for (const auto& t : j.at("tasks")) {
            BatchTask task{t.at("file"), t.at("part"), upscaleSettingsFromJson(t.at("settings").dump(), path.string())};
            if (task.file < 0 || task.file >= static_cast<int>(m.files.size()))
                throw Error(ErrorCode::CorruptFile, "'" + path.string() + "' names a task of a file it does not list");
            m.tasks.push_back(std::move(task));
        }
        for (const auto& r : j.at("rounds"))
            m.rounds.push_back({r.at("array_job"), r.at("finish_job"), r.at("tasks").get<std::vector<int>>()});
    } catch (const json::exception& e) {
        throw Error(ErrorCode::CorruptFile, "the batch manifest '" + path.string() + "' is damaged: " + e.what());
    }
    return m;
}

BatchLock::BatchLock(const std::string& outputFolder)
{
    const std::string path = (fs::path(batchFolder(outputFolder)) / "lock").string();
    m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0) throw Error(ErrorCode::FileUnwritable, "cannot open the batch lock '" + path + "': " + std::strerror(errno));
    while (::flock(m_fd, LOCK_EX) != 0)
        if (errno != EINTR) throw Error(ErrorCode::FileUnwritable, "cannot lock '" + path + "': " + std::strerror(errno));
}

BatchLock::~BatchLock()
{
    if (m_fd >= 0) ::close(m_fd); // releases the lock
}

std::string_view taskRunStateName(TaskRunState state)
{
    switch (state) {
    case TaskRunState::Queued: return "queued";
    case TaskRunState::Running: return "running";
    case TaskRunState::Done: return "done";
    case TaskRunState::Failed: return "failed";
    case TaskRunState::Stopped: return "stopped";
    }
    return "?";
}

TaskState loadTaskState(const std::string& outputFolder, int task)
{
    TaskState s;
    std::ifstream in(statePath(outputFolder, task));
    if (!in) return s;
    try {
        const json j = json::parse(in);
        if (!findOutOfRangeNumber(j).empty()) return s;
        const std::string name = j.at("state");
        for (auto candidate :
             {TaskRunState::Queued, TaskRunState::Running, TaskRunState::Done, TaskRunState::Failed, TaskRunState::Stopped})
            if (taskRunStateName(candidate) == name) s.state = candidate;
        s.attempts = j.at("attempts");
        s.framesDone = j.at("frames_done");
        s.framesTotal = j.at("frames_total");
        s.message = j.at("message");
        s.updatedUnix = j.at("updated");
        s.retryable = j.value("retryable", true);
    } catch (const json::exception& e) {
        s = TaskState{};
        s.state = TaskRunState::Failed;
        s.message = std::string("its state file is damaged: ") + e.what();
    }
    return s;
}

void saveTaskState(const std::string& outputFolder, int task, const TaskState& state)
{
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    const json j = {{"state", std::string(taskRunStateName(state.state))},
                    {"attempts", state.attempts},
                    {"frames_done", state.framesDone},
                    {"frames_total", state.framesTotal},
                    {"message", state.message},
                    {"retryable", state.retryable},
                    {"updated", now}};
    const std::string path = statePath(outputFolder, task);
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    pipeline::replaceFileDurably(path, j.dump());
}

} // namespace dualx::cluster
