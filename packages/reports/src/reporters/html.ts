/** `html`: the one-file dashboard (`index.html`), viewable offline and attachable as a CI artifact. */
import { renderDashboard } from '../html/page.ts';
import type { Reporter } from './reporter.ts';

/** Renders `index.html`. */
export const htmlReporter: Reporter = {
  summary: 'self-contained HTML dashboard (index.html): charts, matrices, aligned diffs, history',
  async render(input) {
    return [{ name: 'index.html', data: await renderDashboard(input) }];
  },
};
