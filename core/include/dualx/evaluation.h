#pragma once
// `dualx eval`: quality metrics of a test video (or image folder) against a reference, frame by
// frame, with a per-frame CSV and a summary. No-reference metrics work without a reference.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace dualx {

struct EvaluationOptions {
    std::string reference;            // video or image folder; empty: no-reference metrics only
    std::string test;                 // video or image folder
    std::vector<std::string> metrics; // psnr, ssim, niqe, brisque, ewarp, periodic (see metrics/periodic_artifacts.h)
    bool lumaOnly = false;            // PSNR/SSIM on BT.601 Y
    int cropBorder = 0;
    std::string csvPath; // per-frame values; empty: none
};

struct EvaluationResult {
    int64_t frames = 0;
    std::vector<std::string> metrics;   // in the order asked
    std::map<std::string, double> mean; // per metric over frames (E_warp over pairs)
    std::map<std::string, std::vector<double>> perFrame;
};

// Throws InvalidArgument for unknown metrics, reference metrics without a reference, and
// references whose frame count or size differ from the test's (naming both).
EvaluationResult evaluate(const EvaluationOptions& options, const std::function<void(int64_t)>& onFrame = {});

std::vector<std::string> knownMetrics();
std::string knownMetricsText(); // "psnr, ssim, ..." for messages

} // namespace dualx
