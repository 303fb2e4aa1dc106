import { describe, expect, it } from 'vitest';
import { focusParam, focusToPercent, moveFocus, objectPosition, pointToFocus, sameFocus } from './media-focus.ts';

describe('focal points', () => {
  it('turns a click on the picture into Mastodon coordinates (y grows upwards)', () => {
    expect(pointToFocus(50, 50, 100, 100)).toEqual({ x: 0, y: 0 });
    expect(pointToFocus(0, 0, 200, 100)).toEqual({ x: -1, y: 1 });
    expect(pointToFocus(150, 75, 200, 100)).toEqual({ x: 0.5, y: -0.5 });
    expect(pointToFocus(999, -5, 100, 100)).toEqual({ x: 1, y: 1 });
  });

  it('places the point and the crop where the focus is', () => {
    expect(focusToPercent({ x: 0.5, y: -0.5 })).toEqual({ left: 75, top: 75 });
    expect(objectPosition({ x: -1, y: 1 })).toBe('0% 0%');
    expect(objectPosition(null)).toBeUndefined();
  });

  it('moves within the picture and writes the "x,y" parameter', () => {
    expect(moveFocus({ x: 0.95, y: 0 }, 0.1, 0.1)).toEqual({ x: 1, y: 0.1 });
    expect(focusParam({ x: 0.5, y: -0.25 })).toBe('0.50,-0.25');
    expect(focusParam(null)).toBe('0.00,0.00');
    expect(sameFocus(null, { x: 0, y: 0 })).toBe(true);
    expect(sameFocus({ x: 0.1, y: 0 }, { x: 0, y: 0 })).toBe(false);
  });
});
