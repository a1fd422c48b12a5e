#!/usr/bin/env bash
# One command for a GPU machine: publish wb self-contained, run the GPU self-test (the kernel-agreement tests,
# since such a machine has no `dotnet test`), then the GPU benchmarks. Results land in $OUT (default ./gpu-out).
#   scripts/gpu-bench.sh            # on a machine with the .NET 10 SDK: publish, then run
#   WB=path/to/wb scripts/gpu-bench.sh   # a machine with only the published wb: skip the publish
# Publish: single file, compressed (39 MiB with plugins, measured; a plain self-contained publish is 84 MiB).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-$PWD/gpu-out}
mkdir -p "$OUT"

if [ -z "${WB:-}" ]; then
  dotnet publish host/Workbench.Cli -c Release -r linux-x64 --self-contained \
    -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true \
    -o "$OUT/wb-linux-x64"
  # The built-in plugins folder is laid out by the Release build; copy it when the publish did not.
  if [ ! -d "$OUT/wb-linux-x64/plugins" ]; then
    dotnet build host/Workbench.Cli -c Release
    cp -r host/Workbench.Cli/bin/Release/net10.0/plugins "$OUT/wb-linux-x64/"
  fi
  du -sh "$OUT/wb-linux-x64" | tee "$OUT/publish-size.txt"
  WB="$OUT/wb-linux-x64/wb"
fi

"$WB" devices | tee "$OUT/devices.txt"
"$WB" devices --json > "$OUT/devices.json"

# Kernel agreement on every accelerator (CUDA and the CPU simulator): exit 1 on any disagreement > 1e-12.
"$WB" gpu selftest | tee "$OUT/selftest.txt"

# Rosenbrock-5D batches 1e3..1e8 (with and without transfers) and the heat stencil on 4096^2 and 16384^2.
"$WB" bench gpu | tee "$OUT/bench.txt"
"$WB" bench gpu --json > "$OUT/bench.json"

# For comparison on the same machine: the CPU path (all cores) on the same problem and a CPU heat run.
"$WB" bench eval -p rosenbrock --dim 5 --batch 1000000 | tee "$OUT/bench-cpu.txt"
