#include "pipeline/durable_file.h"

#include "dualx/errors.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <unistd.h>
#endif

namespace dualx::pipeline {

namespace fs = std::filesystem;

void failWrite(const std::string& path, int error)
{
    if (error == ENOSPC || error == EFBIG)
        throw Error(ErrorCode::FileUnwritable, "writing '" + path + "' failed: disk full or file size limit reached");
    throw Error(ErrorCode::FileUnwritable, "writing '" + path + "' failed: " + std::strerror(error));
}

void syncFile(std::FILE* file, const std::string& path)
{
    if (std::fflush(file) != 0) failWrite(path, errno);
#if defined(__unix__) || defined(__APPLE__)
    if (::fsync(::fileno(file)) != 0) failWrite(path, errno);
#endif
}

void syncFolder(const std::string& folder)
{
#if defined(__unix__) || defined(__APPLE__)
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    (void)folder;
#endif
}

void replaceFileDurably(const std::string& path, const std::string& text)
{
    const std::string temp = path + ".tmp";
    std::FILE* f = std::fopen(temp.c_str(), "wb");
    if (!f) failWrite(temp, errno);
    const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    const int error = errno;
    if (!written) {
        std::fclose(f);
        failWrite(temp, error);
    }
    syncFile(f, temp);
    std::fclose(f);
    std::error_code ec;
    fs::rename(temp, path, ec);
    if (ec) throw Error(ErrorCode::FileUnwritable, "cannot replace '" + path + "': " + ec.message());
    syncFolder(fs::absolute(path).parent_path().string());
}

} // namespace dualx::pipeline
