#include "engine/device_control.h"

#include "dualx/runtime.h"

#include <torch/cuda.h>

#ifdef DUALX_WITH_CUDA
#include <c10/cuda/CUDACachingAllocator.h>
#include <c10/cuda/CUDAException.h>
#include <c10/cuda/CUDAGuard.h>
#include <cuda_runtime_api.h>
#endif

namespace dualx::engine {

void synchronise(const DeviceChoice& device)
{
    if (device.kind == DeviceKind::Cuda) torch::cuda::synchronize(device.index);
}

void resetDevicePeakMemory(const DeviceChoice& device)
{
    resetPeakMemory(); // the process's, for the CPU
#ifdef DUALX_WITH_CUDA
    if (device.kind == DeviceKind::Cuda) c10::cuda::CUDACachingAllocator::resetPeakStats(device.index);
#else
    (void)device;
#endif
}

double devicePeakMemoryMb(const DeviceChoice& device)
{
#ifdef DUALX_WITH_CUDA
    if (device.kind == DeviceKind::Cuda) {
        // Index 0 is the aggregate over pool types in every LibTorch version.
        auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(device.index);
        return static_cast<double>(stats.allocated_bytes[0].peak) / (1024.0 * 1024.0);
    }
#else
    (void)device;
#endif
    return peakResidentMemoryMb();
}

void limitDeviceMemory(const DeviceChoice& device, double fraction)
{
#ifdef DUALX_WITH_CUDA
    if (device.kind == DeviceKind::Cuda) {
        c10::cuda::CUDACachingAllocator::emptyCache();
        c10::cuda::CUDACachingAllocator::setMemoryFraction(fraction, static_cast<c10::DeviceIndex>(device.index));
    }
#else
    (void)device;
    (void)fraction;
#endif
}

double deviceTotalMemoryMb(const DeviceChoice& device)
{
#ifdef DUALX_WITH_CUDA
    if (device.kind == DeviceKind::Cuda) {
        c10::cuda::CUDAGuard guard(static_cast<c10::DeviceIndex>(device.index));
        size_t freeBytes = 0, totalBytes = 0;
        C10_CUDA_CHECK(cudaMemGetInfo(&freeBytes, &totalBytes));
        return static_cast<double>(totalBytes) / (1024.0 * 1024.0);
    }
#else
    (void)device;
#endif
    return 0;
}

} // namespace dualx::engine
