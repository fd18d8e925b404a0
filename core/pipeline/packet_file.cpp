#include "pipeline/packet_file.h"

#include "dualx/errors.h"

extern "C" {
#include <libavcodec/packet.h>
}

#include <cerrno>

namespace dualx::pipeline {

namespace {

struct PacketHeader {
    int64_t pts, dts, duration;
    int32_t flags;
    uint32_t size;
};

} // namespace

uint64_t storedPacketBytes(const AVPacket* packet) { return sizeof(PacketHeader) + static_cast<uint64_t>(packet->size); }

void writePacket(std::FILE* file, const AVPacket* packet, const std::string& path)
{
    const PacketHeader h{packet->pts, packet->dts, packet->duration, packet->flags, static_cast<uint32_t>(packet->size)};
    if (std::fwrite(&h, sizeof h, 1, file) != 1
        || (packet->size > 0 && std::fwrite(packet->data, 1, static_cast<size_t>(packet->size), file) != static_cast<size_t>(packet->size)))
        failWrite(path, errno);
}

void readPacket(std::istream& in, AVPacket* packet, const std::string& path)
{
    PacketHeader h{};
    if (!in.read(reinterpret_cast<char*>(&h), sizeof h) || h.size > (1u << 30))
        throw Error(ErrorCode::CorruptFile, "'" + path + "' is damaged");
    av_packet_unref(packet);
    if (av_new_packet(packet, static_cast<int>(h.size)) < 0) throw Error(ErrorCode::OutOfMemory, "cannot allocate a packet");
    if (h.size > 0 && !in.read(reinterpret_cast<char*>(packet->data), h.size))
        throw Error(ErrorCode::CorruptFile, "'" + path + "' ends early");
    packet->pts = h.pts;
    packet->dts = h.dts;
    packet->duration = h.duration;
    packet->flags = h.flags;
}

std::string toHex(const std::vector<uint8_t>& bytes)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (uint8_t b : bytes) {
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

} // namespace dualx::pipeline
