#!/usr/bin/env bash
# Gradescope runs this once when it builds the autograder image. The image needs Swift 6.3 (use
# Gradescope's manual Docker configuration with a Swift image, or install a toolchain here).
# It builds OrchLab and grades the kit as handed out once, so the build cache holds every
# OrchLab module and a submission recompiles only its own workflows.
set -euo pipefail
root=${AUTOGRADER_ROOT:-/autograder}
orchlab=$root/source/orchlab
if command -v apt-get >/dev/null && ! dpkg -s libsqlite3-dev >/dev/null 2>&1; then
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y libsqlite3-dev
fi
command -v swift >/dev/null || { echo "setup.sh: Swift 6.3 is not installed in this image" >&2; exit 1; }
swift build --package-path "$orchlab" --product orchlab
warm=$(mktemp -d)
"$orchlab/.build/debug/orchlab" workshop init "$warm/submissions/as-handed-out"
"$orchlab/.build/debug/orchlab" workshop grade-class "$warm/submissions" \
    --exercises "$orchlab/Scenarios/exercises" --report-dir "$warm/class" --work-dir "$root/work/grading"
rm -rf "$warm"
