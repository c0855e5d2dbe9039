import { useCallback, useEffect, useState } from 'preact/hooks';
import { asApiError, type ApiError } from './api.js';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; value: T };

/** Loads `load()` when `key` changes; `reload` runs it again (keeping the last value shown meanwhile). */
export function useLoad<T>(load: () => Promise<T>, key: string): { loaded: Loaded<T>; reload: () => void; set: (value: T) => void } {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setLoaded({ state: 'ready', value }),
      (error: unknown) => current && setLoaded({ state: 'error', error: asApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [key, round]);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  const set = useCallback((value: T) => setLoaded({ state: 'ready', value }), []);
  return { loaded, reload, set };
}
