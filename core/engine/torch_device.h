#pragma once
// Internal bridge from the public DeviceChoice to LibTorch types.
#include "dualx/device.h"

#include <torch/types.h>

namespace dualx::engine {

inline torch::Device torchDevice(const DeviceChoice& choice)
{
    return choice.kind == DeviceKind::Cuda ? torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(choice.index))
                                           : torch::Device(torch::kCPU);
}

inline torch::ScalarType computeDtype(const DeviceChoice& choice) { return choice.halfPrecision ? torch::kFloat16 : torch::kFloat32; }

} // namespace dualx::engine
