#pragma once
// A built validation set (tools/validation/build-validation-set.py): ground-truth clips made
// from Debian packages that training never reads, and for each clip the low-resolution input of
// every degradation family. Families of kind "files" were made by FFmpeg's own filters when the
// set was built; "bicubic" and "synthesis" (the training degradation, fixed seed) are computed
// from the ground truth by the benchmark itself. Read from FOLDER/manifest.json.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace dualx::metrics {

enum class FamilyKind { Bicubic, Synthesis, Files };

struct ValidationFamily {
    std::string id;    // "clean", "training", "plain", "home"
    std::string title; // heading in reports
    FamilyKind kind = FamilyKind::Files;
    uint64_t seed = 1; // synthesis: the plan's seed
};

struct ValidationInput {
    std::string path; // folder of LR frames (kind "files")
    std::string plan; // what the input went through, in words
};

struct ValidationClip {
    std::string name, content, source, gtPath;
    std::map<std::string, ValidationInput> inputs; // by family id, for kind "files"
};

struct ValidationSet {
    std::string name, folder;
    int64_t frames = 0;
    std::vector<ValidationFamily> families;
    std::vector<std::string> summaryFamilies; // the families whose mean is the headline number
    std::vector<ValidationClip> clips;
};

// Throws FileNotFound when the folder has no manifest (with the command that builds it),
// InvalidArgument naming what is wrong in the manifest or which clip file is missing.
ValidationSet loadValidationSet(const std::string& folder);

} // namespace dualx::metrics
