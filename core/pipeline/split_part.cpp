#include "pipeline/split_part.h"

#include "dualx/errors.h"
#include "json_numbers.h"
#include "pipeline/packet_file.h"

extern "C" {
#include <libavcodec/packet.h>
}

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>

namespace dualx::pipeline {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'D', 'X', 'P', 'A', 'R', 'T', '\x01', '\0'};
constexpr const char* kFormat = "dualx-part 1";

std::vector<uint8_t> fromHex(const std::string& hex, const std::string& path)
{
    if (hex.size() % 2 != 0) throw Error(ErrorCode::CorruptFile, "'" + path + "' has a damaged header");
    std::vector<uint8_t> bytes(hex.size() / 2);
    for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<uint8_t>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
    return bytes;
}

// Opens `path` and reads its header, leaving `in` at the first packet.
SplitPartInfo openPart(std::ifstream& in, const std::string& path)
{
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) throw Error(ErrorCode::FileNotFound, "split part '" + path + "' does not exist");
    in.open(path, std::ios::binary);
    char magic[sizeof kMagic];
    uint64_t headerBytes = 0;
    if (!in.read(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof magic) != 0
        || !in.read(reinterpret_cast<char*>(&headerBytes), sizeof headerBytes) || headerBytes > (1u << 24))
        throw Error(ErrorCode::CorruptFile, "'" + path + "' is not a DualX split part");
    std::string text(headerBytes, '\0');
    if (!in.read(text.data(), static_cast<std::streamsize>(headerBytes)))
        throw Error(ErrorCode::CorruptFile, "'" + path + "' ends inside its header");
    try {
        const auto j = nlohmann::json::parse(text);
        if (const auto number = findOutOfRangeNumber(j); !number.empty())
            throw Error(ErrorCode::CorruptFile, "'" + path + "' has a damaged header: " + number + " is out of range");
        if (j.at("format").get<std::string>() != kFormat)
            throw Error(ErrorCode::CorruptFile, "'" + path + "' is a split part of another version");
        return {fromHex(j.at("extradata").get<std::string>(), path), j.at("frames").get<int64_t>(), j.at("packets").get<int64_t>()};
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::CorruptFile, "'" + path + "' has a damaged header: " + e.what());
    }
}

} // namespace

void writeSplitPart(const SegmentJournal& journal, const std::vector<uint8_t>& extradata, const std::string& path)
{
    int64_t packets = 0;
    for (const auto& s : journal.segments()) packets += s.packets;
    const std::string header = nlohmann::json{
        {"format", kFormat},
        {"extradata", toHex(extradata)},
        {"frames", journal.framesDone()},
        {"packets", packets}}.dump();
    const std::string partial = path + ".partial";
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(partial.c_str(), "wb"), std::fclose);
    if (!file) failWrite(partial, errno);
    try {
        const uint64_t headerBytes = header.size();
        if (std::fwrite(kMagic, 1, sizeof kMagic, file.get()) != sizeof kMagic
            || std::fwrite(&headerBytes, sizeof headerBytes, 1, file.get()) != 1
            || std::fwrite(header.data(), 1, header.size(), file.get()) != header.size())
            failWrite(partial, errno);
        journal.forEachPacket([&](AVPacket* p) { writePacket(file.get(), p, partial); });
        syncFile(file.get(), partial);
        file.reset();
        fs::rename(partial, path);
    } catch (...) {
        file.reset();
        std::error_code ec;
        fs::remove(partial, ec);
        throw;
    }
    syncFolder(fs::absolute(path).parent_path().string());
}

SplitPartInfo readSplitPartInfo(const std::string& path)
{
    std::ifstream in;
    return openPart(in, path);
}

void forEachSplitPartPacket(const std::string& path, const std::function<void(AVPacket*)>& visit)
{
    std::ifstream in;
    const SplitPartInfo info = openPart(in, path);
    std::unique_ptr<AVPacket, void (*)(AVPacket*)> packet(av_packet_alloc(), [](AVPacket* p) { av_packet_free(&p); });
    for (int64_t i = 0; i < info.packets; ++i) {
        readPacket(in, packet.get(), "split part " + path);
        visit(packet.get());
    }
}

} // namespace dualx::pipeline
