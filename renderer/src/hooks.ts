import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProgressEvent } from '../../shared/contract/api.js';
import type { OpResponse, PageOpName, PageRequest } from '../../shared/contract/index.js';
import type { AppErrorShape, Result } from '../../shared/errors.js';
import { api, bridge } from './api.js';

export interface QueryState<T> {
  data: T | undefined;
  error: AppErrorShape | undefined;
  loading: boolean;
  reload: () => void;
}

/** Runs an operation when `key` changes; stale answers are dropped so typing stays consistent. */
export function useQuery<N extends PageOpName>(op: N, input: PageRequest<N>, key: string = JSON.stringify(input)): QueryState<OpResponse<N>> {
  const [state, setState] = useState<{ data?: OpResponse<N>; error?: AppErrorShape; loading: boolean }>({ loading: true });
  const [version, setVersion] = useState(0);
  const inputRef = useRef(input);
  inputRef.current = input;
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    void (api[op] as (i: PageRequest<N>) => Promise<Result<OpResponse<N>>>)(inputRef.current).then((result) => {
      if (!current) return;
      setState(result.ok ? { data: result.value, loading: false } : { error: result.error, loading: false });
    });
    return () => {
      current = false;
    };
  }, [op, key, version]);
  return { data: state.data, error: state.error, loading: state.loading, reload: useCallback(() => setVersion((v) => v + 1), []) };
}

/** Progress of one job, by id. */
export function useProgress(jobId: string | undefined): ProgressEvent | undefined {
  const [event, setEvent] = useState<ProgressEvent>();
  useEffect(() => {
    setEvent(undefined);
    if (!jobId) return undefined;
    return bridge.onProgress((e) => {
      if (e.jobId === jobId) setEvent(e);
    });
  }, [jobId]);
  return event;
}
