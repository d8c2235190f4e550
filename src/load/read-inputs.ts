import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { decodeText } from './decode-text.js';
import { closeSync } from 'node:fs';
import { describeFileType, InputTooLarge, MAX_INPUT_BYTES, NotRegularFile, openRegularFile, readBounded, readRegularFile } from './read-bounded.js';
import { JsonListFile } from './json-list-file.js';
import { isGoTemplate, isKustomization, renderedKind, renderingAdvice, renderKustomize } from './rendered-sources.js';

export interface InputText {
  file: string;
  text: string;
}

/** From this size on, a file that is a JSON list is read item by item from the file (json-list-file.ts), not as one text. */
export const LIST_FILE_BYTES = 1 << 20;
/** The list reader keeps file offsets as 32-bit integers: bigger files (only with a raised `maxFileBytes`) are read as text. */
const LIST_FILE_MAX_BYTES = 2 ** 31 - 1;

/**
 * A big JSON list read from its file (json-list-file.ts): loaders take its items one at a time
 * (`listFileOf`); `text`, for any other reader, reads the whole file when first asked. A copy
 * (`{ ...input }`) is plain text: the list is not an own property.
 */
class ListFileInput implements InputText {
  declare readonly text: string;
  readonly #list: JsonListFile;

  constructor(
    readonly file: string,
    list: JsonListFile,
    limit: number,
  ) {
    this.#list = list;
    let text: string | undefined;
    // Read as it is now (a file that changed since is read whole, as any file is).
    Object.defineProperty(this, 'text', { enumerable: true, get: () => (text ??= decodeText(readRegularFile(file, limit))) });
  }

  get list(): JsonListFile {
    return this.#list;
  }
}

/** The list of an input read from its file, if it is one (`readInputs` makes them for big JSON lists). */
export function listFileOf(input: InputText): JsonListFile | undefined {
  return input instanceof ListFileInput ? input.list : undefined;
}

/** The file name of standard input (`-f -`) in sources and diagnostics. */
export const STDIN = '<stdin>';

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

export interface ReadOptions {
  /** Called for the path `-`, with the most bytes to read; throws `InputTooLarge` past it. */
  readStdin?: (maxBytes: number) => string;
  /** Every source larger than this is refused (default 256 MiB): files, stdin, git blobs. */
  maxFileBytes?: number;
  /**
   * Follow symlinks in a folder that point outside it (default false: such a link is skipped
   * with a warning, so a link to /etc or /dev in a pull request reads nothing outside).
   */
  followSymlinks?: boolean;
  /** `-k DIR`: kustomize folders, read as `kubectl kustomize DIR` renders them. */
  kustomize?: readonly string[];
  /** From this size on (default 1 MiB), a file that is a JSON list is read item by item from the file (json-list-file.ts). */
  listFileBytes?: number;
}

export { MAX_INPUT_BYTES };

function problem(file: string, message: string, severity: Diagnostic['severity'] = 'error', code = 'unreadable-input'): Diagnostic {
  return { severity, code, message, source: { file, doc: 0, line: 0, col: 0 } };
}

const inside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** What a walk of the inputs finds, in order: a file to read, standard input, or a problem. */
export type InputEntry = { kind: 'file'; file: string } | { kind: 'stdin' } | { kind: 'problem'; diagnostic: Diagnostic };

/**
 * Walks files and folders (recursively, `*.yaml|*.yml|*.json`, sorted, symlink loops cut) as
 * `readInputs` reads them, without reading any file: the list of what would be read, and the
 * problems found on the way, in order. The snapshot cache keys a load by it.
 */
