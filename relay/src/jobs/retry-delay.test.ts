import { describe, expect, it } from 'vitest';
import { JOB_RETRY_BASE_MS, JOB_RETRY_CAP_MS, retryDelayBounds, retryDelayMs } from './retry-delay.js';

describe('retry delay', () => {
  it('should wait between half the ceiling and the ceiling, the ceiling doubling with each failure', () => {
    expect(retryDelayBounds(1)).toEqual({ minMs: JOB_RETRY_BASE_MS / 2, maxMs: JOB_RETRY_BASE_MS });
    expect(retryDelayBounds(3)).toEqual({ minMs: JOB_RETRY_BASE_MS * 2, maxMs: JOB_RETRY_BASE_MS * 4 });
    expect(retryDelayMs(3, () => 0)).toBe(JOB_RETRY_BASE_MS * 2);
    expect(retryDelayMs(3, () => 1)).toBe(JOB_RETRY_BASE_MS * 4);
  });

  it('should never wait less after a later failure than the most it waited after an earlier one', () => {
    for (let attempt = 1; attempt < 30; attempt++) {
      expect(retryDelayBounds(attempt + 1).minMs).toBeGreaterThanOrEqual(
        Math.min(retryDelayBounds(attempt).maxMs, JOB_RETRY_CAP_MS / 2),
      );
    }
  });

  it('should stop growing at the cap', () => {
    expect(retryDelayBounds(40)).toEqual({ minMs: JOB_RETRY_CAP_MS / 2, maxMs: JOB_RETRY_CAP_MS });
  });
});
