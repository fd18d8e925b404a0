#pragma once
// Where each file of a batch goes: inputs (files and folders, searched recursively for videos)
// mapped to outputs inside one folder, a folder's tree mirrored under it. Shared by
// `dualx upscale` with several inputs and by cluster batches.
#include <string>
#include <vector>

namespace dualx {

struct BatchItem {
    std::string input, output;
};

// By extension: .mp4, .mkv, .mov, .avi, .dv, .vob, .ts, .mxf, ... (case-insensitive). The one list
// every front end uses.
bool looksLikeVideo(const std::string& path);
// Those extensions, space-separated, for messages (".mp4 .mkv ...").
std::string videoExtensionList();

// A file input becomes OUTPUT_FOLDER/<stem><extension>; a folder F becomes OUTPUT_FOLDER/<name of
// F>/<its tree> with every video's extension replaced, in sorted order. Throws InvalidArgument
// when `outputFolder` exists as a file or a folder holds no video.
std::vector<BatchItem> planBatchOutputs(const std::vector<std::string>& inputs, const std::string& outputFolder,
                                        const std::string& extension);

} // namespace dualx
