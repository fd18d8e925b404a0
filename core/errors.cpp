#include "dualx/errors.h"

#include <c10/util/Exception.h>

namespace dualx {

std::string_view errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument: return "invalid argument";
    case ErrorCode::FileNotFound: return "file not found";
    case ErrorCode::FileUnreadable: return "file unreadable";
    case ErrorCode::FileUnwritable: return "file unwritable";
    case ErrorCode::CorruptFile: return "corrupt file";
    case ErrorCode::WeightMismatch: return "weight mismatch";
    case ErrorCode::DeviceUnavailable: return "device unavailable";
    case ErrorCode::OutOfMemory: return "out of memory";
    case ErrorCode::Cancelled: return "cancelled";
    case ErrorCode::Internal: return "internal error";
    }
    return "unknown error";
}

std::string describeException(const std::exception& e)
{
    if (const auto* torchError = dynamic_cast<const c10::Error*>(&e))
        return std::string("LibTorch error: ") + torchError->what_without_backtrace();
    return e.what();
}

} // namespace dualx
