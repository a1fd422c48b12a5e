#!/usr/bin/env bash
# Packs the Workbench plugin SDK into a local NuGet feed (a folder of .nupkg files):
#   scripts/sdk-pack.sh [FEED_DIR] [--configuration Debug|Release] [--no-build]
# (`dotnet publish host/Workbench.Cli -o DIR` runs it into DIR/sdk.)
# FEED_DIR defaults to artifacts/sdk, the configuration to Release. --no-build packs what is already built
# (the CI test does so after `dotnet build Workbench.sln`, in Debug).
# Then, anywhere:  dotnet new install Workbench.Templates::VERSION --add-source FEED_DIR
# and a nuget.config naming FEED_DIR (or `dotnet nuget add source FEED_DIR`) lets projects and
# `dotnet run fit.cs` restore the packages.
set -euo pipefail
cd "$(dirname "$0")/.."
feed=artifacts/sdk configuration=Release build=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --configuration) configuration=$2; shift 2 ;;
    --no-build) build=no; shift ;;
    -*) echo "sdk-pack: unknown option $1" >&2; exit 2 ;;
    *) feed=$1; shift ;;
  esac
done
feed=$(realpath -m "$feed")
mkdir -p "$feed"

# The templates pin the SDK version in one place each; it must be the version packed here.
major=$(sed -n 's:.*<WorkbenchContractVersion>\(.*\)</WorkbenchContractVersion>.*:\1:p' Directory.Build.props)
version=$(sed -n 's:.*<WorkbenchSdkVersion>\(.*\)</WorkbenchSdkVersion>.*:\1:p' Directory.Build.props | head -1)
version=${version//\$(WorkbenchContractVersion)/$major}
for props in templates/content/*/Directory.Build.props; do
  grep -q "<WorkbenchSdkVersion>$version</WorkbenchSdkVersion>" "$props" \
    || { echo "sdk-pack: $props does not pin WorkbenchSdkVersion $version" >&2; exit 1; }
done

start=$SECONDS
if [ "$build" = yes ]; then
  # One build of everything packed: the API builds the contracts, engine, catalog, transport and built-in plugins.
  dotnet build host/Workbench.Api -c "$configuration" -v q -nologo
  dotnet build tests/Workbench.Conformance -c "$configuration" -v q -nologo
fi
for project in host/Workbench.Contracts host/Workbench.Gpu.Contracts host/Workbench.Engine host/Workbench.Plugins \
               transport/Workbench.Transport host/Workbench.Api tests/Workbench.Conformance; do
  dotnet pack "$project" -c "$configuration" -o "$feed" -v q -nologo --no-build
done
# Nothing to compile in the template package, so it is always packed from scratch.
dotnet pack templates -c "$configuration" -o "$feed" -v q -nologo
echo "sdk-pack: Workbench SDK $version in $feed ($((SECONDS - start)) s)"
