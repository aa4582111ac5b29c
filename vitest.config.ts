import { defineConfig } from 'vitest/config';
import CountLineReporter from './test/helpers/count-line-reporter.ts';
import { testFontconfigFile } from './test/helpers/fonts.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: ['default', new CountLineReporter()],
    // The screenshots are drawn with the test font only, whatever fonts the machine has (test/helpers/fonts.ts).
    env: { FONTCONFIG_FILE: testFontconfigFile() },
  },
});
