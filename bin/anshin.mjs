#!/usr/bin/env node
// Runs the TypeScript sources, compiled once and cached (./compiled.mjs), so `npx anshin …` works right after
// `npm ci` with no build step to remember, and starts fast.
import { loadMain } from './compiled.mjs';

const { main } = await loadMain();
process.exitCode = await main(process.argv.slice(2));
