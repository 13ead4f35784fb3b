import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CampaignsOp } from '../../../shared/contract/campaigns.js';
import type { HandlerTable } from '../../backend/context.js';
import { exportDownward } from '../../sync/downward.js';
import { requireOffice, unlockKeys } from '../../sync/keystore.js';
import { markWritten } from '../sync-views.js';

/** Campaign bundles for the offices below: into the CLI's folder, or back to the page as bytes (never a path from the page). */
export const sendDownHandlers: Pick<HandlerTable, Extract<CampaignsOp, 'campaigns.sendDown'>> = {
  'campaigns.sendDown': async (ctx, request) => {
    requireOffice(ctx.office());
    const keys = await unlockKeys(ctx.db, request.passphrase);
    if (request.dir) {
      const result = await exportDownward(ctx.db, keys, request.dir, request.offices);
      markWritten(ctx.db, result.files.map((f) => path.basename(f)), path.resolve(request.dir));
      return { ...result, bundles: [] };
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'banhchi-out-'));
    try {
      const result = await exportDownward(ctx.db, keys, dir, request.offices);
      return {
        ...result, files: result.files.map((f) => path.basename(f)),
        bundles: result.files.map((f) => ({ name: path.basename(f), base64: readFileSync(f).toString('base64') })),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
