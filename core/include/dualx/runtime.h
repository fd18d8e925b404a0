#pragma once
// Process-wide LibTorch runtime settings. Debian's LibTorch starts with one intra-op thread;
// every entry point calls configureThreads() so inference and training use all cores.
#include <string>

namespace dualx {

// Sets LibTorch's intra-op threads: `threads` > 0 as given, otherwise DUALX_THREADS from the
// environment when set, else usableCpus(). Returns the count in effect.
// Also calls configureMemoryAllocator().
int configureThreads(int threads = 0);
// The CPUs this process may run on (its affinity: taskset, a container, a Slurm allocation).
int usableCpus();

// Keeps freed memory in the process for reuse instead of returning it to the kernel after every
// network pass (glibc only; DUALX_SYSTEM_MALLOC=1 keeps glibc's defaults). Idempotent.
void configureMemoryAllocator();
int intraOpThreads();

// Silences FFmpeg's console output, which our errors and warnings already summarise (the CLI and
// the GUI call it once at start-up); DUALX_FFMPEG_LOG=error|warning|info|verbose|debug shows it.
void quietenMediaLibraries();

// "1.13.0" etc. — the LibTorch this binary was built against.
std::string torchVersion();

// Peak resident memory of this process in MiB since the last resetPeakMemory() (Linux VmHWM).
double peakResidentMemoryMb();
double currentResidentMemoryMb();
// Best effort: resets the kernel's high-water mark for this process.
void resetPeakMemory();

} // namespace dualx
