import { randomBytes } from 'node:crypto';

// Registers are encrypted: a bench run uses one random key (children inherit it), unless one is given.
process.env.BANHCHI_DB_KEY ??= randomBytes(32).toString('hex');
