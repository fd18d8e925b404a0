#pragma once
// The random generator of one draw of a training step: a pure function of (seed, step, stream),
// so a resumed run draws the same clips as an uninterrupted one. Shared by the CPU trainer and
// the device trainer.
#include <cstdint>
#include <random>

namespace dualx::train {

inline std::mt19937_64 rngFor(uint64_t seed, int64_t step, uint64_t stream)
{
    std::seed_seq seq{static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32), static_cast<uint32_t>(step),
                      static_cast<uint32_t>(static_cast<uint64_t>(step) >> 32), static_cast<uint32_t>(stream)};
    return std::mt19937_64(seq);
}

} // namespace dualx::train
