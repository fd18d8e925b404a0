#include "model/safetensors.h"

#include "dualx/errors.h"
#include "json_numbers.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace dualx::model {

namespace {

namespace fs = std::filesystem;

// Headers larger than this are rejected before allocation (a corrupt length field).
constexpr uint64_t kMaxHeaderBytes = 100ull * 1024 * 1024;

struct DtypeInfo {
    const char* name;
    torch::ScalarType type;
    int64_t bytes;
};

constexpr DtypeInfo kDtypes[] = {
    {"F64", torch::kFloat64, 8}, {"F32", torch::kFloat32, 4}, {"F16", torch::kFloat16, 2}, {"BF16", torch::kBFloat16, 2},
    {"I64", torch::kInt64, 8},   {"I32", torch::kInt32, 4},   {"I16", torch::kInt16, 2},   {"I8", torch::kInt8, 1},
    {"U8", torch::kUInt8, 1},    {"BOOL", torch::kBool, 1},
};

const DtypeInfo* dtypeByName(const std::string& name)
{
    for (const auto& d : kDtypes)
        if (name == d.name) return &d;
    return nullptr;
}

const DtypeInfo& dtypeByType(torch::ScalarType type)
{
    for (const auto& d : kDtypes)
        if (d.type == type) return d;
    throw Error(ErrorCode::InvalidArgument, std::string("safetensors: unsupported tensor dtype ") + c10::toString(type));
}

[[noreturn]] void corrupt(const std::string& path, const std::string& what)
{
    throw Error(ErrorCode::CorruptFile, "'" + path + "' is not a valid safetensors file: " + what);
}

struct ParsedEntry {
    std::string name;
    const DtypeInfo* dtype;
    std::vector<int64_t> shape;
    uint64_t begin, end;
};

struct ParsedHeader {
    Metadata metadata;
    std::vector<ParsedEntry> entries; // sorted by begin
    uint64_t dataStart = 0;           // 8 + header length
    uint64_t dataBytes = 0;           // bytes of tensor data the header describes
};

std::ifstream openForReading(const std::string& path)
{
    std::error_code ec;
    if (!fs::exists(path, ec)) throw Error(ErrorCode::FileNotFound, "weight file '" + path + "' does not exist");
    if (fs::is_directory(path, ec)) throw Error(ErrorCode::FileUnreadable, "'" + path + "' is a folder, not a weight file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorCode::FileUnreadable, "cannot open weight file '" + path + "' for reading");
    return in;
}

ParsedHeader parseHeader(const std::string& path, std::ifstream& in, uint64_t fileSize)
{
    if (fileSize < 8) corrupt(path, "file is " + std::to_string(fileSize) + " bytes, shorter than the 8-byte header length");
    unsigned char lenBytes[8];
    in.read(reinterpret_cast<char*>(lenBytes), 8);
    uint64_t headerLen = 0;
    for (int i = 7; i >= 0; --i) headerLen = (headerLen << 8) | lenBytes[i];
    if (headerLen > kMaxHeaderBytes) corrupt(path, "header length " + std::to_string(headerLen) + " is implausible");
    if (headerLen > fileSize - 8) corrupt(path, "header length " + std::to_string(headerLen) + " exceeds the file size (file truncated?)");

    std::string text(headerLen, '\0');
    in.read(text.data(), static_cast<std::streamsize>(headerLen));
    if (!in) corrupt(path, "could not read the header");

    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        corrupt(path, std::string("header is not valid JSON (") + e.what() + ")");
    }
    if (!j.is_object()) corrupt(path, "header is not a JSON object");
    if (const auto number = findOutOfRangeNumber(j); !number.empty()) corrupt(path, "header value " + number + " is out of range");

    ParsedHeader header;
    header.dataStart = 8 + headerLen;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& key = it.key();
        const auto& value = it.value();
        if (key == "__metadata__") {
            if (!value.is_object()) corrupt(path, "__metadata__ is not an object");
            for (auto m = value.begin(); m != value.end(); ++m) {
                if (!m.value().is_string()) corrupt(path, "metadata value '" + m.key() + "' is not a string");
                header.metadata[m.key()] = m.value().get<std::string>();
            }
            continue;
        }
        if (!value.is_object() || !value.contains("dtype") || !value.contains("shape") || !value.contains("data_offsets"))
            corrupt(path, "entry '" + key + "' lacks dtype, shape or data_offsets");
        const auto& dt = value["dtype"];
        const auto& shape = value["shape"];
        const auto& offsets = value["data_offsets"];
        if (!dt.is_string()) corrupt(path, "entry '" + key + "' has a non-string dtype");
        ParsedEntry e;
        e.name = key;
        e.dtype = dtypeByName(dt.get<std::string>());
        if (!e.dtype) corrupt(path, "entry '" + key + "' has unknown dtype '" + dt.get<std::string>() + "'");
        if (!shape.is_array()) corrupt(path, "entry '" + key + "' has a shape that is not an array");
        uint64_t numel = 1;
        for (const auto& s : shape) {
            if (!s.is_number_unsigned()) corrupt(path, "entry '" + key + "' has a negative or non-integer dimension");
            const uint64_t dim = s.get<uint64_t>();
            if (dim > (uint64_t{1} << 40) || (dim && numel > (uint64_t{1} << 40) / dim))
                corrupt(path, "entry '" + key + "' has an implausible shape");
            numel *= dim;
            e.shape.push_back(static_cast<int64_t>(dim));
        }
        if (!offsets.is_array() || offsets.size() != 2 || !offsets[0].is_number_unsigned() || !offsets[1].is_number_unsigned())
            corrupt(path, "entry '" + key + "' has malformed data_offsets");
        e.begin = offsets[0].get<uint64_t>();
        e.end = offsets[1].get<uint64_t>();
        if (e.end < e.begin) corrupt(path, "entry '" + key + "' has data_offsets end before begin");
        if (e.end - e.begin != numel * static_cast<uint64_t>(e.dtype->bytes))
            corrupt(path, "entry '" + key + "' spans " + std::to_string(e.end - e.begin) + " bytes but its shape and dtype need "
                              + std::to_string(numel * e.dtype->bytes));
        header.entries.push_back(std::move(e));
    }
    std::sort(header.entries.begin(), header.entries.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
    uint64_t cursor = 0;
    for (const auto& e : header.entries) {
        if (e.begin != cursor)
            corrupt(path, "entry '" + e.name + "' starts at byte " + std::to_string(e.begin) + " but the previous entry ends at "
                              + std::to_string(cursor) + " (overlap or gap)");
        cursor = e.end;
    }
    header.dataBytes = cursor;
    const uint64_t available = fileSize - header.dataStart;
    if (available < header.dataBytes)
        corrupt(path, "file truncated: the header describes " + std::to_string(header.dataBytes) + " bytes of tensor data, "
                          + std::to_string(available) + " are present");
    if (available > header.dataBytes)
        corrupt(path, std::to_string(available - header.dataBytes) + " unexpected bytes after the last tensor");
    return header;
}

uint64_t fileSizeOf(const std::string& path)
{
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) throw Error(ErrorCode::FileUnreadable, "cannot read the size of '" + path + "': " + ec.message());
    return size;
}

} // namespace

