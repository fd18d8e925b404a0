// The crash-safety journal: segments are trusted only when recorded and intact; anything else
// in the job folder is a leftover; a changed job starts afresh. Segments are cut on a frame grid
// fixed by the settings.
#include "pipeline/segment_grid.h"
#include "pipeline/segment_journal.h"
#include "test_support.h"

extern "C" {
#include <libavcodec/packet.h>
}

#include <QTemporaryDir>

#include <filesystem>
#include <fstream>

using namespace dualx;
using namespace dualx::pipeline;
namespace fs = std::filesystem;

namespace {

// Writes one segment of `frames` packets whose payload encodes their frame number.
void writeSegment(SegmentJournal& journal, int64_t first, int64_t frames)
{
    journal.beginSegment(first);
    for (int64_t i = first; i < first + frames; ++i) {
        AVPacket* p = av_packet_alloc();
        av_new_packet(p, 3 + static_cast<int>(i % 5));
        std::fill(p->data, p->data + p->size, static_cast<uint8_t>(i));
        p->pts = i * 100;
        p->dts = i * 100 - 200;
        p->duration = 100;
        p->flags = i == first ? AV_PKT_FLAG_KEY : 0;
        journal.appendPacket(p);
        av_packet_free(&p);
    }
    journal.commitSegment(frames);
}

std::vector<int64_t> packetTimes(const SegmentJournal& journal)
{
    std::vector<int64_t> pts;
    journal.forEachPacket([&](AVPacket* p) {
        QCOMPARE(p->dts, p->pts - 200);
        QCOMPARE(static_cast<int64_t>(p->data[0]), p->pts / 100 % 256);
        pts.push_back(p->pts);
    });
    return pts;
}

} // namespace

class TestPipelineJournal : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string out(const char* name) { return m_dir.filePath(name).toStdString(); }

