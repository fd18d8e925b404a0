#!/usr/bin/env python3
"""The layering of architecture.md section 2, checked on the build: the front ends (ui/, app/)
see the engine only through core/include/.

1. Their compile commands (compile_commands.json) carry no LibTorch, FFmpeg or OpenCV include
   path and no core/ path other than core/include.
2. Their sources include no LibTorch, FFmpeg or OpenCV header (on Debian those live under
   /usr/include, reachable without any flag, so the sources are checked too) and every quoted
   include resolves inside ui/, app/ or core/include/.

usage: test_packaging_layering.py SOURCE_DIR BUILD_DIR
"""
import json
import os
import re
import shlex
import sys

FORBIDDEN_PATH = re.compile(r"torch|ATen|c10|opencv|ffmpeg|libav|libsw")
FORBIDDEN_HEADER = re.compile(r"^(torch|ATen|c10|caffe2|opencv2|libav\w*|libsw\w*)/")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def main():
    source, build = (os.path.realpath(p) for p in sys.argv[1:3])
    front_ends = [os.path.join(source, "ui"), os.path.join(source, "app")]
    core, core_include = os.path.join(source, "core"), os.path.join(source, "core", "include")
    problems = []

    with open(os.path.join(build, "compile_commands.json")) as f:
        commands = json.load(f)
    checked = 0
    for entry in commands:
        path = os.path.realpath(os.path.join(entry["directory"], entry["file"]))
        in_front = any(path.startswith(d + os.sep) for d in front_ends)
        in_front_build = any(path.startswith(os.path.join(build, d) + os.sep) for d in ("ui", "app"))
        if not (in_front or in_front_build):
            continue
        checked += 1
        args = entry.get("arguments") or shlex.split(entry["command"])
        for i, arg in enumerate(args):
            folder = None
            for flag in ("-I", "-isystem", "-iquote"):
                if arg == flag and i + 1 < len(args):
                    folder = args[i + 1]
                elif arg.startswith(flag) and len(arg) > len(flag):
                    folder = arg[len(flag):]
            if folder is None:
                continue
            real = os.path.realpath(os.path.join(entry["directory"], folder))
            if FORBIDDEN_PATH.search(real) and "Qt" not in real:
                problems.append(f"{os.path.relpath(path, source)}: compiled with include path {real}")
            if real.startswith(core + os.sep) and not (real + os.sep).startswith(core_include + os.sep):
                problems.append(f"{os.path.relpath(path, source)}: compiled with core internals path {real}")
    if checked == 0:
        problems.append("no compile command for ui/ or app/ found (was the build configured?)")

    for folder in front_ends:
        for base, _, files in os.walk(folder):
            for name in files:
                if not name.endswith((".h", ".cpp")):
                    continue
                path = os.path.join(base, name)
                with open(path, errors="replace") as f:
                    for number, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if not m:
                            continue
                        kind, header = m.groups()
                        where = f"{os.path.relpath(path, source)}:{number}"
                        if FORBIDDEN_HEADER.match(header):
                            problems.append(f"{where}: includes <{header}>")
                        if kind == '"':
                            candidates = [os.path.join(base, header)] + [os.path.join(d, header) for d in
                                                                          (front_ends + [core_include, source])]
                            found = [c for c in candidates if os.path.isfile(c)]
                            if not found:
                                problems.append(f'{where}: "{header}" not found in ui/, app/ or core/include/')
                            elif all(not any(os.path.realpath(c).startswith(d + os.sep) for d in front_ends + [core_include])
                                     for c in found):
                                problems.append(f'{where}: "{header}" is outside ui/, app/ and core/include/')
    for p in problems:
        print("FAIL:", p)
    print(f"layering: {checked} front-end compile commands and the ui/ and app/ sources checked, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
