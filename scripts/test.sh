#!/usr/bin/env bash
# The project's test command: builds the solution and runs every test project (unit, TestCluster grain tests,
# HTTP tests through the real pipeline). Nothing is skipped; a failing or empty run exits non-zero.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet build Scim.sln -nologo -v q
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
