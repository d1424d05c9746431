import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { preloadable } from './preloadable';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

const Greeting = ({ name }: { name: string }) => <p>Hello {name}</p>;

describe('preloadable', () => {
  it('suspends like React.lazy while its chunk is on the way', async () => {
    const chunk = deferred<{ default: typeof Greeting }>();
    const Lazy = preloadable(() => chunk.promise);
    render(<Suspense fallback={<p>Loading…</p>}><Lazy name="Ada" /></Suspense>);
    expect(screen.getByText('Loading…')).toBeTruthy();
    await act(async () => chunk.resolve({ default: Greeting }));
    expect(await screen.findByText('Hello Ada')).toBeTruthy();
  });

  it('renders at once, without a fallback, when preloaded before its first render', async () => {
    let loads = 0;
    const Lazy = preloadable(async () => {
      loads += 1;
      return { default: Greeting };
    });
    await Lazy.preload();
    render(<Suspense fallback={<p>Loading…</p>}><Lazy name="Grace" /></Suspense>);
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(screen.getByText('Hello Grace')).toBeTruthy();
    await Lazy.preload();
    expect(loads).toBe(1);
  });

  it('tries again after a failed download', async () => {
    let attempts = 0;
    const Lazy = preloadable(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('offline');
      return { default: Greeting };
    });
    await expect(Lazy.preload()).rejects.toThrow('offline');
    await Lazy.preload();
    render(<Lazy name="Linus" />);
    expect(screen.getByText('Hello Linus')).toBeTruthy();
    expect(attempts).toBe(2);
  });
});
