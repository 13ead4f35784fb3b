import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors.js';
import { referenceVersions } from '../db/gazetteer.js';
import type { HandlerContext, HandlerTable } from '../backend/context.js';
import { importGazetteer, parseGazetteerCsv } from './gazetteer-import.js';

/**
 * The gazetteer that ships with the app, at `<resources>/data/cambodia-admin-units.csv`: in the
 * installer `process.resourcesPath`, under `npm run web` BANHCHI_RESOURCES_DIR or ../shared.
 * The worker is told the folder when it starts; the page never sends a path.
 */
let resourcesDir: string | null = null;

export function useResourcesDir(dir: string | null): void {
  resourcesDir = dir;
}

export const BUNDLED_GAZETTEER = path.join('data', 'cambodia-admin-units.csv');

function readBundled(): string | null {
  if (!resourcesDir) return null;
  try {
    return readFileSync(path.join(resourcesDir, BUNDLED_GAZETTEER), 'utf8');
  } catch {
    return null;
  }
}

function importedVersion(ctx: HandlerContext): string | null {
  return referenceVersions(ctx.db).find((v) => v.list === 'gazetteer')?.version ?? null;
}

export const bundledGazetteerHandlers: Pick<HandlerTable, 'gazetteer.bundled' | 'gazetteer.importBundled'> = {
  'gazetteer.bundled': (ctx) => {
    const text = readBundled();
    if (text === null) return { bundled: null, importedVersion: importedVersion(ctx) };
    const { version, units } = parseGazetteerCsv(text);
    return { bundled: { version, units: units.length }, importedVersion: importedVersion(ctx) };
  },
  'gazetteer.importBundled': (ctx) => {
    const text = readBundled();
    if (text === null) throw new AppError('bundledGazetteer.missing');
    return importGazetteer(ctx, text);
  },
};
