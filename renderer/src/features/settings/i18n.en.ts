/** Station settings, zones and beds. */
import type zhCN from './i18n.zh-CN';

const en: typeof zhCN = {
  nav: {
    settings: 'Station settings',
  },
  settings: {
    title: 'Station settings',
    stationName: 'Station name',
    timeZone: 'Time zone',
    idleLockMinutes: 'Lock after idle (minutes)',
    idleLockHint: 'Locks a shared PC when the person at the desk walks away',
    intake: 'Intake and stay limits',
    stayWarnDay: 'Warn on stay day',
    stayLimitDays: 'Stay limit (days)',
    familyNoticeHours: 'Family-search notice within (hours)',
    dnaWorkingDays: 'DNA request within (working days)',
    noticeRefreshDays: 'Refresh notice after (days)',
    dateFloor: 'Earliest date on record',
    dateFloorHint: 'Arrivals, discharges and other times before this date are refused',
    lateRegistrationHours: 'Late registration needs a reason after (hours)',
    lateRegistrationHint: 'An arrival registered more than this long after it happened must say why',
    stock: 'Cooling supplies',
    stockExpiringDays: 'Warn of expiry within (days)',
    stockWriteOffApprovalFen: 'Write-offs above this need approval (fen)',
  },
  zones: {
    title: 'Zones and beds',
    add: 'New zone',
    addBeds: 'Add beds',
    name: 'Zone name',
    code: 'Code (letters)',
    rule: 'Takes',
    anyone: 'Anyone',
    medical: 'Medical observation',
    active: 'In use',
    closed: 'Closed',
    beds: 'Beds (click a free bed to close or open it)',
    occupied: 'Occupied: cannot be closed',
    closeBed: 'Click to close this bed',
    openBed: 'Click to open this bed',
    minAge: 'Min. age',
    maxAge: 'Max. age',
    labels: 'Bed labels',
    labelsHint: 'Press Enter after each; several at once',
  },
  entities: {
    settings: 'Settings',
  },
  procedures: {
    settings: { _: 'Station settings', update: 'Update settings', get: 'Read settings' },
  },
  v: {
    idleLockRange: 'Enter 1–240 minutes',
    warnAfterLimit: 'The warning day must not come after the limit',
  },
};

export default en;
