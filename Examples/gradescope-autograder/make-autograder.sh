#!/usr/bin/env bash
# Writes autograder.zip for Gradescope ("Zip file upload"): setup.sh and run_autograder at the
# top, this OrchLab checkout (committed files only) under source/orchlab.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
out=${1:-$PWD/autograder.zip}
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/source/orchlab"
git -C "$repo" archive HEAD | tar -x -C "$stage/source/orchlab"
cp "$here/setup.sh" "$here/run_autograder" "$stage/"
(cd "$stage" && zip -qr "$out" .)
echo "wrote $out"
