#include "train/sample_bank.h"

#include "dualx/errors.h"
#include "train/augmentation.h"

namespace dualx::train {

namespace {

const torch::Tensor& tensorNamed(const model::SafetensorsContent& content, const std::string& name, const std::string& path)
{
    for (const auto& [key, tensor] : content.tensors)
        if (key == name) return tensor;
    throw Error(ErrorCode::CorruptFile, "sample bank '" + path + "' has no tensor '" + name + "'");
}

void checkPair(const torch::Tensor& lr, const torch::Tensor& gt, const std::string& what, const std::string& source)
{
    auto bad = [&](const std::string& why) { throw Error(ErrorCode::CorruptFile, "sample bank '" + source + "': " + what + " " + why); };
    if (!lr.defined() || !gt.defined()) bad("missing");
    if (lr.scalar_type() != torch::kUInt8 || gt.scalar_type() != torch::kUInt8) bad("must be uint8");
    if (lr.dim() != 5 || gt.dim() != 5 || lr.size(2) != 3 || gt.size(2) != 3) bad("must be [clips, frames, 3, h, w]");
    if (lr.size(0) != gt.size(0) || lr.size(1) != gt.size(1) || gt.size(3) != 4 * lr.size(3) || gt.size(4) != 4 * lr.size(4))
        bad("LR " + std::string(c10::str(lr.sizes())) + " and GT " + std::string(c10::str(gt.sizes())) + " do not match at x4");
}

} // namespace

void validateSampleBank(const SampleBank& bank, const std::string& source)
{
    checkPair(bank.lr, bank.gt, "training clips", source);
    if (bank.lr.size(0) == 0) throw Error(ErrorCode::CorruptFile, "sample bank '" + source + "' holds no training clip");
    if (bank.validationLr.defined() || bank.validationGt.defined())
        checkPair(bank.validationLr, bank.validationGt, "validation clips", source);
}

SampleBank loadSampleBank(const std::string& path)
{
    auto content = model::readSafetensors(path);
    const auto format = content.metadata.find("dualx.format");
    if (format == content.metadata.end() || format->second != kSampleBankFormat)
        throw Error(ErrorCode::CorruptFile, "'" + path + "' is not a raw DualX sample bank (format "
                                                + (format == content.metadata.end() ? "missing" : "'" + format->second + "'")
                                                + "; a packed bank must be unpacked first)");
    SampleBank bank;
    bank.lr = tensorNamed(content, "lr", path);
    bank.gt = tensorNamed(content, "gt", path);
    bank.validationLr = tensorNamed(content, "validation_lr", path);
    bank.validationGt = tensorNamed(content, "validation_gt", path);
    bank.metadata = std::move(content.metadata);
    validateSampleBank(bank, path);
    return bank;
}

void saveSampleBank(const std::string& path, const SampleBank& bank)
{
    validateSampleBank(bank, path);
    auto metadata = bank.metadata;
    metadata["dualx.format"] = kSampleBankFormat;
    model::writeSafetensors(path,
                            {{"lr", bank.lr.cpu().contiguous()},
                             {"gt", bank.gt.cpu().contiguous()},
                             {"validation_lr", bank.validationLr.cpu().contiguous()},
                             {"validation_gt", bank.validationGt.cpu().contiguous()}},
                            metadata);
}

BankBatch sampleBankBatch(const SampleBank& bank, int batch, std::mt19937_64& rng)
{
    std::uniform_int_distribution<int64_t> pick(0, bank.lr.size(0) - 1);
    std::vector<torch::Tensor> lrs, gts;
    for (int b = 0; b < batch; ++b) {
        const int64_t i = pick(rng);
        // One draw of the augmentation for both: the LR and GT stay aligned.
        const auto state = rng;
        lrs.push_back(augmentClip(bank.lr[i], rng));
        auto replay = state;
        gts.push_back(augmentClip(bank.gt[i], replay));
    }
    return {torch::stack(lrs).to(torch::kFloat32).div_(255.0), torch::stack(gts).to(torch::kFloat32).div_(255.0)};
}

} // namespace dualx::train
