#pragma once
// The on-disk form of encoded video packets, shared by a job's crash-safe segments and the
// parts of a split job: a fixed header per packet (timestamps, flags, size) then its bytes.
#include "pipeline/durable_file.h"

#include <cstdint>
#include <cstdio>
#include <istream>
#include <string>
#include <vector>

struct AVPacket;

namespace dualx::pipeline {

// Bytes writePacket() adds to a file for `packet`.
uint64_t storedPacketBytes(const AVPacket* packet);

// Appends `packet`; throws FileUnwritable naming `path` (disk full said as such).
void writePacket(std::FILE* file, const AVPacket* packet, const std::string& path);

// Reads the next packet into `packet` (replacing what it held); throws CorruptFile naming `path`.
void readPacket(std::istream& in, AVPacket* packet, const std::string& path);

// Lowercase hexadecimal, as journals and part headers store encoder headers.
std::string toHex(const std::vector<uint8_t>& bytes);

} // namespace dualx::pipeline
