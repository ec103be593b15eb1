import 'i18next';
import type { Resources } from './zh-CN';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Resources };
  }
}
