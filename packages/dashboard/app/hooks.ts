import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** What a load gave: its data, the error it failed with, and whether it runs. */
export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads data when `deps` change, and again every `pollMs` while
 * `keepPolling(data)` says so: pages update without a reload.
 */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: unknown[],
  poll?: { ms: number; while?: (data: T) => boolean },
): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({
    loading: true,
  });
  const [tick, setTick] = useState(0);
  const generation = useRef(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  useEffect(() => {
    const mine = ++generation.current;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      setState((s) => ({ ...s, loading: true }));
      try {
        const data = await load();
        if (mine !== generation.current) return;
        setState({ data, loading: false });
        if (poll !== undefined && (poll.while?.(data) ?? true)) timer = setTimeout(run, poll.ms);
      } catch (error) {
        if (mine !== generation.current) return;
        setState((s) => ({ ...s, error: error as Error, loading: false }));
      }
    };
    void run();
    return () => {
      generation.current++;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [...deps, tick]);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
