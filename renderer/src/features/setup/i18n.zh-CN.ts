/** First-run setup of the station. */
const zhCN = {
  setup: {
    title: '首次使用：建立本站',
    intro: '这台电脑上还没有救助站的数据。请填写本站名称，并创建第一位系统管理员账号。系统没有默认密码。',
    station: '本站信息',
    stationName: '救助站名称',
    stationNamePlaceholder: '例如：东城区救助管理站',
    timeZone: '时区',
    admin: '第一位系统管理员',
    username: '登录用户名',
    displayName: '姓名',
    password: '密码',
    passwordConfirm: '再次输入密码',
    passwordHint: '至少 8 位，不能全是数字',
    submit: '建立本站',
    done: '本站已建立，请用刚才的账号登录。',
    or: '或者',
    demo: '载入示范站点（试用）',
    demoHint: '生成一个有两周接待记录的示范站点，便于熟悉系统。示范数据都是虚构的；正式使用请建立本站。',
    demoDone: '示范站点已载入：{{persons}} 人，{{stays}} 次到站。所有示范账号的密码都是 {{password}}。'
  },
  entities: {
    station: '本站',
  },
  procedures: {
    setup: { _: '首次使用', initialize: '建立本站', loadDemo: '载入示范站点', status: '本站状态' },
  },
};

export default zhCN;
