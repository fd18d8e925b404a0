#pragma once
// What the device tools share: "--option VALUE" parsing, and main()'s convention: exit status 0
// on success, 1 on failure, 2 on bad arguments, every error one line on stderr.
#include "dualx/errors.h"

#include <cstdio>
#include <functional>
#include <string>

namespace dualx::tools {

// Calls handle(name, value) for each "--name value" pair; throws InvalidArgument on anything else.
inline void forEachOption(int argc, char** argv, const std::function<void(const std::string&, const std::string&)>& handle)
{
    for (int i = 1; i < argc; ++i) {
        const std::string key = argv[i];
        if (key.rfind("--", 0) != 0 || i + 1 >= argc)
            throw Error(ErrorCode::InvalidArgument, "expected --option VALUE pairs, got '" + key + "'");
        handle(key.substr(2), argv[++i]);
    }
}

// The value of --name as a number > 0 (integer: also whole); throws InvalidArgument otherwise.
inline double positiveNumber(const std::string& name, const std::string& value, bool integer = false)
{
    size_t used = 0;
    double v = 0;
    try {
        v = std::stod(value, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != value.size() || !(v > 0) || (integer && v != static_cast<double>(static_cast<long long>(v))))
        throw Error(ErrorCode::InvalidArgument,
                    "--" + name + " needs a positive " + (integer ? "integer" : "number") + ", got '" + value + "'");
    return v;
}

inline int positiveInteger(const std::string& name, const std::string& value)
{
    return static_cast<int>(positiveNumber(name, value, true));
}

template <class Options> int toolMain(const char* tool, int argc, char** argv, Options (*parse)(int, char**), int (*run)(const Options&))
{
    auto report = [tool](const std::exception& e) {
        const std::string message = e.what();
        std::fprintf(stderr, "%s: %s\n", tool, message.substr(0, message.find('\n')).c_str());
    };
    Options options;
    try {
        options = parse(argc, argv);
    } catch (const std::exception& e) {
        report(e);
        return 2;
    }
    try {
        return run(options);
    } catch (const std::exception& e) {
        report(e);
        return 1;
    }
}

} // namespace dualx::tools
