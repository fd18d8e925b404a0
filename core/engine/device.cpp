#include "dualx/device.h"

#include "dualx/errors.h"
#include "dualx/runtime.h"

#include <torch/cuda.h>

namespace dualx {

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
    for (int i = 0; i < count; ++i) out.push_back("CUDA:" + std::to_string(i));
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
        choice.description = "CUDA:0 (fp16, " + std::to_string(torch::cuda::device_count()) + " GPU(s) visible)";
        return choice;
    }
    choice.description = "CPU (" + std::to_string(intraOpThreads()) + " threads, fp32)";
    return choice;
}

} // namespace dualx
