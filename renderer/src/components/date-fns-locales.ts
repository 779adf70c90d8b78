// Stands in for `date-fns/locale` (see vite.config.mts): only the two languages the app speaks.
export { zhCN } from 'date-fns/locale/zh-CN';
export { enUS } from 'date-fns/locale/en-US';