void writeSafetensors(const std::string& path, const NamedTensors& tensors, const Metadata& metadata)
{
    nlohmann::json header = nlohmann::json::object();
    if (!metadata.empty()) header["__metadata__"] = metadata;
    std::vector<torch::Tensor> contiguous;
    uint64_t offset = 0;
    for (const auto& [name, tensor] : tensors) {
        if (name == "__metadata__" || header.contains(name))
            throw Error(ErrorCode::InvalidArgument, "safetensors: duplicate or reserved tensor name '" + name + "'");
        auto t = tensor.detach().to(torch::kCPU).contiguous();
        const auto& d = dtypeByType(t.scalar_type());
        const uint64_t bytes = static_cast<uint64_t>(t.numel()) * d.bytes;
        header[name] = {{"dtype", d.name}, {"shape", t.sizes().vec()}, {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
        contiguous.push_back(t);
    }
    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' '); // keeps tensor data 8-byte aligned
    unsigned char lenBytes[8];
    uint64_t len = text.size();
    for (int i = 0; i < 8; ++i) lenBytes[i] = static_cast<unsigned char>((len >> (8 * i)) & 0xff);

    const std::string temp = path + ".partial";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) throw Error(ErrorCode::FileUnwritable, "cannot create '" + temp + "' for writing");
        out.write(reinterpret_cast<const char*>(lenBytes), 8);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        for (const auto& t : contiguous)
            out.write(static_cast<const char*>(t.data_ptr()), static_cast<std::streamsize>(t.numel() * t.element_size()));
        out.flush();
        if (!out) {
            out.close();
            std::error_code ec;
            fs::remove(temp, ec);
            throw Error(ErrorCode::FileUnwritable, "writing '" + temp + "' failed (disk full?)");
        }
    }
    std::error_code ec;
    fs::rename(temp, path, ec);
    if (ec) {
        fs::remove(temp, ec);
        throw Error(ErrorCode::FileUnwritable, "cannot move the finished weights to '" + path + "'");
    }
}

SafetensorsHeader readSafetensorsHeader(const std::string& path)
{
    auto in = openForReading(path);
    auto parsed = parseHeader(path, in, fileSizeOf(path));
    SafetensorsHeader header;
    header.metadata = std::move(parsed.metadata);
    for (auto& e : parsed.entries) header.entries.push_back({e.name, e.dtype->name, e.shape});
    return header;
}

SafetensorsContent readSafetensors(const std::string& path)
{
    auto in = openForReading(path);
    auto header = parseHeader(path, in, fileSizeOf(path));
    SafetensorsContent content;
    content.metadata = std::move(header.metadata);
    in.seekg(static_cast<std::streamoff>(header.dataStart));
    for (const auto& e : header.entries) {
        auto t = torch::empty(e.shape, torch::TensorOptions().dtype(e.dtype->type));
        in.read(static_cast<char*>(t.data_ptr()), static_cast<std::streamsize>(e.end - e.begin));
        if (!in) corrupt(path, "could not read the data of entry '" + e.name + "'");
        content.tensors.emplace_back(e.name, std::move(t));
    }
    return content;
}

} // namespace dualx::model
