#!/usr/bin/env -S node --import tsx
import { main } from '../src/cli.ts';

process.exitCode = await main(process.argv.slice(2));
