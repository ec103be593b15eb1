// The only place that creates a BrowserWindow, always with these preferences.
import path from 'node:path';
import { BrowserWindow, type WebPreferences } from 'electron';
import { APP_ORIGIN } from './security';

export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    devTools,
  };
}

export function createMainWindow(outDir: string, devTools: boolean): BrowserWindow {
  const window = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    title: '乡镇敬老院运营系统',
    show: false,
    webPreferences: secureWebPreferences(path.join(outDir, 'preload', 'index.cjs'), devTools),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
