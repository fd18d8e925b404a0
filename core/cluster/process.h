#pragma once
// Running a command-line program (the scheduler's client commands) and reading what it says.
// No shell is involved: arguments go to the program as they are.
#include <string>
#include <vector>

namespace dualx::cluster {

struct ProcessResult {
    int exitCode = 0; // the program's exit status; 128 + N when signal N ended it
    std::string out;  // its standard output
    std::string err;  // its standard error
};

// The program's full path if `PATH` (or the name itself, when it has a slash) reaches it.
std::string findProgram(const std::string& name);

// Runs `program` (found as findProgram does) with `arguments`, waits, and returns what it said.
// Throws FileNotFound when the program cannot be started.
ProcessResult runProcess(const std::string& program, const std::vector<std::string>& arguments);

} // namespace dualx::cluster
