#!/usr/bin/env bash
# Builds the Pulumi engine that tests/engine.test.ts runs for real — the `pulumi` CLI and the
# Kubernetes resource provider `pulumi-resource-kubernetes` — from their Go modules on the Go module
# proxy, with wrapper modules of ours generated in a temporary directory (nothing vendored is
# committed). Caches the binaries outside the repository keyed by the pinned versions and the Go
# version; prints the bin directory (put it first on the PATH) on stdout, everything else on stderr.
# A second run with the binaries cached is instant and needs no network.
#
#   bash scripts/pulumi-engine.sh                 # build once (~20-40 min on 2 shared cores), print the dir
#   KUBEGRANT_CACHE=/somewhere bash scripts/pulumi-engine.sh
#
# A `pulumi` already on the PATH whose version is PULUMI_CLI_VERSION (a real user's machine) is used
# as it is; the provider is then still built here unless one is on the PATH too.
#
# Versions (pinned; why these):
# - CLI: package-lock.json pins @pulumi/pulumi 3.270.0, but the proxy refuses the zip of
#   github.com/pulumi/pulumi/pkg/v3@v3.270.0 (403); the nearest version it serves is v3.274.0. A CLI
#   newer than the Node.js SDK is the combination Pulumi supports (the SDK talks to the engine over
#   its versioned gRPC protocol).
# - Kubernetes provider: package-lock.json pins @pulumi/kubernetes 4.34.2. The repository tags its
#   releases at the root, so the proxy serves github.com/pulumi/pulumi-kubernetes/provider/v4 only by
#   pseudo-version, and the only one it serves is v4.0.0-20260115033456-f47bc2d6f199 (commit
#   f47bc2d6f1996444d11c12b4ef083b82585f7c07, master two months after the 4.24.0 release). Its
#   reported version is 4.24.0-dev.f47bc2d6f199 (the truth). The engine uses the provider found on
#   the PATH (an "ambient" plugin) whatever version the SDK asks for.
# - The Node.js language host (github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3)
#   is not served by the proxy at any version, so it is not built: the end-to-end suite runs the
#   programs through the Node.js Automation API, whose inline-program language server the CLI is
#   pointed at with `--client` (the engine, state, diff, secrets, providers and stack references
#   are all the real ones; only the spawn of the Node.js program differs).
#
# The Go toolchain is the Go on the PATH (Go 1.26, /usr/local/go) with GOTOOLCHAIN=local; Pulumi's
# v3.274 modules declare go 1.26.6. Builds run under `nice -n 19`.
set -euo pipefail

PULUMI_CLI_VERSION="${PULUMI_CLI_VERSION:-3.274.0}"
K8S_PROVIDER_PSEUDO="v4.0.0-20260115033456-f47bc2d6f199"
K8S_PROVIDER_VERSION="4.24.0-dev.f47bc2d6f199"
K8S_SDK_VERSION="v4.24.0" # what that provider commit's go.mod requires (its replace => ../sdk is relative)
CLIPBOARD_FORK="github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e" # pkg/v3's go.mod replace

log() { echo "pulumi-engine.sh: $*" >&2; }

export GOTOOLCHAIN=local
command -v go >/dev/null 2>&1 || { log "no go on the PATH (need Go >= 1.26.6, e.g. /usr/local/go/bin)"; exit 1; }
gover="$(go env GOVERSION)"
key="cli-${PULUMI_CLI_VERSION}_k8s-${K8S_PROVIDER_VERSION}_${gover}"
cache_root="${KUBEGRANT_CACHE:-${HOME}/.cache/kubegrant}/pulumi-engine"
cache="${cache_root}/${key}"
bindir="${cache}/bin"

# A pulumi on the PATH with the pinned version is used as it is.
if [ -z "${KUBEGRANT_PULUMI_FORCE_BUILD:-}" ] && command -v pulumi >/dev/null 2>&1 \
    && [ "$(pulumi version 2>/dev/null)" = "v${PULUMI_CLI_VERSION}" ] \
    && command -v pulumi-resource-kubernetes >/dev/null 2>&1; then
    dirname "$(command -v pulumi)"; exit 0
fi
# tests/support/engine.ts reads the bin directory from ${cache_root}/current.
if [ -x "${bindir}/pulumi" ] && [ -x "${bindir}/pulumi-resource-kubernetes" ]; then
    echo "${bindir}" > "${cache_root}/current"
    echo "${bindir}"; exit 0
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/kubegrant-pulumi-engine.XXXXXX")"
trap 'chmod -R u+w "${work}" 2>/dev/null; rm -rf "${work}"' EXIT
export GOFLAGS="-mod=mod" CGO_ENABLED=0
# Module downloads are kept between runs (a failed build resumes); build objects are not needed.
export GOMODCACHE="${cache_root}/gomodcache" GOCACHE="${cache_root}/gocache"
mkdir -p "${bindir}.tmp" "${GOMODCACHE}" "${GOCACHE}"
start=$(date +%s)

