/**
 * The export kit, the renderer's half of the main process's XLSX exporter (electron/features/export): a period
 * button for any export procedure, and the save that follows (the desktop's save dialog, or a download).
 */
export { PeriodExportButton } from './PeriodExportButton';
export { saveExport, type SaveOutcome } from './saveExport';
