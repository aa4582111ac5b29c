// The environment for a child process a test starts: the machine's (PATH, HOME, the test fonts …) without any
// anshin setting of the developer's or CI's shell, plus the test's own. Without this, a REDIS_URL exported in the
// shell sends a child to Redis while the test seeded SQLite (or an OPENAI_API_KEY turns the LLM on).
import { CONFIG_VARIABLES } from '../../src/config.ts';

export function childEnv(own: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of CONFIG_VARIABLES) delete env[k];
  return { ...env, ...own };
}
