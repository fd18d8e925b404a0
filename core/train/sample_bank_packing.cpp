#include "train/sample_bank_packing.h"

#include "dualx/errors.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace dualx::train {

namespace {

struct Packed {
    torch::Tensor bytes;   // uint8, every encoding in a row
    torch::Tensor offsets; // int64, frames + 1
};

// clips uint8 [S, T, 3, h, w] RGB -> one encoding per frame.
Packed encodeFrames(const torch::Tensor& clips, const std::string& extension, const std::vector<int>& parameters)
{
    const auto frames = clips.reshape({-1, 3, clips.size(3), clips.size(4)}).permute({0, 2, 3, 1}).contiguous();
    std::vector<uint8_t> all;
    std::vector<int64_t> offsets{0};
    for (int64_t i = 0; i < frames.size(0); ++i) {
        const auto f = frames[i];
        cv::Mat rgb(static_cast<int>(f.size(0)), static_cast<int>(f.size(1)), CV_8UC3, f.data_ptr<uint8_t>());
        cv::Mat bgr;
        cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
        std::vector<uint8_t> encoded;
        if (!cv::imencode(extension, bgr, encoded, parameters))
            throw Error(ErrorCode::Internal, "cannot encode a sample-bank frame as " + extension);
        all.insert(all.end(), encoded.begin(), encoded.end());
        offsets.push_back(static_cast<int64_t>(all.size()));
    }
    auto bytes = torch::empty({static_cast<int64_t>(all.size())}, torch::kUInt8);
    std::memcpy(bytes.data_ptr<uint8_t>(), all.data(), all.size());
    return {bytes, torch::tensor(offsets, torch::kInt64)};
}

torch::Tensor decodeFrames(const torch::Tensor& bytes, const torch::Tensor& offsets, int64_t clips, int64_t frames, int64_t height,
                           int64_t width, const std::string& what, const std::string& path)
{
    auto bad
        = [&](const std::string& why) { throw Error(ErrorCode::CorruptFile, "packed sample bank '" + path + "': " + what + " " + why); };
    if (bytes.scalar_type() != torch::kUInt8 || offsets.scalar_type() != torch::kInt64 || offsets.dim() != 1)
        bad("has the wrong tensor types");
    if (offsets.size(0) != clips * frames + 1)
        bad("has " + std::to_string(offsets.size(0) - 1) + " frames, not " + std::to_string(clips * frames));
    auto out = torch::empty({clips * frames, height, width, 3}, torch::kUInt8);
    const auto* o = offsets.data_ptr<int64_t>();
    for (int64_t i = 0; i < clips * frames; ++i) {
        if (o[i] < 0 || o[i + 1] < o[i] || o[i + 1] > bytes.size(0)) bad("has an offset outside its data");
        const cv::Mat encoded(1, static_cast<int>(o[i + 1] - o[i]), CV_8UC1, bytes.data_ptr<uint8_t>() + o[i]);
        const cv::Mat bgr = cv::imdecode(encoded, cv::IMREAD_COLOR);
        if (bgr.empty() || bgr.rows != height || bgr.cols != width)
            bad("frame " + std::to_string(i) + " does not decode to " + std::to_string(width) + "x" + std::to_string(height));
        cv::Mat rgb(static_cast<int>(height), static_cast<int>(width), CV_8UC3, out[i].data_ptr<uint8_t>());
        cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    }
    return out.reshape({clips, frames, height, width, 3}).permute({0, 1, 4, 2, 3}).contiguous();
}

int64_t metaInt(const model::Metadata& m, const std::string& key, const std::string& path)
{
    const auto it = m.find(key);
    if (it == m.end()) throw Error(ErrorCode::CorruptFile, "packed sample bank '" + path + "' lacks " + key);
    try {
        return std::stoll(it->second);
    } catch (const std::exception&) {
        throw Error(ErrorCode::CorruptFile, "packed sample bank '" + path + "': " + key + " is not a number");
    }
}

} // namespace

