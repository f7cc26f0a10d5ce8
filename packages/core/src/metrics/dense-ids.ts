/** Maps two sequences of arbitrary ids (or tokens) onto dense ids 0..symbolCount-1 shared by both. */

/** Two sequences over one dense alphabet. */
export interface DenseIds {
  a: Int32Array;
  b: Int32Array;
  symbolCount: number;
}

/** Dense ids for two sequences; values are compared with SameValueZero (=== for ids and strings). */
export function denseIds<T>(ref: ArrayLike<T>, hyp: ArrayLike<T>): DenseIds {
  const ids = new Map<T, number>();
  const toId = (t: T): number => {
    let id = ids.get(t);
    if (id === undefined) {
      id = ids.size;
      ids.set(t, id);
    }
    return id;
  };
  const a = Int32Array.from(ref, toId);
  const b = Int32Array.from(hyp, toId);
  return { a, b, symbolCount: ids.size };
}
