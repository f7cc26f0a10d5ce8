import { describe, expect, it } from 'vitest';
import { getNormalizer } from '@parakeet-bench/core';
import { renderDiff } from './diff.ts';

const marks = (html: string) => [...html.matchAll(/<b>([SDI])<\/b>/g)].map((m) => m[1]).join('');

describe('renderDiff', () => {
  const u = { reference: 'Hello, World! It’s the “best” café.', hypothesis: 'hello world its the best cafe' };

  it('aligns the normalised texts the score counted: casing and punctuation are not marked', () => {
    const html = renderDiff(u, getNormalizer('default'));
    // default: "hello world it s the best café" vs "hello world its the best cafe" -> it/its S, s D, café/cafe S
    expect(marks(html)).toBe('SDS');
    expect(html).toContain('<span>café</span><span>cafe</span><b>S</b>');
    expect(html).not.toMatch(/<span>Hello,<\/span>/);
  });

  it('marks exactly what each normaliser leaves, and shows the raw texts beside when they differ', () => {
    expect(marks(renderDiff(u, getNormalizer('whisper-basic-remove-diacritics')))).toBe('SD');
    const exact = renderDiff(u, getNormalizer('none'));
    expect(marks(exact)).toBe('SSSSS'); // Hello, World! It’s “best” café. all differ from the hypothesis words
    expect(exact).not.toContain('class="raw"');
    const normalised = renderDiff(u, getNormalizer('default'));
    expect(normalised).toContain('<div class="raw"><div><b>REF raw</b> Hello, World! It’s the “best” café.</div><div><b>HYP raw</b> hello world its the best cafe</div></div>');
  });

  it('says so when nothing is left after normalisation, and escapes the raw text', () => {
    expect(renderDiff({ reference: '...', hypothesis: '« ! »' }, getNormalizer('default'))).toContain('(empty reference and hypothesis after normalisation)');
    const html = renderDiff({ reference: 'a', hypothesis: '<b>a</b>' }, getNormalizer('default'));
    expect(marks(html)).toBe('II'); // "b a b": the tag letters are words after normalisation
    expect(html).toContain('<b>HYP raw</b> &lt;b&gt;a&lt;/b&gt;');
    expect(html).not.toContain('<b>a</b>');
  });
});
