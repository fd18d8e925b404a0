#include "video/media_logging.h"

#include "dualx/runtime.h"

#include <cstdarg>
#include <cstdlib>
#include <mutex>
#include <string>

extern "C" {
#include <libavutil/log.h>
}

namespace dualx {

namespace {

thread_local std::string t_lastError;

void captureAndPrint(void* context, int level, const char* format, va_list args)
{
    if (level <= AV_LOG_ERROR) {
        char line[1024];
        va_list copy;
        va_copy(copy, args);
        std::vsnprintf(line, sizeof line, format, copy);
        va_end(copy);
        std::string text = line;
        while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '.')) text.pop_back();
        if (!text.empty()) t_lastError = text;
    }
    av_log_default_callback(context, level, format, args); // prints only up to av_log_get_level()
}

void installCapture()
{
    static std::once_flag once;
    std::call_once(once, [] { av_log_set_callback(captureAndPrint); });
}

} // namespace

void quietenMediaLibraries()
{
    // FFmpeg's own lines ("[mov,mp4 @ 0x...] moov atom not found", decoder complaints about each
    // damaged slice, encoder statistics) would come before or instead of our one-line errors,
    // which already quote FFmpeg's reason. DUALX_FFMPEG_LOG=error|warning|info|debug shows them
    // for diagnosis.
    int level = AV_LOG_QUIET;
    if (const char* wanted = std::getenv("DUALX_FFMPEG_LOG")) {
        const std::string name = wanted;
        level = name == "error"     ? AV_LOG_ERROR
                : name == "warning" ? AV_LOG_WARNING
                : name == "info"    ? AV_LOG_INFO
                : name == "verbose" ? AV_LOG_VERBOSE
                : name == "debug"   ? AV_LOG_DEBUG
                                    : AV_LOG_QUIET;
    }
    av_log_set_level(level);
    installCapture();
    // SVT-AV1 prints its banner and settings itself, unless SVT_LOG (read when an encoder
    // starts) says otherwise: 1 keeps its errors. A value the user set stays.
    if (level < AV_LOG_INFO) setenv("SVT_LOG", "1", 0);
}

namespace video {

void clearMediaLibraryError()
{
    installCapture();
    t_lastError.clear();
}

std::string lastMediaLibraryError() { return t_lastError; }

} // namespace video

} // namespace dualx
