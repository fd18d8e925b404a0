#pragma once
// Crash safety for one upscale job: the encoded video goes into numbered segment files in a job
// folder beside the output ("<output>.dualx-job/"), and a journal records each segment once it
// is complete and on disk. A killed job is resumed from the journal: segments it lists are
// trusted (their sizes are checked), anything else in the folder is a leftover and removed.
// The journal is replaced atomically (write, fsync, rename), so it is always either the old or
// the new version, never a torn one.
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

struct AVPacket;

namespace dualx::pipeline {

struct SegmentRecord {
    std::string file; // name inside the job folder
    int64_t firstFrame = 0;
    int64_t frames = 0;
    int64_t packets = 0;
    uint64_t bytes = 0;
};

class SegmentJournal {
public:
    static std::string folderFor(const std::string& outputPath);

    // Opens the job folder for `outputPath`. If it holds a journal with the same `fingerprint`
    // (everything that decides the output's bytes) and the same encoder headers, the job
    // resumes after its segments; otherwise the folder is started afresh (and restartReason()
    // says why). Throws FileUnwritable when the folder cannot be created.
    SegmentJournal(const std::string& outputPath, const std::string& fingerprint, const std::vector<uint8_t>& extradata);
    ~SegmentJournal();
    SegmentJournal(const SegmentJournal&) = delete;
    SegmentJournal& operator=(const SegmentJournal&) = delete;

    const std::string& folder() const { return m_folder; }
    int64_t framesDone() const;
    const std::vector<SegmentRecord>& segments() const { return m_segments; }
    const std::string& restartReason() const { return m_restartReason; }

    // Writing: one segment at a time. Throws FileUnwritable (disk full named as such).
    void beginSegment(int64_t firstFrame);
    void appendPacket(const AVPacket* packet);
    // Makes the open segment durable and records it (with the frames it holds) in the journal.
    void commitSegment(int64_t frames);
    bool segmentOpen() const { return m_file != nullptr; }

    // Every recorded packet in order (the packet is only borrowed). Throws CorruptFile when a
    // segment does not match its record.
    void forEachPacket(const std::function<void(AVPacket*)>& visit) const;

    // Removes the job folder (after the output is complete, or to discard progress).
    void remove();

private:
    void writeJournal() const;
    void abandonOpenSegment();

    std::string m_folder, m_fingerprint, m_extradataHex, m_restartReason;
    std::vector<SegmentRecord> m_segments;
    std::FILE* m_file = nullptr;
    SegmentRecord m_open;
};

// Discards a job folder's progress; true if there was one.
bool discardJobFolder(const std::string& outputPath);

} // namespace dualx::pipeline
