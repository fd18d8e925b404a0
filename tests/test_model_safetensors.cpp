// safetensors reader/writer: bit-exact round trips and a clear error for every kind of bad file.
#include "model/safetensors.h"
#include "test_support.h"

#include <QTemporaryDir>

#include <filesystem>

using namespace dualx;
using namespace dualx::model;
using dualx::test::readBytes;
using dualx::test::writeBytes;

namespace {

// A file with a hand-written header followed by `dataBytes` zero bytes.
std::string withHeader(const std::string& header, size_t dataBytes)
{
    std::string bytes(8, '\0');
    uint64_t len = header.size();
    for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>((len >> (8 * i)) & 0xff);
    return bytes + header + std::string(dataBytes, '\0');
}

} // namespace

class TestModelSafetensors : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string path(const char* name) { return m_dir.filePath(name).toStdString(); }

private Q_SLOTS:
    void roundTripIsBitExact()
    {
        torch::manual_seed(7);
        NamedTensors tensors = {
            {"f32", torch::randn({3, 5})},
            {"f16", torch::randn({4, 2}).to(torch::kFloat16)},
            {"bf16", torch::randn({7}).to(torch::kBFloat16)},
            {"f64", torch::randn({2, 2, 2}, torch::kFloat64)},
            {"i64", torch::arange(-5, 5, torch::kInt64)},
            {"u8", torch::randint(0, 255, {9}, torch::kUInt8)},
            {"bool", torch::rand({6}) > 0.5},
            {"scalar", torch::tensor(3.5f)},
            {"empty", torch::zeros({0, 4})},
            {"strided", torch::randn({6, 4}).t()}, // non-contiguous input is written contiguously
        };
        const Metadata metadata = {{"dualx.test", "value with \"quotes\" and ünïcode"}, {"k", ""}};
        writeSafetensors(path("a.safetensors"), tensors, metadata);
        QVERIFY(!std::filesystem::exists(path("a.safetensors") + ".partial"));

        const auto content = readSafetensors(path("a.safetensors"));
        QVERIFY(content.metadata == metadata);
        QCOMPARE(content.tensors.size(), tensors.size());
        for (const auto& [name, original] : tensors) {
            auto it = std::find_if(content.tensors.begin(), content.tensors.end(), [&](const auto& e) { return e.first == name; });
            QVERIFY2(it != content.tensors.end(), name.c_str());
            QCOMPARE(it->second.scalar_type(), original.scalar_type());
            QCOMPARE(it->second.sizes().vec(), original.sizes().vec());
            QVERIFY2(torch::equal(it->second, original.contiguous()), name.c_str());
        }
        // Writing what was read gives the same bytes.
        writeSafetensors(path("b.safetensors"), content.tensors, content.metadata);
        const auto header = readSafetensorsHeader(path("b.safetensors"));
        QCOMPARE(header.entries.size(), tensors.size());
    }

    void dataIsEightByteAligned()
    {
        writeSafetensors(path("align.safetensors"), {{"x", torch::ones({3})}}, {{"m", "abc"}});
        const auto bytes = readBytes(path("align.safetensors"));
        uint64_t len = 0;
        for (int i = 7; i >= 0; --i) len = (len << 8) | static_cast<unsigned char>(bytes[i]);
        QCOMPARE(len % 8, uint64_t{0});
    }

    void missingFileAndFolder()
    {
        test::expectError([&] { readSafetensors(path("nope.safetensors")); }, ErrorCode::FileNotFound, "does not exist");
        test::expectError([&] { readSafetensors(m_dir.path().toStdString()); }, ErrorCode::FileUnreadable, "folder");
    }

    void truncatedFile()
    {
        writeSafetensors(path("t.safetensors"), {{"w", torch::randn({64})}}, {});
        auto bytes = readBytes(path("t.safetensors"));
        writeBytes(path("cut.safetensors"), bytes.substr(0, bytes.size() - 10));
        test::expectError([&] { readSafetensors(path("cut.safetensors")); }, ErrorCode::CorruptFile, "truncated");
        writeBytes(path("cut2.safetensors"), bytes.substr(0, 20));
        test::expectError([&] { readSafetensors(path("cut2.safetensors")); }, ErrorCode::CorruptFile, "exceeds the file size");
        writeBytes(path("cut3.safetensors"), bytes.substr(0, 5));
        test::expectError([&] { readSafetensors(path("cut3.safetensors")); }, ErrorCode::CorruptFile, "shorter than");
        writeBytes(path("long.safetensors"), bytes + "xx");
        test::expectError([&] { readSafetensors(path("long.safetensors")); }, ErrorCode::CorruptFile, "unexpected bytes");
    }

    void corruptedHeader_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<int>("dataBytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("garbage") << "{\"a\": [1, 2" << 0 << "not valid JSON";
        QTest::newRow("not an object") << "[1, 2, 3]" << 0 << "not a JSON object";
        QTest::newRow("unknown dtype") << R"({"a":{"dtype":"F8","shape":[1],"data_offsets":[0,1]}})" << 1 << "unknown dtype";
        QTest::newRow("missing field") << R"({"a":{"dtype":"F32","shape":[1]}})" << 4 << "lacks";
        QTest::newRow("negative dim") << R"({"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}})" << 4 << "negative";
        QTest::newRow("span mismatch") << R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}})" << 4 << "need 8";
        QTest::newRow("reversed offsets") << R"({"a":{"dtype":"F32","shape":[0],"data_offsets":[4,0]}})" << 4 << "end before begin";
        QTest::newRow("overlap")
            << R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})" << 8
            << "overlap or gap";
        QTest::newRow("gap") << R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})" << 8 << "overlap or gap";
        QTest::newRow("metadata not strings") << R"({"__metadata__":{"n":3}})" << 0 << "not a string";
        QTest::newRow("huge shape") << R"({"a":{"dtype":"F32","shape":[1099511627776,1099511627776],"data_offsets":[0,4]}})" << 4
                                    << "implausible";
    }

    void corruptedHeader()
    {
        QFETCH(QString, header);
        QFETCH(int, dataBytes);
        QFETCH(QString, expected);
        writeBytes(path("bad.safetensors"), withHeader(header.toStdString(), static_cast<size_t>(dataBytes)));
        test::expectError([&] { readSafetensors(path("bad.safetensors")); }, ErrorCode::CorruptFile, expected.toStdString());
        test::expectError([&] { readSafetensorsHeader(path("bad.safetensors")); }, ErrorCode::CorruptFile, expected.toStdString());
    }

    void implausibleHeaderLength()
    {
        std::string bytes(16, '\xff');
        writeBytes(path("len.safetensors"), bytes);
        test::expectError([&] { readSafetensors(path("len.safetensors")); }, ErrorCode::CorruptFile, "implausible");
    }

    void unwritableTarget()
    {
        test::expectError(
            [&] {
                writeSafetensors(path("no/such/dir/x.safetensors"), {{"a", torch::ones({1})}}, {});
            },
            ErrorCode::FileUnwritable, "cannot create");
    }
};

QTEST_APPLESS_MAIN(TestModelSafetensors)
#include "test_model_safetensors.moc"
