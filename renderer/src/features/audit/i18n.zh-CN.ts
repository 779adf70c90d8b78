/** The audit trail. */
const zhCN = {
  nav: {
    audit: '审计日志',
  },
  audit: {
    title: '审计日志',
    intro: '每一次修改都记录在此：谁、做了什么、何时、改前改后。每条记录带有与上一条相连的哈希，任何事后改动都能被查出。',
    verify: '校验日志链',
    verifyOk: '日志链完整：已校验 {{count}} 条记录，未发现改动（{{at}}）。',
    verifyBad: '日志链被破坏：第 {{id}} 条记录不符（{{reason}}）。已校验 {{count}} 条。',
    actor: '操作人',
    procedure: '操作',
    time: '时间',
    entity: '对象',
    details: '详情',
    before: '修改前',
    after: '修改后',
    allActors: '全部操作人',
    allProcedures: '全部操作',
    range: '时间范围',
    hash: '哈希',
    reasons: {
      row_missing: '此前有记录缺失',
      link_mismatch: '与上一条记录的链接不符',
      hash_mismatch: '记录内容与其哈希不符',
    },
  },
  entities: {
    audit_log: '审计日志',
  },
  procedures: {
    audit: { _: '审计日志', verify: '校验日志链', list: '查看审计日志', actors: '操作人列表' },
  },
};

export default zhCN;
