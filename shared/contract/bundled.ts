import { z } from 'zod';
import { empty, jobId } from './common.js';
import { operation } from './define.js';
import { foundationOps } from './foundation.js';

/**
 * What ships beside the app (resources/data/ in the installer): the gazetteer. The page never
 * names a file: the backend knows where its own resources are.
 */
export const bundledOps = {
  'gazetteer.bundled': operation({
    request: empty,
    response: z.object({
      /** The version the import would record (the file's hash) and how many units it holds; null when none shipped. */
      bundled: z.object({ version: z.string(), units: z.number().int() }).nullable(),
      /** The version currently imported, if any. */
      importedVersion: z.string().nullable(),
    }),
  }),
  'gazetteer.importBundled': operation({
    request: z.object({ jobId }),
    response: foundationOps['gazetteer.import'].response,
    job: true,
  }),
};
