import { describe, expect, it } from 'vitest';
import type { CredentialAccountJson } from '../../../api/entities.ts';
import { isAdmin, isStaff } from './staff.ts';

const withRole = (permissions: string) => ({ role: { id: 'x', name: '', color: '', permissions, highlighted: false } }) as CredentialAccountJson;

describe('staff detection from the role', () => {
  it('knows moderators and admins by their permission bits', () => {
    expect(isStaff(withRole('1308'))).toBe(true);
    expect(isStaff(withRole('1048575'))).toBe(true);
  });

  it('does not treat ordinary people (or nobody) as staff', () => {
    expect(isStaff(withRole('65536'))).toBe(false);
    expect(isStaff(withRole('not a number'))).toBe(false);
    expect(isStaff(null)).toBe(false);
  });
});

describe('isAdmin', () => {
  it('is true only with the administrator bit', () => {
    expect(isAdmin(withRole('1048575'))).toBe(true);
    expect(isAdmin(withRole('16'))).toBe(false);
    expect(isAdmin(null)).toBe(false);
  });
});
