/** The export kit's strings: the period dialog, the save, the exporter's refusals, its procedures and audit entity. */
const zhCN = {
  export: {
    button: '导出 Excel',
    period: '统计期间',
    thisMonth: '本月',
    lastMonth: '上月',
    thisYear: '今年',
    submit: '导出',
    building: '正在生成：{{written}} / {{rows}} 条',
    downloaded: '已下载：{{fileName}}',
    saved: '已保存到：{{path}}',
    personalData: '导出的文件含有受助人员个人信息，请妥善保管，仅用于报送。导出操作会记入审计日志。',
  },
  v: {
    periodOrder: '结束日期不能早于开始日期',
    periodTooLong: '一次最多导出一年（366 天）',
    exportBusy: '上一份导出文件还在生成，请稍候',
    exportWrite: '无法写入所选位置（可能是只读，或文件正被其他程序打开）',
  },
  entities: { export: '数据导出' },
  procedures: { export: { _: '数据导出', intakeRegister: '导出接待登记台账', status: '查看导出进度', file: '取回导出文件' } },
};

export default zhCN;
export type ExportCatalog = typeof zhCN;
