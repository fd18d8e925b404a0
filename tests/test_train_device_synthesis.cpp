// Training material made on the device (dualx-synth-train's path): JPEG-like DCT compression,
// the four degradation families in tensors, source packs (packed, unpacked in C++ and by the
// GPU machine's Python unpacker), clips drawn from them, and the trainer's resumable slices.
#include "dualx/training.h"
#include "dualx/weights.h"
#include "media_fixtures.h"
#include "metrics/psnr.h"
#include "model/weights.h"
#include "test_support.h"
#include "train/bicubic_downscale.h"
#include "train/dct_compression.h"
#include "train/device_trainer.h"
#include "train/source_pack_packing.h"

#include <QTemporaryDir>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <nlohmann/json.hpp>

#include <fstream>

using namespace dualx;
using namespace dualx::train;

namespace {

// A textured RGB frame [3, H, W] in [0, 1] (the media fixtures' photo, read back).
torch::Tensor texturedFrame(const std::string& path, int width, int height, unsigned seed)
{
    cv::Mat bgr = cv::imread(test::writeTexturedPhoto(path, width, height, seed)), rgb;
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    return torch::from_blob(rgb.data, {height, width, 3}, torch::kUInt8).permute({2, 0, 1}).to(torch::kFloat32).div(255.0);
}

cv::Mat toMat(const torch::Tensor& chw)
{
    auto hwc = chw.clamp(0, 1).mul(255).round().to(torch::kUInt8).permute({1, 2, 0}).contiguous();
    return cv::Mat(static_cast<int>(hwc.size(0)), static_cast<int>(hwc.size(1)), CV_8UC3, hwc.data_ptr<uint8_t>()).clone();
}

bool onEightBitLevels(const torch::Tensor& x) { return torch::allclose(x * 255.0, (x * 255.0).round(), 0, 1e-3); }

// Mean absolute step across 8x8 block edges against the mean step inside blocks (columns).
double blockEdgeRatio(const torch::Tensor& frame)
{
    const auto steps
        = (frame.narrow(2, 1, frame.size(2) - 1) - frame.narrow(2, 0, frame.size(2) - 1)).abs().mean(std::vector<int64_t>{0, 1});
    double edge = 0, inside = 0;
    int edges = 0, insides = 0;
    for (int64_t x = 0; x < steps.size(0); ++x) {
        if (x % 8 == 7) {
            edge += steps[x].item<double>();
            ++edges;
        } else {
            inside += steps[x].item<double>();
            ++insides;
        }
    }
    return (edge / edges) / (inside / insides);
}

} // namespace

