import { closeSync, fsyncSync, openSync, readSync, statSync } from 'node:fs';

/** What the first bytes of a file say it is. SQLite3MC encrypts page 1 too: no header survives. */
export type FileState = 'missing' | 'empty' | 'plain' | 'encrypted';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export function fileState(file: string): FileState {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return 'missing';
  }
  if (size === 0) return 'empty';
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return head.equals(SQLITE_HEADER) ? 'plain' : 'encrypted';
}

/** Flushes a file (or a directory entry, after a rename) to the disk. */
export function syncFile(file: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    fsyncSync(fd);
  } catch {
    // Directories cannot be opened for syncing on Windows; renames there are journalled by NTFS.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
