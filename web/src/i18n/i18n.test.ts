import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { de } from './de.ts';
import { translate } from './index.tsx';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('German translates every English key, and nothing else', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it('no translation is empty and each keeps the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(de[key].trim(), key).not.toBe('');
      expect(placeholders(de[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('fills in placeholders', () => {
    expect(translate('en', 'compose.charactersLeft', { n: 42 })).toBe('42 characters left');
    expect(translate('de', 'compose.charactersLeft', { n: 42 })).toBe('Noch 42 Zeichen');
  });

  it('uses the labels the end-to-end tests rely on', () => {
    expect(en['compose.placeholder']).toBe("What's on your mind?");
    expect(en['compose.post']).toBe('Post');
    expect(en['auth.signIn']).toBe('Sign in');
  });
});
