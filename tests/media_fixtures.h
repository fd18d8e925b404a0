#pragma once
// Test media made on the spot: textured photos written with OpenCV, short clips encoded by the
// ffmpeg command-line tool (installed with the project's dependencies).
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <random>
#include <string>

namespace dualx::test {

// A photo with edges, gradients, text and noise: something a super-resolution network can learn.
inline std::string writeTexturedPhoto(const std::string& path, int width, int height, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> u(0, 255);
    cv::Mat img(height, width, CV_8UC3);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            img.at<cv::Vec3b>(y, x) = cv::Vec3b(static_cast<uchar>(x * 255 / width), static_cast<uchar>(y * 255 / height), 128);
    for (int i = 0; i < 40; ++i) {
        const cv::Scalar colour(u(rng), u(rng), u(rng));
        const cv::Point p(u(rng) * width / 256, u(rng) * height / 256);
        if (i % 3 == 0)
            cv::circle(img, p, 3 + u(rng) % 30, colour, -1, cv::LINE_AA);
        else if (i % 3 == 1)
            cv::line(img, p, cv::Point(u(rng) * width / 256, u(rng) * height / 256), colour, 1 + u(rng) % 3, cv::LINE_AA);
        else
            cv::putText(img, "DualX", p, cv::FONT_HERSHEY_SIMPLEX, 0.5 + (u(rng) % 10) / 10.0, colour, 1, cv::LINE_AA);
    }
    cv::imwrite(path, img);
    return path;
}

// Runs `program arguments` until it kills itself with SIGKILL (no chance to clean up, the way a
// crash or power cut would hit a job) right after journaling its `segments`-th segment
// (DUALX_KILL_AFTER_SEGMENTS): the same moment on a slow machine and a fast one. False if it
// ended any other way.
inline bool runUntilKilledAfterSegments(const QString& program, const QStringList& arguments, int segments, int timeoutMs = 240'000)
{
    QProcess process;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("DUALX_KILL_AFTER_SEGMENTS", QString::number(segments));
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    return process.waitForFinished(timeoutMs) && process.exitStatus() == QProcess::CrashExit;
}

// Runs ffmpeg with the given arguments; returns true on success.
inline bool runFfmpeg(const QStringList& args)
{
    QProcess p;
    p.start("ffmpeg", QStringList{"-v", "error", "-y"} + args);
    return p.waitForFinished(120'000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// A moving test pattern, `frames` frames of width x height, H.264 in MP4.
inline bool writeTestClip(const std::string& path, int width, int height, int frames, int fps = 10)
{
    return runFfmpeg({"-f", "lavfi", "-i", QString("testsrc2=size=%1x%2:rate=%3").arg(width).arg(height).arg(fps), "-frames:v",
                      QString::number(frames), "-pix_fmt", "yuv420p", "-c:v", "libx264", "-crf", "12", QString::fromStdString(path)});
}

} // namespace dualx::test
