#pragma once
// The aligned-neighbour input of a network with ModelConfig::neighbourInput: each frame's
// previous and next frames warped onto it by optical flow, so the network finds the same content
// at the same place in three frames. OpenCV's DIS (FAST preset) on the luma at twice the input's
// size (the motion to a fraction of an input pixel), bicubic warp. At a clip's ends a frame
// stands in for its missing neighbour.
#include "model/dualx_vsr.h"

#include <torch/types.h>

namespace dualx::engine {

// [B, N, 3, H, W] in [0, 1] -> [B, N, 6, H, W] (the previous frame's 3 channels, then the next
// frame's), on the clip's device and in its dtype.
torch::Tensor alignedNeighbours(const torch::Tensor& clip);

// net->forward(clip, sourceCondition), with the clip's aligned neighbours when the network takes them.
torch::Tensor forwardNetwork(model::DualXVSR& net, const torch::Tensor& clip, const torch::Tensor& sourceCondition = {});

} // namespace dualx::engine
