import { describe, expect, it, vi } from 'vitest';
import { LOCAL_OPERATOR } from '../../../shared/actor.js';
import { AppError } from '../../../shared/errors.js';
import { dispatch } from '../../../electron/backend/boundary.js';
import { localJobControl, type HandlerTable } from '../../../electron/backend/context.js';
import { handlers } from '../../../electron/backend/handlers.js';
import { freshDb } from '../../helpers/db.js';

function options(overrides: Partial<HandlerTable> = {}) {
  return { db: freshDb().db, handlers: { ...handlers, ...overrides } as HandlerTable, jobs: localJobControl() };
}

describe('boundary', () => {
  it('refuses an unknown operation', async () => {
    expect(await dispatch(options(), 'drop.tables', {}, LOCAL_OPERATOR)).toEqual({ ok: false, error: { code: 'boundary.unknownOperation', params: { op: 'drop.tables' } } });
    expect(await dispatch(options(), 'toString', {}, LOCAL_OPERATOR)).toMatchObject({ ok: false, error: { code: 'boundary.unknownOperation' } });
  });

  it('refuses a missing or malformed actor', async () => {
    for (const actor of [undefined, null, {}, { id: '', kind: 'local-operator' }, { id: 'x', kind: 'admin' }]) {
      expect(await dispatch(options(), 'app.info', {}, actor)).toEqual({ ok: false, error: { code: 'boundary.badActor' } });
    }
  });

  it('refuses an invalid request with one detail per problem, naming the field', async () => {
    const result = await dispatch(options(), 'office.setup', { level: 'village', unitCode: 'abc', name: '' }, LOCAL_OPERATOR);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation.invalid');
    expect(result.error.details?.map((d) => d.params?.field).sort()).toEqual(['level', 'name', 'unitCode']);
  });

  it('passes an AppError on as its shape', async () => {
    const result = await dispatch(options({ 'app.info': () => { throw new AppError('office.unknownUnit', { code: '99' }, [{ code: 'x' }]); } }), 'app.info', {}, LOCAL_OPERATOR);
    expect(result).toEqual({ ok: false, error: { code: 'office.unknownUnit', params: { code: '99' }, details: [{ code: 'x' }] } });
  });

  it('turns any other exception into `internal` without a stack trace', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await dispatch(options({ 'app.info': () => { throw new TypeError('boom'); } }), 'app.info', {}, LOCAL_OPERATOR);
    quiet.mockRestore();
    expect(result).toEqual({ ok: false, error: { code: 'internal', params: { op: 'app.info', message: 'boom' } } });
    expect(JSON.stringify(result)).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('refuses a handler answer outside the contract', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await dispatch(options({ 'app.info': () => ({ appVersion: 1 }) as never }), 'app.info', {}, LOCAL_OPERATOR);
    quiet.mockRestore();
    expect(result).toEqual({ ok: false, error: { code: 'boundary.invalidResponse', params: { op: 'app.info' } } });
  });
});
