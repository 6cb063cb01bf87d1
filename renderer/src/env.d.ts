/// <reference types="vite/client" />
import type { LabBridge } from '../../core/api/labBridge';

declare global {
  interface Window {
    /** Present under Electron (the preload's bridge); absent in a browser. */
    lab?: LabBridge;
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
