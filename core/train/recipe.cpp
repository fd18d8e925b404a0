#include "train/recipe.h"

#include "dualx/errors.h"
#include "json_numbers.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <sstream>

namespace dualx::train {

namespace fs = std::filesystem;

namespace {

std::string resolve(const std::string& base, const std::string& path)
{
    if (path.empty() || fs::path(path).is_absolute()) return path;
    return (fs::path(base) / path).lexically_normal().string();
}

std::vector<std::string> resolveAll(const std::string& base, const std::vector<std::string>& paths)
{
    std::vector<std::string> out;
    for (const auto& p : paths) out.push_back(resolve(base, p));
    return out;
}

[[noreturn]] void bad(const std::string& what) { throw Error(ErrorCode::InvalidArgument, "recipe: " + what); }

// lambda_periodic, periodic_reference and periodic_margin of `j` (the recipe, or its gan block,
// named by `prefix` in errors).
PeriodicLossSpec readPeriodicLoss(const nlohmann::json& j, const std::string& prefix)
{
    PeriodicLossSpec p;
    p.lambda = j.value("lambda_periodic", p.lambda);
    if (!(p.lambda >= 0)) bad(prefix + "lambda_periodic must be >= 0");
    const auto reference = j.value("periodic_reference", std::string("ground_truth"));
    if (reference != "ground_truth" && reference != "bicubic")
        bad(prefix + "periodic_reference must be 'ground_truth' or 'bicubic', got '" + reference + "'");
    p.reference = reference == "bicubic" ? PeriodicLossSpec::Reference::Bicubic : PeriodicLossSpec::Reference::GroundTruth;
    p.margin = j.value("periodic_margin", p.margin);
    if (!(p.margin >= 1.0)) bad(prefix + "periodic_margin must be >= 1");
    return p;
}

} // namespace

double Recipe::learningRateAt(int64_t step) const
{
    if (warmupIterations > 0 && step < warmupIterations)
        return learningRate * static_cast<double>(step + 1) / static_cast<double>(warmupIterations);
    if (schedule == "cosine") {
        const double t = std::clamp(static_cast<double>(step) / static_cast<double>(std::max<int64_t>(1, iterations)), 0.0, 1.0);
        return learningRate * (0.1 + 0.9 * 0.5 * (1.0 + std::cos(std::numbers::pi * t)));
    }
    return learningRate;
}

Recipe parseRecipe(const std::string& text, const std::string& baseFolder)
{
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        bad(std::string("not valid JSON: ") + e.what());
    }
    if (const auto number = findOutOfRangeNumber(j); !number.empty()) bad(number + " is out of range");
    Recipe r;
    try {
        r.name = j.at("name").get<std::string>();
        if (j.contains("model_config")) {
            r.model = ModelConfig::fromJson(j["model_config"].dump());
        } else {
            r.model = presetConfig(j.at("preset").get<std::string>());
        }
        // Grows the preset's reconstruction (see ModelConfig::reconBlocks); an init without the
        // blocks gets them as identities.
        r.model.reconBlocks = j.value("recon_blocks", r.model.reconBlocks);
        // Adds source conditioning (model/source_condition.h); an init without it starts blind.
        r.model.sourceConditioned = j.value("source_conditioned", r.model.sourceConditioned);
        // Conditions more sites (ModelConfig::deepSourceCondition); an init without them has them blind.
        r.model.deepSourceCondition = j.value("source_condition_deep", r.model.deepSourceCondition);
        // Gives the clean side its own modulation (ModelConfig::splitSourceCondition); an init
        // without it starts with the clean side mirroring the degraded one, the same function.
        r.model.splitSourceCondition = j.value("source_condition_split", r.model.splitSourceCondition);
        // Gives the clean side reconstruction blocks of its own (ModelConfig::cleanReconBlocks);
        // an init without them gets them as identities.
        r.model.cleanReconBlocks = j.value("clean_recon_blocks", r.model.cleanReconBlocks);
        r.model.neighbourInput = j.value("neighbour_input", r.model.neighbourInput);
        // Makes the upsampler's phases agree on flat input (ModelConfig::phaseConsistentUpsampler);
        // an init with independent phases starts from their means.
        r.model.phaseConsistentUpsampler = j.value("phase_consistent_upsampler", r.model.phaseConsistentUpsampler);
        r.unknownSourceFraction = j.value("unknown_source_fraction", r.unknownSourceFraction);
        r.trainable = j.value("trainable", r.trainable);
        r.model.validate();
        r.init = resolve(baseFolder, j.value("init", std::string()));
        if (j.contains("init_parts")) {
            if (!j["init_parts"].is_object()) bad("init_parts must map tensor-name prefixes to weights files");
            for (const auto& [prefix, file] : j["init_parts"].items()) {
                if (!file.is_string() || file.get<std::string>().empty()) bad("init_parts." + prefix + " must name a weights file");
                r.initParts[prefix] = resolve(baseFolder, file.get<std::string>());
            }
        }
        const auto synthesis = j.value("synthesis", std::string("bicubic"));
        if (synthesis == "bicubic")
            r.synthesis = LrSynthesis::Bicubic;
        else if (synthesis == "first-order")
            r.synthesis = LrSynthesis::FirstOrder;
        else
            bad("synthesis must be 'bicubic' or 'first-order', got '" + synthesis + "'");
        r.sharpenGt = j.value("sharpen_gt", r.synthesis == LrSynthesis::FirstOrder);
        r.cleanFraction = j.value("clean_fraction", r.cleanFraction);
        if (j.contains("degradation_mix")) {
            const auto& m = j["degradation_mix"];
            for (const auto& [key, value] : m.items())
                if (key != "clean" && key != "first_order" && key != "mild" && key != "home")
                    bad("degradation_mix has an unknown family '" + key + "' (clean, first_order, mild, home)");
            r.mix.clean = m.value("clean", 0.0);
            r.mix.firstOrder = m.value("first_order", 0.0);
            r.mix.mild = m.value("mild", 0.0);
            r.mix.home = m.value("home", 0.0);
            if (!(r.mix.clean >= 0 && r.mix.firstOrder >= 0 && r.mix.mild >= 0 && r.mix.home >= 0) || !r.mix.enabled())
                bad("degradation_mix weights must be >= 0 and not all 0");
        }
        const auto pixelLoss = j.value("pixel_loss", std::string("charbonnier"));
        if (pixelLoss == "charbonnier")
            r.pixelLoss = PixelLoss::Charbonnier;
        else if (pixelLoss == "mse")
            r.pixelLoss = PixelLoss::Mse;
        else
            bad("pixel_loss must be 'charbonnier' or 'mse', got '" + pixelLoss + "'");
        if (j.contains("gan")) {
            const auto& g = j["gan"];
            r.gan.enabled = true;
            r.gan.discriminatorFeatures = g.value("discriminator_features", r.gan.discriminatorFeatures);
            r.gan.lambdaPixel = g.value("lambda_pixel", r.gan.lambdaPixel);
            r.gan.lambdaPerceptual = g.value("lambda_perceptual", r.gan.lambdaPerceptual);
            r.gan.lambdaAdversarial = g.value("lambda_adversarial", r.gan.lambdaAdversarial);
            r.gan.periodic = readPeriodicLoss(g, "gan.");
            r.gan.perceptual = g.value("perceptual", r.gan.perceptual);
            r.gan.vggWeights = resolve(baseFolder, g.value("vgg19_weights", std::string()));
            r.gan.discriminatorLearningRate = g.value("discriminator_learning_rate", r.gan.discriminatorLearningRate);
            if (r.gan.perceptual != "feature-matching" && r.gan.perceptual != "vgg19")
                bad("gan.perceptual must be 'feature-matching' or 'vgg19', got '" + r.gan.perceptual + "'");
            if (r.gan.perceptual == "vgg19" && r.gan.vggWeights.empty()) bad("gan.perceptual 'vgg19' needs gan.vgg19_weights");
            r.gan.discriminatorFrames = g.value("discriminator_frames", r.gan.discriminatorFrames);
            if (r.gan.discriminatorFeatures < 4) bad("gan.discriminator_features must be >= 4");
            if (r.gan.discriminatorFrames < 0) bad("gan.discriminator_frames must be >= 0 (0: every frame)");
        }
        r.periodic = readPeriodicLoss(j, "");
        if (r.gan.enabled && j.contains("lambda_periodic")) bad("a GAN stage gives lambda_periodic in its gan block");
        const auto& d = j.at("data");
        r.data.photos = resolveAll(baseFolder, d.value("photos", std::vector<std::string>{}));
        r.data.videos = resolveAll(baseFolder, d.value("videos", std::vector<std::string>{}));
        r.data.validation = resolveAll(baseFolder, d.value("validation", std::vector<std::string>{}));
        r.data.maxVideoFrames = d.value("max_video_frames", r.data.maxVideoFrames);
        r.data.maxPhotoSide = d.value("max_photo_side", r.data.maxPhotoSide);
        r.data.videoScale = d.value("video_scale", r.data.videoScale);
        r.data.videoFraction = d.value("video_fraction", r.data.videoFraction);
        r.data.validationClips = d.value("validation_clips", r.data.validationClips);
        r.data.photoSpeed = d.value("photo_speed", r.data.photoSpeed);
        if (d.contains("photo_scale")) {
            r.data.photoScaleMin = d["photo_scale"].at(0).get<double>();
            r.data.photoScaleMax = d["photo_scale"].at(1).get<double>();
        }
        if (d.contains("photo_supersample") && !d["photo_supersample"].is_boolean()) bad("data.photo_supersample must be true or false");
        r.data.photoSupersample = d.value("photo_supersample", r.data.photoSupersample);
        r.lrCrop = j.value("lr_crop", r.lrCrop);
        r.degradeCrop = j.value("degrade_crop", r.degradeCrop);
        r.frames = j.value("frames", r.frames);
        r.batch = j.value("batch", r.batch);
        r.iterations = j.value("iterations", r.iterations);
        r.learningRate = j.value("learning_rate", r.learningRate);
        r.weightDecay = j.value("weight_decay", r.weightDecay);
        if (j.contains("betas")) {
            r.beta1 = j["betas"].at(0).get<double>();
            r.beta2 = j["betas"].at(1).get<double>();
        }
        r.warmupIterations = j.value("warmup_iterations", r.warmupIterations);
        r.schedule = j.value("schedule", r.schedule);
        r.gradClip = j.value("grad_clip", r.gradClip);
        r.emaDecay = j.value("ema_decay", r.emaDecay);
        r.checkpoint = resolve(baseFolder, j.at("checkpoint").get<std::string>());
        r.log = resolve(baseFolder, j.value("log", std::string()));
        r.checkpointEverySeconds = j.value("checkpoint_every_seconds", r.checkpointEverySeconds);
        r.validateEvery = j.value("validate_every", r.validateEvery);
        r.seed = j.value("seed", r.seed);
    } catch (const nlohmann::json::exception& e) {
        bad(std::string("missing or mistyped field: ") + e.what());
    }
    if (r.data.photos.empty() && r.data.videos.empty()) bad("data lists no photos and no videos");
    if (r.lrCrop < 4 || r.lrCrop % 2) bad("lr_crop must be an even number >= 4");
    if (r.degradeCrop != 0 && r.degradeCrop < r.lrCrop) bad("degrade_crop must be 0 or >= lr_crop");
    if (r.gan.enabled && r.lrCrop % 2) bad("lr_crop must be even for the discriminator (GT divisible by 8)");
    if (r.frames < 1 || r.batch < 1 || r.iterations < 1) bad("frames, batch and iterations must be >= 1");
    if (!(r.cleanFraction >= 0 && r.cleanFraction <= 1)) bad("clean_fraction must be in [0, 1]");
    if (!(r.unknownSourceFraction >= 0 && r.unknownSourceFraction <= 1)) bad("unknown_source_fraction must be in [0, 1]");
    if (r.model.sourceConditioned && !r.mix.enabled() && (r.cleanFraction <= 0 || r.synthesis == LrSynthesis::Bicubic))
        bad("source_conditioned needs both sources: first-order synthesis and a clean_fraction above 0");
    if (r.model.sourceConditioned && r.mix.enabled() && (r.mix.clean <= 0 || r.mix.firstOrder + r.mix.mild + r.mix.home <= 0))
        bad("source_conditioned needs both sources: degradation_mix needs clean and some degraded family above 0");
    for (const auto& prefix : r.trainable)
        if (prefix.empty()) bad("trainable lists an empty prefix (it would train everything; leave trainable out instead)");
    for (const auto& [prefix, file] : r.initParts)
        if (prefix.empty()) bad("init_parts lists an empty prefix (it would replace the whole network; use init instead)");
    if (!r.initParts.empty() && r.init.empty()) bad("init_parts needs an init to replace parts of");
    if (!(r.learningRate > 0)) bad("learning_rate must be positive");
    if (!(r.emaDecay >= 0 && r.emaDecay < 1)) bad("ema_decay must be in [0, 1) (0: no weight average)");
    if (r.schedule != "constant" && r.schedule != "cosine") bad("schedule must be 'constant' or 'cosine'");
    if (r.data.videoScale <= 0 || r.data.videoScale > 1) bad("data.video_scale must be in (0, 1]");
    if (!(r.data.videoFraction >= 0 && r.data.videoFraction <= 1)) bad("data.video_fraction must be in [0, 1]");
    if (!(r.data.photoSpeed >= 0 && r.data.photoSpeed <= 64)) bad("data.photo_speed must be in [0, 64] GT pixels per frame");
    if (!(r.data.photoScaleMin > 0 && r.data.photoScaleMin <= r.data.photoScaleMax && r.data.photoScaleMax <= 1))
        bad("data.photo_scale must be [min, max] with 0 < min <= max <= 1");
    return r;
}

Recipe loadRecipe(const std::string& path)
{
    std::ifstream in(path);
    if (!in) throw Error(ErrorCode::FileNotFound, "cannot open recipe '" + path + "'");
    std::stringstream text;
    text << in.rdbuf();
    auto recipe = parseRecipe(text.str(), fs::absolute(path).parent_path().string());
    recipe.recipePath = path;
    return recipe;
}

} // namespace dualx::train
