// The crash-safety journal: segments are trusted only when recorded and intact; anything else
// in the job folder is a leftover; a changed job starts afresh.
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
        test::expectError([&] { SegmentJournal(out("no/such/folder/e.mkv"), "job", {}); }, ErrorCode::FileUnwritable,
                          "job folder");
    }
};

QTEST_APPLESS_MAIN(TestPipelineJournal)
#include "test_pipeline_journal.moc"