private Q_SLOTS:
    void finishedSegmentsSurviveAReopen()
    {
        const auto output = out("a.mkv");
        {
            SegmentJournal journal(output, "job-1", {1, 2, 3});
            QCOMPARE(journal.framesDone(), int64_t{0});
            writeSegment(journal, 0, 4);
            writeSegment(journal, 4, 3);
            journal.beginSegment(7); // killed while this one was being written
            AVPacket* p = av_packet_alloc();
            av_new_packet(p, 10);
            journal.appendPacket(p);
            av_packet_free(&p);
            std::ofstream(SegmentJournal::folderFor(output) + "/journal.json.tmp") << "{ torn"; // a torn journal write
        }
        SegmentJournal again(output, "job-1", {1, 2, 3});
        QVERIFY(again.restartReason().empty());
        QCOMPARE(again.framesDone(), int64_t{7});
        QCOMPARE(again.segments().size(), size_t{2});
        QCOMPARE(packetTimes(again), (std::vector<int64_t>{0, 100, 200, 300, 400, 500, 600}));
        // Only the journal and the two finished segments are left.
        QCOMPARE(std::distance(fs::directory_iterator(again.folder()), fs::directory_iterator{}), std::ptrdiff_t{3});
        writeSegment(again, 7, 2);
        QCOMPARE(again.framesDone(), int64_t{9});
        again.remove();
        QVERIFY(!fs::exists(SegmentJournal::folderFor(output)));
    }

    void aChangedJobStartsAfresh()
    {
        const auto output = out("b.mkv");
        {
            SegmentJournal journal(output, "job-1", {1});
            writeSegment(journal, 0, 5);
        }
        {
            SegmentJournal otherSettings(output, "job-2", {1});
            QVERIFY(otherSettings.restartReason().find("changed") != std::string::npos);
            QCOMPARE(otherSettings.framesDone(), int64_t{0});
            writeSegment(otherSettings, 0, 5);
        }
        SegmentJournal otherEncoder(output, "job-2", {9});
        QVERIFY(otherEncoder.restartReason().find("headers") != std::string::npos);
        QCOMPARE(otherEncoder.framesDone(), int64_t{0});
    }

    void aDamagedSegmentIsRedone()
    {
        const auto output = out("c.mkv");
        std::string second;
        {
            SegmentJournal journal(output, "job", {});
            writeSegment(journal, 0, 4);
            writeSegment(journal, 4, 4);
            writeSegment(journal, 8, 4);
            second = journal.folder() + "/" + journal.segments()[1].file;
        }
        fs::resize_file(second, fs::file_size(second) - 1);
        SegmentJournal journal(output, "job", {});
        QVERIFY(journal.restartReason().find("damaged") != std::string::npos);
        QCOMPARE(journal.framesDone(), int64_t{4}); // the damaged segment and all after it are redone
        QCOMPARE(packetTimes(journal).size(), size_t{4});
    }

    void aJournalNamingFilesOutsideItsFolderIsNotTrusted()
    {
        const auto output = out("e.mkv");
        const std::string folder = SegmentJournal::folderFor(output);
        fs::create_directories(folder);
        std::ofstream(out("outside.dxseg")) << "DXSEG";
        std::ofstream(folder + "/journal.json")
            << R"({"format": "dualx-job 1", "fingerprint": "job", "extradata": "", "segments": [)"
               R"({"file": "../outside.dxseg", "first_frame": 0, "frames": 5, "packets": 0, "bytes": 5}]})";
        SegmentJournal journal(output, "job", {});
        QVERIFY(journal.restartReason().find("damaged") != std::string::npos);
        QCOMPARE(journal.framesDone(), int64_t{0});
        QVERIFY(fs::exists(out("outside.dxseg")));
    }

    void unreadableJournalAndDiscard()
    {
        const auto output = out("d.mkv");
        fs::create_directories(SegmentJournal::folderFor(output));
        std::ofstream(SegmentJournal::folderFor(output) + "/journal.json") << "not json";
        std::ofstream(SegmentJournal::folderFor(output) + "/segment-000000.dxseg") << "junk";
        {
            SegmentJournal journal(output, "job", {});
            QVERIFY(journal.restartReason().find("unreadable") != std::string::npos);
            QVERIFY(!fs::exists(journal.folder() + "/segment-000000.dxseg"));
        }
        QVERIFY(discardJobFolder(output));
        QVERIFY(!discardJobFolder(output));
        test::expectError([&] { SegmentJournal(out("no/such/folder/e.mkv"), "job", {}); }, ErrorCode::FileUnwritable, "job folder");
    }

    void segmentGridComesFromSettingsNotTiming()
    {
        // Given frames win; otherwise 30 s of nominal CPU work for the small model at 320x180
        // (25.7 G MACs a frame) is 21 frames, and the same settings always give the same grid.
        QCOMPARE(segmentLengthFrames(5, 30, 25.7e9, DeviceKind::Cpu), int64_t(5));
        const int64_t cpu = segmentLengthFrames(0, 30, 25.7e9, DeviceKind::Cpu);
        QCOMPARE(cpu, int64_t(21));
        QCOMPARE(segmentLengthFrames(0, 30, 25.7e9, DeviceKind::Cpu), cpu);
        QVERIFY(segmentLengthFrames(0, 30, 25.7e9, DeviceKind::Cuda) > cpu);
        QCOMPARE(segmentLengthFrames(0, 30, 1e15, DeviceKind::Cpu), kMinSegmentFrames); // huge frames
        QCOMPARE(segmentLengthFrames(0, 30, 1, DeviceKind::Cpu), kMaxSegmentFrames);    // tiny frames
        QCOMPARE(segmentLengthFrames(0, 30, 0, DeviceKind::Cpu), kMaxSegmentFrames);
        // A resumed job continues on the same grid: cuts after frames 21, 42, ... only.
        QVERIFY(!segmentEndsAfter(20, cpu));
        QVERIFY(segmentEndsAfter(21, cpu));
        QVERIFY(!segmentEndsAfter(22, cpu));
        QVERIFY(segmentEndsAfter(42, cpu));
    }
};

QTEST_APPLESS_MAIN(TestPipelineJournal)
#include "test_pipeline_journal.moc"
