#include "dualx/training.h"

#include "dualx/errors.h"
#include "train/clip_library.h"
#include "train/recipe.h"
#include "train/source_pack_packing.h"

namespace dualx {

void writeTrainingSources(const std::string& recipePath, const std::string& outputPath, int maxPhotoSide, int maxVideoFrames,
                          const std::function<void(const std::string&)>& log)
{
    if (maxPhotoSide < 64 || maxVideoFrames < 1)
        throw Error(ErrorCode::InvalidArgument, "a source pack needs photos of at least 64 px and at least one video frame");
    const auto recipe = train::loadRecipe(recipePath);
    auto spec = recipe.data;
    spec.maxPhotoSide = std::min(spec.maxPhotoSide, maxPhotoSide);
    spec.maxVideoFrames = std::min(spec.maxVideoFrames, maxVideoFrames);
    const auto excluded = train::heldOutSet(recipe.data.validation);
    const train::ClipLibrary training(train::listPhotoFiles(spec.photos, excluded), train::listVideoFiles(spec.videos, excluded), spec,
                                      log);
    std::vector<std::string> valPhotos, valVideos;
    for (const auto& p : recipe.data.validation) (train::isVideoPath(p) ? valVideos : valPhotos).push_back(p);
    if (valPhotos.empty() && valVideos.empty())
        throw Error(ErrorCode::InvalidArgument, "recipe '" + recipe.name + "' names no validation files");
    const train::ClipLibrary validation(valPhotos, valVideos, spec, log);

    train::SourcePackBuilder pack;
    for (const auto* library : {&training, &validation}) {
        for (const auto& photo : library->photos()) pack.add({photo}, library == &validation);
        for (const auto& video : library->videos()) pack.add(video, library == &validation);
    }
    if (log)
        log("packing " + std::to_string(pack.items.size()) + " items (" + std::to_string(pack.frames.size()) + " frames), "
            + std::to_string(validation.photoCount() + validation.videoCount()) + " of them held out");
    train::writePackedSourcePack(outputPath, pack,
                                 {{"dualx.recipe", recipe.name},
                                  {"dualx.max_photo_side", std::to_string(spec.maxPhotoSide)},
                                  {"dualx.max_video_frames", std::to_string(spec.maxVideoFrames)},
                                  {"dualx.video_scale", std::to_string(spec.videoScale)}});
}

} // namespace dualx
