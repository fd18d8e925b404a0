#include "dualx/device.h"

#include "dualx/errors.h"
#include "dualx/runtime.h"

#include <torch/cuda.h>

#ifdef DUALX_WITH_CUDA
#include <ATen/cuda/CUDAContext.h>
#endif

namespace dualx {

namespace {

// "CUDA:0 NVIDIA H200": the name needs CUDA's headers, so a build without them says "CUDA:0".
std::string cudaDeviceName(int index)
{
    std::string name = "CUDA:" + std::to_string(index);
#ifdef DUALX_WITH_CUDA
    if (const auto* properties = at::cuda::getDeviceProperties(static_cast<c10::DeviceIndex>(index)))
        name += std::string(" ") + properties->name;
#endif
    return name;
}

} // namespace

DevicePreference devicePreferenceFromName(std::string_view name)
{
    if (name == "auto") return DevicePreference::Auto;
    if (name == "cpu") return DevicePreference::Cpu;
    if (name == "cuda") return DevicePreference::Cuda;
    throw Error(ErrorCode::InvalidArgument, "unknown device '" + std::string(name) + "' (expected auto, cpu or cuda)");
}

bool cudaAvailable() { return torch::cuda::is_available(); }

std::vector<std::string> listCudaDevices()
{
    std::vector<std::string> out;
    if (!torch::cuda::is_available()) return out;
    const int count = static_cast<int>(torch::cuda::device_count());
    for (int i = 0; i < count; ++i) out.push_back(cudaDeviceName(i));
    return out;
}

DeviceChoice selectDevice(DevicePreference preference)
{
    DeviceChoice choice;
    const bool cuda = cudaAvailable();
    if (preference == DevicePreference::Cuda && !cuda)
        throw Error(ErrorCode::DeviceUnavailable,
                    "CUDA was requested but is not available (LibTorch " + torchVersion()
                        + (torch::cuda::device_count() == 0 ? ", no GPU visible or CPU-only build)" : ")"));
    if (preference != DevicePreference::Cpu && cuda) {
        choice.kind = DeviceKind::Cuda;
        choice.index = 0;
        choice.halfPrecision = true;
        const auto visible = torch::cuda::device_count();
        choice.description = cudaDeviceName(0) + " (fp16" + (visible > 1 ? ", " + std::to_string(visible) + " GPUs visible" : "") + ")";
        return choice;
    }
    choice.description = "CPU (" + std::to_string(intraOpThreads()) + " threads, fp32)";
    return choice;
}

} // namespace dualx
