#!/usr/bin/env node
// Runs the TypeScript sources, compiled once and cached (./compiled.mjs), so `npx anshin …` works right after
// `npm ci` with no build step to remember, and starts fast.
import { loadMain } from './compiled.mjs';

// `npx anshin serve` runs us through `sh -c`, and dash does not exec its last command: a SIGTERM to npm
// ends that shell and would leave this process running with nobody to stop it. When npm started us
// (npm_command is set) and our parent goes away, take it as the SIGTERM it was meant to be.
// (`npm start` execs us directly: package.json.)
const PARENT_CHECK_MS = 250;
if (process.env.npm_command !== undefined) {
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    process.kill(process.pid, 'SIGTERM');
  }, PARENT_CHECK_MS);
  watch.unref();
}

const { main } = await loadMain();
process.exitCode = await main(process.argv.slice(2));
