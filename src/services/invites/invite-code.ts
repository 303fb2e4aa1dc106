// Invite codes: the secret part of an invite link. Twelve characters from an alphabet without
// look-alikes (0/O, 1/l/I, like Mastodon's) give about 70 random bits: a guesser's odds stay nil
// however many invites exist, and a person can still read a code out loud.
import { randomInt } from 'node:crypto';

const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const INVITE_CODE_LENGTH = 12;

export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** Whether a string could be a code at all; anything else is not looked up. */
export function looksLikeInviteCode(value: string): boolean {
  return /^[A-Za-z0-9]{6,64}$/.test(value);
}