void writePackedSampleBank(const std::string& path, const SampleBank& bank, int jpegQuality)
{
    validateSampleBank(bank, path);
    const std::vector<int> jpeg{cv::IMWRITE_JPEG_QUALITY, jpegQuality};
    const std::vector<int> png{cv::IMWRITE_PNG_COMPRESSION, 9};
    model::NamedTensors tensors;
    auto pack = [&](const std::string& prefix, const torch::Tensor& lr, const torch::Tensor& gt) {
        const auto g = encodeFrames(gt.cpu().contiguous(), ".jpg", jpeg);
        const auto l = encodeFrames(lr.cpu().contiguous(), ".png", png);
        tensors.insert(tensors.end(), {{prefix + "gt_jpeg", g.bytes},
                                       {prefix + "gt_offsets", g.offsets},
                                       {prefix + "lr_png", l.bytes},
                                       {prefix + "lr_offsets", l.offsets}});
    };
    pack("", bank.lr, bank.gt);
    pack("validation_", bank.validationLr, bank.validationGt);
    auto metadata = bank.metadata;
    metadata["dualx.format"] = kPackedSampleBankFormat;
    metadata["dualx.bank_clips"] = std::to_string(bank.lr.size(0));
    metadata["dualx.bank_validation_clips"] = std::to_string(bank.validationLr.size(0));
    metadata["dualx.bank_frames"] = std::to_string(bank.lr.size(1));
    metadata["dualx.bank_lr_height"] = std::to_string(bank.lr.size(3));
    metadata["dualx.bank_lr_width"] = std::to_string(bank.lr.size(4));
    metadata["dualx.bank_validation_lr_height"] = std::to_string(bank.validationLr.size(3));
    metadata["dualx.bank_validation_lr_width"] = std::to_string(bank.validationLr.size(4));
    metadata["dualx.bank_gt_jpeg_quality"] = std::to_string(jpegQuality);
    model::writeSafetensors(path, tensors, metadata);
}

SampleBank unpackSampleBank(const std::string& packedPath)
{
    auto content = model::readSafetensors(packedPath);
    const auto& m = content.metadata;
    const auto format = m.find("dualx.format");
    if (format == m.end() || format->second != kPackedSampleBankFormat)
        throw Error(ErrorCode::CorruptFile, "'" + packedPath + "' is not a packed DualX sample bank");
    auto tensor = [&](const std::string& name) -> const torch::Tensor& {
        for (const auto& [key, t] : content.tensors)
            if (key == name) return t;
        throw Error(ErrorCode::CorruptFile, "packed sample bank '" + packedPath + "' has no tensor '" + name + "'");
    };
    const int64_t clips = metaInt(m, "dualx.bank_clips", packedPath), valClips = metaInt(m, "dualx.bank_validation_clips", packedPath),
                  frames = metaInt(m, "dualx.bank_frames", packedPath), h = metaInt(m, "dualx.bank_lr_height", packedPath),
                  w = metaInt(m, "dualx.bank_lr_width", packedPath), vh = metaInt(m, "dualx.bank_validation_lr_height", packedPath),
                  vw = metaInt(m, "dualx.bank_validation_lr_width", packedPath);
    SampleBank bank;
    bank.lr = decodeFrames(tensor("lr_png"), tensor("lr_offsets"), clips, frames, h, w, "LR", packedPath);
    bank.gt = decodeFrames(tensor("gt_jpeg"), tensor("gt_offsets"), clips, frames, 4 * h, 4 * w, "GT", packedPath);
    bank.validationLr
        = decodeFrames(tensor("validation_lr_png"), tensor("validation_lr_offsets"), valClips, frames, vh, vw, "validation LR", packedPath);
    bank.validationGt = decodeFrames(tensor("validation_gt_jpeg"), tensor("validation_gt_offsets"), valClips, frames, 4 * vh, 4 * vw,
                                     "validation GT", packedPath);
    bank.metadata = m;
    validateSampleBank(bank, packedPath);
    return bank;
}

} // namespace dualx::train
