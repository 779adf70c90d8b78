/** The application shell: its header, the lock screen, the admin group of the menu, the page of a module not built yet. */
const zhCN = {
  nav: {
    admin: '系统管理',
  },
  modules: {
    admin: '用户、角色、审计日志、站点设置',
  },
  header: { lock: '锁屏', logout: '退出登录', language: 'English', today: '今天' },
  lock: {
    title: '屏幕已锁定',
    hint: '{{name}} 的会话因 {{minutes}} 分钟无操作或手动锁定而锁定。输入密码继续，未保存的内容仍在。',
    password: '密码',
    unlock: '解锁',
    switchUser: '换人登录',
  },
  /** Alerts (the kit's registry) are the shell's: the header and the board show every feature's. */
  procedures: { alerts: { _: '提醒', list: '查看提醒' } },
  notBuilt: {
    title: '本模块尚未建成',
    body: '此功能还在开发中，目前没有任何数据。请继续使用纸质登记表。',
  },
};

export default zhCN;
