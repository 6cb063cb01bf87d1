// The Electron IPC channels of the lab API, shared by the main process and the preload.

/** ipcRenderer.invoke(LAB_INVOKE_CHANNEL, method, args) answers an Envelope. */
export const LAB_INVOKE_CHANNEL = 'lab:invoke';
/** webContents.send(LAB_EVENT_CHANNEL, event) pushes one LabEvent { event, payload }. */
export const LAB_EVENT_CHANNEL = 'lab:event';
