import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A temporary file for a decrypted payload, so a bundle of any size is read in bounded memory:
 * decrypt (and authenticate) into it, then read it back as a stream as often as needed. The bytes on
 * disk are enciphered with AES-256-CTR under a key that only lives in this process, so a crash leaves
 * nothing readable behind; the folder is private (0700) and removed on `dispose` or at exit.
 */
export interface Spool {
  readonly size: number;
  write(chunk: Uint8Array): Promise<void>;
  /** `length` bytes at `at` (fewer at the end). */
  readAt(at: number, length: number): Promise<Buffer>;
  /** Bytes [start, end) in chunks of at most 64 KiB. */
  stream(start: number, end: number): AsyncIterable<Buffer>;
  dispose(): Promise<void>;
}

const CHUNK = 64 * 1024;
const live = new Set<string>();
let exitHook = false;

function counterIv(iv: Buffer, block: number): Buffer {
  const out = Buffer.from(iv);
  out.writeUInt32BE(block, 12);
  return out;
}

const PREFIX = 'banhchi-spool-';

/** Spools of processes that were killed (no exit hook ran): unreadable without their key, removed anyway. */
function removeOrphans(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir()).filter((n) => n.startsWith(PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^banhchi-spool-(\d+)-/.exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as { code?: string }).code === 'ESRCH') rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}

export async function createSpool(): Promise<Spool> {
  if (!exitHook) {
    exitHook = true;
    process.once('exit', () => {
      for (const dir of live) rmSync(dir, { recursive: true, force: true });
    });
  }
  removeOrphans();
  const dir = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
  live.add(dir);
  const file = join(dir, 'payload');
  const key = randomBytes(32);
  const iv = randomBytes(16);
  iv.writeUInt32BE(0, 12); // the block counter: 2^32 blocks of 16 bytes, beyond any payload limit
  const handle: FileHandle = await open(file, 'w+', 0o600);
  const cipher = createCipheriv('aes-256-ctr', key, iv);
  let size = 0;
  let closed = false;

  const decipherAt = (at: number) => {
    const d = createDecipheriv('aes-256-ctr', key, counterIv(iv, Math.floor(at / 16)));
    const skip = at % 16;
    if (skip) d.update(Buffer.alloc(skip));
    return d;
  };

  return {
    get size() {
      return size;
    },
    async write(chunk) {
      const out = cipher.update(chunk);
      let done = 0;
      while (done < out.length) done += (await handle.write(out, done, out.length - done, size + done)).bytesWritten;
      size += out.length;
    },
    async readAt(at, length) {
      const n = Math.max(0, Math.min(length, size - at));
      const buffer = Buffer.alloc(n);
      let done = 0;
      while (done < n) {
        const { bytesRead } = await handle.read(buffer, done, n - done, at + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return decipherAt(at).update(buffer.subarray(0, done));
    },
    async *stream(start, end) {
      const d = decipherAt(start);
      const buffer = Buffer.alloc(CHUNK);
      for (let at = start; at < Math.min(end, size); ) {
        const { bytesRead } = await handle.read(buffer, 0, Math.min(CHUNK, end - at), at);
        if (bytesRead === 0) return;
        at += bytesRead;
        yield d.update(buffer.subarray(0, bytesRead));
      }
    },
    async dispose() {
      if (closed) return;
      closed = true;
      await handle.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
      live.delete(dir);
    },
  };
}
