/** Opens (and so converts) one plain database; the conversion kill test SIGKILLs this process at random moments. */
import { openDatabase } from '../../../electron/db/open.js';

process.stdout.write('ready\n');
const db = openDatabase(process.argv[2] as string);
db.close();
process.stdout.write('done\n');
