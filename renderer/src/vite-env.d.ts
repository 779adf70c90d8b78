/// <reference types="vite/client" />
import type { StationDeskBridge } from '../../shared/bridge';

declare global {
  interface Window {
    /** Present only inside the Electron window (preload). */
    stationdesk?: StationDeskBridge;
  }
}
