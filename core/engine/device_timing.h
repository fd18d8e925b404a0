#pragma once
// Timing and memory on the device the network runs on: CUDA work is asynchronous, so timers
// must synchronise, and its memory is the caching allocator's, not the process's.
#include "dualx/device.h"

namespace dualx::engine {

void synchronise(const DeviceChoice& device);
void resetDevicePeakMemory(const DeviceChoice& device);
// CPU: the process's peak resident memory; CUDA: peak bytes allocated on the device.
double devicePeakMemoryMb(const DeviceChoice& device);

} // namespace dualx::engine
