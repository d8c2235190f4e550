import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { decodeText } from './decode-text.js';
import { isGoTemplate, isKustomization, renderedKind, renderingAdvice, renderKustomize } from './rendered-sources.js';

export interface InputText {
  file: string;
  text: string;
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

export interface ReadOptions {
  /** Called for the path `-`. */
  readStdin?: () => string;
  /** Files larger than this are refused (default 256 MiB). */
  maxFileBytes?: number;
  /** `-k DIR`: kustomize folders, read as `kubectl kustomize DIR` renders them. */
  kustomize?: readonly string[];
}

export const MAX_FILE_BYTES = 256 * 1024 * 1024;

function problem(file: string, message: string, code = 'unreadable-input'): Diagnostic {
  return { severity: 'error', code, message, source: { file, doc: 0, line: 0, col: 0 } };
}

/**
 * Reads files, folders (recursively, `*.yaml|*.yml|*.json`, sorted, symlink loops cut) and
 * stdin (`-`). Unreadable paths become diagnostics.
 */
export function readInputs(paths: readonly string[], options: ReadOptions = {}): { inputs: InputText[]; diagnostics: Diagnostic[] } {
  const inputs: InputText[] = [];
  const diagnostics: Diagnostic[] = [];
  const seenDirs = new Set<string>();

  const limit = options.maxFileBytes ?? MAX_FILE_BYTES;
  const readFile = (file: string): void => {
    try {
      const size = statSync(file).size;
      if (size > limit) {
        diagnostics.push(problem(file, `file is ${Math.round(size / 1048576)} MiB, more than the ${Math.round(limit / 1048576)} MiB netpol-check reads; skipped`));
        return;
      }
      if (isKustomization(basename(file))) {
        diagnostics.push(problem(file, renderingAdvice('kustomize', dirname(file)), 'needs-rendering'));
        return;
      }
      const text = decodeText(readFileSync(file));
      if (isGoTemplate(text)) {
        diagnostics.push(problem(file, renderingAdvice('template', file), 'needs-rendering'));
        return;
      }
      inputs.push({ file, text });
    } catch (e) {
      diagnostics.push(problem(file, `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`));
    }
  };

  const walk = (dir: string): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      diagnostics.push(problem(dir, 'cannot resolve folder'));
      return;
    }
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      diagnostics.push(problem(dir, `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`));
      return;
    }
    const rendered = renderedKind(names);
    if (rendered) {
      diagnostics.push(problem(dir, renderingAdvice(rendered, dir), 'needs-rendering'));
      return;
    }
    for (const name of names) {
      const full = join(dir, name);
      let isDir = false;
      try {
        isDir = statSync(full).isDirectory();
      } catch {
        continue; // dangling link
      }
      if (isDir) walk(full);
      else if (MANIFEST_EXTENSIONS.has(extname(name).toLowerCase())) readFile(full);
    }
  };

  for (const path of paths) {
    if (path === '-') {
      if (!options.readStdin) diagnostics.push(problem('<stdin>', 'standard input is not available'));
      else inputs.push({ file: '<stdin>', text: options.readStdin() });
      continue;
    }
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      diagnostics.push(problem(path, 'no such file or folder'));
      continue;
    }
    if (isDir) {
      const before = inputs.length;
      const problems = diagnostics.length;
      walk(path);
      if (inputs.length === before && diagnostics.length === problems) diagnostics.push(problem(path, 'no *.yaml, *.yml or *.json file in this folder'));
    } else {
      const parent = dirname(path);
      let siblings: string[] = [];
      try {
        siblings = readdirSync(parent);
      } catch {
        // the file's own read reports what is wrong
      }
      if (!isKustomization(basename(path)) && renderedKind(siblings) === 'kustomize') {
        diagnostics.push({ severity: 'warning', code: 'needs-rendering', message: `${path} belongs to the kustomize folder ${parent}: read as it is, without the namespaces, names and labels its kustomization sets (-k ${parent} reads it rendered)`, source: { file: path, doc: 0, line: 1, col: 1 } });
      }
      readFile(path);
    }
  }
  for (const dir of options.kustomize ?? []) {
    const r = renderKustomize(dir);
    if (r.text === undefined) diagnostics.push(problem(dir, r.error ?? 'cannot render', 'needs-rendering'));
    else inputs.push({ file: `${dir} (${r.tool} output)`, text: r.text });
  }
  return { inputs, diagnostics };
}
