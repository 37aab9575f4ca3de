/**
 * Defines `name` on `target` as an own, enumerable, read-only property whose value `build` makes
 * on its first read. For a component's `ready`: a `pulumi.all` over every child costs a chain of
 * promises per child and per instance, so a fleet program that never reads `ready` (hundreds of
 * clusters in one program) should not build it. Reading it gives the same Output as before: it
 * resolves once every child it names exists and depends on all of them.
 */
export function defineLazy<T extends object, K extends keyof T>(target: T, name: K, build: () => T[K]): void {
    let built: { value: T[K] } | undefined;
    Object.defineProperty(target, name, {
        enumerable: true,
        configurable: false,
        get: () => (built ??= { value: build() }).value,
    });
}
