/**
 * The package as an adopter gets it: `npm pack`, installed into an empty project, then every example and the type
 * tests typechecked and built against that tarball. One temporary project holds the examples as workspaces, so they
 * install once per run, from the machine's one npm cache.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../', import.meta.url));
const npmFlags = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];
const MB = 1024 * 1024;

// The builds run as in an adopter's CI, not as part of a vitest run (NODE_ENV=test would make Vite build for tests).
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')));
childEnv.CI = 'true';

let work = '';
let tarball = '';

/** Runs a command; on failure the error carries what it printed, which the test shows. */
async function sh(cwd: string, command: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, maxBuffer: 64 * MB, env: childEnv });
    return `${stdout}${stderr}`;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`);
  }
}

/** Bytes of every file under `dir`. */
function sizeOf(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).reduce((sum, file) => {
    const stat = statSync(join(dir, file));
    return stat.isFile() ? sum + stat.size : sum;
  }, 0);
}

/** The packages npm put in a project's node_modules (scoped ones as `@scope/name`). */
function installed(project: string): string[] {
  const modules = join(project, 'node_modules');
  return readdirSync(modules)
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) => (name.startsWith('@') ? readdirSync(join(modules, name)).map((inner) => `${name}/${inner}`) : [name]));
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tinychat-package-'));
  // `npm test` builds first; the package is packed from that dist/.
  const packed = JSON.parse(await sh(repo, 'npm', ['pack', '--json', '--pack-destination', work, '--loglevel=error'])) as { filename: string }[];
  tarball = join(work, packed[0]?.filename ?? '');
});

afterAll(() => {
  // TINYCHAT_KEEP_PACKAGE_WORK=1 keeps the projects for a look (the path is printed).
  if (process.env.TINYCHAT_KEEP_PACKAGE_WORK === '1') console.log(`package work kept in ${work}`);
  else if (work !== '') rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball, installed into an empty project', () => {
  let project = '';
  beforeAll(async () => {
    project = join(work, 'consumer');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, dependencies: { 'tinychat-widget': `file:${tarball}` } }));
    await sh(project, 'npm', ['install', ...npmFlags]);
  });

  it('is one package of at most 2 MB', () => {
    expect(installed(project)).toEqual(['tinychat-widget']);
    const bytes = sizeOf(join(project, 'node_modules', 'tinychat-widget'));
    console.log(`tinychat-widget installed: 1 package, ${(bytes / MB).toFixed(2)} MB`);
    expect(bytes).toBeLessThanOrEqual(2 * MB);
  });

  it('loads with require() and import, the error entry alone too', async () => {
    // The error entry is a copy of the classes: its guards know the widget's errors (they check a brand).
    const cjs = `const w = require('tinychat-widget'); const e = require('tinychat-widget/errors');
      const thrown = new w.HttpError({ status: 404, message: 'conversation not found', body: null });
      if (typeof w.mount !== 'function' || !e.isHttpError(thrown) || e.isRateLimitError(thrown)) process.exit(1);
      console.log('require ok');`;
    expect(await sh(project, 'node', ['-e', cjs])).toContain('require ok');
    const esm = `const w = await import('tinychat-widget'); const { isHttpError } = await import('tinychat-widget/errors');
      if (typeof w.defineTinyChat !== 'function' || isHttpError(new Error('x'))) process.exit(1); console.log('import ok');`;
    expect(await sh(project, 'node', ['--input-type=module', '-e', esm])).toContain('import ok');
  });

  it('ships what the exports name, with its manifest', () => {
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules/tinychat-widget/package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      customElements: string;
      exports: Record<string, string | Record<string, string>>;
    };
    expect(manifest.dependencies ?? {}).toEqual({});
    const targets = Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
    for (const target of [...targets, manifest.customElements]) expect(existsSync(join(project, 'node_modules/tinychat-widget', target)), target).toBe(true);
    const elements = JSON.parse(readFileSync(join(project, 'node_modules/tinychat-widget', manifest.customElements), 'utf8')) as {
      modules: { declarations?: { tagName?: string; events?: { name: string }[] }[] }[];
    };
    const element = elements.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'tiny-chat');
    expect(element?.events?.map((e) => e.name)).toContain('tinychat-message');
  });
});

describe('publint and arethetypeswrong', () => {
  it('find nothing wrong with the tarball', async () => {
    await sh(repo, 'npx', ['publint', '--strict', tarball]);
    // ESM only: `require()` of it works on Node 20.19+ (require of ES modules), which TypeScript's node16 CJS mode
    // does not model, hence the esm-only profile.
    await sh(repo, 'npx', ['attw', tarball, '--profile', 'esm-only', '--format', 'ascii']);
  });
});

describe('the examples and type tests, built against the tarball', () => {
  const workspaces: Record<string, string> = {
    html: 'examples/html',
    react: 'examples/react',
    vue: 'examples/vue',
    svelte: 'examples/svelte',
    angular: 'examples/angular',
    'type-tests': 'test/package/types',
    'typescript-4.7': 'test/package/ts47',
    jest: 'test/package/jest',
  };
  let examples = '';
  beforeAll(async () => {
    examples = join(work, 'examples');
    for (const [name, from] of Object.entries(workspaces)) {
      cpSync(join(repo, from), join(examples, name), { recursive: true, filter: (src) => !/[\\/](node_modules|dist|out)$/.test(src) });
      const file = join(examples, name, 'package.json');
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { dependencies: Record<string, string> };
      manifest.dependencies['tinychat-widget'] = `file:${tarball}`;
      writeFileSync(file, JSON.stringify(manifest, null, 2));
    }
    writeFileSync(join(examples, 'package.json'), JSON.stringify({ name: 'examples', private: true, workspaces: Object.keys(workspaces) }));
    let started = Date.now();
    await sh(examples, 'npm', ['install', ...npmFlags]);
    console.log(`examples installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    // Two builds at a time: each is a compiler, then a bundler, and spends part of its time waiting on files.
    started = Date.now();
    const queue = Object.keys(workspaces);
    const worker = async () => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        const began = Date.now();
        builds.set(
          name,
          await sh(join(examples, name), 'npm', ['run', 'build', '--loglevel=error']).then(
            () => ({ ok: true, output: `${name} built in ${((Date.now() - began) / 1000).toFixed(0)} s` }),
            (error: unknown) => ({ ok: false, output: (error as Error).message }),
          ),
        );
      }
    };
    await Promise.all([worker(), worker()]);
    console.log(
      `examples built in ${((Date.now() - started) / 1000).toFixed(0)} s:\n${[...builds.values()]
        .filter((b) => b.ok)
        .map((b) => b.output)
        .join('\n')}`,
    );
  });

  const builds = new Map<string, { ok: boolean; output: string }>();
  it.each(Object.keys(workspaces))('%s typechecks and builds', (name) => {
    const build = builds.get(name);
    if (build?.ok !== true) throw new Error(build?.output ?? `${name} was not built`);
  });

  it('the plain page has the widget beside it, with the chunk its loader imports', () => {
    const out = join(examples, 'html/out/tinychat');
    const loader = readFileSync(join(out, 'tinychat.js'), 'utf8');
    const entry = /["'`]\.\/((?:chunks\/)?[\w.-]+\.mjs)["'`]/.exec(loader)?.[1];
    expect(entry).toBeDefined();
    expect(existsSync(join(out, entry ?? ''))).toBe(true);
  });

  it.each(['react', 'vue', 'svelte'])('the %s app bundles the element with its lazy chunks', (name) => {
    const assets = join(examples, name, 'dist/assets');
    const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
    // The widget's lazy parts (realtime, agent, languages…) stay chunks of their own in the app's build.
    expect(scripts.length).toBeGreaterThan(3);
    expect(scripts.some((f) => readFileSync(join(assets, f), 'utf8').includes('tiny-chat'))).toBe(true);
  });
});
