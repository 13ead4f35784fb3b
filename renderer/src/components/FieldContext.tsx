import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { limitsOf, type FieldLimits } from '../../../shared/contract/limits.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { detailsByField } from '../../../shared/validation.js';
import { errorMessage } from '../i18n.js';

interface FieldInfo {
  limits: (name: string) => FieldLimits;
  error: (name: string) => string | undefined;
}

const Context = createContext<FieldInfo>({ limits: () => ({}), error: () => undefined });

/**
 * Gives the text fields inside a form (those with a `name`) their limits from the request schema the
 * form sends, and the backend's refusal of that field, shown under it in the UI language.
 */
export function FormFields({ schema, error, children }: { schema: z.ZodObject; error: AppErrorShape | undefined; children: ReactNode }) {
  const { t } = useTranslation();
  const value = useMemo<FieldInfo>(() => {
    const byField = detailsByField(error?.details ?? (error?.params?.field ? [error] : []));
    return {
      limits: (name) => limitsOf(schema, name),
      error: (name) => {
        const detail = byField.get(name);
        return detail ? errorMessage(t, detail) : undefined;
      },
    };
  }, [schema, error, t]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useFieldInfo(name: string | undefined): { limits: FieldLimits; error: string | undefined } {
  const info = useContext(Context);
  return name ? { limits: info.limits(name), error: info.error(name) } : { limits: {}, error: undefined };
}
