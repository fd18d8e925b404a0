#include "dualx/training.h"

#include "dualx/errors.h"
#include "train/bicubic_downscale.h"
#include "train/sample_bank_packing.h"
#include "train/trainer.h"

namespace dualx {

void writeTrainingBank(const std::string& recipePath, const std::string& outputPath, int clips,
                       const std::function<void(const std::string&)>& log)
{
    if (clips < 1) throw Error(ErrorCode::InvalidArgument, "a sample bank needs at least one clip");
    const auto recipe = train::loadRecipe(recipePath);
    // The bank format holds LR and GT only; the GPU trainer would lose each clip's condition.
    if (recipe.model.sourceConditioned)
        throw Error(ErrorCode::InvalidArgument,
                    "recipe '" + recipe.name + "' is source-conditioned; sample banks do not carry source conditions yet");
    train::Trainer trainer(recipe, log);
    if (!trainer.hasValidation())
        throw Error(ErrorCode::InvalidArgument, "recipe '" + recipe.name + "' names no validation files for the bank");
    // Far past any training run's steps, so the bank holds clips the CPU runs never drew.
    constexpr int64_t kFirstBankStep = int64_t{1} << 40;
    auto toBytes = [](const torch::Tensor& x) { return train::quantise8(x).mul(255.0).round().to(torch::kUInt8); };
    std::vector<torch::Tensor> lrs, gts;
    int64_t drawn = 0;
    for (int64_t step = kFirstBankStep; drawn < clips; ++step) {
        const auto batch = trainer.batchForStep(step);
        const int64_t take = std::min<int64_t>(batch.lr.size(0), clips - drawn);
        lrs.push_back(toBytes(batch.lr.slice(0, 0, take)));
        gts.push_back(toBytes(batch.gt.slice(0, 0, take)));
        drawn += take;
        if (log && (drawn % 100 < take || drawn == clips)) log("drew " + std::to_string(drawn) + " of " + std::to_string(clips) + " clips");
    }
    train::SampleBank bank;
    bank.lr = torch::cat(lrs);
    bank.gt = torch::cat(gts);
    const auto validation = trainer.validationSet();
    bank.validationLr = toBytes(validation.lr);
    bank.validationGt = toBytes(validation.gt);
    bank.metadata = {{"dualx.recipe", recipe.name},
                     {"dualx.preset", recipe.model.preset},
                     {"dualx.synthesis", recipe.synthesis == train::LrSynthesis::Bicubic ? "bicubic" : "first-order"},
                     {"dualx.sharpen_gt", recipe.sharpenGt ? "true" : "false"},
                     {"dualx.clean_fraction", std::to_string(recipe.cleanFraction)},
                     {"dualx.degrade_crop_lr", std::to_string(recipe.degradeRegion())},
                     {"dualx.seed", std::to_string(recipe.seed)}};
    train::writePackedSampleBank(outputPath, bank);
}

} // namespace dualx
