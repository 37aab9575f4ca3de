/** Where an instance keeps its lazy properties' builders, then their values (one field per instance). */
const LAZY = Symbol("kubegrant.lazy");

type Slot = { readonly build: () => unknown } | { readonly value: unknown };
type Holder = { [LAZY]?: Record<PropertyKey, Slot> };

/**
 * Makes `name` of `target` a read-only property whose value `build` makes on its first read. For
 * a component's `ready`: a `pulumi.all` over every child costs a chain of promises per child and
 * per instance, and so does each `pulumi.output` of a plain value, so a fleet program that never
 * reads them (hundreds of clusters in one program) should not build them. Reading it gives the
 * same Output as before: `ready` resolves once every child it names exists and depends on all of
 * them.
 *
 * The accessor is defined once on the instance's prototype (declare the property with `declare
 * readonly`), and the instance holds only its builders. An accessor defined on each instance, with
 * its own closure, would turn every instance after the first into a dictionary-mode object
 * (1.6 KB of property table per component, slower reads).
 */
export function defineLazy<T extends object, K extends keyof T & string>(target: T, name: K, build: () => T[K]): void {
    const proto = Object.getPrototypeOf(target) as object;
    if (!Object.prototype.hasOwnProperty.call(proto, name)) {
        Object.defineProperty(proto, name, {
            enumerable: true,
            configurable: false,
            get(this: Holder) {
                const slots = this[LAZY];
                const slot = slots?.[name];
                if (slots === undefined || slot === undefined) return undefined;
                if ("value" in slot) return slot.value;
                const value = slot.build();
                slots[name] = { value };
                return value;
            },
        });
    }
    const holder = target as Holder;
    (holder[LAZY] ??= {})[name] = { build };
}
