import { UsageError } from './errors.js';

/** Why a write failed, in words, by the file-system error's code. */
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOENT: 'its folder cannot be created',
  ENAMETOOLONG: 'the name is too long',
  EEXIST: 'a file is in the way of a folder it needs',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  EFBIG: 'the file is too large for the file system',
};

/**
 * A failed write as a message naming what could not be written (`shown`, already escaped) and
 * why, exit code 2, instead of an "internal error"; an error that is not the file system's is
 * returned as it is.
 */
export function cannotWrite(shown: string, e: unknown): unknown {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (!code) return e;
  return new UsageError(`cannot write ${shown}: ${REASONS[code] ?? code} (${code})`);
}
