#pragma once
// The DualX-VSR network (paper section 4, architecture.md section 3).
// forward: LR video [B, N, 3, H, W] in [0, 1] -> [B, N, 3, 4H, 4W]; any N >= 1 and any H, W >= 1.
// A source-conditioned network (model/source_condition.h) also takes each clip's source condition.
#include "dualx/attention_kernel.h"
#include "dualx/model_config.h"
#include "dualx/source_quality.h"
#include "model/source_condition.h"
#include "model/transformer_block.h"

#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/conv.h>

namespace dualx::model {

class DualXVSRImpl : public torch::nn::Module {
public:
    explicit DualXVSRImpl(const ModelConfig& config);

    // sourceCondition: [B] values in [0, 1] on the network's own scale (as training draws them);
    // undefined means sourceCondition() for every clip.
    // Blind networks ignore it.
    // neighbours: [B, N, 6, H, W], each frame's previous and next frames warped onto it
    // (engine/neighbour_alignment.h); required by a network with ModelConfig::neighbourInput,
    // ignored by others.
    torch::Tensor forward(const torch::Tensor& lrVideo, const torch::Tensor& sourceCondition = {}, const torch::Tensor& neighbours = {});

    // The source condition used when forward() is not given one (unknown until set), on the
    // user's scale: the network sees it through the config's unknown and degraded points
    // (networkSourceCondition). Throws InvalidArgument outside [0, 1].
    void setSourceCondition(double s);
    double sourceCondition() const { return m_sourceCondition; }

    const ModelConfig& config() const { return m_config; }
    // Shared by every attention module; changing it switches kernels without rebuilding.
    AttentionSettings& attentionSettings() { return *m_attentionSettings; }

private:
    // [B*N, c, H, W] -> [B*N, 3, 4H, 4W]; u as in SourceCondition, undefined when blind.
    torch::Tensor reconstructFrames(const torch::Tensor& features, const torch::Tensor& u);
    // The upsampler, phase-consistent when the config asks for it (ModelConfig::phaseConsistentUpsampler).
    torch::Tensor upsample(torch::Tensor x);

    ModelConfig m_config;
    std::shared_ptr<AttentionSettings> m_attentionSettings;
    double m_sourceCondition = kSourceUnknown;
    SourceCondition m_condition{nullptr}; // registered only when sourceConditioned

    // Input video embedding
    torch::nn::Conv2d m_convIn{nullptr};
    TemporalAttentionStack m_embedTemporal{nullptr};
    torch::nn::Linear m_tokenEmbed{nullptr};
    // Dual axial spatial x temporal transformer (serial: all VTAB, then all HTAB)
    AxialAttentionStack m_vtab{nullptr};
    AxialAttentionStack m_htab{nullptr};
    // Spatiotemporal reconstruction
    torch::nn::LayerNorm m_tokenNorm{nullptr};
    torch::nn::Linear m_tokenUnembed{nullptr};
    TemporalAttentionStack m_reconTemporal{nullptr};
    torch::nn::Conv2d m_convBody{nullptr};
    torch::nn::Sequential m_reconBlocks{nullptr}; // ResidualConvBlocks; registered only when reconBlocks > 0
    torch::nn::Sequential m_upsampler{nullptr};
    // ResidualConvBlocks gated by the clean side (ModelConfig::cleanReconBlocks); registered last,
    // and only when cleanReconBlocks > 0, so other networks initialise exactly as before.
    torch::nn::Sequential m_cleanReconBlocks{nullptr};
    torch::nn::Conv2d m_convNeighbours{nullptr}; // registered only when neighbourInput, after every other part
};
TORCH_MODULE(DualXVSR);

// Re-initialises every parameter as the network is initialised for training (deterministic
// under torch::manual_seed).
void initialiseWeights(DualXVSRImpl& model);

} // namespace dualx::model
