#!/usr/bin/env bash
# The project's test command: builds the solution, starts a throwaway PostgreSQL on loopback (installing it when
# missing) and runs every test project: unit, TestCluster grain tests (in memory and on PostgreSQL), the HTTP suite
# through the real pipeline once per storage backend, and the browser tests in Debian's Chromium (installed when
# missing). Nothing is skipped; a failing or empty run exits non-zero.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet build Scim.sln -nologo -v q
# The load generator and the no-work server are not in the solution (no part of the service; the build stays short);
# built here so that it never rots unseen.
dotnet build bench/Scim.Benchmark -nologo -v q
dotnet build bench/Scim.NoWork -nologo -v q
# The browser tests drive Debian's Chromium (Playwright's own browser download does not work here).
[ -x /usr/bin/chromium ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
source scripts/postgres.sh
# A test server only: durability settings off for speed (the benchmark keeps them on).
postgres_start -c fsync=off -c synchronous_commit=off -c full_page_writes=off
results=$(mktemp -d)
status=0
dotnet test Scim.sln --no-build -nologo --logger "trx" --results-directory "$results" || status=$?
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns).attrib
    passed += int(c["passed"]); failed += int(c["failed"]) + int(c.get("error", 0)); skipped += int(c["notExecuted"])
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or skipped or passed == 0 else 0)
PY
exit $status
