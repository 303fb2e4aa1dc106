// A list loaded page by page following the Link header's next URL.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api/http.ts';

export interface Paged<T> {
  items: T[];
  setItems: (f: (items: T[]) => T[]) => void;
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

export function usePaged<T>(load: (url?: string) => Promise<Page<T>>, key: string): Paged<T> {
  const [items, setItemsState] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const busy = useRef(false);

  useEffect(() => {
    let live = true;
    busy.current = true;
    setLoading(true);
    setError(null);
    setItemsState([]);
    loadRef.current().then(
      (page) => {
        if (!live) return;
        setItemsState(page.items);
        setNext(page.items.length ? page.next : null);
      },
      (err: unknown) => live && setError(err),
    ).finally(() => {
      if (live) setLoading(false);
      busy.current = false;
    });
    return () => {
      live = false;
    };
  }, [key, generation]);

  const loadMore = useCallback(() => {
    if (!next || busy.current) return;
    busy.current = true;
    setLoading(true);
    setError(null);
    loadRef.current(next).then(
      (page) => {
        setItemsState((old) => [...old, ...page.items]);
        setNext(page.items.length ? page.next : null);
      },
      (err: unknown) => setError(err),
    ).finally(() => {
      setLoading(false);
      busy.current = false;
    });
  }, [next]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const setItems = useCallback((f: (items: T[]) => T[]) => setItemsState(f), []);
  return { items, setItems, loading, error, hasMore: next !== null, loadMore, reload };
}
