#!/usr/bin/env node
// Plain-JS launcher so `npx bench` works from any directory: tsx compiles the TypeScript sources.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
