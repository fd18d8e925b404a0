#pragma once
// Timing and memory on the device the network runs on: CUDA work is asynchronous, so timers
// must synchronise, and its memory is the caching allocator's, not the process's.
#include "dualx/device.h"

namespace dualx::engine {

void synchronise(const DeviceChoice& device);
void resetDevicePeakMemory(const DeviceChoice& device);
// CPU: the process's peak resident memory; CUDA: peak bytes allocated on the device.
double devicePeakMemoryMb(const DeviceChoice& device);
// CUDA: caps what the caching allocator may take at `fraction` of the GPU's memory (1 lifts the
// cap), so the out-of-memory paths can be exercised on a large GPU. No effect on the CPU.
void limitDeviceMemory(const DeviceChoice& device, double fraction);
// CUDA: the GPU's total memory; CPU: 0.
double deviceTotalMemoryMb(const DeviceChoice& device);

} // namespace dualx::engine
