// Trunk's post-build hook. Trunk starts the hooks of one stage all at once, so
// the steps that must follow one another are run from here, in order:
// the wasm split (the chunks), then the Content-Security-Policy (it hashes the
// loader). The size report comes later, from .ci/build: it measures the home
// page as it is served, once the static pages are written.
//
// Usage: node build/post-build.mjs [staging-dir]   (inside trunk: no argument)
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
for (const step of ['wasm-split.mjs', 'csp.mjs']) {
  const result = spawnSync(process.execPath, [join(here, step), ...args], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`post-build: ${step} failed`);
    process.exit(1);
  }
}
