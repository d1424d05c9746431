import { describe, expect, it } from 'vitest';
import { makeBlocker } from '../test/fixtures';
import {
  emptyNewBlocker,
  FORM_ERROR_KEY,
  initialFormValues,
  mapServerFieldErrors,
  NEW_BLOCKER,
  toCreateRequest,
  validateUpdateForm,
  withOffer,
  type NewBlockerRow,
  type UpdateFormValues,
} from './update-form-model';

function validValues(overrides: Partial<UpdateFormValues> = {}): UpdateFormValues {
  return {
    ...initialFormValues({ week: '2026-W40', openBlockers: [] }),
    health: 'on_track',
    summary: 'Fine',
    confidence: '4',
    activeUsers: '10',
    activeUsersOutsideTeam: '10',
    scaleQuestionAsked: 'no',
    resourcesRedirected: 'no',
    ...overrides,
  };
}

describe('validateUpdateForm', () => {
  it('accepts a complete form; outside users may equal active users', () => {
    expect(validateUpdateForm(validValues())).toEqual({});
  });

  it('mirrors the server rules', () => {
    const errors = validateUpdateForm(
      validValues({ confidence: '2.5', activeUsers: '-1', activeUsersOutsideTeam: '', summary: '   ', health: '', scaleQuestionAsked: '' }),
    );
    expect(Object.keys(errors).sort()).toEqual(['activeUsers', 'activeUsersOutsideTeam', 'confidence', 'health', 'scaleQuestionAsked', 'summary']);
  });

  it('checks KPI numbers and blocker wording', () => {
    const values = validValues({
      kpiValues: { k1: '1e999' },
      newBlockers: [{ ...emptyNewBlocker('n1') }],
      openBlockers: [{ blocker: makeBlocker({ id: 'b1' }), action: 'reword', text: ' ', category: 'data' }],
    });
    expect(validateUpdateForm(values)).toEqual({
      'kpi:k1': ['Enter a number, or leave it empty if not measured'],
      'new-blocker:n1': ['Describe the blocker, or remove it', 'Choose a category'],
      'blocker:b1': ['Write the new wording, or keep the blocker as it is'],
    });
  });
});

describe('server field errors', () => {
  it('follow list items to the row that produced them', () => {
    const { fieldMap } = toCreateRequest(
      validValues({
        kpiValues: { k1: '', k2: '5' },
        openBlockers: [
          { blocker: makeBlocker({ id: 'b1' }), action: 'resolve', text: 'x', category: 'data' },
          { blocker: makeBlocker({ id: 'b2' }), action: 'confirm', text: 'y', category: 'data' },
        ],
        newBlockers: [{ ...emptyNewBlocker('n1'), text: 'New', category: 'budget' }],
      }),
    );
    const errors = mapServerFieldErrors(
      [
        { field: 'kpiReadings.0.value', messages: ['bad value'] },
        { field: 'blockers.0.blockerId', messages: ['not a blocker of this pilot'] },
        { field: 'blockers.1.text', messages: ['too long'] },
        { field: 'resolvedBlockers.0.blockerId', messages: ['is already resolved'] },
        { field: 'summary', messages: ['summary should not be empty'] },
        { field: 'somethingElse', messages: ['property somethingElse should not exist'] },
      ],
      fieldMap,
    );
    expect(errors).toEqual({
      'kpi:k2': ['bad value'],
      'blocker:b2': ['not a blocker of this pilot'],
      'blocker:b1': ['is already resolved'],
      'new-blocker:n1': ['too long'],
      summary: ['summary should not be empty'],
      [FORM_ERROR_KEY]: ['property somethingElse should not exist'],
    });
  });
});

describe('a new blocker that resembles an open one', () => {
  const offered = [{ blockerId: 'b7', text: 'Waiting on CAB approval' }];
  const row = (patch: Partial<NewBlockerRow>): NewBlockerRow => ({ ...emptyNewBlocker('n1'), text: 'Change advisory board approval pending', category: 'security_compliance', ...patch });

  it('needs an answer to the prompt before posting, and no category when linked', () => {
    expect(validateUpdateForm(validValues({ newBlockers: [row({ offered })] }))).toEqual({
      'new-blocker-same:n1': ['Say whether this is one of the open blockers or a new one'],
    });
    expect(validateUpdateForm(validValues({ newBlockers: [row({ offered, sameAs: 'b7', category: '' })] }))).toEqual({});
    expect(validateUpdateForm(validValues({ newBlockers: [row({ offered, sameAs: NEW_BLOCKER, category: '' })] }))).toEqual({
      'new-blocker:n1': ['Choose a category'],
    });
  });

  it.each([
    ['yes: the chosen blocker, with the words typed', row({ offered, sameAs: 'b7' }), { blockerId: 'b7', text: 'Change advisory board approval pending' }],
    ['no: a new blocker, never linked', row({ offered, sameAs: NEW_BLOCKER }), { text: 'Change advisory board approval pending', category: 'security_compliance', isNew: true }],
    ['no prompt: the text, for the server to match', row({}), { text: 'Change advisory board approval pending', category: 'security_compliance' }],
  ])('posts %s', (_case, newRow, expected) => {
    expect(toCreateRequest(validValues({ newBlockers: [newRow] })).body.blockers).toEqual([expected]);
  });

  it('drops an answer that named a blocker no longer offered', () => {
    expect(withOffer(row({ offered, sameAs: 'b7' }), [{ blockerId: 'b8', text: 'Other' }]).sameAs).toBe('');
    expect(withOffer(row({ offered, sameAs: NEW_BLOCKER }), [{ blockerId: 'b8', text: 'Other' }]).sameAs).toBe(NEW_BLOCKER);
    expect(withOffer(row({ offered, sameAs: NEW_BLOCKER }), []).sameAs).toBe('');
    expect(withOffer(row({ offered, sameAs: 'b7' }), offered).sameAs).toBe('b7');
  });

  it('sends a rewording of an open blocker with its id, so it is never matched to another', () => {
    const values = validValues({ openBlockers: [{ blocker: makeBlocker({ id: 'b1' }), action: 'reword', text: ' CAB slot slipping ', category: 'data' }] });
    expect(toCreateRequest(values).body.blockers).toEqual([{ blockerId: 'b1', text: 'CAB slot slipping' }]);
  });
});
