#pragma once
// Precompiled header for dualx_core and the tests that reach into the model internals.
#include <torch/torch.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>
