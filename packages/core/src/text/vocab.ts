/**
 * Parser for the istupakov-layout `vocab.txt` (one "token id" pair per line).
 *
 * onnx-asr splits each line on its single space (`line.split(" ")`, see onnx-asr asr.py
 * `_AsrWithDecoding.__init__`); we split on the LAST space instead so a token that itself contains a
 * space still parses, and we validate what onnx-asr silently trusts (dense, unique ids), because a
 * shifted id would make every transcript wrong without any error.
 */

/** The blank symbol of NeMo transducer vocabularies. */
export const BLANK_TOKEN = '<blk>';

/** A parsed vocabulary: `tokens[id]` is the raw SentencePiece piece (with '▁', not spaces). */
export interface Vocab {
  /** Raw pieces indexed by id (ids are dense 0..size-1). */
  tokens: string[];
  /** Id of `<blk>`. */
  blankId: number;
  /** Number of tokens including the blank. */
  size: number;
}

/**
 * Parses `vocab.txt` text. `source` (usually the file path) is named in every error.
 * Blank lines (e.g. the trailing newline) are ignored; a UTF-8 BOM and CRLF line ends are accepted.
 */
export function parseVocab(text: string, source: string): Vocab {
  const byId = new Map<number, string>();
  const byToken = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    if (line.trim() === '') continue;
    const where = `${source} line ${i + 1}`;
    const cut = line.lastIndexOf(' ');
    if (cut <= 0) {
      throw new Error(`${where}: expected "token id" separated by a space, got ${JSON.stringify(line)}; fix the vocab file (istupakov layout)`);
    }
    const token = line.slice(0, cut);
    const idText = line.slice(cut + 1);
    if (!/^\d+$/.test(idText)) {
      throw new Error(`${where}: id ${JSON.stringify(idText)} is not a non-negative integer; each line must end with " <id>"`);
    }
    const id = Number(idText);
    const prevToken = byId.get(id);
    if (prevToken !== undefined) {
      throw new Error(`${where}: id ${id} already used by token ${JSON.stringify(prevToken)}; ids must be unique`);
    }
    const prevId = byToken.get(token);
    if (prevId !== undefined) {
      throw new Error(`${where}: token ${JSON.stringify(token)} already has id ${prevId}; tokens must be unique`);
    }
    byId.set(id, token);
    byToken.set(token, id);
  }
  const size = byId.size;
  if (size === 0) throw new Error(`${source}: vocabulary is empty; expected "token id" lines`);
  const tokens: string[] = new Array<string>(size);
  for (const [id, token] of byId) {
    if (id >= size) {
      throw new Error(`${source}: ids must be dense 0..${size - 1} but id ${id} (token ${JSON.stringify(token)}) is out of range; some ids are missing`);
    }
    tokens[id] = token;
  }
  const blankId = byToken.get(BLANK_TOKEN);
  if (blankId === undefined) {
    throw new Error(`${source}: no ${BLANK_TOKEN} token; a Parakeet TDT vocab.txt ends with "${BLANK_TOKEN} <id>"`);
  }
  return { tokens, blankId, size };
}
