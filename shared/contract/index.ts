import type { z } from 'zod';
import type { OperationSpec } from './define.js';
import { foundationOps } from './foundation.js';
import { personsOps } from './persons.js';
import { printOps } from './print.js';
import { registrationOps } from './registration.js';
import { syncOps } from './sync.js';
import { spreadsheetOps } from './spreadsheet.js';
import { bundledOps } from './bundled.js';
import { staysOps } from './stays.js';
import { campaignsOps } from './campaigns.js';
import { casesOps } from './cases.js';
import { reportsOps } from './reports.js';
import { accountsOps } from './accounts.js';
import { keysOps } from './keys.js';
import { auditOps } from './audit.js';
import { chainOps } from './chain.js';

/**
 * The one contract between UI and backend: operation name → request/response schemas.
 * Each feature keeps its operations in its own file and is spread in here.
 */
export const contract = {
  ...foundationOps,
  ...personsOps,
  ...printOps,
  ...registrationOps,
  ...syncOps,
  ...spreadsheetOps,
  ...bundledOps,
  ...staysOps,
  ...campaignsOps,
  ...casesOps,
  ...reportsOps,
  ...accountsOps,
  ...keysOps,
  ...auditOps,
  ...chainOps,
} satisfies Record<string, OperationSpec>;

export type Contract = typeof contract;
export type OpName = keyof Contract & string;
export type OpRequest<N extends OpName> = z.input<Contract[N]['request']>;
export type OpParsedRequest<N extends OpName> = z.output<Contract[N]['request']>;
export type OpResponse<N extends OpName> = z.output<Contract[N]['response']>;

export const opNames = Object.keys(contract) as OpName[];

/** Operations only the CLI and in-process callers may use (they take file paths). */
export type LocalOpName = { [N in OpName]: Contract[N] extends { local: true } ? N : never }[OpName];
/** What the page (the renderer, over IPC or HTTP) may call. */
export type PageOpName = Exclude<OpName, LocalOpName>;
/** What the page may send: never a file path. */
export type PageRequest<N extends PageOpName> = z.input<NonNullable<Contract[N]['page']>>;

export const pageOpNames = opNames.filter((op) => (contract[op] as OperationSpec).local !== true) as PageOpName[];

export function isPageOpName(name: unknown): name is PageOpName {
  return isOpName(name) && (contract[name] as OperationSpec).local !== true;
}

/** The schema a page request is checked against before it reaches the backend. */
export function pageRequestSchema(op: PageOpName): z.ZodType {
  const spec = contract[op] as OperationSpec;
  return spec.page ?? spec.request;
}

export function isOpName(name: unknown): name is OpName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export function isJobOp(name: OpName): boolean {
  return (contract[name] as OperationSpec).job === true;
}
