#include "dualx/batch_plan.h"

#include "dualx/errors.h"
#include "file_extension.h"

#include <algorithm>
#include <filesystem>

namespace dualx {

namespace fs = std::filesystem;

namespace {

// What the CLI's batches, cluster batches and the app's dropped folders take as videos.
const std::vector<std::string> kVideoExtensions = {".mp4", ".mkv", ".mov", ".avi", ".webm", ".m4v", ".mpg", ".mpeg", ".ts",  ".m2ts",
                                                   ".mts", ".wmv", ".flv", ".ogv", ".3gp",  ".vob", ".dv",  ".mxf",  ".y4m", ".gif"};

} // namespace

std::string videoExtensionList()
{
    std::string list;
    for (const auto& e : kVideoExtensions) list += (list.empty() ? "" : " ") + e;
    return list;
}

bool looksLikeVideo(const std::string& path)
{
    return std::find(kVideoExtensions.begin(), kVideoExtensions.end(), lowercaseExtension(path)) != kVideoExtensions.end();
}

std::vector<BatchItem> planBatchOutputs(const std::vector<std::string>& inputs, const std::string& outputFolder,
                                        const std::string& extension)
{
    if (fs::exists(outputFolder) && !fs::is_directory(outputFolder))
        throw Error(ErrorCode::InvalidArgument,
                    "with several inputs or a folder, the output must be a folder ('" + outputFolder + "' is a file)");
    std::vector<BatchItem> items;
    for (const auto& in : inputs) {
        if (fs::is_directory(in)) {
            std::vector<fs::path> files;
            for (const auto& e : fs::recursive_directory_iterator(in, fs::directory_options::skip_permission_denied))
                if (e.is_regular_file() && looksLikeVideo(e.path().string())) files.push_back(e.path());
            if (files.empty())
                throw Error(ErrorCode::InvalidArgument, "folder '" + in + "' holds no video files (" + videoExtensionList() + ")");
            std::sort(files.begin(), files.end());
            for (const auto& f : files) {
                auto out = fs::path(outputFolder) / fs::path(in).filename() / fs::relative(f, in);
                out.replace_extension(extension);
                items.push_back({f.string(), out.string()});
            }
        } else {
            items.push_back({in, (fs::path(outputFolder) / (fs::path(in).stem().string() + extension)).string()});
        }
    }
    return items;
}

} // namespace dualx
