#pragma once
// A training stage as a JSON recipe (models/recipes/*.json). Relative paths in a recipe are
// relative to the recipe file's folder, so recipes work from any working directory.
#include "dualx/model_config.h"

#include <map>
#include <string>
#include <vector>

namespace dualx::train {

// The pixel loss of a stage (a GAN stage's pixel term too).
enum class PixelLoss {
    Charbonnier, // the paper's L_pix, a differentiable L1: the trained network's default
    Mse,         // mean squared error: the conditional mean, what PSNR scores, for a last fine-tune
};

enum class LrSynthesis {
    Bicubic,    // stage 1: antialiased bicubic x1/4
    FirstOrder, // stages 2-3: blur, resize, noise, JPEG, video compression (paper appendix C.2)
    Mild,       // realistic_degradation.h
    Home,       // realistic_degradation.h
};

struct DataSpec {
    std::vector<std::string> photos;     // files or folders (recursive: .png .jpg .jpeg .webp .bmp .tif)
    std::vector<std::string> videos;     // files or folders of clips
    std::vector<std::string> validation; // files never trained on (photos or videos)
    int maxVideoFrames = 300;            // decoded frames kept per video
    int maxPhotoSide = 1600;             // photos are cached downscaled to this long side
    double videoScale = 0.5;             // videos are downscaled for cleaner ground truth
    double videoFraction = 0.5;          // share of training clips cut from videos (rest: moving photos)
    int validationClips = 8;             // fixed validation clips drawn from the validation files
    double photoSpeed = 2.5;             // moving photos pan at up to this many GT pixels per frame
    double photoScaleMin = 0.35;         // photo-to-GT scale of a moving photo, drawn from [min, max]
    double photoScaleMax = 1.0;
    // Moving photos are warped at the photo's own resolution and area-averaged down to the GT's:
    // a bicubic warp at GT size blurs each frame by its own sub-pixel phase (about 12 % of the
    // Laplacian energy of a wallpaper), so the targets soften and vary from frame to frame.
    bool photoSupersample = false;
};

// Shares of the LR syntheses a clip is drawn from (weights, normalised when drawn). Replaces
// `synthesis` and `clean_fraction` when given: real videos range from clean masters through
// camera and web copies to tapes, and a model must be trained on that range to restore it.
struct DegradationMix {
    double clean = 0;      // antialiased bicubic x1/4 (stage 1's input)
    double firstOrder = 0; // the paper's heavy first-order synthesis (degradation.h)
    double mild = 0;       // camera / web copy (realistic_degradation.h)
    double home = 0;       // SD tape or disc (realistic_degradation.h)
    bool enabled() const { return clean + firstOrder + mild + home > 0; }
};

// The periodic-energy loss (losses.h): holds the output's energy at the x4 pixel-shuffle periods
// to a reference's, so the network does not learn to draw content (aliased stripes above all)
// as a fixed 2- or 4-pixel pattern.
struct PeriodicLossSpec {
    double lambda = 0; // 0 leaves it out
    // What the energy is held to: the ground truth's, or (as the periodic-artefact measure
    // compares) a bicubic upscale's of the input, times `margin`. Against a sharpened ground
    // truth the loss lets a GAN copy aliased stripes into a 4-pixel pattern that the measure
    // counts; against bicubic it cannot.
    enum class Reference { GroundTruth, Bicubic } reference = Reference::GroundTruth;
    double margin = 1.0; // >= 1
};

// Stage 3: perceptual + adversarial fine-tuning (paper appendix C.1).
struct GanSpec {
    bool enabled = false;
    int discriminatorFeatures = 32; // U-Net width (Real-ESRGAN: 64; narrower for CPU)
    double lambdaPixel = 1e-2, lambdaPerceptual = 1.0, lambdaAdversarial = 5e-3;
    PeriodicLossSpec periodic;
    std::string perceptual = "feature-matching"; // or "vgg19" with vggWeights
    std::string vggWeights;
    double discriminatorLearningRate = 1e-5;
    // Frames per clip the discriminator (and feature matching) sees each step, drawn at random;
    // 0 = all. The discriminator costs ~10x the generator per frame on a CPU.
    int discriminatorFrames = 0;
};

struct Recipe {
    std::string name;
    std::string recipePath;
    ModelConfig model;
    std::string init; // weights or checkpoint to start from (empty: random init)
    // Parts of the network that take another file's values once `init` is loaded: tensor-name
    // prefix -> weights file (e.g. "upsampler" -> the MSE model, so a GAN stage starts with an
    // upsampler that draws no fixed-period pattern). Applied when a stage starts, not on resume.
    std::map<std::string, std::string> initParts;
    LrSynthesis synthesis = LrSynthesis::Bicubic;
    DataSpec data;
    bool sharpenGt = false;   // train towards unsharp-masked GT (RealBasicVSR; default for first-order)
    double cleanFraction = 0; // share of training clips given plain bicubic LR despite `synthesis`
    DegradationMix mix;       // when enabled, replaces synthesis and cleanFraction for training clips
    // With a source-conditioned model: the share of clips whose condition is "unknown" (0.5)
    // instead of their true source (0 clean, 1 degraded), which keeps the blind default trained.
    double unknownSourceFraction = 0.25;
    PixelLoss pixelLoss = PixelLoss::Charbonnier;
    GanSpec gan;
    // Pixel stages' periodic-energy loss (a GAN stage gives its own in `gan`).
    PeriodicLossSpec periodic;
    // Parameter-name prefixes to train (e.g. "clean_recon_blocks."); empty: the whole network.
    // The rest stay as `init` left them.
    std::vector<std::string> trainable;
    int lrCrop = 32; // LR crop side; GT crops are 4x
    // LR side of the region synthesised before the lr_crop window is cut from it (0: lr_crop).
    // Video compression spends a fixed cost per frame, so a tiny frame at the scaled bit rate
    // comes out far worse than a real frame does; degrading a larger region keeps the codec
    // at realistic sizes while the network still trains on lr_crop.
    int degradeCrop = 0;
    int degradeRegion() const { return degradeCrop > lrCrop ? degradeCrop : lrCrop; } // LR side actually degraded
    int frames = 8;
    int batch = 2;
    int64_t iterations = 100000;
    double learningRate = 5e-5;
    double weightDecay = 1e-4;
    double beta1 = 0.9, beta2 = 0.99;
    int64_t warmupIterations = 0;
    std::string schedule = "constant"; // or "cosine" (to 10 % at `iterations`)
    double gradClip = 0;               // global-norm clip; 0 disables
    // Exponential moving average of the trained weights (weight_average.h); 0 keeps none. The
    // checkpoint keeps it, export and the next stage's init use it, validation runs it.
    double emaDecay = 0;
    std::string checkpoint; // single file, replaced in place
    std::string log;        // CSV: step, loss, lr, validation PSNR
    int checkpointEverySeconds = 600;
    int validateEvery = 500;
    uint64_t seed = 1;

    double learningRateAt(int64_t step) const;
};

// Throws InvalidArgument naming the field that is missing or wrong.
Recipe loadRecipe(const std::string& path);
Recipe parseRecipe(const std::string& json, const std::string& baseFolder);

} // namespace dualx::train
