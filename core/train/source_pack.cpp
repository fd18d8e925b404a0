#include "train/source_pack.h"

#include "dualx/errors.h"

namespace dualx::train {

namespace {

[[noreturn]] void corrupt(const std::string& source, const std::string& why)
{
    throw Error(ErrorCode::CorruptFile, "source pack '" + source + "': " + why);
}

} // namespace

torch::Tensor itemsTable(const std::vector<SourceItem>& items)
{
    auto table = torch::empty({static_cast<int64_t>(items.size()), 4}, torch::kInt64);
    auto a = table.accessor<int64_t, 2>();
    for (size_t i = 0; i < items.size(); ++i) {
        const auto k = static_cast<int64_t>(i);
        a[k][0] = items[i].frames;
        a[k][1] = items[i].height;
        a[k][2] = items[i].width;
        a[k][3] = items[i].validation ? 1 : 0;
    }
    return table;
}

std::vector<SourceItem> itemsFromTable(const torch::Tensor& table, const std::string& source)
{
    if (!table.defined() || table.scalar_type() != torch::kInt64 || table.dim() != 2 || table.size(1) != 4)
        corrupt(source, "'items' must be int64 [K, 4]");
    if (table.size(0) == 0) corrupt(source, "it holds no item");
    std::vector<SourceItem> items;
    const auto a = table.accessor<int64_t, 2>();
    int64_t offset = 0;
    for (int64_t k = 0; k < table.size(0); ++k) {
        SourceItem item{a[k][0], a[k][1], a[k][2], a[k][3] != 0, offset};
        if (item.frames < 1 || item.height < 1 || item.width < 1 || (a[k][3] != 0 && a[k][3] != 1))
            corrupt(source, "item " + std::to_string(k) + " is not (frames >= 1, height >= 1, width >= 1, validation 0 or 1)");
        offset += item.frames * item.height * item.width * 3;
        items.push_back(item);
    }
    return items;
}

torch::Tensor SourcePack::frames(size_t item, int64_t first, int64_t count) const
{
    const auto& it = items.at(item);
    if (first < 0 || count < 1 || first + count > it.frames)
        throw Error(ErrorCode::InvalidArgument, "source pack: frames " + std::to_string(first) + "+" + std::to_string(count)
                                                    + " of an item of " + std::to_string(it.frames));
    const int64_t frameBytes = it.height * it.width * 3;
    return pixels.narrow(0, it.byteOffset + first * frameBytes, count * frameBytes).view({count, it.height, it.width, 3});
}

int64_t SourcePack::frameCount() const
{
    int64_t n = 0;
    for (const auto& item : items) n += item.frames;
    return n;
}

SourcePack loadSourcePack(const std::string& path)
{
    auto content = model::readSafetensors(path);
    const auto format = content.metadata.find("dualx.format");
    if (format == content.metadata.end() || format->second != kSourcePackFormat)
        corrupt(path, "not a raw DualX source pack (format "
                          + (format == content.metadata.end() ? std::string("missing") : "'" + format->second + "'")
                          + "; a packed one must be unpacked first)");
    SourcePack pack;
    torch::Tensor table;
    for (auto& [name, tensor] : content.tensors) {
        if (name == "pixels") pack.pixels = tensor;
        if (name == "items") table = tensor;
    }
    pack.items = itemsFromTable(table, path);
    if (!pack.pixels.defined() || pack.pixels.scalar_type() != torch::kUInt8 || pack.pixels.dim() != 1)
        corrupt(path, "'pixels' must be uint8, 1-D");
    const auto& last = pack.items.back();
    const int64_t expected = last.byteOffset + last.frames * last.height * last.width * 3;
    if (pack.pixels.numel() != expected)
        corrupt(path, "'pixels' holds " + std::to_string(pack.pixels.numel()) + " bytes, the items need " + std::to_string(expected));
    pack.metadata = std::move(content.metadata);
    return pack;
}

void saveSourcePack(const std::string& path, const SourcePack& pack)
{
    auto items = itemsFromTable(itemsTable(pack.items), path);
    const auto& last = items.back();
    if (!pack.pixels.defined() || pack.pixels.numel() != last.byteOffset + last.frames * last.height * last.width * 3)
        throw Error(ErrorCode::InvalidArgument, "source pack: the pixels do not match the items");
    auto metadata = pack.metadata;
    metadata["dualx.format"] = kSourcePackFormat;
    model::writeSafetensors(path, {{"items", itemsTable(pack.items)}, {"pixels", pack.pixels.contiguous()}}, metadata);
}

} // namespace dualx::train
