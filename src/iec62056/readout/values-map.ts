import type { DataSet } from './types';

/** Each address mapped to its first data set; prototype-less so `__proto__` or `constructor` are plain keys. */
export function firstByAddress(dataSets: readonly DataSet[]): Record<string, DataSet> {
  const map: Record<string, DataSet> = Object.create(null) as Record<string, DataSet>;
  for (const set of dataSets) if (map[set.address] === undefined) map[set.address] = set;
  return map;
}

interface WithDataSets {
  dataSets: DataSet[];
  values?: Record<string, DataSet>;
}

/*
 * Delete, then assign: V8 undoes the deletion of an object's LAST-added property by going back to the
 * previous hidden class, and the assignment adds a plain data property (writable, enumerable, configurable)
 * in the same place, so the result stays a fast object. Object.defineProperty over the accessor turned
 * every result into a dictionary-mode object instead (about 600 ns per read). withLazyValues is therefore
 * always the last property added.
 */
function becomeDataProperty(target: WithDataSets, values: Record<string, DataSet>): void {
  delete target.values;
  target.values = values;
}

/*
 * `values` is built on first read: keying hundreds of addresses into a dictionary (hashing and internalising
 * each address string) cost about a fifth of a whole parse, and many callers only walk `dataSets`. The
 * property is an own, enumerable accessor, so Object.keys, JSON.stringify, spreads and deep equality see it
 * like a plain property; the first read (or a write) turns it into a plain data property. One shared
 * descriptor (the getter reads `this`), so no closure is made per result.
 */
const LAZY_VALUES: PropertyDescriptor = {
  get(this: WithDataSets): Record<string, DataSet> {
    const values = firstByAddress(this.dataSets);
    becomeDataProperty(this, values);
    return values;
  },
  set(this: WithDataSets, values: Record<string, DataSet>): void {
    becomeDataProperty(this, values);
  },
  enumerable: true,
  configurable: true,
};

/** Adds `values` (built from `dataSets` on first read) as the last own property of `target`. */
export function withLazyValues<T extends WithDataSets>(target: T): T & { values: Record<string, DataSet> } {
  Object.defineProperty(target, 'values', LAZY_VALUES);
  return target as T & { values: Record<string, DataSet> };
}
