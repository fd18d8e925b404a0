#include "dualx/device.h"

#include "dualx/errors.h"
#include "dualx/runtime.h"

#include <torch/cuda.h>

#include <algorithm>

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
    if (name.substr(0, 5) == "cuda:" && name.size() > 5 && name.size() <= 8
        && std::all_of(name.begin() + 5, name.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return {DevicePreference::Cuda, std::stoi(std::string(name.substr(5)))};
    throw Error(ErrorCode::InvalidArgument, "unknown device '" + std::string(name) + "' (expected auto, cpu, cuda or cuda:N)");
}

std::string devicePreferenceName(const DevicePreference& preference)
{
    switch (preference.kind) {
    case DevicePreference::Cpu: return "cpu";
    case DevicePreference::Cuda: return preference.cudaIndex == 0 ? "cuda" : "cuda:" + std::to_string(preference.cudaIndex);
    case DevicePreference::Auto: break;
    }
    return "auto";
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
    if (preference.kind == DevicePreference::Cuda && !cuda)
        throw Error(ErrorCode::DeviceUnavailable, "CUDA was requested but is not available (LibTorch " + torchVersion()
                                                      + (torch::cuda::device_count() == 0 ? ", no GPU visible or CPU-only build)" : ")"));
    if (preference.kind != DevicePreference::Cpu && cuda) {
        const auto visible = static_cast<int>(torch::cuda::device_count());
        if (preference.cudaIndex < 0 || preference.cudaIndex >= visible)
            throw Error(ErrorCode::DeviceUnavailable, "CUDA:" + std::to_string(preference.cudaIndex) + " was requested but "
                                                          + std::to_string(visible) + (visible == 1 ? " GPU is" : " GPUs are")
                                                          + " visible");
        choice.kind = DeviceKind::Cuda;
        choice.index = preference.cudaIndex;
        choice.halfPrecision = true;
        choice.description
            = cudaDeviceName(choice.index) + " (fp16" + (visible > 1 ? ", " + std::to_string(visible) + " GPUs visible" : "") + ")";
        return choice;
    }
    choice.description = "CPU (" + std::to_string(intraOpThreads()) + " threads, fp32)";
    return choice;
}

} // namespace dualx
