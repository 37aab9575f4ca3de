"""cloudsplaining's scan-policy-file over many files in one process (tests/support/scanners.ts).

`cloudsplaining scan-policy-file` judges one file per run, prints colored text, and spends about
2.5 s starting up; this calls the same function it calls (scan_policy, with the same default
exclusions file and flags) once per file given and prints one JSON object: file -> category ->
findings, for the categories scan-policy-file prints.
"""
import json
import sys

from cloudsplaining.command.scan_policy_file import scan_policy
from cloudsplaining.shared.constants import DEFAULT_EXCLUSIONS_CONFIG

CATEGORIES = ("PrivilegeEscalation", "DataExfiltration", "ResourceExposure", "ServiceWildcard",
              "CredentialsExposure", "InfrastructureModification")

out = {}
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        results = scan_policy(json.load(f), DEFAULT_EXCLUSIONS_CONFIG)
    out[path] = {c: results[c]["findings"] for c in CATEGORIES if results.get(c) and results[c].get("findings")}
json.dump(out, sys.stdout, indent=1, sort_keys=True)
