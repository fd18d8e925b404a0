#pragma once
// Typed errors for everything the engine reports: a code callers can branch on and a message a
// user can read (it names the file, tensor or option that is wrong).
#include <stdexcept>
#include <string>
#include <string_view>

namespace dualx {

enum class ErrorCode {
    InvalidArgument, // an option or parameter outside what is supported
    FileNotFound,
    FileUnreadable,
    FileUnwritable,
    CorruptFile,       // truncated, bad header, inconsistent offsets
    WeightMismatch,    // tensor missing, extra, wrong shape or dtype
    DeviceUnavailable, // e.g. CUDA asked for but not present
    OutOfMemory,
    Cancelled,
    Internal,
};

std::string_view errorCodeName(ErrorCode code);

// What an unexpected exception says, for a person: LibTorch's errors lose their C++ backtrace and
// are named as LibTorch's, so front ends need no LibTorch header to report them.
std::string describeException(const std::exception& e);

class Error : public std::runtime_error {
public:
    Error(ErrorCode code, const std::string& message) : std::runtime_error(message), m_code(code) { }
    ErrorCode code() const noexcept { return m_code; }

private:
    ErrorCode m_code;
};

} // namespace dualx
