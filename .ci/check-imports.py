#!/usr/bin/env python3
"""Each target imports exactly what Package.swift declares for it: no module used without being
declared (it would build only by accident, through another target's dependencies), and no
declared dependency left unused. Reads `swift package dump-package`; exits 1 listing mismatches."""
import glob, json, re, subprocess, sys

# Modules that come with the toolchain, not from a package.
TOOLCHAIN = {"Foundation", "FoundationXML", "FoundationNetworking", "Testing", "XCTest", "Dispatch",
             "Synchronization", "Glibc", "Musl", "Darwin", "os"}
# Modules a target may import without declaring, with the reason.
ALLOWED = {
    ("YAMLReading", "CYaml"): "Yams's own C parser: the node budget counts parse events before Yams builds nodes (no product exports it)",
}

package = json.loads(subprocess.run(["swift", "package", "dump-package"], check=True, capture_output=True, text=True).stdout)
problems = []
for target in package["targets"]:
    if target["type"] == "system":
        continue
    name = target["name"]
    path = target.get("path") or ("Tests/" if target["type"] == "test" else "Sources/") + name
    declared = set()
    for dependency in target["dependencies"]:
        kind, value = next(iter(dependency.items()))
        declared.add(value[0])
    imported = set()
    for file in glob.glob(path + "/**/*.swift", recursive=True):
        for line in open(file, encoding="utf-8"):
            match = re.match(r"^\s*(?:@\w+\s+)*(?:public\s+|internal\s+|package\s+)?import\s+(?:(?:struct|class|enum|func|protocol)\s+)?(\w+)", line)
            if match:
                imported.add(match.group(1))
    executables = {t["name"] for t in package["targets"] if t["type"] == "executable"}
    for module in sorted(imported - declared - TOOLCHAIN - {name}):
        if (name, module) not in ALLOWED:
            problems.append(f"{name} imports {module} without declaring it")
    for module in sorted(declared - imported - executables - {"CSQLite"}):
        problems.append(f"{name} declares {module} but never imports it")
if problems:
    print("Package.swift and the imports disagree:\n  " + "\n  ".join(problems))
    sys.exit(1)
print("imports: every target imports exactly what it declares")
