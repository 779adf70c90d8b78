import type zhCN from './i18n.zh-CN';

const en: typeof zhCN = {
  nav: { handover: 'Handovers' },
  modules: { handover: 'Shift handovers signed by the duty leader' },
  v: {
    shiftNotStarted: 'This shift has not begun',
    handoverExists: 'This shift’s handover is already open',
    handoverSubmitted: 'The handover is submitted and can no longer be edited',
    handoverNotSubmitted: 'The handover is not submitted yet',
    handoverAcknowledged: 'It has been acknowledged and cannot go back',
    notAcknowledged: 'The incoming staff must acknowledge it before it is signed',
    ackOutgoing: 'The incoming staff acknowledge it, not the outgoing',
    alreadyAcknowledged: 'Already acknowledged by this person',
    signReason: 'You are not the leader on duty for this shift: say why you sign',
  },
  entities: {
    handover: 'Shift handover',
  },
  procedures: {
    handover: {
      _: 'Shift handover',
      list: 'Handover history',
      get: 'View handover',
      verify: 'Verify signatures',
      open: 'Open handover',
      refresh: 'Refresh handover',
      saveNotes: 'Save notes',
      submit: 'Submit handover',
      reopen: 'Return to outgoing shift',
      acknowledge: 'Acknowledge handover',
      sign: 'Sign handover',
      addendum: 'Add addendum',
  },
  },
};

export default en;
