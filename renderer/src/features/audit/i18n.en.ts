/** The audit trail. */
import type zhCN from './i18n.zh-CN';

const en: typeof zhCN = {
  nav: {
    audit: 'Audit trail',
  },
  audit: {
    title: 'Audit trail',
    intro: 'Every change is recorded here: who did what, when, before and after. Each row carries a hash linked to the previous one, so a later edit shows.',
    verify: 'Verify the chain',
    verifyOk: 'The chain is intact: {{count}} rows checked, no changes found ({{at}}).',
    verifyBad: 'The chain is broken at row {{id}} ({{reason}}). {{count}} rows checked.',
    actor: 'Who',
    procedure: 'Action',
    time: 'When',
    entity: 'Record',
    details: 'Details',
    before: 'Before',
    after: 'After',
    allActors: 'Everyone',
    allProcedures: 'All actions',
    range: 'Period',
    hash: 'Hash',
    reasons: {
      row_missing: 'a row before it is missing',
      link_mismatch: 'its link to the previous row does not match',
      hash_mismatch: 'its content does not match its hash',
    },
  },
  entities: {
    audit_log: 'Audit trail',
  },
  procedures: {
    audit: { _: 'Audit trail', verify: 'Verify audit chain', list: 'Read audit trail', actors: 'List actors' },
  },
};

export default en;
