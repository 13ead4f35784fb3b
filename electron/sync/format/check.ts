/** Compile-time check that ./index.ts implements every declaration of ./api.ts with the same type. */
import type * as api from './api.js';
import type * as impl from './index.js';

type Declared = Pick<typeof api, Exclude<keyof typeof api, 'DEFAULT_LIMITS'>>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check = { [K in keyof Declared]: K extends keyof typeof impl ? Same<(typeof impl)[K], Declared[K]> : false };
export const implementsApi: Check = null as unknown as { [K in keyof Declared]: true };
