#include "dualx/runtime.h"

extern "C" {
#include <libavutil/log.h>
}

namespace dualx {

void quietenMediaLibraries()
{
    // FFmpeg logs encoder statistics at info level for every in-memory compression of a
    // training clip; errors are reported through our own exceptions anyway.
    av_log_set_level(AV_LOG_ERROR);
}

} // namespace dualx
