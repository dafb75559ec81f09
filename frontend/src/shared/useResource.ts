import { useCallback, useEffect, useRef, useState } from "react";

export interface Resource<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  /** True once an answer (data or error) arrived for the current key. */
  settled: boolean;
  reload: () => void;
}

/**
 * One REST resource: loads when `key` changes (null means "nothing to load"), keeps the last good data while
 * reloading, and ignores answers that arrive after a newer request was made.
 */
export function useResource<T>(key: string | null, load: () => Promise<T>): Resource<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [settled, setSettled] = useState(false);
  const [tick, setTick] = useState(0);
  const request = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const lastKey = useRef<string | null>(null);

  useEffect(() => {
    if (key === null) {
      setData(null);
      setError(null);
      return;
    }
    if (lastKey.current !== key) {
      setData(null);
      setSettled(false);
    }
    lastKey.current = key;
    const mine = ++request.current;
    setLoading(true);
    loadRef.current().then(
      (d) => {
        if (mine !== request.current) return;
        setData(d);
        setError(null);
        setLoading(false);
        setSettled(true);
      },
      (e: unknown) => {
        if (mine !== request.current) return;
        setError(e);
        setLoading(false);
        setSettled(true);
      },
    );
  }, [key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, settled, reload };
}
