import { ctx, history, updatesEndingAt } from '../testing/history-builder';
import { resourcesRedirected } from './resources-redirected';

/** One character per update ending 2026-W23: r = resources redirected, - = not. */
const reports = (pattern: string) => updatesEndingAt('2026-W23', [...pattern].map((c) => ({ resourcesRedirected: c === 'r' })));

describe('resources_redirected', () => {
  it.each([
    ['in the latest update', '-----r', true],
    ['in the 4th-latest update (edge of the window)', '--r---', true],
    ['in the 5th-latest update (just outside)', '-r----', false],
    ['several times', 'rr-r-r', true],
    ['never', '------', false],
    ['no updates', '', false],
  ])('%s (%s) -> %s', (_name, pattern, fires) => {
    const results = resourcesRedirected(history({ updates: reports(pattern) }), ctx());
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ kind: 'resources_redirected', fires });
  });

  it.each([
    [2, '---r--', false],
    [2, '----r-', true],
  ])('honours resourcesRedirectedWindowUpdates=%i (%s)', (resourcesRedirectedWindowUpdates, pattern, fires) => {
    const results = resourcesRedirected(history({ updates: reports(pattern) }), ctx({ resourcesRedirectedWindowUpdates }));
    expect(results[0].fires).toBe(fires);
  });

  it.each(['killed', 'paused'] as const)('does not fire for %s pilots', (stage) => {
    expect(resourcesRedirected(history({ pilot: { stage }, updates: reports('rrrr') }), ctx())[0].fires).toBe(false);
  });

  it('names the weeks', () => {
    const [result] = resourcesRedirected(history({ updates: reports('--r--r') }), ctx());
    expect(result.summary).toBe('Resources redirected away from the pilot reported in 2026-W20 and 2026-W23.');
    expect(result.evidence).toEqual({ weeks: ['2026-W20', '2026-W23'], windowUpdates: 4 });
  });
});

describe('resources_redirected since', () => {
  it.each([
    ['-----r', '2026-06-01'], // W23
    ['--r---', '2026-05-11'], // W20
    ['rr-r-r', '2026-05-18'], // the window is W20..W23: first report W21
    ['-r----', undefined],
  ])('%s -> %s', (pattern, since) => {
    expect(resourcesRedirected(history({ updates: reports(pattern) }), ctx())[0].since).toBe(since);
  });
});
