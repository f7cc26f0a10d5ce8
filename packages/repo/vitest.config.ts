import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    server: {
      // GitHub's workflow parser imports its JSON schema without an import attribute, which Node's
      // own loader refuses; inlined, vite transforms the JSON import.
      deps: { inline: ['@actions/workflow-parser'] },
    },
  },
});
