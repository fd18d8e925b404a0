#include "pipeline/segment_journal.h"

#include "pipeline/packet_file.h"

#include "dualx/errors.h"
#include "json_numbers.h"

extern "C" {
#include <libavcodec/packet.h>
}

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>

namespace dualx::pipeline {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'D', 'X', 'S', 'E', 'G', '\x01', '\0', '\0'};
constexpr const char* kJournal = "journal.json";
constexpr const char* kFormat = "dualx-job 1";

// "segment-NNNNNN.dxseg" (six or more digits), the names beginSegment() gives.
bool isSegmentFileName(const std::string& name)
{
    const std::string prefix = "segment-", suffix = ".dxseg";
    if (name.size() < prefix.size() + 6 + suffix.size() || name.compare(0, prefix.size(), prefix) != 0
        || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
        return false;
    for (size_t i = prefix.size(); i < name.size() - suffix.size(); ++i)
        if (name[i] < '0' || name[i] > '9') return false;
    return true;
}

} // namespace

std::string SegmentJournal::folderFor(const std::string& outputPath) { return outputPath + ".dualx-job"; }

SegmentJournal::SegmentJournal(const std::string& outputPath, const std::string& fingerprint, const std::vector<uint8_t>& extradata)
    : m_folder(folderFor(outputPath)),
      m_fingerprint(fingerprint),
      m_extradataHex(toHex(extradata))
{
    std::error_code ec;
    const fs::path journalPath = fs::path(m_folder) / kJournal;
    if (fs::exists(journalPath, ec)) {
        try {
            std::ifstream in(journalPath);
            const auto j = nlohmann::json::parse(in);
            if (!findOutOfRangeNumber(j).empty()) throw std::range_error("a number in the journal is out of range");
            if (j.at("format").get<std::string>() != kFormat)
                m_restartReason = "the job folder is from another version";
            else if (j.at("fingerprint").get<std::string>() != m_fingerprint)
                m_restartReason = "the input, model or settings changed since the interrupted run";
            else if (j.at("extradata").get<std::string>() != m_extradataHex)
                m_restartReason = "the encoder's headers changed since the interrupted run";
            else
                for (const auto& s : j.at("segments")) {
                    SegmentRecord r{s.at("file"), s.at("first_frame"), s.at("frames"), s.at("packets"), s.at("bytes")};
                    // A segment is only as good as its bytes: stop trusting at the first that differs.
                    // Its name must be one this class writes, so a hand-edited journal cannot point
                    // outside the folder.
                    if (!isSegmentFileName(r.file) || r.firstFrame != framesDone() || r.frames <= 0 || r.packets < 0
                        || fs::file_size(fs::path(m_folder) / r.file, ec) != r.bytes || ec) {
                        m_restartReason = "segment '" + r.file + "' is damaged; resuming before it";
                        break;
                    }
                    m_segments.push_back(r);
                }
        } catch (const std::exception&) {
            m_restartReason = "the journal is unreadable";
            m_segments.clear();
        }
    }
    fs::create_directory(m_folder, ec); // not its parents: a missing output folder is an error
    if (!fs::is_directory(m_folder, ec)) throw Error(ErrorCode::FileUnwritable, "cannot create the job folder '" + m_folder + "'");
    // Whatever the journal does not list is a leftover of an interrupted write.
    std::set<std::string> keep{kJournal};
    for (const auto& s : m_segments) keep.insert(s.file);
    for (const auto& entry : fs::directory_iterator(m_folder, ec))
        if (!keep.count(entry.path().filename().string())) fs::remove_all(entry.path(), ec);
    writeJournal();
}

SegmentJournal::~SegmentJournal() { abandonOpenSegment(); }

int64_t SegmentJournal::framesDone() const { return m_segments.empty() ? 0 : m_segments.back().firstFrame + m_segments.back().frames; }

void SegmentJournal::writeJournal() const
{
    nlohmann::json segments = nlohmann::json::array();
    for (const auto& s : m_segments)
        segments.push_back(
            {{"file", s.file}, {"first_frame", s.firstFrame}, {"frames", s.frames}, {"packets", s.packets}, {"bytes", s.bytes}});
    const nlohmann::json j = {{"format", kFormat}, {"fingerprint", m_fingerprint}, {"extradata", m_extradataHex}, {"segments", segments}};
    replaceFileDurably((fs::path(m_folder) / kJournal).string(), j.dump(1));
}

void SegmentJournal::beginSegment(int64_t firstFrame)
{
    if (m_file) throw Error(ErrorCode::Internal, "a segment is already open");
    char name[32];
    std::snprintf(name, sizeof name, "segment-%06zu.dxseg", m_segments.size());
    m_open = SegmentRecord{name, firstFrame, 0, 0, 0};
    const std::string path = (fs::path(m_folder) / name).string();
    m_file = std::fopen(path.c_str(), "wb");
    if (!m_file) failWrite(path, errno);
    if (std::fwrite(kMagic, 1, sizeof kMagic, m_file) != sizeof kMagic) failWrite(path, errno);
    m_open.bytes = sizeof kMagic;
}

void SegmentJournal::appendPacket(const AVPacket* packet)
{
    if (!m_file) throw Error(ErrorCode::Internal, "no segment is open");
    writePacket(m_file, packet, (fs::path(m_folder) / m_open.file).string());
    m_open.bytes += storedPacketBytes(packet);
    ++m_open.packets;
}

void SegmentJournal::commitSegment(int64_t frames)
{
    if (!m_file) throw Error(ErrorCode::Internal, "no segment is open");
    syncFile(m_file, (fs::path(m_folder) / m_open.file).string());
    std::fclose(m_file);
    m_file = nullptr;
    m_open.frames = frames;
    m_segments.push_back(m_open);
    writeJournal();
}

void SegmentJournal::abandonOpenSegment()
{
    if (!m_file) return;
    std::fclose(m_file);
    m_file = nullptr;
    std::error_code ec;
    fs::remove(fs::path(m_folder) / m_open.file, ec);
}

void SegmentJournal::forEachPacket(const std::function<void(AVPacket*)>& visit) const
{
    AVPacket* packet = av_packet_alloc();
    std::unique_ptr<AVPacket, void (*)(AVPacket*)> guard(packet, [](AVPacket* p) { av_packet_free(&p); });
    for (const auto& s : m_segments) {
        const std::string path = (fs::path(m_folder) / s.file).string();
        std::ifstream in(path, std::ios::binary);
        char magic[sizeof kMagic];
        if (!in.read(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof magic) != 0)
            throw Error(ErrorCode::CorruptFile, "segment '" + path + "' is not a DualX segment");
        for (int64_t i = 0; i < s.packets; ++i) {
            readPacket(in, packet, "segment " + path);
            visit(packet);
        }
    }
}

void SegmentJournal::remove()
{
    abandonOpenSegment();
    std::error_code ec;
    fs::remove_all(m_folder, ec);
}

bool discardJobFolder(const std::string& outputPath)
{
    std::error_code ec;
    return fs::remove_all(SegmentJournal::folderFor(outputPath), ec) > 0;
}

} // namespace dualx::pipeline
