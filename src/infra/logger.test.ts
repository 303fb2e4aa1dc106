import { describe, expect, it } from 'vitest';
import { prettyLine } from './logger.ts';

describe('prettyLine', () => {
  it('prints time, level and message, then the other fields', () => {
    const line = prettyLine({ level: 40, time: Date.UTC(2026, 10, 26, 17, 8, 28), pid: 1, hostname: 'h', msg: 'careful', jobId: 'J1', attempts: 2 });
    expect(line).toBe('17:08:28 WARN  careful  jobId=J1 attempts=2\n');
  });
});
