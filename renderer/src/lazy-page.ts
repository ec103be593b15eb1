// Feature pages load on first visit (their own chunk), so the sign-in screen and the shell need only the core.
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/** React.lazy for a module's named export: `lazyPage(() => import('./features/x/XPage'), 'XPage')`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same bound as React.lazy's own
export function lazyPage<Module extends Record<Name, ComponentType<any>>, Name extends keyof Module & string>(
  load: () => Promise<Module>,
  name: Name,
): LazyExoticComponent<Module[Name]> {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
