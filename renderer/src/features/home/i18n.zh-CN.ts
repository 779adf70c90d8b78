/** The home page. */
const zhCN = {
  nav: {
    home: '今日看板',
  },
  home: {
    welcome: '{{name}}，您好',
    intro: '以下为本系统的各个模块。已建成的模块可以直接使用；尚未建成的模块会明确标出。',
    modules: '功能模块',
    built: '可用',
    notBuilt: '尚未建成',
  },
};

export default zhCN;
