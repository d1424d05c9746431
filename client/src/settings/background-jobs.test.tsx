import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { JobsOverview } from '@liftoff/shared';
import { mockApi } from '../test/mock-api';
import { BackgroundJobs } from './BackgroundJobs';

function renderJobs() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <BackgroundJobs />
    </QueryClientProvider>,
  );
}

const overview: JobsOverview = {
  queues: [
    { name: 'portfolio-sweep', counts: { created: 0, retry: 1, active: 0, completed: 6, cancelled: 0, failed: 2 }, schedule: { cron: '0 2 * * *', timeZone: 'Europe/Berlin' } },
    { name: 'deliveries', counts: { created: 4, retry: 0, active: 1, completed: 0, cancelled: 0, failed: 0 }, schedule: null },
  ],
  recentFailures: [
    { queue: 'portfolio-sweep', jobId: 'j1', failedAt: '2026-12-06T02:00:05.000Z', error: 'connect ECONNREFUSED', willRetry: true },
    { queue: 'deliveries', jobId: 'j2', failedAt: '2026-12-05T09:30:00.000Z', error: 'webhook answered 410', willRetry: false },
  ],
};

describe('Background jobs on the Settings page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows each queue with its jobs by state and its schedule', async () => {
    mockApi({ 'GET /api/jobs': overview });
    renderJobs();
    const cellsOf = (queue: string) => [...screen.getByText(queue, { selector: 'th' }).closest('tr')!.querySelectorAll('td')].map((cell) => cell.textContent);
    await screen.findByText('Nightly stuck-detection sweep', { selector: 'th' });
    // Schedule, then waiting, waiting to retry, running, done, cancelled, failed.
    expect(cellsOf('Nightly stuck-detection sweep')).toEqual(['0 2 * * *', '0', '1', '0', '6', '0', '2']);
    expect(cellsOf('deliveries')).toEqual(['When needed', '4', '0', '1', '0', '0', '0']);
    expect(screen.getByText('Nightly stuck-detection sweep', { selector: 'th' })).toHaveAttribute('scope', 'row');
  });

  it('lists the latest failures, saying which will be retried', async () => {
    mockApi({ 'GET /api/jobs': overview });
    const { container } = renderJobs();
    await screen.findByText('Latest failures');
    const items = [...container.querySelectorAll('li')];
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Nightly stuck-detection sweep');
    expect(items[0]).toHaveTextContent('(will be retried): connect ECONNREFUSED');
    expect(items[1]).toHaveTextContent('(gave up): webhook answered 410');
  });

  it('says so when nothing has failed', async () => {
    mockApi({ 'GET /api/jobs': { queues: [], recentFailures: [] } });
    renderJobs();
    expect(await screen.findByText('No job has failed lately.')).toBeVisible();
    expect(screen.getByText('No queue has run yet.')).toBeVisible();
  });
});
