/** Station settings, zones and beds. */
const zhCN = {
  nav: {
    settings: '站点设置',
  },
  settings: {
    title: '站点设置',
    stationName: '救助站名称',
    timeZone: '时区',
    idleLockMinutes: '无操作自动锁屏（分钟）',
    idleLockHint: '共用电脑上，离开座位后自动锁屏',
    intake: '接待与救助期限',
    stayWarnDay: '在站第几天提醒',
    stayLimitDays: '救助期限（天）',
    familyNoticeHours: '寻亲公告时限（小时）',
    dnaWorkingDays: 'DNA采集申请时限（工作日）',
    noticeRefreshDays: '寻亲公告更新周期（天）',
    dateFloor: '最早可登记日期',
    dateFloorHint: '早于此日期的到站、离站等时间一律不予登记',
    lateRegistrationHours: '补登须说明原因（小时）',
    lateRegistrationHint: '到站后超过此时长才登记的，须填写补登原因',
    stock: '防暑物资',
    stockExpiringDays: '临期提醒（天）',
    stockWriteOffApprovalFen: '报损须审批的金额（分）',
  },
  zones: {
    title: '区域与床位',
    add: '新建区域',
    addBeds: '添加床位',
    name: '区域名称',
    code: '代码（英文字母）',
    rule: '接收',
    anyone: '不限',
    medical: '医疗观察',
    active: '启用',
    closed: '已停用',
    beds: '床位（点击空床可停用或启用）',
    occupied: '有人，不能停用',
    closeBed: '点击停用此床',
    openBed: '点击启用此床',
    minAge: '最小年龄',
    maxAge: '最大年龄',
    labels: '床位编号',
    labelsHint: '输入后按回车，可一次添加多张床',
  },
  entities: {
    settings: '站点设置',
  },
  procedures: {
    settings: { _: '站点设置', update: '修改站点设置', get: '查看站点设置' },
  },
  v: {
    idleLockRange: '请输入 1–240 之间的分钟数',
    warnAfterLimit: '提醒日不能晚于期限日',
  },
};

export default zhCN;
