#!/usr/bin/env bash
# Rewrites DocExamples.generated.swift from the ```swift blocks of README.md and docs/**/*.md.
# It compiles DocExampleExtractor.swift on its own, so it works even when the generated file no
# longer compiles (which is exactly when an example has changed).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/DocExampleExtractor.swift" "$work/DocExampleExtractor.swift"
cat > "$work/main.swift" <<'SWIFT'
import Foundation
let root = URL(fileURLWithPath: CommandLine.arguments[1])
FileHandle.standardOutput.write(Data(try DocExampleExtractor.source(root: root).utf8))
SWIFT
swiftc -o "$work/extract" "$work/main.swift" "$work/DocExampleExtractor.swift"
"$work/extract" "$root" > "$work/generated.swift"
mv "$work/generated.swift" "$here/DocExamples.generated.swift"
echo "wrote Tests/DocExamplesTests/DocExamples.generated.swift"
