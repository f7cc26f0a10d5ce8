/**
 * scripts/pr-comment.cjs, which actions/github-script runs in the PR workflow, against a fake GitHub
 * client: the first push creates the gate comment, later pushes update that same comment, a person's
 * comment quoting the marker is left alone, and an oversized report is cut to fit.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './repo-root.ts';

interface Comment { id: number; body: string; user: { type: string; login: string } }
interface Upsert { action: 'created' | 'updated'; id: number }
const { MARKER, MAX_BODY, upsertGateComment } = createRequire(import.meta.url)(join(repoRoot, 'scripts', 'pr-comment.cjs')) as {
  MARKER: string;
  MAX_BODY: number;
  upsertGateComment: (tools: unknown, file: string) => Promise<Upsert>;
};

/** A pull request's comments behind the slice of Octokit the script uses. */
function fakeGithub(comments: Comment[]) {
  let next = 100;
  const listComments = async (p: { issue_number: number; page?: number }) => ({ data: comments.filter(() => p.issue_number === 7) });
  const github = {
    paginate: async (fn: typeof listComments, params: { issue_number: number }) => (await fn(params)).data,
    rest: {
      issues: {
        listComments,
        createComment: async (p: { issue_number: number; body: string }) => {
          const c = { id: next++, body: p.body, user: { type: 'Bot', login: 'github-actions[bot]' } };
          comments.push(c);
          return { data: c };
        },
        updateComment: async (p: { comment_id: number; body: string }) => {
          comments.find((c) => c.id === p.comment_id)!.body = p.body;
          return { data: {} };
        },
      },
    },
  };
  return github;
}

const context = (sha: string) => ({
  repo: { owner: 'o', repo: 'r' }, issue: { number: 7 }, sha: 'merge-commit', runId: 42, serverUrl: 'https://github.com',
  payload: { pull_request: { head: { sha } } },
});

async function gateFile(text: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'pr-comment-')), 'gate.md');
  await writeFile(file, text);
  return file;
}

describe('the pull-request gate comment', () => {
  it('is created once and updated on every later push', async () => {
    const comments: Comment[] = [{ id: 1, body: `I saw ${MARKER} somewhere`, user: { type: 'User', login: 'alice' } }];
    const github = fakeGithub(comments);
    const first = await upsertGateComment({ github, context: context('aaaaaaa111'), core: undefined }, await gateFile('## Regression gate: ✅ pass\n'));
    expect(first.action).toBe('created');
    const second = await upsertGateComment({ github, context: context('bbbbbbb222'), core: undefined }, await gateFile('## Regression gate: ❌ fail\n'));
    expect(second).toEqual({ action: 'updated', id: first.id });
    expect(comments).toHaveLength(2);
    expect(comments[0]!.body).toBe(`I saw ${MARKER} somewhere`);
    const mine = comments[1]!.body;
    expect(mine.startsWith(`${MARKER}\n## Regression gate: ❌ fail`)).toBe(true);
    expect(mine).toContain('Regression gate for bbbbbbb ([workflow run](https://github.com/o/r/actions/runs/42))');
  });

  it('says so when the gate wrote no report, and cuts an oversized one to fit a comment', async () => {
    const comments: Comment[] = [];
    const github = fakeGithub(comments);
    await upsertGateComment({ github, context: context('c'.repeat(40)), core: undefined }, '/nonexistent/gate.md');
    expect(comments[0]!.body).toContain('/nonexistent/gate.md was not written: see the log of the Regression gate step');
    await upsertGateComment({ github, context: context('d'.repeat(40)), core: undefined }, await gateFile(`| row |\n`.repeat(20_000)));
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body.length).toBeLessThanOrEqual(MAX_BODY);
    expect(comments[0]!.body).toMatch(/… cut to fit a comment \(160000 characters\): the full report is in the job summary/);
  });
});
