#include "dualx/model_stats.h"

#include "dualx/errors.h"
#include "model/dualx_vsr.h"

namespace dualx {

namespace {

double linearMacs(double tokens, double in, double out) { return tokens * in * out; }
double convMacs(double pixels, double in, double out) { return pixels * 9.0 * in * out; }

// One pre-norm block applied to `tokens` tokens in sequences of length `seqLen`.
double blockMacs(double tokens, double seqLen, double dim, double mlpDim, const AttentionShape& a)
{
    const double inner = a.innerDim();
    return linearMacs(tokens, dim, 3 * inner) + linearMacs(tokens, inner, dim) // qkv, proj
           + 2.0 * tokens * seqLen * inner                                     // q k^T and scores v
           + linearMacs(tokens, dim, mlpDim) + linearMacs(tokens, mlpDim, dim);
}

int64_t countParameters(const torch::nn::Module& module)
{
    int64_t total = 0;
    for (const auto& p : module.parameters()) total += p.numel();
    return total;
}

} // namespace

ModelStats computeModelStats(const ModelConfig& config, int frames, int width, int height)
{
    if (frames < 1 || width < 1 || height < 1) throw Error(ErrorCode::InvalidArgument, "model stats need frames, width and height >= 1");
    model::DualXVSR net(config);
    const auto& c = net->config();
    const double n = frames, p = c.patchSize, ch = c.featureChannels, d = c.embedDim;
    const double hp = std::ceil(height / p) * p, wp = std::ceil(width / p) * p;
    const double nh = hp / p, nw = wp / p;
    const double pixels = n * hp * wp, tokens = n * nh * nw;

    auto params = [&](const std::vector<std::string>& prefixes) {
        int64_t total = 0;
        for (const auto& item : net->named_children())
            for (const auto& prefix : prefixes)
                if (item.key() == prefix) total += countParameters(*item.value());
        return total;
    };

    ModelStats stats;
    stats.stages.push_back({"input conv", params({"conv_in"}), convMacs(pixels, 3, ch)});
    if (c.neighbourInput) stats.stages.push_back({"aligned-neighbour input conv", params({"conv_neighbours"}), convMacs(pixels, 6, ch)});
    stats.stages.push_back({"embedding temporal attention", params({"embed_temporal"}),
                            c.embedTemporalDepth * blockMacs(pixels, n, ch, c.embedTemporalMlpDim, c.temporalAttention)});
    stats.stages.push_back({"token embedding", params({"token_embed"}), linearMacs(tokens, ch * p * p, d)});
    stats.stages.push_back(
        {"VTAB x" + std::to_string(c.vtabDepth), params({"vtab"}), c.vtabDepth * blockMacs(tokens, n * nh, d, c.mlpDim, c.axialAttention)});
    stats.stages.push_back(
        {"HTAB x" + std::to_string(c.htabDepth), params({"htab"}), c.htabDepth * blockMacs(tokens, n * nw, d, c.mlpDim, c.axialAttention)});
    stats.stages.push_back({"token unembedding", params({"token_norm", "token_unembed"}), linearMacs(tokens, d, ch * p * p)});
    stats.stages.push_back({"reconstruction temporal attention", params({"recon_temporal"}),
                            c.reconTemporalDepth * blockMacs(pixels, n, ch, c.reconTemporalMlpDim, c.temporalAttention)});
    double upMacs = (1 + 2 * c.reconBlocks) * convMacs(pixels, ch, ch); // conv_body, recon_blocks
    if (c.upsampler == UpsamplerKind::PixelShuffle2x2)
        upMacs += convMacs(pixels, ch, 4 * ch) + convMacs(4 * pixels, ch, 4 * ch) + convMacs(16 * pixels, ch, 3);
    else
        upMacs += convMacs(pixels, ch, 48);
    stats.stages.push_back({"reconstruction convs + upsampler", params({"conv_body", "recon_blocks", "upsampler"}), upMacs});
    if (c.sourceConditioned) { // one multiply-add per feature at each site
        double macs = 2 * pixels * ch + tokens * d;
        if (c.deepSourceCondition) macs += 2 * tokens * d + c.reconBlocks * pixels * ch + 16 * pixels * 3;
        if (c.splitSourceCondition) macs *= 2; // both sides' terms at every site
        stats.stages.push_back({"source conditioning", params({"source_condition"}), macs});
    }

    if (c.cleanReconBlocks > 0) // run only for inputs told (partly) clean
        stats.stages.push_back(
            {"clean-side reconstruction blocks", params({"clean_recon_blocks"}), 2 * c.cleanReconBlocks * convMacs(pixels, ch, ch)});

    stats.parameters = countParameters(*net);
    for (const auto& s : stats.stages) stats.macs += s.macs;
    return stats;
}

} // namespace dualx
