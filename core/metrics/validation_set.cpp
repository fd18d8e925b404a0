#include "metrics/validation_set.h"

#include "dualx/errors.h"
#include "json_numbers.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>

namespace dualx::metrics {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void bad(const std::string& manifest, const std::string& what)
{
    throw Error(ErrorCode::InvalidArgument, "validation set '" + manifest + "': " + what);
}

FamilyKind kindFromName(const std::string& manifest, const std::string& kind)
{
    if (kind == "bicubic") return FamilyKind::Bicubic;
    if (kind == "synthesis") return FamilyKind::Synthesis;
    if (kind == "files") return FamilyKind::Files;
    bad(manifest, "family kind must be bicubic, synthesis or files, got '" + kind + "'");
}

} // namespace

ValidationSet loadValidationSet(const std::string& folder)
{
    const auto manifest = (fs::path(folder) / "manifest.json").string();
    std::ifstream in(manifest);
    if (!in)
        throw Error(ErrorCode::FileNotFound, "no validation set at '" + folder
                                                 + "' (manifest.json missing): build it with tools/validation/build-validation-set.py");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        bad(manifest, std::string("not valid JSON: ") + e.what());
    }
    if (const auto number = findOutOfRangeNumber(j); !number.empty()) bad(manifest, number + " is out of range");
    ValidationSet set;
    set.folder = folder;
    try {
        set.name = j.at("name").get<std::string>();
        set.frames = j.at("frames").get<int64_t>();
        std::set<std::string> ids;
        for (const auto& f : j.at("families")) {
            ValidationFamily family{f.at("id").get<std::string>(), f.at("title").get<std::string>(),
                                    kindFromName(manifest, f.at("kind").get<std::string>()), f.value("seed", uint64_t{1})};
            if (!ids.insert(family.id).second) bad(manifest, "family '" + family.id + "' is listed twice");
            set.families.push_back(family);
        }
        set.summaryFamilies = j.value("summary", std::vector<std::string>{});
        for (const auto& id : set.summaryFamilies)
            if (!ids.count(id)) bad(manifest, "summary names family '" + id + "', which is not listed");
        for (const auto& c : j.at("clips")) {
            ValidationClip clip;
            clip.name = c.at("name").get<std::string>();
            clip.content = c.value("content", std::string());
            clip.source = c.value("source", std::string());
            clip.gtPath = (fs::path(folder) / c.at("gt").get<std::string>()).string();
            if (!fs::is_directory(clip.gtPath)) bad(manifest, "clip '" + clip.name + "': ground truth '" + clip.gtPath + "' is missing");
            for (const auto& family : set.families) {
                if (family.kind != FamilyKind::Files) continue;
                const auto& entry = c.at("inputs").at(family.id);
                ValidationInput input{(fs::path(folder) / entry.at("path").get<std::string>()).string(),
                                      entry.value("plan", std::string())};
                if (!fs::is_directory(input.path))
                    bad(manifest, "clip '" + clip.name + "': input of family '" + family.id + "' ('" + input.path + "') is missing");
                clip.inputs[family.id] = input;
            }
            set.clips.push_back(clip);
        }
    } catch (const nlohmann::json::exception& e) {
        bad(manifest, std::string("missing or mistyped field: ") + e.what());
    }
    if (set.families.empty() || set.clips.empty()) bad(manifest, "lists no families or no clips");
    if (set.frames < 1) bad(manifest, "frames must be >= 1");
    return set;
}

} // namespace dualx::metrics
