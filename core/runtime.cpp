#include "dualx/runtime.h"

#include <ATen/Parallel.h>
#include <torch/version.h>

#include <malloc.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

namespace dualx {

int configureThreads(int threads)
{
    if (threads <= 0) {
        if (const char* env = std::getenv("DUALX_THREADS")) threads = std::atoi(env);
    }
    if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    at::set_num_threads(threads);
    // Inference allocates and frees the same large activations every pass. glibc would hand
    // each one to mmap and back, and the page faults cost ~20 % of a pass here: keep them.
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
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
