// A host call's refusal as a value: the LabError's code and message, or 'internal' for
// anything else that went wrong.

import { describe, expect, it } from 'vitest';
import { LabApiError } from '../../../core/api/labClient';
import { attempt } from '../../../renderer/src/stores/hostOutcome';

describe('attempt', () => {
  it('answers the value of a call that succeeds', async () => {
    expect(await attempt(() => Promise.resolve(42))).toEqual({ ok: true, value: 42 });
  });

  it('answers the code and message of a refused call', async () => {
    const outcome = await attempt(() =>
      Promise.reject(new LabApiError('conflict', 'Dataset "x" is used by 1 run; delete it first.')),
    );
    expect(outcome).toEqual({
      ok: false,
      code: 'conflict',
      message: 'Dataset "x" is used by 1 run; delete it first.',
    });
  });

  it('answers internal for any other failure', async () => {
    expect(await attempt(() => Promise.reject(new Error('socket closed')))).toEqual({
      ok: false,
      code: 'internal',
      message: 'socket closed',
    });
  });
});
