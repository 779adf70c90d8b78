import type { ExportCatalog } from './i18n.zh-CN';

const en: ExportCatalog = {
  export: {
    button: 'Export to Excel',
    period: 'Period',
    thisMonth: 'This month',
    lastMonth: 'Last month',
    thisYear: 'This year',
    submit: 'Export',
    building: 'Making the file: {{written}} / {{rows}} rows',
    downloaded: 'Downloaded: {{fileName}}',
    saved: 'Saved to: {{path}}',
    personalData: 'The file holds clients’ personal data: keep it safe and use it only for reporting. Exports are recorded in the audit trail.',
  },
  v: {
    periodOrder: 'The end is before the start',
    periodTooLong: 'At most a year (366 days) per export',
    exportBusy: 'Your last export is still being made; a moment, please',
    exportWrite: 'Cannot write there (read-only, or the file is open in another program)',
  },
  entities: { export: 'Export' },
  procedures: { export: { _: 'Exports', intakeRegister: 'Export intake register', status: 'Export progress', file: 'Fetch an export' } },
};

export default en;
