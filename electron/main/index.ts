// Electron main process: one instance, secure window, app:// UI, the rpc channel to the backend.
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, safeStorage, session } from 'electron';
import { type Backend, startBackend } from '../backend/app';
import { Session } from '../backend/security/session';
import { installDownloadChecks } from './downloads';
import { registerRpc } from './ipc';
import { secretProtection } from './secrets';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { denyAllPermissions, hardenWebContents } from './security';
import { createMainWindow } from './window';

const outDir = path.resolve(__dirname, '..');
let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

/** In development `npm start` prepares a better-sqlite3 binary built for Electron; the packaged app has its own. */
function electronNativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const candidate = path.join(outDir, 'native', 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  // Every web contents (the window, devtools, anything else) gets the navigation and window-open lock-down.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void backend?.close();
  });

  app.whenReady().then(async () => {
    denyAllPermissions(session.defaultSession);
    installDownloadChecks(session.defaultSession);
    try {
      backend = await startBackend({
        dataDir: process.env.APP_DATA_DIR || app.getPath('userData'),
        checkOutput: !app.isPackaged,
        nativeBinding: electronNativeBinding(),
        automaticBackups: true,
        platform: {
          ...secretProtection(safeStorage),
          chooseFolder: async () => {
            const options = { title: '选择备份到的文件夹（如U盘）', properties: ['openDirectory' as const, 'createDirectory' as const] };
            const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
            return result.canceled ? null : (result.filePaths[0] ?? null);
          },
        },
      });
    } catch (error) {
      dialog.showErrorBox('无法打开数据库', error instanceof Error ? error.message : String(error));
      app.quit();
      return;
    }
    handleAppProtocol(path.join(outDir, 'renderer'));
    registerRpc(backend.dispatch, new Session(), () => mainWindow?.webContents.id ?? null);
    mainWindow = createMainWindow(outDir, !app.isPackaged);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });
}
