#pragma once
// Training checkpoints: one safetensors file holding the network ("model.<name>"), the AdamW
// moments ("optim.exp_avg.<name>", ...), the weight average when the stage keeps one
// ("ema.<name>", weight_average.h) and the loop state in __metadata__. Written atomically
// (temporary file + rename), so a kill at any moment leaves the previous checkpoint intact.
#include "model/dualx_vsr.h"
#include "model/safetensors.h"
#include "train/adamw.h"
#include "train/discriminator.h"

#include <optional>
#include <string>

namespace dualx::train {

inline constexpr const char* kCheckpointFormat = "dualx-vsr-checkpoint/1";

struct TrainingState {
    int64_t step = 0;
    double trainSeconds = 0; // wall time spent training, summed over every run
    int64_t samplesSeen = 0;
    double lastValidationPsnr = 0;
    double lastValidationBicubicPsnr = 0;
    std::string recipeName;
    std::string history; // ";"-separated "recipe@step" entries of earlier stages
};

// A stage's full lineage: its history and itself, "a@1;b@2;recipe@step" (what a next stage
// records as its history).
std::string stagesThrough(const TrainingState& stage);

// The GAN stage's discriminator and its optimizer, stored as "disc.*" and "disc_optim.*".
struct AdversaryParts {
    UNetDiscriminatorImpl* discriminator = nullptr;
    AdamW* optimizer = nullptr;
};

void saveCheckpoint(const std::string& path, model::DualXVSRImpl& model, const AdamW& optimizer, const TrainingState& state,
                    AdversaryParts adversary = {}, const model::NamedTensors& averaged = {});

// Restores model, optimizer, state (and the adversary when given). `averaged`, when given,
// receives the weight average the file keeps (empty if none). Returns false when `path` does
// not exist.
bool loadCheckpoint(const std::string& path, model::DualXVSRImpl& model, AdamW& optimizer, TrainingState& state,
                    AdversaryParts adversary = {}, model::NamedTensors* averaged = nullptr);

// Loads only the network weights, from a checkpoint or a plain weight file (stage hand-over);
// from a checkpoint that keeps a weight average, the averaged weights (what its export ships).
// The network may have more residual reconstruction blocks than the file (a recipe that grows
// the model); they start as identities. Returns the earlier file's state when it was a checkpoint,
// or, for a weight file, its last stage and their history from its dualx.stages entry.
// A GAN stage started from another GAN stage's checkpoint also takes its discriminator and the
// discriminator's optimizer state (`adversary`, when given and the file has one): a fresh
// discriminator would spend the new stage's first steps relearning what the old one knew while
// the generator follows its noise.
struct InitialWeights {
    std::optional<TrainingState> earlier;
    int grownBlocks = 0;
    bool averaged = false;      // the checkpoint's weight average was used
    bool discriminator = false; // the checkpoint's discriminator was loaded
};
InitialWeights loadInitialWeights(const std::string& path, model::DualXVSRImpl& model, AdversaryParts adversary = {});

// Gives the parameters whose names start with `prefix` the values `path` holds for them (a
// weights file, or a checkpoint's weight average where it keeps one, else its network) and
// returns how many. Throws naming the prefix when it matches no parameter, and naming the tensor
// when the file lacks it or holds it in another shape; the model is unchanged then.
int loadInitPart(model::DualXVSRImpl& model, const std::string& prefix, const std::string& path);

} // namespace dualx::train
