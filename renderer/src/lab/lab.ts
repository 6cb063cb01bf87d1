// The connection the app was started with, for every store and view: set once in main.ts
// before the app mounts.

import type { LabClient } from '../../../core/api/labClient';
import type { LabBridge } from '../../../core/api/labBridge';
import type { LabConnection } from './connection';

let connection: LabConnection | null = null;

export function setLabConnection(opened: LabConnection): void {
  connection = opened;
}

function current(): LabConnection {
  if (connection === null) throw new Error('the lab connection is used before main.ts opened it');
  return connection;
}

export function lab(): LabClient {
  return current().client;
}

/** The desktop bridge, or null in a browser. */
export function desktopBridge(): LabBridge | null {
  return current().bridge;
}
