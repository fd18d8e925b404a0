#pragma once
// Where the network runs: CUDA (half precision) when LibTorch was built with it and a GPU is
// present, else the CPU with all cores.
#include <string>
#include <string_view>
#include <vector>

namespace dualx {

// What was asked for: a GPU when usable else the CPU (Auto), the CPU, or a CUDA device. With
// several GPUs, cudaIndex picks one ("cuda:1"); Auto and plain "cuda" take CUDA:0.
struct DevicePreference {
    enum Kind { Auto, Cpu, Cuda };
    Kind kind = Auto;
    int cudaIndex = 0;
    DevicePreference(Kind k = Auto, int index = 0) : kind(k), cudaIndex(index) { }
    bool operator==(const DevicePreference&) const = default;
};
enum class DeviceKind { Cpu, Cuda };

struct DeviceChoice {
    DeviceKind kind = DeviceKind::Cpu;
    int index = 0;
    bool halfPrecision = false;
    std::string description; // "CPU (2 threads)" / "CUDA:0 NVIDIA H100 (fp16)"
};

DevicePreference devicePreferenceFromName(std::string_view name);     // auto|cpu|cuda|cuda:N, else throws
std::string devicePreferenceName(const DevicePreference& preference); // the inverse
// Throws DeviceUnavailable when CUDA (or that CUDA device) is asked for but not usable.
DeviceChoice selectDevice(DevicePreference preference);
bool cudaAvailable();
// One entry per visible CUDA device ("CUDA:0 NVIDIA H200", ...); empty without CUDA.
std::vector<std::string> listCudaDevices();

} // namespace dualx
