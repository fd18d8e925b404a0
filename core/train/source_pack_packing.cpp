#include "train/source_pack_packing.h"

#include "dualx/errors.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstring>

namespace dualx::train {

void SourcePackBuilder::add(const std::vector<cv::Mat>& rgbFrames, bool validation)
{
    if (rgbFrames.empty()) return;
    const cv::Size size = rgbFrames.front().size();
    for (const auto& f : rgbFrames)
        if (f.size() != size || f.type() != CV_8UC3)
            throw Error(ErrorCode::InvalidArgument, "source pack: an item's frames must be 8-bit RGB of one size");
    items.push_back({static_cast<int64_t>(rgbFrames.size()), size.height, size.width, validation, 0});
    frames.insert(frames.end(), rgbFrames.begin(), rgbFrames.end());
}

void writePackedSourcePack(const std::string& path, const SourcePackBuilder& pack, const model::Metadata& metadata, int jpegQuality)
{
    if (pack.items.empty()) throw Error(ErrorCode::InvalidArgument, "source pack: nothing to write");
    std::vector<uchar> bytes;
    std::vector<int64_t> offsets{0};
    for (const auto& rgb : pack.frames) {
        cv::Mat bgr;
        cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
        std::vector<uchar> jpeg;
        if (!cv::imencode(".jpg", bgr, jpeg, {cv::IMWRITE_JPEG_QUALITY, jpegQuality}))
            throw Error(ErrorCode::Internal, "source pack: JPEG encoding failed");
        bytes.insert(bytes.end(), jpeg.begin(), jpeg.end());
        offsets.push_back(static_cast<int64_t>(bytes.size()));
    }
    auto data = torch::from_blob(bytes.data(), {static_cast<int64_t>(bytes.size())}, torch::kUInt8).clone();
    auto meta = metadata;
    meta["dualx.format"] = kPackedSourcePackFormat;
    meta["dualx.jpeg_quality"] = std::to_string(jpegQuality);
    model::writeSafetensors(
        path, {{"items", itemsTable(pack.items)}, {"jpeg", data}, {"jpeg_offsets", torch::tensor(offsets, torch::kInt64)}}, meta);
}

SourcePack unpackSourcePack(const std::string& packedPath)
{
    auto content = model::readSafetensors(packedPath);
    auto bad = [&](const std::string& why) { throw Error(ErrorCode::CorruptFile, "packed source pack '" + packedPath + "': " + why); };
    const auto format = content.metadata.find("dualx.format");
    if (format == content.metadata.end() || format->second != kPackedSourcePackFormat) bad("not a packed DualX source pack");
    torch::Tensor table, jpeg, offsets;
    for (auto& [name, tensor] : content.tensors) {
        if (name == "items") table = tensor;
        if (name == "jpeg") jpeg = tensor;
        if (name == "jpeg_offsets") offsets = tensor;
    }
    SourcePack pack;
    pack.items = itemsFromTable(table, packedPath);
    if (!jpeg.defined() || jpeg.scalar_type() != torch::kUInt8 || !offsets.defined() || offsets.scalar_type() != torch::kInt64)
        bad("'jpeg' (uint8) and 'jpeg_offsets' (int64) are needed");
    const int64_t frames = pack.frameCount();
    if (offsets.numel() != frames + 1) bad(std::to_string(offsets.numel() - 1) + " encoded frames for items of " + std::to_string(frames));
    const auto& last = pack.items.back();
    pack.pixels = torch::empty({last.byteOffset + last.frames * last.height * last.width * 3}, torch::kUInt8);
    const auto off = offsets.accessor<int64_t, 1>();
    const auto* data = jpeg.data_ptr<uint8_t>();
    int64_t frame = 0;
    for (const auto& item : pack.items)
        for (int64_t f = 0; f < item.frames; ++f, ++frame) {
            if (off[frame] < 0 || off[frame + 1] < off[frame] || off[frame + 1] > jpeg.numel())
                bad("frame " + std::to_string(frame) + " lies outside 'jpeg'");
            const cv::Mat encoded(1, static_cast<int>(off[frame + 1] - off[frame]), CV_8U, const_cast<uint8_t*>(data + off[frame]));
            cv::Mat bgr = cv::imdecode(encoded, cv::IMREAD_COLOR);
            if (bgr.empty() || bgr.rows != item.height || bgr.cols != item.width)
                bad("frame " + std::to_string(frame) + " does not decode to " + std::to_string(item.width) + "x"
                    + std::to_string(item.height));
            cv::Mat rgb(bgr.size(), CV_8UC3, pack.pixels.data_ptr<uint8_t>() + item.byteOffset + f * item.height * item.width * 3);
            cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
        }
    content.metadata["dualx.format"] = kSourcePackFormat;
    pack.metadata = std::move(content.metadata);
    return pack;
}

} // namespace dualx::train
