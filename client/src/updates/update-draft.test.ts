import { describe, expect, it } from 'vitest';
import { makeBlocker } from '../test/fixtures';
import { discardDrafts, draftKey, findDraft, mergeDraft, saveDraft } from './update-draft';
import { emptyNewBlocker, initialFormValues, type UpdateFormValues } from './update-form-model';

const stillOpen = makeBlocker({ id: 'b1', text: 'Waiting for API access' });
const resolvedSince = makeBlocker({ id: 'b2', text: 'Data is messy' });
const openedSince = makeBlocker({ id: 'b3', text: 'Budget frozen' });
const scope = { userId: 'lead-1', pilotId: 'p1' };

function draftValues(): UpdateFormValues {
  const values = initialFormValues({ week: '2026-W40', openBlockers: [stillOpen, resolvedSince] });
  return {
    ...values,
    summary: 'Half written',
    confidence: '3',
    kpiValues: { k1: '12', gone: '4' },
    openBlockers: values.openBlockers.map((row) => ({ ...row, action: row.blocker.id === 'b1' ? 'reword' : 'resolve', text: 'API keys still missing' })),
    newBlockers: [{ ...emptyNewBlocker('n1'), text: 'No trainer', category: 'adoption', offered: [{ blockerId: 'b1', text: 'x' }], sameAs: 'b1' }],
  };
}

describe('update form drafts', () => {
  it('lays a draft over the form as it starts now: gone blockers and KPIs drop, new open blockers join, offers are asked again', () => {
    const base = initialFormValues({ week: '2026-W41', openBlockers: [stillOpen, openedSince] });
    const merged = mergeDraft(draftValues(), base, ['k1'], false);
    expect(merged.week).toBe('2026-W40');
    expect(merged.summary).toBe('Half written');
    expect(merged.kpiValues).toEqual({ k1: '12' });
    expect(merged.openBlockers.map((row) => [row.blocker.id, row.action, row.text])).toEqual([
      ['b1', 'reword', 'API keys still missing'],
      ['b3', 'confirm', 'Budget frozen'],
    ]);
    expect(merged.newBlockers).toEqual([{ ...emptyNewBlocker('n1'), text: 'No trainer', category: 'adoption' }]);
  });

  it('keeps an edit’s week whatever the draft says', () => {
    const base = initialFormValues({ week: '2026-W38', openBlockers: [] });
    expect(mergeDraft(draftValues(), base, [], true).week).toBe('2026-W38');
  });

  it('finds the newest draft among the weeks still offered, and forgets them all on discard', () => {
    saveDraft(draftKey(scope, '2026-W39'), { values: { ...draftValues(), week: '2026-W39' }, savedAt: '2026-10-01T10:00:00.000Z' });
    saveDraft(draftKey(scope, '2026-W40'), { values: draftValues(), savedAt: '2026-10-02T10:00:00.000Z' });
    saveDraft(draftKey(scope, '2026-W30'), { values: { ...draftValues(), week: '2026-W30' }, savedAt: '2026-10-03T10:00:00.000Z' });
    window.localStorage.setItem(draftKey(scope, '2026-W41'), '{not json');
    expect(findDraft(scope, ['2026-W41', '2026-W40', '2026-W39'])?.values.week).toBe('2026-W40');
    expect(findDraft({ ...scope, userId: 'someone-else' }, ['2026-W40'])).toBeNull();
    discardDrafts(scope);
    expect(findDraft(scope, ['2026-W41', '2026-W40', '2026-W39', '2026-W30'])).toBeNull();
  });
});
