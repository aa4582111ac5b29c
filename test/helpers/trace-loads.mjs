// `node --import ./test/helpers/trace-loads.mjs …`: appends every module the process loads (ES imports and
// require calls alike) to the file named by ANSHIN_TRACE_LOADS, one URL or path a line. Lets a test see which
// packages a command really loads. Hooks: https://nodejs.org/docs/latest-v20.x/api/module.html#customization-hooks
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';

const file = process.env.ANSHIN_TRACE_LOADS;
if (file) {
  register('./trace-loads-hooks.mjs', import.meta.url, { data: { file } });
  const load = Module._load;
  Module._load = function traced(request, parent, isMain) {
    try {
      appendFileSync(file, `${Module._resolveFilename(request, parent, isMain)}\n`);
    } catch {
      // Builtins and unresolvable names are not files; the real load below reports any error.
    }
    return load.apply(this, [request, parent, isMain]);
  };
}
