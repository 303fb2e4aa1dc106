import { describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { ApiError } from '../api/http.ts';
import { useAction } from './use-action.ts';

describe('useAction', () => {
  it('runs one call at a time and is busy while it runs', async () => {
    const { result } = renderHook(() => useAction());
    let finish = () => {};
    let calls = 0;
    let first: Promise<boolean> = Promise.resolve(false);
    let second: Promise<boolean> = Promise.resolve(true);
    act(() => {
      first = result.current.run(() => {
        calls++;
        return new Promise<void>((resolve) => (finish = resolve));
      });
      second = result.current.run(async () => {
        calls++;
      });
    });
    expect(result.current.busy).toBe(true);
    expect(await second).toBe(false);
    await act(async () => {
      finish();
      expect(await first).toBe(true);
    });
    expect(calls).toBe(1);
    expect(result.current.busy).toBe(false);
    expect(result.current.error).toBeNull();
  });

  it('shows the server’s words when the call fails, and clears them on the next call', async () => {
    const { result } = renderHook(() => useAction());
    await act(async () => {
      expect(await result.current.run(() => Promise.reject(new ApiError(422, 'Rule is unknown')))).toBe(false);
    });
    expect(result.current.error).toBe('Rule is unknown');
    expect(result.current.busy).toBe(false);
    await act(async () => {
      expect(await result.current.run(async () => {})).toBe(true);
    });
    expect(result.current.error).toBeNull();
  });
});