class TestTrainDeviceSynthesis : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string path(const std::string& name) { return m_dir.filePath(QString::fromStdString(name)).toStdString(); }

    // A pack of two training photos, one training video (frame f is a texture shifted by f px)
    // and a held-out photo and video.
    std::string writePackedPack()
    {
        SourcePackBuilder pack;
        pack.add({toMat(texturedFrame(path("p1.png"), 300, 260, 1))}, false);
        pack.add({toMat(texturedFrame(path("p2.png"), 280, 280, 2))}, false);
        const auto base = texturedFrame(path("v.png"), 200, 90, 3);
        std::vector<cv::Mat> video;
        for (int f = 0; f < 6; ++f) video.push_back(toMat(base.roll({f}, {2})));
        pack.add(video, false);
        pack.add({toMat(texturedFrame(path("h1.png"), 260, 260, 4))}, true);
        pack.add(std::vector<cv::Mat>(video.begin(), video.begin() + 4), true);
        writePackedSourcePack(path("packed.safetensors"), pack, {{"dualx.recipe", "device-test"}});
        return path("packed.safetensors");
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void dctCompressionIsJpegLike()
    {
        // libjpeg's scaling: quality 50 is the annex-K table itself, 100 all ones.
        QCOMPARE(jpegQuantisationTable(false, 50)[0][0].item<float>(), 16.0f);
        QCOMPARE(jpegQuantisationTable(true, 50)[7][7].item<float>(), 99.0f);
        QVERIFY(torch::all(jpegQuantisationTable(false, 100) == 1).item<bool>());
        QCOMPARE(jpegQuantisationTable(false, 10)[0][0].item<float>(), 80.0f);

        const auto frame = texturedFrame(path("dct.png"), 96, 64, 5).unsqueeze(0);
        const auto fine = dctCompress(frame, {100}), coarse = dctCompress(frame, {10});
        QCOMPARE(fine.sizes(), frame.sizes());
        QVERIFY(onEightBitLevels(coarse));
        const double fineDb = metrics::meanPsnr(fine, frame, true, 0), coarseDb = metrics::meanPsnr(coarse, frame, true, 0);
        QVERIFY2(fineDb > 38, std::to_string(fineDb).c_str());
        QVERIFY2(coarseDb < fineDb - 8, std::to_string(coarseDb).c_str());
        // Coarse quantisation shows at the block edges, as JPEG's does.
        QVERIFY2(blockEdgeRatio(coarse[0]) > 1.3 * blockEdgeRatio(frame[0]), std::to_string(blockEdgeRatio(coarse[0])).c_str());
        // One quality per frame, or one for all; anything else is named.
        QCOMPARE(dctCompress(torch::cat({frame, frame}), {100, 10})[1].sub(coarse[0]).abs().max().item<float>(), 0.0f);
        test::expectError([&] { dctCompress(frame, {50, 60}); }, ErrorCode::InvalidArgument, "2 qualities for 1 frames");
        test::expectError([&] { dctCompress(frame, {0}); }, ErrorCode::InvalidArgument, "quality 0");
    }

    void fieldCodingKeepsTheFieldsApart()
    {
        // An interlaced frame of a moving picture: the odd field is the even one 6 px later. Each
        // field alone is smooth; the woven frame is all combs, which frame coding smears.
        const auto a = texturedFrame(path("field.png"), 96, 64, 7);
        auto frame = a.clone().unsqueeze(0);
        frame.slice(2, 1, 64, 2).copy_(a.roll({6}, {2}).slice(1, 1, 64, 2));
        const auto fields = dctCompress(frame, {50}, true), whole = dctCompress(frame, {50}, false);
        const double fieldDb = metrics::meanPsnr(fields, frame, true, 0), wholeDb = metrics::meanPsnr(whole, frame, true, 0);
        QVERIFY2(fieldDb > wholeDb + 1, (std::to_string(fieldDb) + " vs " + std::to_string(wholeDb)).c_str());
        // A field's coding does not depend on the other field, as a field-coded picture's does not.
        auto other = frame.clone();
        other.slice(2, 1, 64, 2).copy_(a.roll({-9}, {2}).slice(1, 1, 64, 2));
        QVERIFY(torch::equal(dctCompress(other, {50}, true).slice(2, 0, 64, 2), fields.slice(2, 0, 64, 2)));
        QVERIFY(!torch::equal(dctCompress(other, {50}, false).slice(2, 0, 64, 2), whole.slice(2, 0, 64, 2)));
        test::expectError([&] { dctCompress(frame.narrow(2, 0, 31), {50}, true); }, ErrorCode::InvalidArgument, "even height");
    }

    void blurKernelsAreNormalisedAndShaped()
    {
        const auto iso = gaussianBlurKernel(21, 2.0, 2.0, 0);
        QCOMPARE(iso.sizes().vec(), (std::vector<int64_t>{21, 21}));
        QVERIFY(std::abs(iso.sum().item<double>() - 1) < 1e-5);
        QCOMPARE(iso.argmax().item<int64_t>(), int64_t{10 * 21 + 10});
        // The variance along x is sigma^2.
        const auto x = torch::arange(-10, 11, torch::kFloat32).view({1, -1});
        QVERIFY(std::abs((iso * x * x).sum().item<double>() - 4.0) < 0.05);
        // Anisotropic, rotated a quarter turn: wide along y instead of x.
        const auto aniso = gaussianBlurKernel(21, 3.0, 0.5, M_PI / 2);
        QVERIFY(aniso.sum(1)[10].item<float>() < aniso.sum(0)[10].item<float>());
        test::expectError([] { gaussianBlurKernel(4, 1, 1, 0); }, ErrorCode::InvalidArgument, "not odd");
    }

    void familiesDegradeAsTheyShould()
    {
        const auto frame = texturedFrame(path("deg.png"), 128, 96, 6);
        const auto gt = torch::stack({frame, frame.roll({2}, {2}), frame.roll({4}, {2}), frame.roll({6}, {2})});
        const auto clean = degradeOnDevice(gt, DeviceFamily::Clean, *std::make_unique<std::mt19937_64>(1));
        QVERIFY(torch::equal(clean, bicubicDownscale(gt, 4)));
        for (const auto family : {DeviceFamily::FirstOrder, DeviceFamily::Mild, DeviceFamily::Home}) {
            for (uint64_t seed = 0; seed < 4; ++seed) {
                std::mt19937_64 rng(seed), again(seed);
                std::string described;
                torch::manual_seed(seed);
                const auto lr = degradeOnDevice(gt, family, rng, &described);
                torch::manual_seed(seed);
                const auto replay = degradeOnDevice(gt, family, again);
                QCOMPARE(lr.sizes().vec(), (std::vector<int64_t>{4, 3, 24, 32}));
                QVERIFY(lr.min().item<float>() >= 0 && lr.max().item<float>() <= 1);
                QVERIFY(onEightBitLevels(lr));
                QVERIFY2(torch::equal(lr, replay), described.c_str());
                QVERIFY(described.starts_with(deviceFamilyName(family)));
                // Degraded, but still the same picture.
                const double db = metrics::meanPsnr(lr, clean, true, 2);
                QVERIFY2(db < 60 && db > 14, (described + ": " + std::to_string(db)).c_str());
            }
        }
        std::mt19937_64 rng(1);
        test::expectError([&] { degradeOnDevice(gt.narrow(2, 0, 94), DeviceFamily::Mild, rng); }, ErrorCode::InvalidArgument,
                          "divisible by 4");
        const DeviceFamilyMix onlyHome{0, 0, 0, 1};
        for (int i = 0; i < 10; ++i) QVERIFY(drawDeviceFamily(onlyHome, rng) == DeviceFamily::Home);
        test::expectError([&] { drawDeviceFamily({0, 0, 0, 0}, rng); }, ErrorCode::InvalidArgument, "every share is zero");
    }

    void aSingleFieldCaptureAlternatesItsField()
    {
        const auto frames = torch::rand({3, 3, 8, 6});
        const auto bob = keepOneField(frames);
        // Frame 0 keeps its even lines; line 3 is the mean of lines 2 and 4; the last odd line copies its neighbour.
        QVERIFY(torch::equal(bob[0].slice(1, 0, 8, 2), frames[0].slice(1, 0, 8, 2)));
        QVERIFY(torch::allclose(bob[0].select(1, 3), 0.5 * (frames[0].select(1, 2) + frames[0].select(1, 4))));
        QVERIFY(torch::allclose(bob[0].select(1, 7), frames[0].select(1, 6)));
        // Frame 1 keeps its odd lines; line 0 copies line 1.
        QVERIFY(torch::equal(bob[1].slice(1, 1, 8, 2), frames[1].slice(1, 1, 8, 2)));
        QVERIFY(torch::allclose(bob[1].select(1, 0), frames[1].select(1, 1)));
        QVERIFY(torch::equal(bob[2].slice(1, 0, 8, 2), frames[2].slice(1, 0, 8, 2)));
    }

    void sourcePacksTravelAndUnpack()
    {
        const auto packed = writePackedPack();
        const auto pack = unpackSourcePack(packed);
        QCOMPARE(pack.items.size(), size_t{5});
        QCOMPARE(pack.frameCount(), int64_t{13});
        QVERIFY(pack.items[3].validation && !pack.items[2].validation);
        QCOMPARE(pack.frames(2, 1, 3).sizes().vec(), (std::vector<int64_t>{3, 90, 200, 3}));
        // JPEG quality 92 keeps the frames close.
        cv::Mat original = cv::imread(path("p2.png")), rgb;
        cv::cvtColor(original, rgb, cv::COLOR_BGR2RGB);
        const auto expected = torch::from_blob(rgb.data, {1, 280, 280, 3}, torch::kUInt8).to(torch::kFloat32);
        const double db = metrics::meanPsnr(pack.frames(1, 0, 1).to(torch::kFloat32).div(255).permute({0, 3, 1, 2}),
                                            expected.div(255).permute({0, 3, 1, 2}), true, 0);
        QVERIFY2(db > 35, std::to_string(db).c_str());

        // Raw form: exact round trip; the packed form is refused by name.
        saveSourcePack(path("raw.safetensors"), pack);
        const auto raw = loadSourcePack(path("raw.safetensors"));
        QVERIFY(torch::equal(raw.pixels, pack.pixels));
        QCOMPARE(raw.items.size(), pack.items.size());
        test::expectError([&] { loadSourcePack(packed); }, ErrorCode::CorruptFile, "unpacked first");

        // The GPU machine's unpacker (Python, cv2) gives the same pixels as the C++ one.
        const auto run
            = test::runCli(DUALX_SYSTEM_PYTHON, {QString(DUALX_SOURCE_DIR) + "/tools/device-check/unpack-sources.py",
                                                 QString::fromStdString(packed), QString::fromStdString(path("py.safetensors"))});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const auto fromPython = loadSourcePack(path("py.safetensors"));
        QVERIFY(torch::equal(fromPython.pixels, pack.pixels));
        QCOMPARE(fromPython.metadata.at("dualx.recipe"), std::string("device-test"));

        // A pack whose pixels do not match its items is named.
        model::writeSafetensors(path("bad.safetensors"), {{"items", itemsTable(pack.items)}, {"pixels", pack.pixels.narrow(0, 0, 100)}},
                                {{"dualx.format", kSourcePackFormat}});
        test::expectError([&] { loadSourcePack(path("bad.safetensors")); }, ErrorCode::CorruptFile, "the items need");
    }

    void aRecipesMaterialBecomesASourcePack()
    {
        QVERIFY(test::writeTestClip(path("clip.mp4"), 160, 120, 8));
        const nlohmann::json recipe = {{"name", "sources-test"},
                                       {"preset", "tiny"},
                                       {"data",
                                        {{"photos", {test::writeTexturedPhoto(path("r1.png"), 400, 300, 8)}},
                                         {"videos", {path("clip.mp4")}},
                                         {"validation", {test::writeTexturedPhoto(path("rv.png"), 200, 150, 9)}},
                                         {"video_scale", 1.0}}},
                                       {"checkpoint", path("unused.safetensors")}};
        std::ofstream(path("recipe.json")) << recipe.dump(2);
        writeTrainingSources(path("recipe.json"), path("recipe-pack.safetensors"), 256, 5);
        const auto pack = unpackSourcePack(path("recipe-pack.safetensors"));
        QCOMPARE(pack.items.size(), size_t{3});
        // The photo at most 256 px on its long side, the video's first 5 frames, the held-out photo last.
        QCOMPARE(std::max(pack.items[0].width, pack.items[0].height), int64_t{256});
        QCOMPARE(pack.items[1].frames, int64_t{5});
        QVERIFY(!pack.items[1].validation && pack.items[2].validation);
        QCOMPARE(pack.metadata.at("dualx.recipe"), std::string("sources-test"));
        auto noValidation = recipe;
        noValidation["data"].erase("validation");
        std::ofstream(path("recipe2.json")) << noValidation.dump(2);
        test::expectError([&] { writeTrainingSources(path("recipe2.json"), path("x.safetensors"), 256, 5); }, ErrorCode::InvalidArgument,
                          "names no validation files");
    }

    void clipsAreDrawnFromTheRightItems()
    {
        const auto pack = unpackSourcePack(writePackedPack());
        const DeviceClipSettings settings{4, 64, 0.5, 6.0};
        const DeviceClipSampler training(pack, false, settings, torch::kCPU);
        QCOMPARE(training.photoCount(), size_t{2});
        QCOMPARE(training.videoCount(), size_t{1});
        std::mt19937_64 rng(3);
        // A video clip is consecutive frames: the texture moves 1 px per frame (2 at stride 2),
        // up to the pack's JPEG error.
        auto shiftError = [](const torch::Tensor& clip, int shift) {
            return (clip[1].narrow(2, shift, 64 - shift) - clip[0].narrow(2, 0, 64 - shift)).abs().mean().item<float>();
        };
        for (int i = 0; i < 4; ++i) {
            const auto clip = training.sampleVideo(rng);
            QCOMPARE(clip.sizes().vec(), (std::vector<int64_t>{4, 3, 64, 64}));
            const float best = std::min(shiftError(clip, 1), shiftError(clip, 2));
            QVERIFY2(best < 0.04f && best < shiftError(clip, 4) / 2,
                     (std::to_string(best) + " " + std::to_string(shiftError(clip, 4))).c_str());
        }
        // A photo clip moves: consecutive frames differ, and stay in [0, 1].
        const auto photo = training.samplePhoto(rng);
        QCOMPARE(photo.sizes().vec(), (std::vector<int64_t>{4, 3, 64, 64}));
        QVERIFY((photo[1] - photo[0]).abs().mean().item<float>() > 1e-3f);
        QVERIFY(photo.min().item<float>() >= 0 && photo.max().item<float>() <= 1);
        QVERIFY(DeviceClipSampler::textureOf(photo) > DeviceClipSampler::textureOf(torch::full({2, 3, 16, 16}, 0.5f)));
        // Held-out items only in the validation split; items too small for a clip are named.
        const DeviceClipSampler held(pack, true, settings, torch::kCPU);
        QCOMPARE(held.photoCount() + held.videoCount(), size_t{2});
        test::expectError(
            [&] {
                DeviceClipSampler(pack, false, {4, 200, 0.5, 6.0}, torch::kCPU);
            },
            ErrorCode::InvalidArgument, "no training item is large enough");
    }

    void trainerSlicesResumeExactly()
    {
        saveSourcePack(path("train-raw.safetensors"), unpackSourcePack(writePackedPack()));
        torch::manual_seed(0);
        model::DualXVSR net(presetConfig("tiny"));
        model::saveModelWeights(*net, path("init.safetensors"), "mse", {{"dualx.stages", "tiny-test@1"}});
        auto options = [&](const std::string& checkpoint) {
            DeviceTrainingOptions o;
            o.name = "device-test";
            o.sources = path("train-raw.safetensors");
            o.init = path("init.safetensors");
            o.checkpoint = checkpoint;
            o.batch = 2;
            o.lrCrop = 12;
            o.frames = 3;
            o.totalSteps = 10;
            o.validationClips = 1;
            return o;
        };
        // Four steps in one slice ...
        DeviceTrainer straight(options(path("straight.safetensors")), {});
        QVERIFY(!straight.restore());
        for (int i = 0; i < 4; ++i) QVERIFY(std::isfinite(straight.trainStep()));
        // ... equal two slices of two steps, the second resuming the first's checkpoint.
        {
            DeviceTrainer first(options(path("sliced.safetensors")), {});
            first.restore();
            first.trainStep();
            first.trainStep();
            first.saveCheckpoint();
        }
        DeviceTrainer second(options(path("sliced.safetensors")), {});
        QVERIFY(second.restore());
        QCOMPARE(second.state().step, int64_t{2});
        second.trainStep();
        second.trainStep();
        for (const auto& p : straight.network()->named_parameters())
            QVERIFY2(torch::equal(p.value(), second.network()->named_parameters()[p.key()]), p.key().c_str());
        // Validation covers every family, blind, against bicubic.
        const auto scores = second.validate();
        QCOMPARE(scores.size(), size_t{4});
        QVERIFY(scores[0].family == DeviceFamily::Clean && scores[3].family == DeviceFamily::Home);
        for (const auto& s : scores) QVERIFY(s.psnr > 5 && s.bicubic > 5);
        // The export ships the weight average, with the stages it came through.
        second.exportWeights(path("exported.safetensors"), torch::kFloat16);
        const auto info = inspectWeightFile(path("exported.safetensors"));
        QCOMPARE(info.storageDtype, std::string("F16"));
        QCOMPARE(info.metadata.at("dualx.stages"), std::string("tiny-test@1;device-test@4"));
        QCOMPARE(info.metadata.at("dualx.samples_seen"), std::string("8"));
        auto noInit = options(path("none.safetensors"));
        noInit.init.clear();
        test::expectError([&] { DeviceTrainer(noInit, {}); }, ErrorCode::InvalidArgument, "no init weights");
    }

    void toolRunsASliceAndNamesBadArguments()
    {
        saveSourcePack(path("tool-raw.safetensors"), unpackSourcePack(writePackedPack()));
        torch::manual_seed(1);
        model::DualXVSR net(presetConfig("tiny"));
        model::saveModelWeights(*net, path("tool-init.safetensors"), "mse", {});
        const QString tool = DUALX_SYNTH_TRAIN_PATH;
        const QStringList common{"--sources",
                                 QString::fromStdString(path("tool-raw.safetensors")),
                                 "--checkpoint",
                                 QString::fromStdString(path("tool-ck.safetensors")),
                                 "--init",
                                 QString::fromStdString(path("tool-init.safetensors")),
                                 "--device",
                                 "cpu",
                                 "--batch",
                                 "2",
                                 "--crop",
                                 "12",
                                 "--frames",
                                 "3",
                                 "--validation-clips",
                                 "1",
                                 "--validate-every",
                                 "2",
                                 "--log",
                                 QString::fromStdString(path("tool.csv"))};
        auto r = test::runCli(tool, common + QStringList{"--steps", "2", "--samples", QString::fromStdString(path("samples"))});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("2 steps in"));
        QVERIFY(QDir(QString::fromStdString(path("samples"))).entryList({"sample-*.ppm"}).size() == 2);
        r = test::runCli(tool, common + QStringList{"--steps", "2", "--export", QString::fromStdString(path("tool-out.safetensors"))});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("resumed"));
        QCOMPARE(inspectWeightFile(path("tool-out.safetensors")).metadata.at("dualx.iterations"), std::string("4"));
        std::ifstream log(path("tool.csv"));
        int lines = 0;
        for (std::string line; std::getline(log, line);) ++lines;
        QCOMPARE(lines, 4); // header, step 0, 2 (first slice), 4 (second, appended)
        QCOMPARE(test::runCli(tool, {"--sources", "x"}).exitCode, 2);
        QCOMPARE(test::runCli(tool, common + QStringList{"--steps", "1", "--mix", "1,2"}).exitCode, 2);
    }
};

QTEST_APPLESS_MAIN(TestTrainDeviceSynthesis)
#include "test_train_device_synthesis.moc"
