import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

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

function resolver(): NodeJS.Require {
  return typeof __filename === 'string' ? createRequire(__filename) : createRequire(import.meta.url);
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
