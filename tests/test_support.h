#pragma once
// Small helpers shared by the Qt Test executables.
#include "dualx/errors.h"

#include <QtTest/QtTest>

#include <functional>
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
        QVERIFY2(message.find(fragment) != std::string::npos,
                 ("message '" + message + "' does not mention '" + fragment + "'").c_str());
        return;
    }
    QFAIL(("no error raised; expected one mentioning '" + fragment + "'").c_str());
}

} // namespace dualx::test
