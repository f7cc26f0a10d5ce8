import { describe, expect, it } from 'vitest';
import { parseVocab } from './vocab.ts';

describe('parseVocab', () => {
  it('parses "token id" lines, blank last as in Parakeet v3', () => {
    const v = parseVocab('<unk> 0\n▁the 1\n▁l 2\n\' 3\nété 4\n<blk> 5\n', 'vocab.txt');
    expect(v.tokens).toEqual(['<unk>', '▁the', '▁l', "'", 'été', '<blk>']);
    expect(v.blankId).toBe(5);
    expect(v.size).toBe(6);
  });

  it('splits on the LAST space so tokens may contain spaces; accepts CRLF, BOM and any line order', () => {
    const v = parseVocab('\uFEFFa b 1\r\n<blk> 2\r\nx 0\r\n', 'v.txt');
    expect(v.tokens).toEqual(['x', 'a b', '<blk>']);
    expect(v.blankId).toBe(2);
  });

  const bad: [string, string, RegExp][] = [
    ['missing id', 'a 0\nnoid\n<blk> 1', /v\.txt line 2: expected "token id"/],
    ['non-numeric id', 'a 0\nb x1\n<blk> 2', /v\.txt line 2: id "x1" is not a non-negative integer/],
    ['negative id', 'a -1\n<blk> 0', /v\.txt line 1: id "-1"/],
    ['duplicate id', 'a 0\nb 0\n<blk> 1', /v\.txt line 2: id 0 already used by token "a"/],
    ['duplicate token', 'a 0\na 1\n<blk> 2', /v\.txt line 2: token "a" already has id 0/],
    ['gap in ids', 'a 0\nb 2\n<blk> 3', /v\.txt: ids must be dense 0\.\.2 .*id 3/],
    ['no blank', 'a 0\nb 1', /v\.txt: no <blk> token/],
    ['empty', '\n\n', /v\.txt: vocabulary is empty/],
  ];
  it.each(bad)('rejects %s with a message naming the file', (_name, text, message) => {
    expect(() => parseVocab(text, 'v.txt')).toThrow(message);
  });
});
