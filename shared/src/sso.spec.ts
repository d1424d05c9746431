import { groupsFromClaim, mayUsePassword, roleFromGroups, type GroupRoleMapping } from './sso';

const mappings: GroupRoleMapping[] = [
  { group: 'ai-program-office', role: 'program_office' },
  { group: 'ai-executives', role: 'executive' },
  { group: 'ai-leads', role: 'pilot_lead' },
  { group: 'everyone', role: 'viewer' },
];

describe('roleFromGroups', () => {
  it.each([
    { groups: ['ai-executives'], role: 'executive' },
    { groups: ['everyone', 'ai-leads'], role: 'pilot_lead' },
    { groups: ['ai-leads', 'ai-program-office', 'everyone'], role: 'program_office' },
    { groups: ['ai-executives', 'ai-leads'], role: 'executive' },
    { groups: ['finance'], role: null },
    { groups: [], role: null },
    { groups: ['AI-EXECUTIVES'], role: null },
  ])('$groups -> $role', ({ groups, role }) => {
    expect(roleFromGroups(groups, mappings)).toBe(role);
  });

  it('no mappings: nobody gets a role', () => {
    expect(roleFromGroups(['ai-executives'], [])).toBeNull();
  });
});

describe('groupsFromClaim', () => {
  it.each([
    { claim: ['a', 'b'], groups: ['a', 'b'] },
    { claim: ['a', 3, null], groups: ['a'] },
    { claim: 'solo', groups: ['solo'] },
    { claim: '  ', groups: [] },
    { claim: undefined, groups: [] },
    { claim: { a: 1 }, groups: [] },
  ])('$claim -> $groups', ({ claim, groups }) => {
    expect(groupsFromClaim(claim)).toEqual(groups);
  });
});

describe('mayUsePassword', () => {
  it.each([
    { ssoConfigured: false, passwordSignIn: false, breakGlassPersonId: 'b', personId: 'p', may: true },
    { ssoConfigured: true, passwordSignIn: true, breakGlassPersonId: null, personId: 'p', may: true },
    { ssoConfigured: true, passwordSignIn: false, breakGlassPersonId: 'b', personId: 'p', may: false },
    { ssoConfigured: true, passwordSignIn: false, breakGlassPersonId: 'b', personId: 'b', may: true },
  ])('configured $ssoConfigured, passwords $passwordSignIn, person $personId -> $may', ({ personId, may, ...policy }) => {
    expect(mayUsePassword(policy, personId)).toBe(may);
  });
});
