// Device choice: names the user types (CLI --device, the settings dialog) and which device they get.
#include "dualx/device.h"
#include "test_support.h"

#include <torch/cuda.h>

using namespace dualx;

class TestEngineDevice : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void namesRoundTrip()
    {
        QCOMPARE(devicePreferenceFromName("auto"), DevicePreference(DevicePreference::Auto));
        QCOMPARE(devicePreferenceFromName("cpu"), DevicePreference(DevicePreference::Cpu));
        QCOMPARE(devicePreferenceFromName("cuda"), DevicePreference(DevicePreference::Cuda, 0));
        QCOMPARE(devicePreferenceFromName("cuda:0"), DevicePreference(DevicePreference::Cuda, 0));
        QCOMPARE(devicePreferenceFromName("cuda:3"), DevicePreference(DevicePreference::Cuda, 3));
        // Settings written before GPUs could be told apart said "cuda": they still mean CUDA:0.
        for (const char* name : {"auto", "cpu", "cuda", "cuda:1", "cuda:12"})
            QCOMPARE(devicePreferenceName(devicePreferenceFromName(name)), std::string(name));
    }

    void badNamesAreRejected()
    {
        for (const char* name : {"gpu", "cuda:", "cuda:-1", "cuda:x", "cuda:1:2", "CUDA", "cuda:123456"})
            test::expectError([&] { devicePreferenceFromName(name); }, ErrorCode::InvalidArgument,
                              "unknown device '" + std::string(name) + "' (expected auto, cpu, cuda or cuda:N)");
    }

    void theAskedDeviceIsTheOneUsed()
    {
        const auto cpu = selectDevice(DevicePreference::Cpu);
        QCOMPARE(cpu.kind, DeviceKind::Cpu);
        QVERIFY(cpu.description.find("CPU") == 0);
        const int visible = torch::cuda::is_available() ? static_cast<int>(torch::cuda::device_count()) : 0;
        if (visible == 0) {
            QCOMPARE(selectDevice(DevicePreference::Auto).kind, DeviceKind::Cpu);
            test::expectError([] { selectDevice({DevicePreference::Cuda, 1}); }, ErrorCode::DeviceUnavailable, "not available");
            return;
        }
        const auto last = selectDevice({DevicePreference::Cuda, visible - 1});
        QCOMPARE(last.kind, DeviceKind::Cuda);
        QCOMPARE(last.index, visible - 1);
        QVERIFY(last.description.find("CUDA:" + std::to_string(visible - 1)) == 0);
        test::expectError(
            [&] {
                selectDevice({DevicePreference::Cuda, visible});
            },
            ErrorCode::DeviceUnavailable, "CUDA:" + std::to_string(visible) + " was requested but");
    }
};

QTEST_APPLESS_MAIN(TestEngineDevice)
#include "test_engine_device.moc"
