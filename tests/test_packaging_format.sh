#!/usr/bin/env bash
# Every C++ file of the source tree (app, core, ui, tests, tools, fuzz) is formatted as
# .clang-format says, with clang-format 14 (Debian's clang-format-14, installed by
# packaging/install-deps.sh): other versions format some constructs differently. Lists the files
# that differ and the command that fixes them.
# usage: test_packaging_format.sh SOURCE_DIR
set -euo pipefail
root=${1:?usage: test_packaging_format.sh SOURCE_DIR}
format=$(command -v clang-format-14 || true)
if [ -z "$format" ]; then
  echo "test_packaging_format: clang-format-14 is not installed (packaging/install-deps.sh installs it)" >&2
  exit 1
fi
cd "$root"
mapfile -t files < <(find app core ui tests tools fuzz -type f \( -name '*.cpp' -o -name '*.h' \) | sort)
[ ${#files[@]} -gt 100 ] || { echo "test_packaging_format: only ${#files[@]} C++ files found under $root" >&2; exit 1; }
differ=()
for f in "${files[@]}"; do
  "$format" --dry-run -Werror "$f" >/dev/null 2>&1 || differ+=("$f")
done
if [ ${#differ[@]} -gt 0 ]; then
  echo "test_packaging_format: ${#differ[@]} of ${#files[@]} files differ from .clang-format:" >&2
  printf '  %s\n' "${differ[@]}" >&2
  echo "fix: clang-format-14 -i ${differ[*]}" >&2
  exit 1
fi
echo "test_packaging_format: ${#files[@]} files formatted as .clang-format says"
