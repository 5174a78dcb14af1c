// @vitest-environment node
/**
 * The layers of src/ point down only (docs/architecture.md): i18n and markdown are leaves, transport below state,
 * state below view, view below the element, and the entries on top. Read from every import in src/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(import.meta.dirname, '../../../src');

/** What each layer may import besides itself. */
const allowed: Record<string, readonly string[]> = {
  i18n: [],
  markdown: [],
  transport: ['i18n', 'markdown'],
  state: ['transport', 'i18n', 'markdown'],
  view: ['state', 'transport', 'i18n', 'markdown'],
  element: ['view', 'state', 'transport', 'i18n', 'markdown'],
  entry: ['element', 'view', 'state', 'transport', 'i18n', 'markdown'],
};
/** Packages a leaf may not use: it is plain data and functions, usable from any layer and the stream worker. */
const leafPackages = /^(preact|@preact\/)/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The layer of a file in src/: its top folder, or `entry` for the files at the top (index, script, loader…). */
function layerOf(path: string): string {
  const [top, ...rest] = relative(src, path).split(/[\\/]/);
  return rest.length === 0 ? 'entry' : (top ?? 'entry');
}

/** Every module specifier a file imports (static, dynamic and re-exports; type-only ones too). */
function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)) found.push(m[1]!);
  return found;
}

const sources = files(src);

describe('the layers of src/', () => {
  it('are the ones the architecture names', () => {
    expect(new Set(sources.map(layerOf))).toEqual(new Set(Object.keys(allowed)));
  });

  it('point down only: no layer imports one above it', () => {
    const upward: string[] = [];
    for (const file of sources) {
      const from = layerOf(file);
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) {
          if ((from === 'i18n' || from === 'markdown') && leafPackages.test(spec)) upward.push(`${relative(src, file)} -> ${spec}`);
          continue;
        }
        const to = layerOf(resolve(dirname(file), spec.replace(/\?.*$/, '')));
        if (to !== from && !allowed[from]!.includes(to)) upward.push(`${relative(src, file)} (${from}) -> ${spec} (${to})`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('the rule catches an upward import (it reads what it checks)', () => {
    expect(importsOf("import type { X } from '../view/X.tsx';\nconst y = import('../state/y.ts');")).toEqual(['../view/X.tsx', '../state/y.ts']);
    expect(layerOf(join(src, 'transport', 'agent', 'x.ts'))).toBe('transport');
    expect(layerOf(join(src, 'loader.ts'))).toBe('entry');
    expect(allowed['transport']).not.toContain('state');
  });

  it('keeps every file under 300 lines', () => {
    const long = sources.map((f) => [relative(src, f), readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 300);
    expect(long).toEqual([]);
  });
});
