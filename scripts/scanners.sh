#!/usr/bin/env bash
# Installs the third-party judges tests/scanners.test.ts runs (cloudsplaining, parliament, checkov)
# in a Python virtual environment, with exactly the versions in scripts/scanners-requirements.txt,
# and caches it outside the repository, keyed by the Python version and the requirements file's
# hash. Prints the venv's bin directory on stdout; everything else goes to stderr. A second run
# with the venv cached is instant and needs no network.
#
#   bash scripts/scanners.sh            # install once (PyPI, about 2 minutes), print the bin directory
#   KUBEGRANT_CACHE=/somewhere bash scripts/scanners.sh
#   KUBEGRANT_PYTHON=python3.11 bash scripts/scanners.sh   # which Python makes the venv (default python3)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
requirements="${here}/scanners-requirements.txt"
cache_root="${KUBEGRANT_CACHE:-${HOME}/.cache/kubegrant}/scanners"
python="${KUBEGRANT_PYTHON:-python3}"
log() { echo "scanners.sh: $*" >&2; }

command -v "${python}" >/dev/null 2>&1 || { log "${python} not found (Python 3.11 with venv; KUBEGRANT_PYTHON names another)"; exit 1; }
pyversion="$("${python}" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
key="py${pyversion}-$(sha256sum "${requirements}" | cut -c1-16)"
venv="${cache_root}/${key}"
tools=(cloudsplaining parliament checkov)

# Fast path: a complete venv for these pins (the marker is written last).
if [ -f "${venv}/.complete" ]; then echo "${venv}/bin"; exit 0; fi

# A venv's scripts name its path, so it is built where it lives; an interrupted install has no
# marker and is removed and made again.
rm -rf "${venv}"
mkdir -p "${cache_root}"
start=$(date +%s)
log "creating ${venv} with ${python} ${pyversion} (PyPI, about 2 minutes)"
"${python}" -m venv "${venv}" >&2
# Exactly the pinned set, nothing resolved on the way; pip check proves the set is complete.
"${venv}/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps \
    --no-warn-script-location -r "${requirements}" >&2
"${venv}/bin/python" -m pip check >&2
for t in "${tools[@]}"; do
    [ -x "${venv}/bin/${t}" ] || { log "${t} missing from ${venv}/bin after install"; exit 1; }
done
"${venv}/bin/checkov" --version >&2
touch "${venv}/.complete"
log "installed in $(( $(date +%s) - start )) s: ${venv}/bin"
echo "${venv}/bin"
