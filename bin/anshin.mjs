#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so `npx anshin …` works right after `npm ci`
// with no build step to remember.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
