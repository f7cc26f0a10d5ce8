// The gate's markdown as ONE pull-request comment, updated on every push instead of adding a new one.
// Run by actions/github-script in .github/workflows/pr.yml (CommonJS: github-script `require`s it);
// the comment is found by a hidden marker, and only a comment the workflow's bot wrote is reused, so
// a person quoting the marker is never overwritten. Tested with a fake client in
// packages/repo/test/pr-comment.test.ts.
'use strict';
const { existsSync, readFileSync } = require('node:fs');

/** Hidden first line of the comment: how the next push finds it. */
const MARKER = '<!-- parakeet-bench:gate-report -->';
/** GitHub refuses comment bodies over 65536 characters. */
const MAX_BODY = 65000;

/** The comment body: marker, the gate's markdown (cut to fit, saying so) and which commit it is for. */
function commentBody(markdown, { sha, runUrl }) {
  const footer = `\n\n<sub>Regression gate for ${sha.slice(0, 7)}${runUrl ? ` ([workflow run](${runUrl}))` : ''}; updated on every push.</sub>`;
  const room = MAX_BODY - MARKER.length - footer.length - 200;
  const text = markdown.length > room
    ? `${markdown.slice(0, room)}\n\n… cut to fit a comment (${markdown.length} characters): the full report is in the job summary and the fixture-results artifact.`
    : markdown;
  return `${MARKER}\n${text.trim()}${footer}`;
}

/** Creates or updates the gate comment of the pull request in `context` from the markdown file. */
async function upsertGateComment({ github, context, core }, file) {
  const markdown = existsSync(file)
    ? readFileSync(file, 'utf8')
    : `## Regression gate: no report\n\n${file} was not written: see the log of the Regression gate step.`;
  const { owner, repo } = context.repo;
  const issue_number = context.issue.number;
  const sha = context.payload.pull_request?.head?.sha ?? context.sha;
  const runUrl = context.serverUrl && context.runId ? `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}` : undefined;
  const body = commentBody(markdown, { sha, runUrl });
  const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 });
  const mine = comments.find((c) => c.user?.type === 'Bot' && typeof c.body === 'string' && c.body.startsWith(MARKER));
  if (mine) {
    await github.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body });
    core?.info?.(`updated gate comment ${mine.id}`);
    return { action: 'updated', id: mine.id };
  }
  const created = await github.rest.issues.createComment({ owner, repo, issue_number, body });
  core?.info?.(`created gate comment ${created.data.id}`);
  return { action: 'created', id: created.data.id };
}

module.exports = { MARKER, MAX_BODY, commentBody, upsertGateComment };
