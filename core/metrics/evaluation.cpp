#include "dualx/evaluation.h"

#include "dualx/errors.h"
#include "metrics/brisque.h"
#include "metrics/ewarp.h"
#include "metrics/frame_source.h"
#include "metrics/niqe.h"
#include "metrics/periodic_artifacts.h"
#include "metrics/psnr.h"
#include "metrics/ssim.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>

namespace dualx {

namespace fs = std::filesystem;

using metrics::FrameSource;

namespace {

const std::set<std::string> kNeedReference = {"psnr", "ssim", "ewarp"};

} // namespace

std::vector<std::string> knownMetrics() { return {"psnr", "ssim", "niqe", "brisque", "ewarp", "periodic"}; }

std::string knownMetricsText()
{
    std::string text;
    for (const auto& m : knownMetrics()) text += (text.empty() ? "" : ", ") + m;
    return text;
}

EvaluationResult evaluate(const EvaluationOptions& options, const std::function<void(int64_t)>& onFrame)
{
    const auto known = knownMetrics();
    for (const auto& m : options.metrics) {
        if (std::find(known.begin(), known.end(), m) == known.end())
            throw Error(ErrorCode::InvalidArgument, "unknown metric '" + m + "' (known: " + knownMetricsText() + ")");
        if (kNeedReference.count(m) && options.reference.empty())
            throw Error(ErrorCode::InvalidArgument, "metric '" + m + "' needs --ref (no-reference metrics: niqe, brisque, periodic)");
    }
    FrameSource test(options.test);
    std::unique_ptr<FrameSource> reference;
    if (!options.reference.empty()) reference = std::make_unique<FrameSource>(options.reference);

    EvaluationResult result;
    result.metrics = options.metrics;
    torch::Tensor t, r, previousT, previousR;
    while (test.next(t)) {
        if (reference) {
            if (!reference->next(r))
                throw Error(ErrorCode::InvalidArgument, "reference '" + options.reference + "' has fewer frames ("
                                                            + std::to_string(result.frames) + ") than '" + options.test + "'");
            if (r.sizes() != t.sizes())
                throw Error(ErrorCode::InvalidArgument, "frame " + std::to_string(result.frames) + ": reference is "
                                                            + std::to_string(r.size(2)) + "x" + std::to_string(r.size(1)) + ", test is "
                                                            + std::to_string(t.size(2)) + "x" + std::to_string(t.size(1)));
        }
        for (const auto& m : options.metrics) {
            double v = std::nan("");
            if (m == "psnr")
                v = metrics::meanPsnr(t, r, options.lumaOnly, options.cropBorder);
            else if (m == "ssim")
                v = metrics::meanSsim(t, r, options.lumaOnly, options.cropBorder);
            else if (m == "niqe")
                v = metrics::niqe(t, options.cropBorder);
            else if (m == "brisque")
                v = metrics::brisque(t);
            else if (m == "periodic")
                v = metrics::periodicArtifactsPerFrame(t).front();
            else if (m == "ewarp" && previousT.defined())
                v = metrics::ewarp(torch::stack({previousT, t}), torch::stack({previousR, r}));
            result.perFrame[m].push_back(v);
        }
        previousT = t;
        previousR = r;
        ++result.frames;
        if (onFrame) onFrame(result.frames);
    }
    if (reference && reference->next(r))
        throw Error(ErrorCode::InvalidArgument, "reference '" + options.reference + "' has more frames than '" + options.test + "' ("
                                                    + std::to_string(result.frames) + ")");
    if (result.frames == 0) throw Error(ErrorCode::InvalidArgument, "'" + options.test + "' has no frames");

    for (const auto& m : options.metrics) {
        double sum = 0;
        int n = 0;
        // NaN marks "no value" (E_warp's first frame, NIQE of a flat frame); inf (identical
        // frames in PSNR) is a value.
        for (double v : result.perFrame[m])
            if (!std::isnan(v)) {
                sum += v;
                ++n;
            }
        result.mean[m] = n ? sum / n : std::nan("");
    }
    if (!options.csvPath.empty()) {
        std::ofstream csv(options.csvPath, std::ios::trunc);
        if (!csv) throw Error(ErrorCode::FileUnwritable, "cannot write '" + options.csvPath + "'");
        csv << "frame";
        for (const auto& m : options.metrics) csv << ',' << m;
        csv << "\n";
        csv.precision(10);
        for (int64_t i = 0; i < result.frames; ++i) {
            csv << i;
            for (const auto& m : options.metrics) {
                const double v = result.perFrame[m][static_cast<size_t>(i)];
                csv << ',';
                if (!std::isnan(v)) csv << v;
            }
            csv << "\n";
        }
    }
    return result;
}

} // namespace dualx
