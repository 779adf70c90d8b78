/**
 * Shift handovers (issue 10), compiled, acknowledged and signed. The screens come with the renderer task; the main
 * process's messages, procedure and entity names are here already.
 */
const zhCN = {
  nav: { handover: '交接班' },
  modules: { handover: '交接班登记，带班领导签字' },
  v: {
    shiftNotStarted: '这个班次还没有开始',
    handoverExists: '这个班次的交接班已经开始',
    handoverSubmitted: '交接班已提交，不能再修改',
    handoverNotSubmitted: '交接班尚未提交',
    handoverAcknowledged: '接班人员已确认，不能退回',
    notAcknowledged: '接班人员确认后才能签名',
    ackOutgoing: '须由接班人员确认，交班人员不能确认',
    alreadyAcknowledged: '此人已经确认过',
    signReason: '您不是本班带班领导，请说明代签原因',
  },
  entities: {
    handover: '交接班',
  },
  procedures: {
    handover: {
      _: '交接班',
      list: '交接班记录',
      get: '查看交接班',
      verify: '核验签名',
      open: '开始交接班',
      refresh: '刷新交接内容',
      saveNotes: '保存交班说明',
      submit: '提交交接班',
      reopen: '退回交班人',
      acknowledge: '接班确认',
      sign: '带班领导签名',
      addendum: '补充说明',
  },
  },
};

export default zhCN;
