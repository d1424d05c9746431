import { createElement, lazy, type ComponentProps, type ComponentType } from 'react';

/**
 * A code-split component whose chunk can be fetched ahead of its first render (`preload()`), for
 * example while the session is checked or while the page's data loads. Once the chunk is in, it
 * renders straight away: no Suspense fallback, so React never holds the finished page back (React
 * keeps a fallback on screen for at least ~300 ms once it has shown one). Until then it behaves like
 * `React.lazy` and suspends.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function preloadable<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  let loaded: T | null = null;
  let loading: Promise<{ default: T }> | null = null;
  const preload = () => {
    loading ??= load().then(
      (module) => {
        loaded = module.default;
        return module;
      },
      (error: unknown) => {
        loading = null; // a failed download may be retried by the next render
        throw error;
      },
    );
    return loading;
  };
  const Lazy = lazy(preload);
  function Preloadable(props: ComponentProps<T>) {
    return createElement(loaded ?? Lazy, props);
  }
  return Object.assign(Preloadable, { preload });
}
