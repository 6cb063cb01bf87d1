// The typed client over a fake transport: values come back as they are, error envelopes and
// transport failures become LabApiErrors, and events reach only their own listeners.

import { describe, expect, it } from 'vitest';
import type { LabTransport } from '../../../core/api/labClient';
import { createLabClient, LabApiError } from '../../../core/api/labClient';
import type { Envelope } from '../../../core/api/labError';
import { labFailure, labOk } from '../../../core/api/labError';
import type { LabEventListener } from '../../../core/api/labEvents';

function fakeTransport(answer: (method: string, args: unknown) => Promise<Envelope>) {
  const listeners = new Set<LabEventListener>();
  const calls: [string, unknown][] = [];
  const transport: LabTransport = {
    invoke: (method, args) => {
      calls.push([method, args]);
      return answer(method, args);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { transport, listeners, calls };
}

describe('the lab client', () => {
  it('resolves with the value, passing {} when a method takes no arguments', async () => {
    const fake = fakeTransport(async () => labOk([{ id: 1 }]));
    const client = createLabClient(fake.transport);
    expect(await client.invoke('datasets.list')).toEqual([{ id: 1 }]);
    await client.invoke('runs.get', { id: 4 });
    expect(fake.calls).toEqual([
      ['datasets.list', {}],
      ['runs.get', { id: 4 }],
    ]);
  });

  it("rejects with the LabError's code, field and message", async () => {
    const client = createLabClient(
      fakeTransport(async () => labFailure('conflict', 'Run "a" is still running; stop it first.', 'id'))
        .transport,
    );
    const error = await client.invoke('runs.delete', { id: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabApiError);
    expect(error).toMatchObject({
      code: 'conflict',
      field: 'id',
      message: 'Run "a" is still running; stop it first.',
    });
  });

  it('turns a failed transport or a malformed answer into an internal error', async () => {
    const down = createLabClient(fakeTransport(() => Promise.reject(new Error('socket closed'))).transport);
    await expect(down.invoke('app.info')).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringContaining('socket closed'),
    });
    const odd = createLabClient(
      fakeTransport(async () => ({ nonsense: true }) as unknown as Envelope).transport,
    );
    await expect(odd.invoke('app.info')).rejects.toMatchObject({ code: 'internal' });
  });

  it('delivers each event to the listeners of its name until they unsubscribe', () => {
    const fake = fakeTransport(async () => labOk(null));
    const client = createLabClient(fake.transport);
    const statuses: number[] = [];
    const changes: unknown[] = [];
    const off = client.on('run.status', (payload) => statuses.push(payload.runId));
    client.on('datasets.changed', (payload) => changes.push(payload));
    const emit: LabEventListener = (event) => fake.listeners.forEach((listener) => listener(event));
    emit({ event: 'run.status', payload: { runId: 3, status: 'running', error: null } });
    emit({ event: 'datasets.changed', payload: {} });
    off();
    emit({ event: 'run.status', payload: { runId: 4, status: 'completed', error: null } });
    expect(statuses).toEqual([3]);
    expect(changes).toEqual([{}]);
  });
});
