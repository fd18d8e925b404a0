#pragma once
// Minimal command-line parsing for the dualx subcommands: `--name value`, `--name=value`,
// boolean `--flag`, and positionals. Unknown options are an error that names them.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace dualx::cli {

class Arguments {
public:
    // valueOptions take a value, flags do not; anything else starting with "--" is rejected.
    Arguments(const std::vector<std::string>& args, std::set<std::string> valueOptions, std::set<std::string> flags);

    std::optional<std::string> value(const std::string& name) const;
    std::string value(const std::string& name, const std::string& fallback) const;
    int intValue(const std::string& name, int fallback) const;
    bool flag(const std::string& name) const;
    const std::vector<std::string>& positionals() const { return m_positionals; }

private:
    std::map<std::string, std::string> m_values;
    std::set<std::string> m_flags;
    std::vector<std::string> m_positionals;
};

// "320x180" -> {320, 180}; throws InvalidArgument otherwise.
std::pair<int, int> parseSize(const std::string& text);

} // namespace dualx::cli
