#pragma once
// Saving and loading DualX-VSR networks as safetensors files with their config and provenance.
#include "dualx/weights.h"
#include "model/dualx_vsr.h"
#include "model/safetensors.h"

namespace dualx::model {

// Stores every parameter and buffer under its module path, cast to `storage` (F32 or F16), with
// the config, variant and the caller's provenance entries in __metadata__.
void saveModelWeights(DualXVSRImpl& model, const std::string& path, const std::string& variant, const Metadata& provenance,
                      torch::ScalarType storage = torch::kFloat32);

// Builds the network from the file's config and loads its tensors (as float32, on the CPU).
DualXVSR loadModelWeights(const std::string& path);

// Copies `tensors` into `model`, after checking that the names match exactly and that every
// shape and dtype fits. Throws WeightMismatch listing what is missing, extra or mis-shaped.
void loadTensorsInto(DualXVSRImpl& model, const NamedTensors& tensors, const std::string& source);

// Growing a trained network: like loadTensorsInto, but the model may have residual
// reconstruction blocks (recon_blocks.*) that the file lacks. Those keep their initial identity
// state, so the grown network computes exactly what the file's network did; so may source
// conditioning (source_condition.*), which starts blind, and the added blocks' rows of the
// per-block conditioning of a file with fewer blocks. Returns how many
// blocks were added; anything else missing, extra or mis-shaped still throws WeightMismatch.
int loadTensorsGrowing(DualXVSRImpl& model, const NamedTensors& tensors, const std::string& source);

} // namespace dualx::model
