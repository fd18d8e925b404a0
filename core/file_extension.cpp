#include "file_extension.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace dualx {

std::string lowercase(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string lowercaseExtension(const std::string& path) { return lowercase(std::filesystem::path(path).extension().string()); }

} // namespace dualx