export function walkInputs(paths: readonly string[], options: Pick<ReadOptions, 'followSymlinks'> = {}): InputEntry[] {
  const entries: InputEntry[] = [];
  const seenDirs = new Set<string>();
  const report = (d: Diagnostic): void => {
    entries.push({ kind: 'problem', diagnostic: d });
  };
  const file = (path: string): void => {
    entries.push({ kind: 'file', file: path });
  };

  const walk = (dir: string, root: string): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      report(problem(dir, 'cannot resolve folder'));
      return;
    }
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      report(problem(dir, `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`));
      return;
    }
    const rendered = renderedKind(names);
    if (rendered) {
      report(problem(dir, renderingAdvice(rendered, dir), 'error', 'needs-rendering'));
      return;
    }
    for (const name of names) {
      const full = join(dir, name);
      let st;
      try {
        if (lstatSync(full).isSymbolicLink()) {
          const target = realpathSync(full);
          if (!options.followSymlinks && !inside(root, target)) {
            if (statSync(target).isDirectory() || MANIFEST_EXTENSIONS.has(extname(name).toLowerCase())) {
              report(problem(full, `symlink to ${target}, outside ${root}: not followed (--follow-symlinks follows it)`, 'warning'));
            }
            continue;
          }
        }
        st = statSync(full);
      } catch {
        continue; // dangling link
      }
      if (st.isDirectory()) walk(full, root);
      else if (MANIFEST_EXTENSIONS.has(extname(name).toLowerCase())) {
        if (st.isFile()) file(full);
        else report(problem(full, `${full} is ${describeFileType(st)}, not a regular file (netpol-check reads regular files only); skipped`));
      }
    }
  };

  for (const path of paths) {
    if (path === '-') {
      entries.push({ kind: 'stdin' });
      continue;
    }
    let st;
    try {
      st = statSync(path);
    } catch {
      report(problem(path, 'no such file or folder'));
      continue;
    }
    if (st.isDirectory()) {
      const before = entries.length;
      let root: string;
      try {
        root = realpathSync(path);
      } catch {
        root = path;
      }
      walk(path, root);
      if (entries.length === before) report(problem(path, 'no *.yaml, *.yml or *.json file in this folder'));
    } else if (!st.isFile()) report(problem(path, `${path} is ${describeFileType(st)}, not a regular file (netpol-check reads regular files only; use - to read standard input)`));
    else {
      const parent = dirname(path);
      let siblings: string[] = [];
      try {
        siblings = readdirSync(parent);
      } catch {
        // the file's own read reports what is wrong
      }
      if (!isKustomization(basename(path)) && renderedKind(siblings) === 'kustomize') {
        report({ severity: 'warning', code: 'needs-rendering', message: `${path} belongs to the kustomize folder ${parent}: read as it is, without the namespaces, names and labels its kustomization sets (-k ${parent} reads it rendered)`, source: { file: path, doc: 0, line: 1, col: 1 } });
      }
      file(path);
    }
  }
  return entries;
}

/**
 * Reads files, folders (as `walkInputs` finds them) and stdin (`-`). Only regular files are
 * read (a device, FIFO or socket is refused), at most `maxFileBytes` from any source.
 * Unreadable paths become diagnostics.
 */
export function readInputs(paths: readonly string[], options: ReadOptions = {}): { inputs: InputText[]; diagnostics: Diagnostic[] } {
  const inputs: InputText[] = [];
  const diagnostics: Diagnostic[] = [];
  const limit = options.maxFileBytes ?? MAX_INPUT_BYTES;

  const readFile = (file: string): void => {
    if (isKustomization(basename(file))) {
      diagnostics.push(problem(file, renderingAdvice('kustomize', dirname(file)), 'error', 'needs-rendering'));
      return;
    }
    try {
      const { fd, stat } = openRegularFile(file, limit);
      let text: string;
      try {
        const list = stat.size >= (options.listFileBytes ?? LIST_FILE_BYTES) && stat.size < LIST_FILE_MAX_BYTES ? JsonListFile.read(file, fd, stat) : undefined;
        if (list) {
          inputs.push(new ListFileInput(file, list, limit));
          return;
        }
        text = decodeText(readBounded(fd, limit, stat.size));
      } finally {
        closeSync(fd);
      }
      if (isGoTemplate(text)) {
        diagnostics.push(problem(file, renderingAdvice('template', file), 'error', 'needs-rendering'));
        return;
      }
      inputs.push({ file, text });
    } catch (e) {
      diagnostics.push(problem(file, e instanceof InputTooLarge ? `file is ${e.message}; skipped` : e instanceof NotRegularFile ? `${file} ${e.message} (netpol-check reads regular files only); skipped` : `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`));
    }
  };

  for (const entry of walkInputs(paths, options)) {
    if (entry.kind === 'problem') diagnostics.push(entry.diagnostic);
    else if (entry.kind === 'file') readFile(entry.file);
    else if (!options.readStdin) diagnostics.push(problem(STDIN, 'standard input is not available'));
    else {
      try {
        inputs.push({ file: STDIN, text: options.readStdin(limit) });
      } catch (e) {
        diagnostics.push(problem(STDIN, e instanceof InputTooLarge ? `standard input holds ${e.message}; not read` : `cannot read standard input: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`));
      }
    }
  }
  for (const dir of options.kustomize ?? []) {
    const r = renderKustomize(dir);
    if (r.text === undefined) diagnostics.push(problem(dir, r.error ?? 'cannot render', 'error', 'needs-rendering'));
    else if (r.text.length > limit) diagnostics.push(problem(dir, `kustomize output is ${r.text.length} bytes, more than the ${limit} bytes netpol-check reads; not read`));
    else inputs.push({ file: `${dir} (${r.tool} output)`, text: r.text });
  }
  return { inputs, diagnostics };
}
