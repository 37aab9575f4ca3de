#!/usr/bin/env bash
# Builds the kube-apiserver that tests/apiserver.test.ts judges the rendered RBAC against, and the
# kube-controller-manager that runs beside it in tests/engine.test.ts (its namespace controller and
# garbage collector let `pulumi destroy` finish deleting a namespace), the way Debian builds them
# (source package `kubernetes`, vendored dependencies, CGO off), in one run, and caches them side by
# side outside the repository keyed by the Debian source version; only what is missing is built.
# Prints the kube-apiserver's path on stdout (kube-controller-manager is in the same directory);
# everything else goes to stderr. A second run with both cached is instant and needs no network.
#
#   bash scripts/kube-apiserver.sh            # install what is missing, build once, print the path
#   KUBEGRANT_CACHE=/somewhere bash scripts/kube-apiserver.sh
#
# Needs root (or sudo) for apt-get the first time: etcd-server, golang-1.19-go, rsync, dpkg-dev, and
# a deb-src entry for this Debian release so that `apt-get source kubernetes` works.
#
# The Go toolchain is Debian's Go 1.19 (package golang-1.19-go, /usr/lib/go-1.19/bin), named
# explicitly: Kubernetes 1.20's vendored code does not build with a much newer Go (whatever `go` is
# first on the PATH, e.g. a Go 1.26 in /usr/local/go, is never used). KUBEGRANT_GOROOT overrides it.
set -euo pipefail

cache_root="${KUBEGRANT_CACHE:-${HOME}/.cache/kubegrant}/kube-apiserver"
log() { echo "kube-apiserver.sh: $*" >&2; }

sudo_() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root for: $*"; exit 1; fi; }

# Fast path: a cached binary for a known source version, and etcd on the PATH — no apt, no network.
if command -v etcd >/dev/null 2>&1 && [ -f "${cache_root}/current" ]; then
    version="$(cat "${cache_root}/current")"
    bin="${cache_root}/${version}/kube-apiserver"
    if [ -x "${bin}" ] && [ -x "${cache_root}/${version}/kube-controller-manager" ]; then echo "${bin}"; exit 0; fi
fi

# deb-src for this Debian release's suites: a deb822 entry next to the distribution's own.
srcs_file=/etc/apt/sources.list.d/kubegrant-deb-src.sources
if ! apt-get indextargets --format '$(CREATED_BY)' 2>/dev/null | grep -qx Sources; then
    # shellcheck disable=SC1091
    codename="$(. /etc/os-release && [ "${ID:-}" = debian ] && echo "${VERSION_CODENAME:-}")" || true
    if [ -z "${codename}" ]; then
        log "not Debian: enable deb-src entries for a release that ships the kubernetes source package, then run again"; exit 1
    fi
    log "enabling deb-src for ${codename} (${srcs_file})"
    sudo_ tee "${srcs_file}" >/dev/null <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: ${codename} ${codename}-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: ${codename}-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi

missing=()
command -v etcd >/dev/null 2>&1 || missing+=(etcd-server)
goroot="${KUBEGRANT_GOROOT:-/usr/lib/go-1.19}"
[ -x "${goroot}/bin/go" ] || missing+=(golang-1.19-go)
command -v rsync >/dev/null 2>&1 || missing+=(rsync)
command -v dpkg-source >/dev/null 2>&1 || missing+=(dpkg-dev)
# The package lists (deb-src included) for apt-get install and `apt-cache showsrc` below.
sudo_ apt-get update -qq >&2
if [ "${#missing[@]}" -gt 0 ]; then
    log "installing ${missing[*]}"
    sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
# etcd-server starts a system etcd on 2379 when installed; the tests run their own, so stop it.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet etcd 2>/dev/null; then
    sudo_ systemctl stop etcd || true
fi

version="$(apt-cache showsrc kubernetes | awk '/^Version:/ {print $2}' | sort -V | tail -n1)"
[ -n "${version}" ] || { log "apt-cache showsrc kubernetes found no source version"; exit 1; }
dest="${cache_root}/${version}"
bin="${dest}/kube-apiserver"
targets=()
for b in kube-apiserver kube-controller-manager; do [ -x "${dest}/${b}" ] || targets+=("${b}"); done
if [ "${#targets[@]}" -eq 0 ]; then
    echo "${version}" > "${cache_root}/current"
    echo "${bin}"; exit 0
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/kubegrant-kube-apiserver.XXXXXX")"
trap 'rm -rf "${work}"' EXIT
log "fetching Debian source kubernetes ${version} into ${work}"
# Download, then extract with Debian's patches applied (they are what the Debian build uses).
( cd "${work}" && apt-get source -qq --download-only "kubernetes=${version}" >&2 \
    && dpkg-source -x "$(ls ./*.dsc | head -n1)" src >&2 )

export GOPATH="${work}/gopath" GOCACHE="${work}/gocache"
# Debian's Go first on the PATH (the Makefile and its scripts call `go`), and GOTOOLCHAIN=local so
# that no go.mod line can ask for a download of another toolchain.
export CGO_ENABLED=0 GOROOT="${goroot}" GOTOOLCHAIN=local GOFLAGS= PATH="${goroot}/bin:${PATH}"
case "$(go version)" in
    *" go1.19"*) ;;
    *) [ -n "${KUBEGRANT_GOROOT:-}" ] || { log "expected Go 1.19 from ${goroot}, got: $(go version)"; exit 1; } ;;
esac
mkdir -p "${GOPATH}/src/k8s.io"
ln -s "${work}/src" "${GOPATH}/src/k8s.io/kubernetes"
start=$(date +%s)
what="${targets[*]/#/cmd/}"
log "building ${what} with $(go version) (a few minutes each)"
( cd "${GOPATH}/src/k8s.io/kubernetes" && nice -n 19 make WHAT="${what}" >&2 )
mkdir -p "${dest}"
for b in "${targets[@]}"; do
    built="$(find "${work}/src/_output" -type f -name "${b}" -perm -u+x | head -n1)"
    [ -n "${built}" ] || { log "build produced no ${b} binary"; exit 1; }
    install -m 0755 "${built}" "${dest}/${b}.tmp" && mv "${dest}/${b}.tmp" "${dest}/${b}"
done
echo "${version}" > "${cache_root}/current"
log "built in $(( $(date +%s) - start )) s: ${bin}"
echo "${bin}"