# 1. The CLI: a wrapper module requiring pkg/v3 and sdk/v3 at the same version, repeating pkg's
#    non-relative replace (its `sdk/v3 => ../sdk` is what the require replaces).
if [ ! -x "${bindir}/pulumi" ]; then
    mkdir -p "${work}/cli"
    cat > "${work}/cli/go.mod" <<MOD
module kubegrant.local/pulumi-cli

go 1.26.6

require (
	github.com/pulumi/pulumi/pkg/v3 v${PULUMI_CLI_VERSION}
	github.com/pulumi/pulumi/sdk/v3 v${PULUMI_CLI_VERSION}
)

replace github.com/atotto/clipboard => ${CLIPBOARD_FORK}
MOD
    cat > "${work}/cli/tools.go" <<'GO'
//go:build tools

package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
GO
    log "resolving github.com/pulumi/pulumi/pkg/v3@v${PULUMI_CLI_VERSION}"
    ( cd "${work}/cli" && go mod tidy >&2 )
    log "building pulumi v${PULUMI_CLI_VERSION} with ${gover} (long: nice -n 19)"
    ( cd "${work}/cli" && nice -n 19 go build -trimpath \
        -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v${PULUMI_CLI_VERSION}" \
        -o "${bindir}.tmp/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2 )
    log "pulumi built after $(( $(date +%s) - start )) s"
fi

# 2. The Kubernetes provider: a wrapper module requiring provider/v4 at the pseudo-version, with
#    the provider replaced by a writable copy of its module in which the generate step wrote the
#    embedded schema (a dependency's own replaces are ignored, so its `sdk/v4 => ../sdk` is moot).
if [ ! -x "${bindir}/pulumi-resource-kubernetes" ]; then
    mod=github.com/pulumi/pulumi-kubernetes/provider/v4
    log "downloading ${mod}@${K8S_PROVIDER_PSEUDO}"
    dir="$(go mod download -json "${mod}@${K8S_PROVIDER_PSEUDO}" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
    [ -d "${dir}" ] || { log "go mod download gave no directory for ${mod}"; exit 1; }
    mkdir -p "${work}/k8s"
    cp -R "${dir}" "${work}/k8s/provider" && chmod -R u+w "${work}/k8s/provider"
    cat > "${work}/k8s/go.mod" <<MOD
module kubegrant.local/pulumi-resource-kubernetes

go 1.26.6

require (
	${mod} ${K8S_PROVIDER_PSEUDO}
	github.com/pulumi/pulumi-kubernetes/sdk/v4 ${K8S_SDK_VERSION}
)

replace ${mod} => ./provider
MOD
    cat > "${work}/k8s/tools.go" <<GO
//go:build tools

package tools

import _ "${mod}/cmd/pulumi-resource-kubernetes"
GO
    ( cd "${work}/k8s" && go mod tidy >&2 )
    # The generate step (generate.go, `//go:build ignore`) imports pkg/v3/codegen/schema: run it in
    # a directory of the wrapper module (where that resolves) on copies of its inputs.
    cmd="${work}/k8s/provider/cmd/pulumi-resource-kubernetes"
    mkdir -p "${work}/k8s/gen"
    cp "${cmd}/generate.go" "${cmd}/schema.json" "${cmd}/terraform-mapping.json" "${work}/k8s/gen/"
    ( cd "${work}/k8s/gen" && VERSION="${K8S_PROVIDER_VERSION}" nice -n 19 go run ./generate.go >&2 )
    mv "${work}/k8s/gen/schema-embed.json" "${work}/k8s/gen/terraform-mapping-embed.json" "${cmd}/"
    [ -f "${work}/k8s/provider/cmd/pulumi-resource-kubernetes/schema-embed.json" ] \
        || { log "the provider's generate step wrote no schema-embed.json"; exit 1; }
    log "building pulumi-resource-kubernetes ${K8S_PROVIDER_VERSION} (long: nice -n 19)"
    ( cd "${work}/k8s" && nice -n 19 go build -trimpath \
        -ldflags "-s -w -X ${mod}/pkg/version.Version=${K8S_PROVIDER_VERSION}" \
        -o "${bindir}.tmp/pulumi-resource-kubernetes" "${mod}/cmd/pulumi-resource-kubernetes" >&2 )
    log "provider built after $(( $(date +%s) - start )) s"
fi

mkdir -p "${bindir}"
for b in pulumi pulumi-resource-kubernetes; do
    [ -x "${bindir}.tmp/${b}" ] && mv "${bindir}.tmp/${b}" "${bindir}/${b}"
done
rmdir "${bindir}.tmp" 2>/dev/null || true
echo "${bindir}" > "${cache_root}/current"
log "built in $(( $(date +%s) - start )) s: ${bindir}"
echo "${bindir}"
