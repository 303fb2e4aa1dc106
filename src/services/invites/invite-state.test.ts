import { describe, expect, it } from 'vitest';
import type { InviteRow } from '../../db/schema.ts';
import { inviteState } from './invite-state.ts';
import { looksLikeInviteCode, newInviteCode, INVITE_CODE_LENGTH } from './invite-code.ts';

const now = new Date('2030-01-01T12:00:00.000Z');
const invite = (over: Partial<InviteRow> = {}): InviteRow => ({
  id: '01INVITE',
  code: 'abcdefghjkmn',
  account_id: '01ALICE',
  max_uses: null,
  uses: 0,
  expires_at: null,
  autofollow: 0,
  created_at: '2030-01-01T00:00:00.000Z',
  revoked_at: null,
  ...over,
});

describe('inviteState', () => {
  it('is active without limits, and until the last use and the expiry time', () => {
    expect(inviteState(invite(), now)).toBe('active');
    expect(inviteState(invite({ max_uses: 2, uses: 1, expires_at: '2030-01-01T12:00:00.001Z' }), now)).toBe('active');
  });

  it('says why an invite cannot be used, revocation first', () => {
    expect(inviteState(invite({ max_uses: 1, uses: 1 }), now)).toBe('used_up');
    expect(inviteState(invite({ expires_at: now.toISOString() }), now)).toBe('expired');
    expect(inviteState(invite({ revoked_at: '2030-01-01T01:00:00.000Z', max_uses: 1, uses: 1 }), now)).toBe('revoked');
  });
});

describe('invite codes', () => {
  it('are long, random and free of look-alike characters', () => {
    const codes = new Set(Array.from({ length: 200 }, newInviteCode));
    expect(codes.size).toBe(200);
    for (const code of codes) {
      expect(code).toHaveLength(INVITE_CODE_LENGTH);
      expect(code).not.toMatch(/[0O1lI]/);
      expect(looksLikeInviteCode(code)).toBe(true);
    }
    expect(looksLikeInviteCode('../etc')).toBe(false);
    expect(looksLikeInviteCode('short')).toBe(false);
  });
});
