import { describe, expect, it } from 'vitest';
import { parseQueryString } from './nested-params.ts';

describe('nested params', () => {
  it('builds arrays and objects the way Mastodon clients encode them', () => {
    const p = parseQueryString('status=hi&media_ids[]=1&media_ids[]=2&poll[options][]=a&poll[options][]=b&poll[expires_in]=60&fields_attributes[0][name]=x&fields_attributes[0][value]=y');
    expect(p).toEqual({
      status: 'hi',
      media_ids: ['1', '2'],
      poll: { options: ['a', 'b'], expires_in: '60' },
      fields_attributes: { '0': { name: 'x', value: 'y' } },
    });
  });
  it('ignores prototype-polluting keys', () => {
    const p = parseQueryString('__proto__[x]=1&a[__proto__][y]=2');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(({} as Record<string, unknown>).y).toBeUndefined();
    expect(Object.keys(p)).toEqual(['a']);
  });
  it('keeps a plain repeated key as the last value', () => {
    expect(parseQueryString('a=1&a=2')).toEqual({ a: '2' });
  });
});
