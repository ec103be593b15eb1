// What a shell can do that plain Node cannot: Electron shows native dialogs; the browser host has none.
export interface Platform {
  /** A folder picked in a native dialog, or null when cancelled. */
  chooseFolder?: () => Promise<string | null>;
}
