/**
 * The fleet of the benchmark (issue 18): cluster `i`'s values for each preset, and the two ways
 * to onboard it, kubegrant's component and the hand-written equivalent (./hand). The worker
 * (./worker) runs one side for N clusters; tests/bench-equivalence.test.ts checks that both
 * sides register the same resources (types, names, inputs). A third side, `shell`, is the
 * hand-written resources under empty components with kubegrant's types, names and nesting: what
 * the component registrations alone cost, without any of kubegrant's code.
 */
import * as pulumi from "@pulumi/pulumi";

export const BENCH_PRESETS = ["castai-eks", "castai-gke", "castai-kubernetes"] as const;
export type BenchPreset = typeof BENCH_PRESETS[number];
export const SIDES = ["kubegrant", "hand", "shell"] as const;
export type Side = typeof SIDES[number];

const pad = (i: number, width: number) => String(i).padStart(width, "0");

export interface EksValues { clusterName: string; clusterId: string; accountId: string; region: string; vpcId: string }
export interface GkeValues { projectId: string; clusterName: string; location: string; castaiServiceAccount: string; nodeServiceAccountIds: string[] }

/** Cluster `i` of the fleet: default arguments (only the required keys), one cluster per index. */
export function eksValues(i: number): EksValues {
    return { clusterName: `fleet-${pad(i, 5)}`, clusterId: `3f2a9c1e-5b7d-4e8f-9a0b-${pad(i, 12)}`, accountId: "123456789012", region: "eu-central-1", vpcId: `vpc-${pad(i, 17)}` };
}

export function gkeValues(i: number): GkeValues {
    return {
        projectId: "acme-prod", clusterName: `fleet-${pad(i, 5)}`, location: "europe-west1",
        castaiServiceAccount: "cast-gke-1a2b3c4d@prod-cast-identity.iam.gserviceaccount.com",
        nodeServiceAccountIds: ["112233445566778899001", "998877665544332211009"],
    };
}

/** Pulumi name of cluster `i`'s component (or of the hand-written resources' prefix). */
export const clusterName = (i: number) => `c${i}`;

/** kubegrant's side: the public component classes, as a fleet program uses them. */
export function kubegrantCluster(preset: BenchPreset, i: number): pulumi.ComponentResource {
    /* eslint-disable @typescript-eslint/no-require-imports -- each preset loads only its own cloud's code, as a one-cloud fleet program does: the load is part of what is measured */
    switch (preset) {
        case "castai-eks": {
            const { CastAiEksAccess } = require("../../components/exports/aws") as typeof import("../../components/exports/aws");
            return new CastAiEksAccess(clusterName(i), eksValues(i));
        }
        case "castai-gke": {
            const { CastAiGkeAccess } = require("../../components/exports/gcp") as typeof import("../../components/exports/gcp");
            return new CastAiGkeAccess(clusterName(i), gkeValues(i));
        }
        case "castai-kubernetes": {
            const { CastAiClusterRbac } = require("../../components/exports/kubernetes") as typeof import("../../components/exports/kubernetes");
            return new CastAiClusterRbac(clusterName(i), {});
        }
    }
    /* eslint-enable @typescript-eslint/no-require-imports */
}

/** The hand-written side (loads only the cloud's provider package and the templates). */
export function handCluster(preset: BenchPreset, i: number): void {
    /* eslint-disable @typescript-eslint/no-require-imports -- each preset loads only its cloud's provider package and templates: the load is part of what is measured */
    switch (preset) {
        case "castai-eks": return (require("./hand-eks") as typeof import("./hand-eks")).handEks(clusterName(i), eksValues(i));
        case "castai-gke": return (require("./hand-gke") as typeof import("./hand-gke")).handGke(clusterName(i), gkeValues(i));
        case "castai-kubernetes": return (require("./hand-kubernetes") as typeof import("./hand-kubernetes")).handKubernetes(clusterName(i));
    }
    /* eslint-enable @typescript-eslint/no-require-imports */
}

/**
 * The `shell` side: the hand-written resources, parented to empty `ComponentResource`s of the types,
 * names and nesting kubegrant registers (tests/bench-equivalence.test.ts checks every URN).
 */
export function shellCluster(preset: BenchPreset, i: number): void {
    const name = clusterName(i);
    const component = (type: string, n: string, parent?: pulumi.Resource) => new pulumi.ComponentResource(`kubegrant:${type}`, n, {}, { parent });
    /* eslint-disable @typescript-eslint/no-require-imports -- as handCluster */
    switch (preset) {
        case "castai-eks": {
            const top = component("castai:CastAiEksAccess", name);
            const parents = { node: component("aws:PolicyRole", `${name}-node`, top), access: component("aws:PolicyRole", `${name}-access`, top) };
            return (require("./hand-eks") as typeof import("./hand-eks")).handEks(name, eksValues(i), parents);
        }
        case "castai-gke": {
            const access = component("gcp:ServiceAccountAccess", `${name}-access`, component("castai:CastAiGkeAccess", name));
            return (require("./hand-gke") as typeof import("./hand-gke")).handGke(name, gkeValues(i), access);
        }
        case "castai-kubernetes": {
            const rbac = component("kubernetes:ServiceAccountRbac", `${name}-rbac`, component("castai:CastAiClusterRbac", name));
            return (require("./hand-kubernetes") as typeof import("./hand-kubernetes")).handKubernetes(name, rbac);
        }
    }
    /* eslint-enable @typescript-eslint/no-require-imports */
}

export function onboard(side: Side, preset: BenchPreset, i: number): void {
    if (side === "kubegrant") kubegrantCluster(preset, i);
    else if (side === "shell") shellCluster(preset, i);
    else handCluster(preset, i);
}

/**
 * The order of the sides in repetition `rep` of the `cell`-th (preset, N) cell: rotated from one
 * repetition to the next in every cell, because the second of two back-to-back runs is often the
 * slower (up to ~10% in CPU time on the 2-core machine), so each side must go first as often as the
 * others. (Rotating once per cell across repetitions gave every cell the same order in every
 * repetition whenever a repetition had an even number of cells.)
 */
export function runOrder<T>(sides: readonly T[], rep: number, cell: number): T[] {
    return sides.map((_, i) => sides[(i + rep + cell) % sides.length]);
}

/**
 * One side's runs divided by another's, repetition by repetition: the i-th runs of the two sides
 * in one batch (one runs.jsonl merged into the table, or the runs of this invocation) ran back to
 * back, under the same load, so the median of these ratios is steadier on a shared machine than a
 * ratio of medians. A run without a partner in its batch (a side some batches lack, such as
 * `shell` before it existed) and a metric a run lacks give no ratio.
 */
export function pairedRatios<R extends { readonly batch?: number }>(a: readonly R[], b: readonly R[], f: (r: R) => number | undefined): number[] {
    return [...new Set(a.map((r) => r.batch))].flatMap((batch) => {
        const [ab, bb] = [a.filter((r) => r.batch === batch), b.filter((r) => r.batch === batch)];
        return ab.slice(0, bb.length).map((r, i) => [f(r), f(bb[i])] as const);
    }).filter((p): p is readonly [number, number] => p[0] !== undefined && p[1] !== undefined).map(([x, y]) => x / y);
}
