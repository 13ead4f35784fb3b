/** Imports one bundle into a database; the kill test SIGKILLs this process at random moments. */
import { LOCAL_OPERATOR } from '../../../shared/actor.js';
import { createLocalBackend } from '../../../electron/backend/backend.js';
import { openDatabase } from '../../../electron/db/open.js';

const [dbFile, bundle, passphrase] = process.argv.slice(2);
const backend = createLocalBackend(openDatabase(dbFile as string));
process.stdout.write('ready\n');
const result = await backend.call('sync.import', { passphrase: passphrase as string, paths: [bundle as string] }, LOCAL_OPERATOR);
process.stdout.write(`${JSON.stringify(result)}\n`);
await backend.close();
