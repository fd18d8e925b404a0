#pragma once
// Writes that survive a crash or power loss in a known state: data is flushed to the disk before
// anything points at it, and a replaced file is always either its old or its new version.
#include <cstdio>
#include <string>

namespace dualx::pipeline {

// Throws FileUnwritable for a failed write of `path` with errno `error` (disk full said as such).
[[noreturn]] void failWrite(const std::string& path, int error);

// fflush + fsync.
void syncFile(std::FILE* file, const std::string& path);
void syncFolder(const std::string& folder);

// Replaces `path` with `text`: written to "<path>.tmp", synced, renamed over it.
void replaceFileDurably(const std::string& path, const std::string& text);

} // namespace dualx::pipeline
