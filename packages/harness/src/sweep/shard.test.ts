import { describe, expect, it } from 'vitest';
import { parseShard, selectShard } from './shard.ts';

const ids = Array.from({ length: 23 }, (_, i) => `cfg-${String((i * 7) % 23).padStart(2, '0')}`);
const configs = ids.map((id) => ({ id, dataset: 'fleurs-fr' }));

describe('selectShard', () => {
  it('puts every config in exactly one shard, with sizes within one of each other', () => {
    for (let n = 1; n <= 7; n++) {
      const shards = Array.from({ length: n }, (_, i) => selectShard(configs, `${i + 1}/${n}`));
      const all = shards.flat().map((c) => c.id).sort();
      expect(all).toEqual([...ids].sort());
      const sizes = shards.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('does not depend on input order, and keeps the input order inside a shard', () => {
    const reversed = [...configs].reverse();
    const a = selectShard(configs, '2/4').map((c) => c.id);
    const b = selectShard(reversed, '2/4').map((c) => c.id);
    expect([...b].reverse()).toEqual(a);
    expect(a).toEqual(configs.map((c) => c.id).filter((id) => a.includes(id)));
  });

  it('accepts plain id lists and spaces around the slash', () => {
    expect(selectShard(['b', 'a', 'c'], ' 1 / 2 ')).toEqual(['a', 'c']);
    expect(selectShard(['b', 'a', 'c'], '2/2')).toEqual(['b']);
  });

  it('returns an empty shard when there are more shards than configs', () => {
    expect(selectShard(['a'], '2/3')).toEqual([]);
  });

  it('refuses malformed specs with the flag and an example', () => {
    expect(() => parseShard('2')).toThrow('--shard "2": expected i/n with whole numbers, e.g. --shard 2/4');
    expect(() => parseShard('a/b')).toThrow(/expected i\/n/);
    expect(() => parseShard('1.5/3')).toThrow(/expected i\/n/);
    expect(() => parseShard('-1/3')).toThrow(/expected i\/n/);
    expect(() => parseShard('0/3')).toThrow('--shard "0/3": shard index must be between 1 and 3 (shards are numbered from 1)');
    expect(() => parseShard('4/3')).toThrow(/between 1 and 3/);
    expect(() => parseShard('0/0')).toThrow(/shard count must be at least 1/);
  });

  it('refuses duplicate ids, which would run twice', () => {
    expect(() => selectShard(['a', 'b', 'a'], '1/2')).toThrow('config id "a" appears twice');
  });
});
