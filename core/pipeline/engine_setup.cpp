#include "engine_setup.h"

#include "dualx/shipped_models.h"
#include "model/weights.h"

#include <algorithm>

namespace dualx::pipeline {

PreparedEngine prepareEngine(const EngineSettings& s)
{
    validateEngineSettings(s);
    PreparedEngine e;
    e.modelPath = resolveModel(s.model);
    e.modelInfo = inspectWeightFile(e.modelPath);
    e.net = model::loadModelWeights(e.modelPath);
    e.net->setSourceCondition(s.sourceCondition);
    e.device = selectDevice(s.device);
    e.tiling.tileLr = s.tileLr > 0 ? s.tileLr : engine::defaultTileLr(e.modelInfo.variant, e.device);
    e.tiling.tileOverlapLr = std::min(s.tileOverlapLr, e.tiling.tileLr - 1);
    e.tiling.windowFrames = s.windowFrames;
    e.tiling.windowOverlap = s.windowOverlap;
    e.tiling.fusionRadius = fusionRadiusFor(s.temporalFusion, e.device.kind == DeviceKind::Cuda, e.modelInfo.variant == "gan");
    return e;
}

} // namespace dualx::pipeline
