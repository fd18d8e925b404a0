#pragma once
// Where the network runs: CUDA (half precision) when LibTorch was built with it and a GPU is
// present, else the CPU with all cores.
#include <string>
#include <vector>
#include <string_view>

namespace dualx {

enum class DevicePreference { Auto, Cpu, Cuda };
enum class DeviceKind { Cpu, Cuda };

struct DeviceChoice {
    DeviceKind kind = DeviceKind::Cpu;
    int index = 0;
    bool halfPrecision = false;
    std::string description; // "CPU (2 threads)" / "CUDA:0 NVIDIA H100 (fp16)"
};

DevicePreference devicePreferenceFromName(std::string_view name); // auto|cpu|cuda, else throws
// Throws DeviceUnavailable when CUDA is asked for but not usable.
DeviceChoice selectDevice(DevicePreference preference);
bool cudaAvailable();
// One entry per visible CUDA device ("CUDA:0 NVIDIA H200", ...); empty without CUDA.
std::vector<std::string> listCudaDevices();

} // namespace dualx
