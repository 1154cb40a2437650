#!/usr/bin/env node
// The `koe` command (`npx koe …`). Koe is TypeScript run directly by Node's type
// stripping (Node ≥ 23.6). On an older Node this file — plain JavaScript, so it
// runs on Node 20 — starts the Node 24 installed with Koe's dev dependencies.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'src', 'cli', 'main.ts');

function stripsTypes(version) {
  const [major, minor] = version.split('.').map(Number);
  return major > 23 || (major === 23 && minor >= 6);
}

function bundledNode() {
  const candidates = [];
  try {
    const require = createRequire(join(root, 'package.json'));
    const dir = dirname(require.resolve('node/package.json'));
    candidates.push(join(dir, 'bin', 'node'), join(dir, 'bin', 'node.exe'));
  } catch {
    // not installed as a package; try the .bin link
  }
  candidates.push(join(root, 'node_modules', '.bin', 'node'), join(root, 'node_modules', '.bin', 'node.cmd'));
  return candidates.find((file) => existsSync(file)) ?? null;
}

if (stripsTypes(process.versions.node)) {
  await import(cli);
} else {
  const node = bundledNode();
  if (!node) {
    process.stderr.write(
      `koe: Node ${process.versions.node} cannot run Koe's TypeScript and the bundled Node 24 is missing.\n` +
        'Run `npm install` in the Koe directory (it installs Node 24 as a dev dependency), or install Node 24.\n',
    );
    process.exit(1);
  }
  const child = spawn(node, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
  const forward = (signal) => () => {
    if (child.exitCode === null) child.kill(signal);
  };
  const onInt = forward('SIGINT');
  const onTerm = forward('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  child.on('error', (error) => {
    process.stderr.write(`koe: could not start ${node}: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
    if (signal) {
      // Die of the same signal, so the caller sees what happened.
      process.kill(process.pid, signal);
      return;
    }
    process.exit(code ?? 1);
  });
}
