#include "json_numbers.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <sstream>

namespace dualx {

namespace {

constexpr double kIntLimit = 2147483648.0; // 2^31

std::string find(const nlohmann::json& node, const std::string& path)
{
    if (node.is_number_float()) {
        const double x = node.get<double>();
        if (!(std::fabs(x) < kIntLimit)) {
            std::ostringstream text;
            text << (path.empty() ? "value" : path) << " = " << x;
            return text.str();
        }
    } else if (node.is_object()) {
        for (auto it = node.begin(); it != node.end(); ++it)
            if (auto found = find(it.value(), path.empty() ? it.key() : path + "." + it.key()); !found.empty()) return found;
    } else if (node.is_array()) {
        for (size_t i = 0; i < node.size(); ++i)
            if (auto found = find(node[i], path + "[" + std::to_string(i) + "]"); !found.empty()) return found;
    }
    return {};
}

} // namespace

std::string findOutOfRangeNumber(const nlohmann::json& document) { return find(document, ""); }

} // namespace dualx
