#include "dualx/runtime.h"

#include <ATen/Parallel.h>
#include <torch/version.h>

#include <malloc.h>

#ifdef __linux__
#include <sched.h>
#endif

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

namespace dualx {

void configureMemoryAllocator()
{
#ifdef __GLIBC__
    static const bool once = [] {
        if (const char* env = std::getenv("DUALX_SYSTEM_MALLOC"); env && *env && std::string(env) != "0") return false;
        // Inference allocates and frees the same large activations every pass. By default glibc
        // hands every block over 32 MiB to mmap and back, and gives freed heap tops back to the
        // kernel: each pass then faults its pages in afresh (the kernel zeroing them), which
        // was 40 % of the time of a 320x180 pass. Keep all memory in one heap instead, reused
        // from pass to pass: 11.0 s -> 1.9 s per frame (docs/benchmarks.md).
        mallopt(M_MMAP_MAX, 0);
        mallopt(M_ARENA_MAX, 1);
        mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
        mallopt(M_TOP_PAD, 256 * 1024 * 1024);
        return true;
    }();
    (void)once;
#endif
}

int usableCpus()
{
#ifdef __linux__
    // The CPUs this process may run on: fewer than the machine's under taskset, a container's
    // cpuset or a batch scheduler's allocation, where more threads would only fight each other.
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) return CPU_COUNT(&set);
#endif
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

int configureThreads(int threads)
{
    if (threads <= 0) {
        if (const char* env = std::getenv("DUALX_THREADS")) threads = std::atoi(env);
    }
    if (threads <= 0) threads = usableCpus();
    at::set_num_threads(threads);
    configureMemoryAllocator();
    return at::get_num_threads();
}

int intraOpThreads() { return at::get_num_threads(); }

std::string torchVersion() { return TORCH_VERSION; }

namespace {
double readStatusKb(const std::string& key)
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind(key, 0) == 0) {
            std::istringstream fields(line.substr(key.size()));
            double kb = 0;
            fields >> kb;
            return kb;
        }
    }
    return 0;
}
} // namespace

double peakResidentMemoryMb() { return readStatusKb("VmHWM:") / 1024.0; }
double currentResidentMemoryMb() { return readStatusKb("VmRSS:") / 1024.0; }

void resetPeakMemory()
{
    // Writing 5 to clear_refs resets VmHWM to the current RSS (Linux >= 4.0).
    std::ofstream clear("/proc/self/clear_refs");
    if (clear) clear << "5";
}

} // namespace dualx
