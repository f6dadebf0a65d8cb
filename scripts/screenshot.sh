#!/usr/bin/env bash
# Regenerates docs/console.png, the README's picture of the operator console: the overview at 1280x800, taken by the
# console's browser test (real host on the embedded cluster, Debian's chromium driven by Playwright), not drawn by hand.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
scripts/apt.sh chromium
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build tests/DebateEvents.Console.Tests -c Release --nologo -v q -clp:ErrorsOnly
dotnet test tests/DebateEvents.Console.Tests -c Release --no-build --nologo \
  --filter "FullyQualifiedName~OverviewTests.Overview_ShowsEveryTopicAndGroup"
mkdir -p docs
cp tests/DebateEvents.Console.Tests/TestResults/screenshots/overview.png docs/console.png
echo "docs/console.png regenerated"
