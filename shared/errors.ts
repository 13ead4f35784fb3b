/**
 * Errors that cross the backend boundary. `code` is an i18n key under `errors.` so the UI
 * (and the CLI) can say what went wrong in the user's language; `params` fill its placeholders.
 */
export type ErrorParams = Record<string, string | number>;

export interface ErrorDetail {
  code: string;
  params?: ErrorParams;
}

export interface AppErrorShape extends ErrorDetail {
  /** Several problems found at once, e.g. every bad line of an imported file. */
  details?: ErrorDetail[];
}

export class AppError extends Error {
  readonly code: string;
  readonly params: ErrorParams | undefined;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: string, params?: ErrorParams, details?: ErrorDetail[]) {
    super(params ? `${code} ${JSON.stringify(params)}` : code);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.details = details;
  }

  toShape(): AppErrorShape {
    const shape: AppErrorShape = { code: this.code };
    if (this.params) shape.params = this.params;
    if (this.details) shape.details = this.details;
    return shape;
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
