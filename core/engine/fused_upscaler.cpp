#include "engine/fused_upscaler.h"

#include <torch/torch.h>

namespace dualx::engine {

FusedUpscaler::FusedUpscaler(WindowModel model, TilingSettings settings, int64_t firstFrame)
    : m_upscaler(std::move(model), settings, firstFrame)
{
    if (settings.fusionRadius > 0) m_fusion.emplace(settings.fusionRadius);
}

void FusedUpscaler::push(const torch::Tensor& lrFrame)
{
    m_upscaler.push(lrFrame);
    forward();
}

void FusedUpscaler::finish()
{
    m_upscaler.finish();
    forward();
    if (m_fusion) m_fusion->finish();
}

std::optional<torch::Tensor> FusedUpscaler::pop() { return m_fusion ? m_fusion->pop() : m_upscaler.pop(); }

void FusedUpscaler::forward()
{
    if (!m_fusion) return;
    while (auto frame = m_upscaler.pop()) m_fusion->push(*frame);
}

torch::Tensor restoreClip(const WindowModel& model, const torch::Tensor& clip, const TilingSettings& settings)
{
    FusedUpscaler stream(model, settings);
    return runClip(stream, clip);
}

} // namespace dualx::engine
