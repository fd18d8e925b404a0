#include "dualx/degrade.h"

#include "dualx/errors.h"
#include "train/degradation.h"
#include "train/video_compression.h"
#include "video/video_file_writer.h"
#include "video/video_frame_reader.h"

#include <cmath>

namespace dualx {

DegradeReport degradeVideoFile(const std::string& input, const std::string& output, uint64_t seed, int64_t maxFrames)
{
    video::VideoFrameReader reader(input);
    const auto& info = reader.info();
    const int gtW = info.width / 4 * 4, gtH = info.height / 4 * 4;
    if (gtW < 4 || gtH < 4) throw Error(ErrorCode::InvalidArgument, "'" + input + "' is too small to degrade x4");

    // The plan is drawn for more frames than the clip can have; the walks are cheap to extend.
    const int64_t estimate = info.frameCountEstimate > 0 ? info.frameCountEstimate : 100000;
    const int64_t planFrames = std::max<int64_t>(1, (maxFrames > 0 ? std::min(maxFrames, estimate) : estimate) * 5 / 4 + 64);
    std::mt19937_64 rng(seed);
    const auto plan = train::sampleDegradationPlan(rng, static_cast<int>(planFrames), gtW / 4, gtH / 4);

    std::vector<cv::Mat> lr;
    video::RgbFrame frame;
    while ((maxFrames <= 0 || static_cast<int64_t>(lr.size()) < maxFrames) && reader.read(frame)) {
        if (static_cast<int64_t>(lr.size()) >= planFrames)
            throw Error(ErrorCode::InvalidArgument, "'" + input + "' has more frames than its header says; use --frames");
        cv::Mat rgb(frame.height, frame.width, CV_8UC3, frame.rgb.data());
        cv::Mat gt;
        rgb(cv::Rect(0, 0, gtW, gtH)).convertTo(gt, CV_32FC3, 1.0 / 255.0);
        lr.push_back(train::degradeFrame(gt, plan, static_cast<int>(lr.size()), rng));
    }
    if (lr.empty()) throw Error(ErrorCode::CorruptFile, "'" + input + "' has no frames to degrade");
    lr = train::compressVideo(lr, plan.codec, plan.bitRate);

    video::VideoWriterSettings settings;
    settings.width = gtW / 4;
    settings.height = gtH / 4;
    if (info.fps > 0) {
        settings.fpsNum = static_cast<int>(std::lround(info.fps * 1000));
        settings.fpsDen = 1000;
    }
    video::VideoFileWriter writer(output, settings);
    for (const auto& m : lr) {
        cv::Mat continuous = m.isContinuous() ? m : m.clone();
        writer.write(continuous.data, continuous.total() * continuous.elemSize());
    }
    writer.finish();
    return {static_cast<int64_t>(lr.size()), settings.width, settings.height, plan.describe()};
}

} // namespace dualx
