#include "cli/arguments.h"

#include "dualx/errors.h"

#include <charconv>

namespace dualx::cli {

namespace {
int parseInt(const std::string& name, const std::string& text)
{
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        throw Error(ErrorCode::InvalidArgument, "--" + name + " expects an integer, got '" + text + "'");
    return value;
}
} // namespace

Arguments::Arguments(const std::vector<std::string>& args, std::set<std::string> valueOptions, std::set<std::string> flags)
{
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.rfind("--", 0) != 0 || a == "--") {
            m_positionals.push_back(a);
            continue;
        }
        std::string name = a.substr(2), inlineValue;
        bool hasInline = false;
        if (auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name = name.substr(0, eq);
            hasInline = true;
        }
        if (valueOptions.count(name)) {
            if (hasInline) {
                m_values[name] = inlineValue;
            } else {
                if (i + 1 >= args.size()) throw Error(ErrorCode::InvalidArgument, "--" + name + " needs a value");
                m_values[name] = args[++i];
            }
        } else if (flags.count(name) && !hasInline) {
            m_flags.insert(name);
        } else {
            throw Error(ErrorCode::InvalidArgument, "unknown option --" + name);
        }
    }
}

std::optional<std::string> Arguments::value(const std::string& name) const
{
    auto it = m_values.find(name);
    if (it == m_values.end()) return std::nullopt;
    return it->second;
}

std::string Arguments::value(const std::string& name, const std::string& fallback) const { return value(name).value_or(fallback); }

int Arguments::intValue(const std::string& name, int fallback) const
{
    auto v = value(name);
    return v ? parseInt(name, *v) : fallback;
}

bool Arguments::flag(const std::string& name) const { return m_flags.count(name) > 0; }

std::pair<int, int> parseSize(const std::string& text)
{
    auto x = text.find('x');
    if (x == std::string::npos) throw Error(ErrorCode::InvalidArgument, "size '" + text + "' is not WIDTHxHEIGHT");
    const int w = parseInt("size", text.substr(0, x)), h = parseInt("size", text.substr(x + 1));
    if (w < 1 || h < 1) throw Error(ErrorCode::InvalidArgument, "size '" + text + "' must be positive");
    return {w, h};
}

} // namespace dualx::cli
