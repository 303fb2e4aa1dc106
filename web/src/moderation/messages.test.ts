import { describe, expect, it } from 'vitest';
import { modCatalogues, modText, type ModMessageKey } from './messages.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the moderation message catalogue', () => {
  it('translates every English key into German, none empty, with the same placeholders', () => {
    const { en, de } = modCatalogues;
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as ModMessageKey[]) {
      expect(de[key].trim(), key).not.toBe('');
      expect(placeholders(de[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('fills in placeholders', () => {
    expect(modText('en', 'apps.users', { n: 3 })).toBe('People using it: 3');
    expect(modText('de', 'apps.users', { n: 3 })).toBe('Genutzt von: 3');
  });
});
