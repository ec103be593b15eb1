// i18next with Chinese as source and fallback; dayjs in Chinese with weeks starting on Monday.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN';

dayjs.locale('zh-cn'); // zh-cn already starts weeks on Monday

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

export default i18n;
