/** Accounts: sign-in, password change, user administration. */
const zhCN = {
  nav: {
    users: '用户管理',
  },
  login: {
    title: '登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    disabled: '此账号已停用，请联系系统管理员。',
  },
  changePassword: {
    title: '设置新密码',
    intro: '这是管理员为您设置的临时密码。继续工作前，请设置只有您知道的新密码。',
    current: '当前密码',
    next: '新密码',
    confirm: '再次输入新密码',
    submit: '设置新密码',
    done: '新密码已生效。',
  },
  users: {
    title: '用户管理',
    create: '新建用户',
    edit: '编辑用户',
    username: '用户名',
    displayName: '姓名',
    roles: '角色',
    status: '状态',
    active: '启用',
    disabled: '已停用',
    lastLogin: '最近登录',
    never: '从未登录',
    mustChange: '待改密码',
    resetPassword: '重置密码',
    resetTitle: '为 {{name}} 重置密码',
    resetHint: '对方下次登录时必须设置新密码。',
    tempPassword: '临时密码',
    tempPasswordHint: '对方首次登录时必须改为自己的密码',
    passwordConfirm: '再次输入',
    disable: '停用',
    enable: '启用',
    disableConfirm: '停用 {{name}}?对方将立即退出登录。',
    created: '已新建用户 {{name}}',
  },
  entities: {
    session: '登录会话',
    user: '用户',
  },
  procedures: {
    auth: { login: '登录', logout: '退出登录', changePassword: '修改密码' },
    accounts: {
      _: '用户管理',
      create: '新建用户',
      update: '修改用户',
      setDisabled: '停用/启用用户',
      resetPassword: '重置密码',
    },
  },
  v: {
    usernameTaken: '该用户名已被使用',
    rolesRequired: '至少选择一个角色',
    lastAdmin: '系统必须至少保留一名启用的系统管理员',
  },
};

export default zhCN;
