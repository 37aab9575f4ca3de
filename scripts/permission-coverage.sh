#!/usr/bin/env bash
# Regenerates docs/permission-coverage.md from a full run of the test suite (tests/support/coverage-hook.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
KUBEGRANT_PERMISSION_COVERAGE=write npx mocha "$@"
