import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The faces documents use; all come from npm font packages, nothing is fetched at run time. */
export const FACES = {
  km: '@expo-google-fonts/noto-sans-khmer/400Regular/NotoSansKhmer_400Regular.ttf',
  kmBold: '@expo-google-fonts/noto-sans-khmer/700Bold/NotoSansKhmer_700Bold.ttf',
  kmSerif: '@expo-google-fonts/noto-serif-khmer/NotoSerifKhmer_400Regular.ttf',
  moul: '@expo-google-fonts/moul/400Regular/Moul_400Regular.ttf',
  latin: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  latinBold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
} as const;

export type FaceName = keyof typeof FACES;

/** Which Latin face goes with a Khmer face when a line mixes scripts. */
export const LATIN_PARTNER: Record<FaceName, FaceName> = {
  km: 'latin',
  kmBold: 'latinBold',
  kmSerif: 'latin',
  moul: 'latinBold',
  latin: 'latin',
  latinBold: 'latinBold',
};

/** A `require` to find font packages: from this module's file when known; in an eval'd worker (`[worker eval]`) from the working directory. */
function resolver(): NodeJS.Require {
  if (typeof __filename === 'string' && path.isAbsolute(__filename)) return createRequire(__filename);
  const url: unknown = import.meta.url;
  if (typeof url === 'string' && url.startsWith('file:')) return createRequire(url);
  return createRequire(path.join(process.cwd(), 'package.json'));
}

const cache = new Map<FaceName, Buffer>();

export function fontPath(face: FaceName): string {
  return resolver().resolve(FACES[face]);
}

/** The font file's bytes, read once per process. */
export function fontBytes(face: FaceName): Buffer {
  let bytes = cache.get(face);
  if (!bytes) {
    bytes = readFileSync(fontPath(face));
    cache.set(face, bytes);
  }
  return bytes;
}
