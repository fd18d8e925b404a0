#pragma once
// Helpers shared by the libFuzzer targets: the parsers under test read files, so each input is
// written to a scratch file (in $DUALX_FUZZ_DIR, else /dev/shm, else /tmp) first.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace dualx::fuzz {

inline std::string scratchFolder()
{
    static const std::string folder = [] {
        std::string base = std::getenv("DUALX_FUZZ_DIR")               ? std::getenv("DUALX_FUZZ_DIR")
                           : std::filesystem::is_directory("/dev/shm") ? "/dev/shm"
                                                                       : "/tmp";
        const std::string f = base + "/dualx-fuzz-" + std::to_string(getpid());
        std::filesystem::create_directories(f);
        return f;
    }();
    return folder;
}

// Writes the bytes to scratchFolder()/name and returns the path; aborts if it cannot (that is a
// problem of the fuzzing machine, not a finding).
inline std::string writeScratchFile(const std::string& name, const uint8_t* data, size_t size)
{
    const std::string path = scratchFolder() + "/" + name;
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f || (size > 0 && std::fwrite(data, 1, size, f) != size) || std::fclose(f) != 0) {
        std::perror(path.c_str());
        std::abort();
    }
    return path;
}

} // namespace dualx::fuzz
