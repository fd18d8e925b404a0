#pragma once
// File-type decisions by name (video or photo, which container) compare extensions without case:
// phones and cameras write .MP4 and .JPG.
#include <string>

namespace dualx {

// `text` in lower case (ASCII).
std::string lowercase(std::string text);

// `path`'s extension with its dot, lower-cased (".mkv" for "/v/Holiday.MKV"; "" for none).
std::string lowercaseExtension(const std::string& path);

} // namespace dualx
