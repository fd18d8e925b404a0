#pragma once
// One function per `dualx` subcommand; each returns the process exit code.
#include <string>
#include <vector>

namespace dualx::cli {

int runModelInfo(const std::vector<std::string>& args);
int runBench(const std::vector<std::string>& args);
int runTrain(const std::vector<std::string>& args);
int runDegrade(const std::vector<std::string>& args);
int runPresets(const std::vector<std::string>& args);
int runProbe(const std::vector<std::string>& args);
int runUpscale(const std::vector<std::string>& args);
int runEval(const std::vector<std::string>& args);
int runBenchmark(const std::vector<std::string>& args);
int runCluster(const std::vector<std::string>& args);

} // namespace dualx::cli
