#pragma once
// Small helpers shared by the Qt Test executables.
#include "dualx/errors.h"

#include <QProcess>
#include <QtTest/QtTest>

#include <fstream>
#include <functional>
#include <iterator>
#include <string>

namespace dualx::test {

// Runs `action`, expecting a dualx::Error with `code` whose message contains `fragment`.
inline void expectError(const std::function<void()>& action, ErrorCode code, const std::string& fragment)
{
    try {
        action();
    } catch (const Error& e) {
        const std::string message = e.what();
        QVERIFY2(e.code() == code, ("wrong error code for: " + message).c_str());
        QVERIFY2(message.find(fragment) != std::string::npos, ("message '" + message + "' does not mention '" + fragment + "'").c_str());
        return;
    }
    QFAIL(("no error raised; expected one mentioning '" + fragment + "'").c_str());
}

// What a command-line run left behind; exitCode is -1 when the program crashed or never finished.
struct CliRun {
    int exitCode;
    QByteArray out, err;
};

// Runs `program` as a user would from a shell (the CLI tests pass DUALX_CLI_PATH). It waits up to
// five minutes so that a slow model run on a loaded machine is not cut short.
inline CliRun runCli(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(300'000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

// Whole-file byte access for tests that cut, splice or corrupt files on purpose.
inline std::string readBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

inline void writeBytes(const std::string& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

} // namespace dualx::test
