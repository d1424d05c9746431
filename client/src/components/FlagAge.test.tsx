import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { makeFlag } from '../test/fixtures';
import { FlagAge } from './FlagAge';

describe('FlagAge', () => {
  it('dates a sign from when its condition began, not when it was flagged', () => {
    const { container } = render(<FlagAge flag={makeFlag({ conditionSince: '2026-06-22', openedAt: '2026-12-01T08:00:00.000Z' })} />);
    expect(container).toHaveTextContent('· since 22 Jun 2026');
    expect(container).not.toHaveTextContent('flagged');
    expect(container.querySelector('time')).toHaveAttribute('dateTime', '2026-06-22');
  });

  it('adds when it was flagged as secondary text where asked, if that was another day', () => {
    const older = render(<FlagAge flag={makeFlag({ conditionSince: '2026-06-22', openedAt: '2026-12-01T08:00:00.000Z' })} showFlagged />);
    expect(older.container).toHaveTextContent('· since 22 Jun 2026 · flagged 1 Dec 2026');
    const sameDay = render(<FlagAge flag={makeFlag({ conditionSince: '2026-12-01', openedAt: '2026-12-01T08:00:00.000Z' })} showFlagged />);
    expect(sameDay.container).toHaveTextContent(/^· since 1 Dec 2026$/);
  });

  it('falls back to the flagging date for a flag stored before its start was recorded', () => {
    const { container } = render(<FlagAge flag={makeFlag({ conditionSince: null, openedAt: '2026-11-25T09:00:00.000Z' })} showFlagged />);
    expect(container).toHaveTextContent(/^· since 25 Nov 2026$/);
  });
});
